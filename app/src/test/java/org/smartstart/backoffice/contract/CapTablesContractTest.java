package org.smartstart.backoffice.contract;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartstart.backoffice.domain.captable.CapTable;
import org.smartstart.backoffice.domain.captable.CapTableChange;
import org.smartstart.backoffice.domain.captable.CapTableEdits;
import org.smartstart.backoffice.domain.captable.CapTableHolder;
import org.smartstart.backoffice.domain.captable.CapTables;
import org.smartstart.backoffice.domain.captable.Conversion;
import org.smartstart.backoffice.domain.captable.ConversionRequest;
import org.smartstart.backoffice.domain.captable.Holder;
import org.smartstart.backoffice.domain.captable.VestingPolicy;
import org.smartstart.backoffice.domain.captable.VestingFrequency;
import org.smartstart.backoffice.domain.captable.VestingAttachment;
import org.smartstart.backoffice.domain.captable.NewVestingPolicy;
import org.smartstart.backoffice.domain.captable.LedgerChangeRecord;
import org.smartstart.backoffice.domain.captable.HolderCandidate;
import org.smartstart.backoffice.domain.captable.HolderType;
import org.smartstart.backoffice.domain.captable.LedgerEdit;
import org.smartstart.backoffice.domain.captable.LedgerRow;
import org.smartstart.backoffice.domain.usecase.FieldProblem;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Rejection;
import org.smartstart.backoffice.persistence.tokens.BuzTransactionWriter;
import org.smartstart.backoffice.testing.TestAccounts;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** Cap tables (EQ-1..EQ-7) and BUZ conversions (BZ-4), the same through every adapter. */
@ParameterizedClass
@EnumSource(Adapter.class)
class CapTablesContractTest {

    static final LocalDate JAN = LocalDate.parse("2026-01-01");
    static final LocalDate MAR = LocalDate.parse("2026-03-01");
    static final LocalDate JUN = LocalDate.parse("2026-06-01");

    @Parameter
    Adapter adapter;

    static BackOfficeFixture fixture;

    @BeforeAll
    static void setUp() {
        fixture = BackOfficeFixture.create();
    }

    @AfterAll
    static void tearDown() {
        fixture.close();
    }

    /** A venture owned by Oona with Ben (vesting) and the platform: 60 / 30 / 10 from January; cap 15. */
    record Acme(UUID venture, String name, UUID owner, UUID ben, UUID vesting) {
    }

    static Acme acme(String... holds) throws SQLException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID owner = person("Oona Owner");
        UUID ben = person("Ben Builder");
        String name = "Acme " + tag;
        UUID venture = TestAccounts.venture(fixture.db(), name, "ca", "draft", owner);
        UUID vesting = UUID.randomUUID();
        TestAccounts.exec(fixture.db(), "UPDATE ventures SET alice_equity_cap = 15.000 WHERE id = '" + venture + "'");
        TestAccounts.exec(fixture.db(), "INSERT INTO vesting_policies (id, name, cliff_months, duration_months, frequency) VALUES ('"
                + vesting + "', '4y/1y', 12, 48, 'monthly')");
        TestAccounts.exec(fixture.db(), "INSERT INTO equity_ledger (venture_id, holder_type, holder_id, percent, vesting_policy_id, effective_from, created_by, created_at) VALUES "
                + "('" + venture + "', 'user', '" + owner + "', 60.000, NULL, DATE '2026-01-01', '" + owner + "', '2025-12-01T09:00:00Z'), "
                + "('" + venture + "', 'user', '" + ben + "', 30.000, '" + vesting + "', DATE '2026-01-01', '" + owner + "', '2025-12-01T09:00:00Z'), "
                + "('" + venture + "', 'alice', NULL, 10.000, NULL, DATE '2026-01-01', '" + owner + "', '2025-12-01T09:00:00Z')");
        for (String scope : holds) {
            hold(venture, scope);
        }
        return new Acme(venture, name, owner, ben, vesting);
    }

    static void hold(UUID venture, String scope) throws SQLException {
        TestAccounts.exec(fixture.db(), "INSERT INTO legal_holds (venture_id, reason, applies_to) VALUES ('" + venture
                + "', 'Litigation pending', '" + scope + "')");
    }

    /**
     * A person without a password (sessions are made directly, so no slow password hash per test):
     * KYC-verified when given global roles (KY-5).
     */
    static UUID person(String displayName, String... globalRoles) throws SQLException {
        UUID id = UUID.randomUUID();
        TestAccounts.exec(fixture.db(), "INSERT INTO users (id, display_name, email, kyc_status) VALUES ('" + id + "', '" + displayName
                + "', '" + id + "@contract.test', '" + (globalRoles.length > 0 ? "verified" : "pending") + "')");
        for (String role : globalRoles) {
            TestAccounts.exec(fixture.db(), "INSERT INTO role_assignments (user_id, role, scope, reason) VALUES ('" + id + "', '" + role
                    + "', 'global', 'test')");
        }
        return id;
    }

    static UUID staff(String role) throws SQLException {
        return person("Staff " + role, role);
    }

    static UUID ventureRole(UUID venture, String role) throws SQLException {
        UUID user = person("Venture " + role);
        TestAccounts.exec(fixture.db(), "UPDATE users SET kyc_status = 'verified' WHERE id = '" + user + "'");
        TestAccounts.exec(fixture.db(), "INSERT INTO role_assignments (user_id, venture_id, role, scope, reason) VALUES ('" + user + "', '"
                + venture + "', '" + role + "', 'venture', 'test')");
        return user;
    }

    static UUID outsider() throws SQLException {
        return person("Otto Outsider");
    }

    CapTables as(UUID user) {
        return fixture.as(adapter, user).capTables();
    }

    static long number(String sql) throws SQLException {
        try (Connection c = fixture.db().ownerConnection(); PreparedStatement p = c.prepareStatement(sql); ResultSet r = p.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    static long auditEntries(UUID venture, String action) throws SQLException {
        return number("SELECT count(*) FROM (SELECT action, venture_id FROM audit_outbox UNION ALL SELECT action, venture_id FROM audit_log) a "
                + "WHERE a.venture_id = '" + venture + "' AND a.action = '" + action + "'");
    }

    static long auditEntries(UUID venture) throws SQLException {
        return number("SELECT count(*) FROM (SELECT venture_id FROM audit_outbox UNION ALL SELECT venture_id FROM audit_log) a "
                + "WHERE a.venture_id = '" + venture + "'");
    }

    static long ledgerRows(UUID venture) throws SQLException {
        return number("SELECT count(*) FROM equity_ledger WHERE venture_id = '" + venture + "'");
    }

    CapTableChange transfer(Acme acme, UUID by, String percent, LocalDate on) {
        List<LedgerRow> ledger = as(by).ledger(acme.venture()).orElseThrow();
        return new CapTableChange("Oona gives Ben " + percent + "%", CapTable.revisionOf(ledger),
                CapTableEdits.transfer(ledger, Holder.user(acme.owner()), Holder.user(acme.ben()), new BigDecimal(percent), on));
    }

    static List<String> ruleIds(Outcome<?> outcome) {
        assertThat(outcome).as(outcome.describe()).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected<?>) outcome).rejections().stream().map(Rejection::ruleId).toList();
    }

    // ---- reading ------------------------------------------------------------------------------

    @Test
    void a_read_after_a_change_has_the_new_change_dates_and_revision_and_the_next_read_keeps_them() throws Exception {
        // The one-date read leaves the change dates out while the revision the reader holds is still the ledger's
        // (V30); a change in between must bring the new dates, and the reads after it keep them.
        Acme acme = acme();
        CapTable first = as(acme.owner()).capTableOn(acme.venture(), JAN).orElseThrow();
        CapTable again = as(acme.owner()).capTableOn(acme.venture(), JAN.plusDays(1)).orElseThrow();
        assertThat(first.changeDates()).containsExactly(JAN);
        assertThat(again.changeDates()).containsExactly(JAN);
        assertThat(again.revision()).isEqualTo(first.revision());

        assertThat(as(acme.owner()).changeCapTable(acme.venture(), transfer(acme, acme.owner(), "5.000", MAR)).isDone()).isTrue();
        CapTable after = as(acme.owner()).capTableOn(acme.venture(), JAN).orElseThrow();
        CapTable afterAgain = as(acme.owner()).capTableOn(acme.venture(), MAR).orElseThrow();
        List<LedgerRow> whole = as(acme.owner()).ledger(acme.venture()).orElseThrow();
        assertThat(after.revision()).isNotEqualTo(first.revision()).isEqualTo(CapTable.revisionOf(whole));
        assertThat(after.changeDates()).containsExactly(JAN, MAR);
        assertThat(afterAgain.changeDates()).containsExactly(JAN, MAR);
        assertThat(afterAgain.revision()).isEqualTo(after.revision());
    }

    @Test
    void the_cap_table_reads_as_of_any_date_with_vesting_and_change_dates() throws Exception {
        Acme acme = acme();
        assertThat(as(acme.owner()).changeCapTable(acme.venture(), transfer(acme, acme.owner(), "5.000", MAR)).isDone()).isTrue();
        LocalDate cliff = JAN.plusMonths(12);

        CapTable before = as(acme.owner()).capTableOn(acme.venture(), LocalDate.parse("2025-12-31")).orElseThrow();
        CapTable february = as(acme.owner()).capTableOn(acme.venture(), MAR.minusDays(1)).orElseThrow();
        CapTable march = as(acme.owner()).capTableOn(acme.venture(), MAR).orElseThrow();
        CapTable atCliff = as(acme.owner()).capTableOn(acme.venture(), cliff).orElseThrow();

        assertThat(before.holders()).isEmpty();
        assertThat(before.total()).isEqualByComparingTo("0");
        assertThat(february.holders()).extracting(CapTableHolder::displayName, CapTableHolder::percent).containsExactly(
                tuple("AliceSolutions (platform)", new BigDecimal("10.000")),
                tuple("Oona Owner", new BigDecimal("60.000")), tuple("Ben Builder", new BigDecimal("30.000")));
        assertThat(march.holders()).extracting(CapTableHolder::displayName, CapTableHolder::percent).containsExactly(
                tuple("AliceSolutions (platform)", new BigDecimal("10.000")),
                tuple("Oona Owner", new BigDecimal("55.000")), tuple("Ben Builder", new BigDecimal("35.000")));
        assertThat(march.ventureName()).isEqualTo(acme.name());
        assertThat(march.ownerUserId()).isEqualTo(acme.owner());
        assertThat(march.aliceCap()).isEqualByComparingTo("15");
        assertThat(march.total()).isEqualByComparingTo("100");
        assertThat(march.platformStake()).isEqualByComparingTo("10");
        assertThat(march.changeDates()).containsExactly(JAN, MAR);
        // The database's digest of the ledger (cap_table_digest) is the revision the domain computes from its rows.
        List<LedgerRow> whole = as(acme.owner()).ledger(acme.venture()).orElseThrow();
        assertThat(march.revision()).isEqualTo(CapTable.revisionOf(whole));
        assertThat(before.revision()).isEqualTo(CapTable.revisionOf(whole));
        assertThat(before.changeDates()).isEqualTo(CapTable.changeDates(whole));
        assertThat(march.activeHolds()).isEmpty();
        CapTableHolder ben = march.holders().get(2);
        assertThat(ben.holderType()).isEqualTo(HolderType.USER);
        assertThat(ben.userId()).isEqualTo(acme.ben());
        assertThat(ben.vestingPolicy().id()).isEqualTo(acme.vesting());
        assertThat(ben.vestingPolicy().cliffMonths()).isEqualTo(12);
        assertThat(ben.vestedPercent()).isEqualByComparingTo("0"); // before the cliff of the row starting in March
        assertThat(ben.ledgerRowIds()).hasSize(1);
        // The row from March vests from March: 35% × 10/48 months on the first cliff of the January row.
        assertThat(atCliff.holders().get(2).vestedPercent()).isEqualByComparingTo("0");
        assertThat(as(acme.owner()).capTableOn(acme.venture(), MAR.plusMonths(12)).orElseThrow().holders().get(2).vestedPercent())
                .isEqualByComparingTo("8.750");
        assertThat(as(acme.owner()).ledger(acme.venture()).orElseThrow()).hasSize(5)
                .filteredOn(r -> r.effectiveTo() != null).extracting(LedgerRow::effectiveTo).containsOnly(MAR.minusDays(1));
    }

    @Test
    void read_permission_matrix_owner_contributor_reviewer_and_global_compliance_admin_support() throws Exception {
        Acme acme = acme();
        List<UUID> allowed = List.of(acme.owner(), ventureRole(acme.venture(), "contributor"), ventureRole(acme.venture(), "reviewer"),
                staff("compliance"), staff("admin"), staff("support"));
        for (UUID user : allowed) {
            assertThat(as(user).capTableOn(acme.venture(), MAR).isDone()).as("read by %s", user).isTrue();
            assertThat(as(user).ledger(acme.venture()).isDone()).isTrue();
        }
        UUID otherOwner = acme().owner();
        for (UUID user : List.of(outsider(), otherOwner)) {
            Outcome<CapTable> read = as(user).capTableOn(acme.venture(), MAR);
            assertThat(read).isInstanceOf(Outcome.Denied.class);
            assertThat(read.describe()).contains("read the cap table", "ID-3");
            assertThat(as(user).ledger(acme.venture())).isInstanceOf(Outcome.Denied.class);
        }
    }

    @Test
    void an_unknown_venture_is_not_found() throws Exception {
        UUID admin = staff("admin");
        UUID unknown = UUID.randomUUID();

        assertThat(as(admin).capTableOn(unknown, MAR)).isInstanceOf(Outcome.NotFound.class);
        assertThat(as(admin).ledger(unknown)).isInstanceOf(Outcome.NotFound.class);
        assertThat(as(admin).changeCapTable(unknown, new CapTableChange("x", "0-0-0", List.of(new LedgerEdit.Close(UUID.randomUUID(), MAR)))))
                .isInstanceOf(Outcome.NotFound.class);
    }

    // ---- changing -----------------------------------------------------------------------------

    @Test
    void a_valid_change_is_written_with_exactly_one_equity_change_entry() throws Exception {
        Acme acme = acme();
        CapTableChange change = transfer(acme, acme.owner(), "5.000", MAR);

        Outcome<CapTable> done = as(acme.owner()).changeCapTable(acme.venture(), change);

        assertThat(done.isDone()).as(done.describe()).isTrue();
        CapTable after = done.orElseThrow();
        assertThat(after.asOf()).isEqualTo(MAR);
        assertThat(after.revision()).isNotEqualTo(change.basedOnRevision());
        assertThat(after.holders()).extracting(CapTableHolder::percent)
                .containsExactly(new BigDecimal("10.000"), new BigDecimal("55.000"), new BigDecimal("35.000"));
        assertThat(ledgerRows(acme.venture())).isEqualTo(5);
        assertThat(auditEntries(acme.venture())).isEqualTo(1);
        assertThat(auditEntries(acme.venture(), "EQUITY_CHANGE")).isEqualTo(1);
        assertThat(number("SELECT count(*) FROM (SELECT venture_id, data FROM audit_outbox UNION ALL SELECT venture_id, data FROM audit_log) a "
                + "WHERE a.venture_id = '" + acme.venture() + "' AND jsonb_array_length(a.data->'before') = 2 AND jsonb_array_length(a.data->'after') = 4")).isEqualTo(1);
    }

    @Test
    void edit_permission_matrix_owner_and_admin_only() throws Exception {
        Acme acme = acme();
        List<UUID> refused = List.of(ventureRole(acme.venture(), "contributor"), ventureRole(acme.venture(), "reviewer"),
                staff("compliance"), staff("support"), outsider(), acme().owner());
        for (UUID user : refused) {
            Outcome<CapTable> outcome = as(user).changeCapTable(acme.venture(), transfer(acme, acme.owner(), "1.000", MAR));
            assertThat(outcome).as("edit by %s", user).isInstanceOf(Outcome.Denied.class);
            assertThat(outcome.describe()).contains("edit the cap table");
            Outcome<Conversion> convert = as(user).convertBuz(acme.venture(), new ConversionRequest(acme.ben(), 20_000, new BigDecimal("1.000"), JUN));
            assertThat(convert).isInstanceOf(Outcome.Denied.class);
        }
        assertThat(ledgerRows(acme.venture())).isEqualTo(3);
        UUID admin = staff("admin");
        assertThat(as(admin).changeCapTable(acme.venture(), transfer(acme, admin, "1.000", MAR)).isDone()).isTrue();
        assertThat(as(acme.owner()).changeCapTable(acme.venture(), transfer(acme, acme.owner(), "1.000", JUN)).isDone()).isTrue();
        assertThat(auditEntries(acme.venture(), "EQUITY_CHANGE")).isEqualTo(2);
    }

    @Test
    void eq1_a_change_that_does_not_total_100_is_refused_and_writes_nothing() throws Exception {
        Acme acme = acme();
        List<LedgerRow> ledger = as(acme.owner()).ledger(acme.venture()).orElseThrow();
        List<LedgerEdit> edits = CapTableEdits.restate(ledger, Map.of(Holder.user(acme.ben()), new BigDecimal("27.500")), MAR);

        Outcome<CapTable> outcome = as(acme.owner()).changeCapTable(acme.venture(),
                new CapTableChange("Ben gives up some", CapTable.revisionOf(ledger), edits));

        assertThat(ruleIds(outcome)).containsExactly("EQ-1");
        assertThat(outcome.describe()).isEqualTo("On 2026-03-01 the cap table of " + acme.name() + " would total 97.500%, not 100% (EQ-1).");
        assertThat(ledgerRows(acme.venture())).isEqualTo(3);
        assertThat(auditEntries(acme.venture())).isZero();
    }

    @Test
    void eq2_the_owner_floor_is_refused_with_the_figures() throws Exception {
        Acme acme = acme();

        Outcome<CapTable> outcome = as(acme.owner()).changeCapTable(acme.venture(), transfer(acme, acme.owner(), "26.000", MAR));

        assertThat(ruleIds(outcome)).containsExactly("EQ-2");
        assertThat(outcome.describe()).contains("Oona Owner", "34.000%", "35.000% floor", "2026-03-01");
    }

    @Test
    void eq3_the_platform_above_its_cap_is_refused() throws Exception {
        Acme acme = acme();
        List<LedgerRow> ledger = as(acme.owner()).ledger(acme.venture()).orElseThrow();

        Outcome<CapTable> outcome = as(acme.owner()).changeCapTable(acme.venture(), new CapTableChange("More for the platform",
                CapTable.revisionOf(ledger), CapTableEdits.changePlatformStake(ledger, new BigDecimal("16.000"), MAR, Holder.user(acme.ben()))));

        assertThat(ruleIds(outcome)).containsExactly("EQ-3");
        assertThat(outcome.describe()).contains("16.000%", "cap of 15.000%");
    }

    @Test
    void eq4_two_rows_of_one_holder_and_an_end_before_its_start_are_refused() throws Exception {
        Acme acme = acme();
        List<LedgerRow> ledger = as(acme.owner()).ledger(acme.venture()).orElseThrow();
        LedgerRow oona = ledger.stream().filter(r -> acme.owner().equals(r.holder().userId())).findFirst().orElseThrow();
        String revision = CapTable.revisionOf(ledger);

        Outcome<CapTable> overlap = as(acme.owner()).changeCapTable(acme.venture(), new CapTableChange("Second row", revision,
                List.of(new LedgerEdit.Add(Holder.user(acme.owner()), new BigDecimal("1.000"), MAR, null, null))));
        Outcome<CapTable> backwards = as(acme.owner()).changeCapTable(acme.venture(), new CapTableChange("Backwards", revision,
                List.of(new LedgerEdit.Close(oona.id(), JAN.minusDays(1)),
                        new LedgerEdit.Add(Holder.user(acme.owner()), new BigDecimal("60.000"), JAN, null, null))));

        assertThat(ruleIds(overlap)).contains("EQ-4");
        assertThat(overlap.describe()).contains("two rows");
        assertThat(ruleIds(backwards)).contains("EQ-4");
        assertThat(backwards.describe()).contains("before it starts on 2026-01-01");
        assertThat(ledgerRows(acme.venture())).isEqualTo(3);
    }

    @Test
    void eq5_a_closed_row_cannot_be_closed_again() throws Exception {
        Acme acme = acme();
        assertThat(as(acme.owner()).changeCapTable(acme.venture(), transfer(acme, acme.owner(), "5.000", MAR)).isDone()).isTrue();
        List<LedgerRow> ledger = as(acme.owner()).ledger(acme.venture()).orElseThrow();
        LedgerRow closed = ledger.stream().filter(r -> r.effectiveTo() != null).findFirst().orElseThrow();

        Outcome<CapTable> outcome = as(acme.owner()).changeCapTable(acme.venture(), new CapTableChange("Rewrite history",
                CapTable.revisionOf(ledger), List.of(new LedgerEdit.Close(closed.id(), MAR.plusDays(10)))));

        assertThat(ruleIds(outcome)).contains("EQ-5");
        assertThat(outcome.describe()).contains("was closed on 2026-02-28");
    }

    @Test
    void eq7_no_change_under_an_equity_hold() throws Exception {
        Acme acme = acme("equity");

        Outcome<CapTable> outcome = as(acme.owner()).changeCapTable(acme.venture(), transfer(acme, acme.owner(), "5.000", MAR));

        assertThat(ruleIds(outcome)).containsExactly("EQ-7");
        assertThat(outcome.describe()).contains(acme.name(), "legal hold");
        assertThat(as(acme.owner()).capTableOn(acme.venture(), MAR).orElseThrow().activeHolds()).containsExactly("equity");
    }

    @Test
    void a_change_based_on_a_stale_revision_is_a_conflict_naming_who_changed_it() throws Exception {
        Acme acme = acme();
        UUID admin = staff("admin");
        CapTableChange draft = transfer(acme, acme.owner(), "5.000", MAR);
        assertThat(as(admin).changeCapTable(acme.venture(), transfer(acme, admin, "2.000", JUN)).isDone()).isTrue();

        Outcome<CapTable> outcome = as(acme.owner()).changeCapTable(acme.venture(), draft);

        assertThat(outcome).isInstanceOf(Outcome.Conflict.class);
        assertThat(outcome.describe()).contains("was changed by Staff admin", "since you opened it", "draft");
        assertThat(auditEntries(acme.venture())).isEqualTo(1);
    }

    @Test
    void two_changes_racing_on_one_revision_give_one_success_and_one_conflict() throws Exception {
        Acme acme = acme();
        UUID admin = staff("admin");
        CapTableChange byOwner = transfer(acme, acme.owner(), "5.000", MAR);
        CapTableChange byAdmin = transfer(acme, admin, "3.000", JUN);
        CapTables owner = as(acme.owner());
        CapTables other = as(admin);

        var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> owner.changeCapTable(acme.venture(), byOwner));
        var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> other.changeCapTable(acme.venture(), byAdmin));
        List<Outcome<CapTable>> outcomes = List.of(first.get(), second.get());

        assertThat(outcomes).filteredOn(Outcome::isDone).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof Outcome.Conflict).hasSize(1);
        assertThat(auditEntries(acme.venture(), "EQUITY_CHANGE")).isEqualTo(1);
        assertThat(ledgerRows(acme.venture())).isEqualTo(5);
    }

    @Test
    void invalid_input_names_its_fields() throws Exception {
        Acme acme = acme();
        List<LedgerRow> ledger = as(acme.owner()).ledger(acme.venture()).orElseThrow();
        String revision = CapTable.revisionOf(ledger);

        Outcome<CapTable> form = as(acme.owner()).changeCapTable(acme.venture(), new CapTableChange(" ", revision, List.of(
                new LedgerEdit.Add(Holder.user(acme.ben()), new BigDecimal("-1.000"), MAR, null, null),
                new LedgerEdit.Add(Holder.user(acme.ben()), new BigDecimal("1.0005"), MAR, null, null),
                new LedgerEdit.Add(new Holder(HolderType.USER, null), new BigDecimal("1.000"), null, null, null),
                new LedgerEdit.Close(null, MAR))));
        Outcome<CapTable> references = as(acme.owner()).changeCapTable(acme.venture(), new CapTableChange("Unknowns", revision, List.of(
                new LedgerEdit.Add(Holder.user(UUID.randomUUID()), new BigDecimal("1.000"), MAR, null, UUID.randomUUID()),
                new LedgerEdit.Close(UUID.randomUUID(), MAR))));
        Outcome<CapTable> empty = as(acme.owner()).changeCapTable(acme.venture(), new CapTableChange("Nothing", null, List.of()));

        assertThat(form).isInstanceOf(Outcome.Invalid.class);
        assertThat(((Outcome.Invalid<?>) form).problems()).extracting(FieldProblem::field).containsExactly(
                "description", "edits[0].percent", "edits[1].percent", "edits[2].holder.userId", "edits[2].effectiveFrom", "edits[3].rowId");
        assertThat(((Outcome.Invalid<?>) references).problems()).extracting(FieldProblem::field).containsExactly(
                "edits[0].holder.userId", "edits[0].vestingPolicyId", "edits[1].rowId");
        assertThat(((Outcome.Invalid<?>) empty).problems()).extracting(FieldProblem::field).containsExactly("basedOnRevision", "edits");
        assertThat(ledgerRows(acme.venture())).isEqualTo(3);
    }

    // ---- converting BUZ (BZ-4) ----------------------------------------------------------------

    /** Chloe, KYC-verified with 30,000 BUZ earned in Acme; Acme's rule: band 0.00004..0.00006 % per BUZ. */
    static UUID chloe(Acme acme, boolean boardApproved) throws SQLException {
        UUID chloe = person("Chloe Gagnon");
        TestAccounts.exec(fixture.db(), "UPDATE users SET kyc_status = 'verified' WHERE id = '" + chloe + "'");
        TestAccounts.exec(fixture.db(), "INSERT INTO buz_issuance_rules (venture_id, monthly_issue_cap, conversion_band_min, conversion_band_max, board_approved) "
                + "VALUES ('" + acme.venture() + "', 1000000, 0.000040, 0.000060, " + boardApproved + ")");
        UUID wallet = UUID.randomUUID();
        UUID earn = UUID.randomUUID();
        Instant at = fixture.clock().instant().truncatedTo(ChronoUnit.MICROS);
        String hash = BuzTransactionWriter.txHash(BuzTransactionWriter.GENESIS, BuzTransactionWriter.canonicalJson(
                new BuzTransactionWriter.Content(earn, wallet, acme.venture(), "earn", 30_000, null, null, null, at)));
        TestAccounts.exec(fixture.db(), "BEGIN; INSERT INTO user_wallets (id, user_id, buz_balance, version) VALUES ('" + wallet + "', '" + chloe + "', 30000, 2); "
                + "INSERT INTO buz_transactions (id, wallet_id, venture_id, type, amount, tx_hash, created_at) VALUES ('" + earn + "', '" + wallet + "', '"
                + acme.venture() + "', 'earn', 30000, '" + hash + "', '" + at + "'); COMMIT;");
        return chloe;
    }

    static ConversionRequest oneForTwentyThousand(UUID user) {
        return new ConversionRequest(user, 20_000, new BigDecimal("1.000"), JUN);
    }

    @Test
    void a_conversion_debits_the_wallet_dilutes_pro_rata_and_writes_one_buz_converted_entry() throws Exception {
        Acme acme = acme();
        UUID chloe = chloe(acme, true);

        Outcome<Conversion> outcome = as(acme.owner()).convertBuz(acme.venture(), oneForTwentyThousand(chloe));

        assertThat(outcome.isDone()).as(outcome.describe()).isTrue();
        Conversion c = outcome.orElseThrow();
        assertThat(c.walletBalanceAfter()).isEqualTo(10_000);
        assertThat(c.txHash()).hasSize(64);
        assertThat(c.capTableAfter().holders()).extracting(CapTableHolder::displayName, CapTableHolder::percent).containsExactly(
                tuple("AliceSolutions (platform)", new BigDecimal("9.900")),
                tuple("Oona Owner", new BigDecimal("59.400")), tuple("Ben Builder", new BigDecimal("29.700")),
                tuple("Chloe Gagnon", new BigDecimal("1.000")));
        assertThat(as(acme.owner()).capTableOn(acme.venture(), JUN.minusDays(1)).orElseThrow().holders())
                .extracting(CapTableHolder::percent).contains(new BigDecimal("60.000"));
        assertThat(number("SELECT buz_balance FROM user_wallets WHERE user_id = '" + chloe + "'")).isEqualTo(10_000);
        assertThat(number("SELECT count(*) FROM buz_transactions WHERE type = 'convert' AND amount = -20000 AND tx_hash = '" + c.txHash() + "'")).isEqualTo(1);
        assertThat(number("SELECT count(*) FROM equity_conversions WHERE id = '" + c.conversionId() + "' AND policy_snapshot->>'rule_id' = '"
                + c.issuanceRuleId() + "' AND policy_snapshot->>'conversion_band_min' = '0.000040' AND (policy_snapshot->>'board_approved')::boolean"))
                .isEqualTo(1);
        assertThat(auditEntries(acme.venture())).isEqualTo(1);
        assertThat(auditEntries(acme.venture(), "BUZ_CONVERTED")).isEqualTo(1);
    }

    @Test
    void an_admin_may_convert_too() throws Exception {
        Acme acme = acme();
        UUID chloe = chloe(acme, true);

        assertThat(as(staff("admin")).convertBuz(acme.venture(), oneForTwentyThousand(chloe)).isDone()).isTrue();
    }

    @Test
    void bz4_a_rate_outside_the_band_is_refused_with_the_figures() throws Exception {
        Acme acme = acme();
        UUID chloe = chloe(acme, true);

        Outcome<Conversion> outcome = as(acme.owner()).convertBuz(acme.venture(), new ConversionRequest(chloe, 20_000, new BigDecimal("2.000"), JUN));

        assertThat(ruleIds(outcome)).containsExactly("BZ-4");
        assertThat(outcome.describe()).contains("0.0001% per BUZ", "band of 0.00004 to 0.00006% per BUZ");
        assertThat(number("SELECT buz_balance FROM user_wallets WHERE user_id = '" + chloe + "'")).isEqualTo(30_000);
        assertThat(ledgerRows(acme.venture())).isEqualTo(3);
    }

    @Test
    void bz4_a_rule_without_board_approval_is_refused() throws Exception {
        Acme acme = acme();
        UUID chloe = chloe(acme, false);

        Outcome<Conversion> outcome = as(acme.owner()).convertBuz(acme.venture(), oneForTwentyThousand(chloe));

        assertThat(ruleIds(outcome)).containsExactly("BZ-4");
        assertThat(outcome.describe()).contains("not board approved");
    }

    @Test
    void bz2_a_person_not_kyc_verified_cannot_convert() throws Exception {
        Acme acme = acme();
        UUID chloe = chloe(acme, true);
        TestAccounts.exec(fixture.db(), "UPDATE users SET kyc_status = 'pending' WHERE id = '" + chloe + "'");

        assertThat(ruleIds(as(acme.owner()).convertBuz(acme.venture(), oneForTwentyThousand(chloe)))).containsExactly("BZ-2");
    }

    @Test
    void eq2_the_owner_floor_can_refuse_a_conversion() throws Exception {
        Acme acme = acme();
        UUID chloe = chloe(acme, true);
        List<LedgerRow> ledger = as(acme.owner()).ledger(acme.venture()).orElseThrow();
        assertThat(as(acme.owner()).changeCapTable(acme.venture(), new CapTableChange("Oona to 35.2", CapTable.revisionOf(ledger),
                CapTableEdits.transfer(ledger, Holder.user(acme.owner()), Holder.user(acme.ben()), new BigDecimal("24.800"), MAR))).isDone()).isTrue();

        Outcome<Conversion> outcome = as(acme.owner()).convertBuz(acme.venture(), oneForTwentyThousand(chloe));

        assertThat(ruleIds(outcome)).containsExactly("EQ-2");
        assertThat(outcome.describe()).contains("On 2026-06-01", "Oona Owner", "34.848%", "35.000% floor");
        assertThat(number("SELECT buz_balance FROM user_wallets WHERE user_id = '" + chloe + "'")).isEqualTo(30_000);
    }

    @Test
    void eq7_and_bz6_holds_refuse_a_conversion() throws Exception {
        Acme equityHeld = acme();
        UUID chloe = chloe(equityHeld, true);
        hold(equityHeld.venture(), "equity");
        Acme buzHeld = acme();
        UUID chris = chloe(buzHeld, true);
        hold(buzHeld.venture(), "buz");

        assertThat(ruleIds(as(equityHeld.owner()).convertBuz(equityHeld.venture(), oneForTwentyThousand(chloe)))).containsExactly("EQ-7");
        assertThat(ruleIds(as(buzHeld.owner()).convertBuz(buzHeld.venture(), oneForTwentyThousand(chris)))).containsExactly("BZ-6");
    }

    @Test
    void bz1_the_wallet_must_cover_the_amount() throws Exception {
        Acme acme = acme();
        UUID chloe = chloe(acme, true);

        Outcome<Conversion> outcome = as(acme.owner()).convertBuz(acme.venture(), new ConversionRequest(chloe, 40_000, new BigDecimal("2.000"), JUN));

        assertThat(ruleIds(outcome)).containsExactly("BZ-1");
        assertThat(outcome.describe()).contains("30000 BUZ", "40000 BUZ");
    }

    @Test
    void conversion_input_is_checked_field_by_field() throws Exception {
        Acme acme = acme();

        Outcome<Conversion> outcome = as(acme.owner()).convertBuz(acme.venture(), new ConversionRequest(null, 0, new BigDecimal("1.0001"), null));
        Outcome<Conversion> unknown = as(acme.owner()).convertBuz(acme.venture(), oneForTwentyThousand(UUID.randomUUID()));

        assertThat(((Outcome.Invalid<?>) outcome).problems()).extracting(FieldProblem::field)
                .containsExactly("userId", "buzAmount", "equityPercent", "effectiveOn");
        assertThat(((Outcome.Invalid<?>) unknown).problems()).extracting(FieldProblem::field).containsExactly("userId");
    }

    // ---- vesting policies (EQ-6) ----------------------------------------------------------------

    static final LocalDate APR = LocalDate.parse("2026-04-01");

    static NewVestingPolicy threeYears(String name) {
        return new NewVestingPolicy(name, 6, 36, VestingFrequency.QUARTERLY);
    }

    @Test
    void an_owner_defines_a_vesting_policy_listed_after_the_templates_with_one_audit_entry() throws Exception {
        Acme acme = acme();
        Acme other = acme();

        Outcome<VestingPolicy> created = as(acme.owner()).createVestingPolicy(acme.venture(), threeYears("  3y, 6m cliff  "));

        assertThat(created.isDone()).as(created.describe()).isTrue();
        VestingPolicy policy = created.orElseThrow();
        assertThat(policy.name()).isEqualTo("3y, 6m cliff");
        assertThat(policy.ventureId()).isEqualTo(acme.venture());
        assertThat(policy.cliffMonths()).isEqualTo(6);
        assertThat(policy.durationMonths()).isEqualTo(36);
        assertThat(policy.frequency()).isEqualTo(VestingFrequency.QUARTERLY);
        List<VestingPolicy> listed = as(acme.owner()).vestingPolicies(acme.venture()).orElseThrow();
        assertThat(listed).extracting(VestingPolicy::id).contains(acme.vesting(), policy.id());
        assertThat(listed.get(listed.size() - 1).id()).isEqualTo(policy.id()); // templates first, then the venture's own
        assertThat(as(other.owner()).vestingPolicies(other.venture()).orElseThrow()).extracting(VestingPolicy::id)
                .contains(acme.vesting()).doesNotContain(policy.id());
        assertThat(auditEntries(acme.venture(), "VESTING_POLICY_CREATED")).isEqualTo(1);
        assertThat(auditEntries(acme.venture())).isEqualTo(1);
        assertThat(number("SELECT count(*) FROM vesting_policies WHERE id = '" + policy.id() + "' AND created_by = '" + acme.owner() + "'"))
                .isEqualTo(1);
    }

    @Test
    void a_vesting_policy_with_bad_terms_names_each_field_and_writes_nothing() throws Exception {
        Acme acme = acme();
        CapTables owner = as(acme.owner());

        Outcome<VestingPolicy> blank = owner.createVestingPolicy(acme.venture(), new NewVestingPolicy(" ", null, 0, null));
        Outcome<VestingPolicy> cliffTooLong = owner.createVestingPolicy(acme.venture(), new NewVestingPolicy("long cliff", 24, 12,
                VestingFrequency.MONTHLY));
        Outcome<VestingPolicy> tooLong = owner.createVestingPolicy(acme.venture(), new NewVestingPolicy("x".repeat(81), -1, 121,
                VestingFrequency.MONTHLY));
        assertThat(owner.createVestingPolicy(acme.venture(), threeYears("Standard")).isDone()).isTrue();
        Outcome<VestingPolicy> twice = owner.createVestingPolicy(acme.venture(), threeYears("STANDARD"));

        assertThat(fields(blank)).containsExactlyInAnyOrder("name", "cliffMonths", "durationMonths", "frequency");
        assertThat(fields(cliffTooLong)).containsExactly("cliffMonths");
        assertThat(cliffTooLong.describe()).contains("24 > 12");
        assertThat(fields(tooLong)).containsExactlyInAnyOrder("name", "cliffMonths", "durationMonths");
        assertThat(fields(twice)).containsExactly("name");
        assertThat(twice.describe()).contains("already a vesting policy of " + acme.name());
        assertThat(number("SELECT count(*) FROM vesting_policies WHERE venture_id = '" + acme.venture() + "'")).isEqualTo(1);
        assertThat(auditEntries(acme.venture())).isEqualTo(1);
    }

    @Test
    void an_owner_renames_a_policy_of_the_venture_with_one_audit_entry_and_bad_names_or_templates_are_refused() throws Exception {
        Acme acme = acme();
        CapTables owner = as(acme.owner());
        VestingPolicy policy = owner.createVestingPolicy(acme.venture(), threeYears("3y")).orElseThrow();
        owner.createVestingPolicy(acme.venture(), threeYears("Fast")).orElseThrow();

        Outcome<VestingPolicy> renamed = owner.renameVestingPolicy(acme.venture(), policy.id(), "  3 years, 6-month cliff ");

        assertThat(renamed.isDone()).as(renamed.describe()).isTrue();
        assertThat(renamed.orElseThrow().name()).isEqualTo("3 years, 6-month cliff");
        assertThat(renamed.orElseThrow().cliffMonths()).isEqualTo(6);
        assertThat(owner.vestingPolicies(acme.venture()).orElseThrow()).extracting(VestingPolicy::name)
                .contains("3 years, 6-month cliff").doesNotContain("3y");
        assertThat(auditEntries(acme.venture(), "VESTING_POLICY_RENAMED")).isEqualTo(1);

        assertThat(fields(owner.renameVestingPolicy(acme.venture(), policy.id(), " FAST "))).containsExactly("name");
        assertThat(fields(owner.renameVestingPolicy(acme.venture(), policy.id(), " "))).containsExactly("name");
        assertThat(fields(owner.renameVestingPolicy(acme.venture(), policy.id(), "x".repeat(81)))).containsExactly("name");
        Outcome<VestingPolicy> template = owner.renameVestingPolicy(acme.venture(), acme.vesting(), "Ours now");
        assertThat(fields(template)).containsExactly("policyId");
        assertThat(template.describe()).contains("platform template");
        assertThat(as(ventureRole(acme.venture(), "contributor")).renameVestingPolicy(acme.venture(), policy.id(), "Theirs"))
                .isInstanceOf(Outcome.Denied.class);
        assertThat(auditEntries(acme.venture(), "VESTING_POLICY_RENAMED")).isEqualTo(1);
        assertThat(number("SELECT count(*) FROM vesting_policies WHERE name = '3 years, 6-month cliff' AND id = '" + policy.id() + "'"))
                .isEqualTo(1);
    }

    static List<String> fields(Outcome<?> outcome) {
        assertThat(outcome).as(outcome.describe()).isInstanceOf(Outcome.Invalid.class);
        return ((Outcome.Invalid<?>) outcome).problems().stream().map(FieldProblem::field).toList();
    }

    @Test
    void id3_vesting_policies_are_read_with_the_cap_table_and_written_by_the_owner_or_an_admin() throws Exception {
        Acme acme = acme();
        UUID contributor = ventureRole(acme.venture(), "contributor");
        UUID compliance = staff("compliance");
        UUID admin = staff("admin");

        for (UUID reader : List.of(contributor, compliance, admin)) {
            assertThat(as(reader).vestingPolicies(acme.venture()).isDone()).as("read by %s", reader).isTrue();
        }
        assertThat(as(outsider()).vestingPolicies(acme.venture())).isInstanceOf(Outcome.Denied.class);
        for (UUID writer : List.of(contributor, compliance, outsider(), acme().owner())) {
            Outcome<VestingPolicy> refused = as(writer).createVestingPolicy(acme.venture(), threeYears("Theirs"));
            assertThat(refused).as("written by %s", writer).isInstanceOf(Outcome.Denied.class);
            assertThat(refused.describe()).contains("edit the cap table", "ID-3");
        }
        assertThat(as(admin).createVestingPolicy(acme.venture(), threeYears("By the admin")).isDone()).isTrue();
        assertThat(number("SELECT count(*) FROM vesting_policies WHERE venture_id = '" + acme.venture() + "'")).isEqualTo(1);
    }

    @Test
    void attaching_a_policy_closes_the_holding_and_reopens_it_vesting_with_one_audit_entry() throws Exception {
        Acme acme = acme();
        CapTables owner = as(acme.owner());
        VestingPolicy policy = owner.createVestingPolicy(acme.venture(), threeYears("3y")).orElseThrow();
        List<LedgerRow> ledger = owner.ledger(acme.venture()).orElseThrow();
        LedgerRow oona = ledger.stream().filter(r -> acme.owner().equals(r.holder().userId())).findFirst().orElseThrow();

        Outcome<CapTable> done = owner.attachVestingPolicy(acme.venture(),
                new VestingAttachment(oona.id(), policy.id(), APR, CapTable.revisionOf(ledger)));

        assertThat(done.isDone()).as(done.describe()).isTrue();
        CapTableHolder after = done.orElseThrow().holders().stream().filter(h -> acme.owner().equals(h.userId())).findFirst().orElseThrow();
        assertThat(after.percent()).isEqualByComparingTo("60");
        assertThat(after.vestingPolicy().id()).isEqualTo(policy.id());
        assertThat(after.vestedPercent()).isEqualByComparingTo("0"); // before the 6-month cliff
        CapTable atCliff = owner.capTableOn(acme.venture(), APR.plusMonths(6)).orElseThrow();
        assertThat(atCliff.holders().stream().filter(h -> acme.owner().equals(h.userId())).findFirst().orElseThrow().vestedPercent())
                .isEqualByComparingTo("10.000"); // 60 × 6/36
        assertThat(owner.capTableOn(acme.venture(), MAR).orElseThrow().holders().stream()
                .filter(h -> acme.owner().equals(h.userId())).findFirst().orElseThrow().vestingPolicy()).isNull();
        assertThat(ledgerRows(acme.venture())).isEqualTo(4);
        assertThat(number("SELECT count(*) FROM equity_ledger WHERE id = '" + oona.id() + "' AND effective_to = DATE '2026-03-31'")).isEqualTo(1);
        assertThat(auditEntries(acme.venture(), "VESTING_ATTACHED")).isEqualTo(1);
        assertThat(auditEntries(acme.venture())).isEqualTo(2); // the policy, then the attachment
    }

    @Test
    void attaching_is_refused_for_bad_dates_foreign_policies_stale_revisions_and_holds() throws Exception {
        Acme acme = acme();
        Acme other = acme();
        CapTables owner = as(acme.owner());
        VestingPolicy foreign = as(other.owner()).createVestingPolicy(other.venture(), threeYears("Foreign")).orElseThrow();
        List<LedgerRow> ledger = owner.ledger(acme.venture()).orElseThrow();
        String revision = CapTable.revisionOf(ledger);
        LedgerRow oona = ledger.stream().filter(r -> acme.owner().equals(r.holder().userId())).findFirst().orElseThrow();

        assertThat(fields(owner.attachVestingPolicy(acme.venture(), new VestingAttachment(oona.id(), acme.vesting(), JAN, revision))))
                .containsExactly("from");
        assertThat(fields(owner.attachVestingPolicy(acme.venture(), new VestingAttachment(oona.id(), foreign.id(), APR, revision))))
                .containsExactly("vestingPolicyId");
        assertThat(fields(owner.attachVestingPolicy(acme.venture(), new VestingAttachment(null, null, null, null))))
                .containsExactlyInAnyOrder("rowId", "vestingPolicyId", "from", "basedOnRevision");
        assertThat(owner.attachVestingPolicy(acme.venture(), new VestingAttachment(oona.id(), acme.vesting(), APR, "stale")))
                .isInstanceOf(Outcome.Conflict.class);
        assertThat(as(ventureRole(acme.venture(), "contributor")).attachVestingPolicy(acme.venture(),
                new VestingAttachment(oona.id(), acme.vesting(), APR, revision))).isInstanceOf(Outcome.Denied.class);
        hold(acme.venture(), "equity");
        assertThat(ruleIds(owner.attachVestingPolicy(acme.venture(), new VestingAttachment(oona.id(), acme.vesting(), APR, revision))))
                .contains("EQ-7");
        assertThat(ledgerRows(acme.venture())).isEqualTo(3);
        assertThat(auditEntries(acme.venture())).isZero();
    }

    // ---- history with audit entries (AU-1) --------------------------------------------------------

    @Test
    void the_history_lists_each_saved_change_with_its_audit_entry_and_rows() throws Exception {
        Acme acme = acme();
        CapTableChange change = transfer(acme, acme.owner(), "5.000", MAR);
        assertThat(as(acme.owner()).changeCapTable(acme.venture(), change).isDone()).isTrue();

        List<LedgerChangeRecord> history = as(acme.owner()).ledgerHistory(acme.venture()).orElseThrow();

        assertThat(history).hasSize(1);
        LedgerChangeRecord entry = history.get(0);
        assertThat(entry.action()).isEqualTo("EQUITY_CHANGE");
        assertThat(entry.description()).isEqualTo(change.description());
        assertThat(entry.actorUserId()).isEqualTo(acme.owner());
        assertThat(entry.actorName()).isEqualTo("Oona Owner");
        assertThat(entry.objectType()).isEqualTo("venture");
        assertThat(entry.objectId()).isEqualTo(acme.venture());
        assertThat(entry.rowsAdded()).hasSize(2);
        assertThat(entry.rowsClosed()).hasSize(2);
        List<LedgerRow> ledger = as(acme.owner()).ledger(acme.venture()).orElseThrow();
        assertThat(ledger.stream().filter(r -> r.effectiveFrom().equals(MAR)).map(LedgerRow::id).toList())
                .containsExactlyInAnyOrderElementsOf(entry.rowsAdded());
        assertThat(number("SELECT count(*) FROM (SELECT id FROM audit_outbox UNION ALL SELECT id FROM audit_log) a WHERE a.id = '"
                + entry.auditEntryId() + "'")).isEqualTo(1);
        if (entry.sealed()) {
            assertThat(entry.seq()).isPositive();
            assertThat(entry.txHash()).hasSize(64);
            assertThat(number("SELECT count(*) FROM audit_log WHERE seq = " + entry.seq() + " AND tx_hash = '" + entry.txHash() + "'"))
                    .isEqualTo(1);
        } else {
            assertThat(entry.txHash()).isNull();
        }
        assertThat(as(outsider()).ledgerHistory(acme.venture())).isInstanceOf(Outcome.Denied.class);
    }

    // ---- the one-read cap table of a date (V30) --------------------------------------------------------

    /**
     * The cap table of a date read in one statement (cap_table_of_day) is exactly the cap table the domain
     * computes from the whole ledger, with the venture, names and policies read separately as before: on
     * dates before the ledger, with vesting before and after its cliff (a template with every term and one
     * leaving them to the defaults), closed rows, a changed platform stake and two active holds.
     */
    @Test
    void the_cap_table_of_any_date_read_at_once_equals_the_one_computed_from_the_whole_ledger() throws Exception {
        Acme acme = acme();
        UUID cleo = person("Cleo Coder");
        UUID defaults = UUID.randomUUID();
        LocalDate feb = LocalDate.parse("2026-02-01");
        TestAccounts.exec(fixture.db(), "INSERT INTO vesting_policies (id, name) VALUES ('" + defaults + "', 'Seed defaults " + defaults + "')");
        TestAccounts.exec(fixture.db(), "BEGIN; "
                + "UPDATE equity_ledger SET effective_to = DATE '2026-01-31', version = version + 1 WHERE venture_id = '" + acme.venture()
                + "' AND holder_id = '" + acme.owner() + "' AND effective_to IS NULL; "
                + "INSERT INTO equity_ledger (venture_id, holder_type, holder_id, percent, vesting_policy_id, effective_from, created_by) VALUES "
                + "('" + acme.venture() + "', 'user', '" + acme.owner() + "', 59.000, NULL, DATE '2026-02-01', '" + acme.owner() + "'), "
                + "('" + acme.venture() + "', 'user', '" + cleo + "', 1.000, '" + defaults + "', DATE '2026-02-01', '" + acme.owner() + "'); "
                + "COMMIT");
        assertThat(as(acme.owner()).changeCapTable(acme.venture(), transfer(acme, acme.owner(), "5.000", MAR)).isDone()).isTrue();
        List<LedgerRow> ledger = as(acme.owner()).ledger(acme.venture()).orElseThrow();
        assertThat(as(acme.owner()).changeCapTable(acme.venture(), new CapTableChange("Platform to 12", CapTable.revisionOf(ledger),
                CapTableEdits.changePlatformStake(ledger, new BigDecimal("12.000"), JUN, Holder.user(acme.owner())))).isDone()).isTrue();
        hold(acme.venture(), "buz");
        hold(acme.venture(), "equity");

        List<LedgerRow> whole;
        org.smartstart.backoffice.domain.captable.VentureFacts facts;
        Map<UUID, String> names;
        Map<UUID, VestingPolicy> policies;
        try (Connection c = fixture.db().ownerConnection()) {
            var store = new org.smartstart.backoffice.persistence.captable.JdbcCapTableStore(c);
            whole = store.ledger(acme.venture());
            facts = store.venture(acme.venture()).orElseThrow();
            names = store.names(whole.stream().map(r -> r.holder().userId()).filter(java.util.Objects::nonNull).toList());
            policies = store.vestingPolicies(whole.stream().map(LedgerRow::vestingPolicyId).filter(java.util.Objects::nonNull).toList());
        }
        assertThat(whole).as("closed rows").anyMatch(r -> !r.open());
        assertThat(facts.activeHolds()).containsExactly("buz", "equity");
        List<LocalDate> days = new java.util.ArrayList<>(List.of(JAN.minusDays(1), JAN, feb.minusDays(1), feb, MAR.minusDays(1), MAR,
                JUN.minusDays(1), JUN, feb.plusMonths(12).minusDays(1), feb.plusMonths(12), JAN.plusMonths(12), JAN.plusMonths(30).plusDays(17),
                JAN.plusMonths(48), feb.plusMonths(48), LocalDate.parse("2099-12-31")));
        days.addAll(CapTable.changeDates(whole));
        for (LocalDate day : days) {
            CapTable expected = CapTable.on(facts, whole, names, policies, day);
            CapTable read = as(acme.owner()).capTableOn(acme.venture(), day).orElseThrow();
            assertThat(read).as("the cap table of %s", day).isEqualTo(expected);
        }
        CapTable atCliff = as(acme.owner()).capTableOn(acme.venture(), feb.plusMonths(12)).orElseThrow();
        assertThat(atCliff.holders()).extracting(CapTableHolder::displayName, CapTableHolder::vestedPercent,
                        h -> h.vestingPolicy() == null ? null : h.vestingPolicy().name())
                .contains(tuple("Cleo Coder", new BigDecimal("0.250"), "Seed defaults " + defaults));
        assertThat(atCliff.platformStake()).isEqualByComparingTo("12");
        assertThat(atCliff.activeHolds()).containsExactly("buz", "equity");
        // Whoever may not read the venture gets nothing from it, through the one read as through the separate ones.
        assertThat(as(outsider()).capTableOn(acme.venture(), MAR)).isInstanceOf(Outcome.Denied.class);
    }

    // ---- picking a new holder -----------------------------------------------------------------------

    @Test
    void an_owner_finds_a_person_by_exact_email_or_name_prefix_and_sees_no_contact_data() throws Exception {
        Acme acme = acme();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID zelda = person("Zelda " + tag);
        UUID percentName = person("%% " + tag);
        String email = zelda + "@contract.test";

        List<HolderCandidate> byEmail = as(acme.owner()).holderCandidates(acme.venture(), email.toUpperCase()).orElseThrow();
        List<HolderCandidate> byName = as(acme.owner()).holderCandidates(acme.venture(), "zelda " + tag.substring(0, 4)).orElseThrow();
        List<HolderCandidate> byPartOfEmail = as(acme.owner()).holderCandidates(acme.venture(), "@contract.test").orElseThrow();
        List<HolderCandidate> wildcard = as(acme.owner()).holderCandidates(acme.venture(), "%%").orElseThrow();

        assertThat(byEmail).containsExactly(new HolderCandidate(zelda, "Zelda " + tag, "pending"));
        assertThat(byName).extracting(HolderCandidate::userId).containsExactly(zelda);
        assertThat(byPartOfEmail).isEmpty(); // e-mails match exactly, never by part
        assertThat(wildcard).extracting(HolderCandidate::userId).contains(percentName).doesNotContain(zelda);
        assertThat(fields(as(acme.owner()).holderCandidates(acme.venture(), "z"))).containsExactly("search");
        assertThat(as(ventureRole(acme.venture(), "contributor")).holderCandidates(acme.venture(), email))
                .isInstanceOf(Outcome.Denied.class);
        assertThat(as(staff("admin")).holderCandidates(acme.venture(), email).orElseThrow()).hasSize(1);
    }
}
