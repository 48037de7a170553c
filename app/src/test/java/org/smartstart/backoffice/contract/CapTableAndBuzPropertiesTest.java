package org.smartstart.backoffice.contract;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.smartstart.backoffice.domain.captable.CapTable;
import org.smartstart.backoffice.domain.captable.CapTableChange;
import org.smartstart.backoffice.domain.captable.CapTableEdits;
import org.smartstart.backoffice.domain.captable.CapTableHolder;
import org.smartstart.backoffice.domain.captable.ConversionRequest;
import org.smartstart.backoffice.domain.captable.Holder;
import org.smartstart.backoffice.domain.captable.LedgerEdit;
import org.smartstart.backoffice.domain.captable.LedgerRow;
import org.smartstart.backoffice.domain.legalholds.HoldRelease;
import org.smartstart.backoffice.domain.legalholds.HoldRequest;
import org.smartstart.backoffice.domain.legalholds.HoldScope;
import org.smartstart.backoffice.domain.legalholds.LegalHold;
import org.smartstart.backoffice.domain.tokens.IssueRequest;
import org.smartstart.backoffice.domain.tokens.RedeemRequest;
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.testing.LedgerInvariants;
import org.smartstart.backoffice.testing.LedgerInvariants.Snapshot;
import org.smartstart.backoffice.testing.TestAccounts;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, property tests: random sequences of cap table changes, BUZ conversions, holds imposed and
 * released, BUZ issued and redeemed, each step either through the use cases (local adapter) or as plain
 * SQL under the application role. After every step, EQ-1..EQ-4 and BZ-1..BZ-5 hold on every date as read
 * straight from the tables by {@link LedgerInvariants}; EQ-5 (history only grows), EQ-6 (vesting within
 * bounds), EQ-7 and BZ-6 (nothing written under a hold) are checked against the state before the step. A
 * refused step leaves no trace: the same rows and the same audit head; an accepted use case writes exactly
 * one audit entry (AU-1).
 *
 * <p>30 sequences by default; {@code -Djqwik.tries.default=N} is the long run (jqwik prints the seed;
 * {@code -Djqwik.seed=S} replays one).
 */
class CapTableAndBuzPropertiesTest {

    static final LocalDate JAN = LocalDate.parse("2026-01-01");
    static final AtomicInteger VENTURES = new AtomicInteger();
    static final Map<Kind, AtomicInteger> ACCEPTED = new EnumMap<>(Kind.class);
    static final Map<Kind, AtomicInteger> REFUSED = new EnumMap<>(Kind.class);

    static BackOfficeFixture fixture;

    enum Kind { TRANSFER, RAW_EDIT, CONVERT, ISSUE, REDEEM, IMPOSE, RELEASE }

    @BeforeContainer
    static void setUp() {
        fixture = BackOfficeFixture.create();
        for (Kind k : Kind.values()) {
            ACCEPTED.put(k, new AtomicInteger());
            REFUSED.put(k, new AtomicInteger());
        }
    }

    @AfterContainer
    static void tearDown() {
        System.out.println("CapTableAndBuzPropertiesTest: " + VENTURES.get() + " sequences; accepted " + ACCEPTED + "; refused " + REFUSED);
        fixture.close();
    }

    // ---- the steps -------------------------------------------------------------------------------

    /** One step, drawn as plain numbers and interpreted against the venture as it is when the step runs. */
    sealed interface Step {
        boolean viaSql();
    }

    /** Holder {@code from} gives {@code percent} to holder {@code to} from JAN + {@code day}. */
    record Transfer(int from, int to, BigDecimal percent, int day, boolean viaSql) implements Step {
    }

    /** Closes open row number {@code closeRow} (mod the open rows) on JAN + {@code closeDay} and adds a row: usually wrong. */
    record RawEdit(int closeRow, int closeDay, int holder, BigDecimal percent, int addDay, boolean viaSql) implements Step {
    }

    /** Chloe converts BUZ for {@code percent} at {@code microPercentPerBuz} millionths of a percent per BUZ (the band is 40 to 60). */
    record Convert(BigDecimal percent, int microPercentPerBuz, int day) implements Step {
        public boolean viaSql() {
            return false;
        }
    }

    record Issue(int person, long amount, boolean viaSql) implements Step {
    }

    record Redeem(int person, long amount, boolean viaSql) implements Step {
    }

    record Impose(HoldScope scope, boolean viaSql) implements Step {
    }

    record Release(boolean viaSql) implements Step {
    }

    @Provide
    Arbitrary<List<Step>> sequences() {
        Arbitrary<Integer> holder = Arbitraries.integers().between(0, 4);
        Arbitrary<Integer> day = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(1, 400)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(-60, -1)));
        Arbitrary<BigDecimal> percent = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.bigDecimals().between(new BigDecimal("0.001"), new BigDecimal("30")).ofScale(3)),
                net.jqwik.api.Tuple.of(2, Arbitraries.bigDecimals().between(new BigDecimal("30"), new BigDecimal("120")).ofScale(3)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(new BigDecimal("0"), new BigDecimal("-5.000"), new BigDecimal("0.0005"),
                        new BigDecimal("100.000"), new BigDecimal("12.3456"))));
        Arbitrary<Boolean> sql = Arbitraries.of(true, false);
        Arbitrary<Long> amount = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(1, 900)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(0L, -10L, 1_000_000L)));
        Arbitrary<Step> transfer = Combinators.combine(holder, Arbitraries.integers().between(1, 4), percent, day, sql)
                .as((from, offset, p, d, s) -> new Transfer(from, from + offset, p, d, s));
        Arbitrary<Step> raw = Combinators.combine(Arbitraries.integers().between(0, 9), day, holder, percent, day, sql).as(RawEdit::new);
        Arbitrary<Step> convert = Combinators.combine(Arbitraries.bigDecimals().between(new BigDecimal("0.001"), new BigDecimal("0.040")).ofScale(3),
                Arbitraries.integers().between(30, 70), day).as(Convert::new);
        Arbitrary<Step> issue = Combinators.combine(Arbitraries.integers().between(1, 3), amount, sql).as(Issue::new);
        Arbitrary<Step> redeem = Combinators.combine(Arbitraries.integers().between(1, 3), amount, sql).as(Redeem::new);
        Arbitrary<Step> impose = Combinators.combine(Arbitraries.of(HoldScope.class), sql).as(Impose::new);
        Arbitrary<Step> release = sql.map(Release::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, transfer), net.jqwik.api.Tuple.of(2, raw), net.jqwik.api.Tuple.of(2, convert),
                net.jqwik.api.Tuple.of(4, issue), net.jqwik.api.Tuple.of(3, redeem), net.jqwik.api.Tuple.of(1, impose),
                net.jqwik.api.Tuple.of(2, release)).list().ofMinSize(3).ofMaxSize(10);
    }

    // ---- the property ----------------------------------------------------------------------------

    @Property(shrinking = net.jqwik.api.ShrinkingMode.BOUNDED, edgeCases = net.jqwik.api.EdgeCasesMode.NONE)
    void every_step_keeps_the_rules_and_a_refused_step_leaves_no_trace(@ForAll("sequences") List<Step> steps) throws Exception {
        Venture v = newVenture();
        try (Connection reader = fixture.db().ownerConnection()) {
            assertThat(LedgerInvariants.violations(reader, v.id)).as("the starting cap table").isEmpty();
            int n = 0;
            for (Step step : steps) {
                n++;
                Snapshot before = LedgerInvariants.snapshot(reader, v.id, v.people());
                boolean equityHeld = heldFor(before, "equity");
                boolean buzHeld = heldFor(before, "buz");
                Result result = step.viaSql() ? viaSql(v, step) : viaUseCase(v, step);
                Snapshot after = LedgerInvariants.snapshot(reader, v.id, v.people());
                String what = "step " + n + " " + step + " → " + result.description;
                (result.accepted ? ACCEPTED : REFUSED).get(kind(step)).incrementAndGet();
                if (Boolean.getBoolean("property.verbose")) {
                    System.out.println(what);
                }

                assertThat(LedgerInvariants.violations(reader, v.id)).as("rules after %s", what).isEmpty();
                if (!result.accepted) {
                    assertThat(after).as("a refused %s leaves no trace", what).isEqualTo(before);
                    continue;
                }
                if (!step.viaSql()) {
                    assertThat(after.auditEntries()).as("AU-1: one audit entry for %s", what).isEqualTo(before.auditEntries() + 1);
                }
                assertHistoryOnlyGrows(before, after, what);
                if (equityHeld) {
                    assertThat(after.ledger()).as("EQ-7: nothing written under an equity hold by %s", what).isEqualTo(before.ledger());
                    assertThat(after.conversions()).as("EQ-7: %s", what).isEqualTo(before.conversions());
                }
                if (buzHeld) {
                    assertThat(after.transactions()).as("BZ-6: no BUZ moved under a BUZ hold by %s", what).isEqualTo(before.transactions());
                }
            }
            assertVestingWithinBounds(v);
        }
    }

    static Kind kind(Step step) {
        if (step instanceof Transfer) return Kind.TRANSFER;
        if (step instanceof RawEdit) return Kind.RAW_EDIT;
        if (step instanceof Convert) return Kind.CONVERT;
        if (step instanceof Issue) return Kind.ISSUE;
        if (step instanceof Redeem) return Kind.REDEEM;
        if (step instanceof Impose) return Kind.IMPOSE;
        return Kind.RELEASE;
    }

    static boolean heldFor(Snapshot s, String scope) {
        return s.holds().stream().anyMatch(h -> h.get("released_at") == null
                && (scope.equals(String.valueOf(h.get("applies_to"))) || "all".equals(String.valueOf(h.get("applies_to")))));
    }

    /** EQ-5: every earlier row is still there unchanged, except that an open row may have been closed. */
    static void assertHistoryOnlyGrows(Snapshot before, Snapshot after, String what) {
        for (Map<String, Object> old : before.ledger()) {
            Map<String, Object> now = after.ledger().stream().filter(r -> r.get("id").equals(old.get("id"))).findFirst().orElse(null);
            assertThat(now).as("EQ-5: row %s still there after %s", old.get("id"), what).isNotNull();
            for (String column : List.of("holder_type", "holder_id", "percent", "effective_from", "vesting_policy_id", "created_at", "created_by")) {
                assertThat(Objects.equals(now.get(column), old.get(column))).as("EQ-5: %s of row %s kept by %s", column, old.get("id"), what).isTrue();
            }
            if (old.get("effective_to") != null) {
                assertThat(now.get("effective_to")).as("EQ-5: a closed row stays closed on its date after %s", what).isEqualTo(old.get("effective_to"));
            }
        }
    }

    /** EQ-6 as bounds: vested between nothing and the whole stake, nothing of a vesting stake in its first year (12-month cliff). */
    void assertVestingWithinBounds(Venture v) {
        BackOffice owner = fixture.as(Adapter.LOCAL, v.owner);
        List<LedgerRow> ledger = owner.capTables().ledger(v.id).orElseThrow();
        CapTable any = owner.capTables().capTableOn(v.id, JAN).orElseThrow();
        for (LocalDate day : any.changeDates()) {
            for (LocalDate d : List.of(day, day.plusMonths(13), day.plusYears(5))) {
                CapTable table = owner.capTables().capTableOn(v.id, d).orElseThrow();
                for (CapTableHolder h : table.holders()) {
                    assertThat(h.vestedPercent()).as("EQ-6 on %s for %s", d, h.displayName()).isBetween(BigDecimal.ZERO, h.percent());
                    boolean vests = ledger.stream().anyMatch(r -> h.ledgerRowIds().contains(r.id()) && r.vestingPolicyId() != null);
                    if (!vests) {
                        assertThat(h.vestedPercent()).as("EQ-6: a stake without vesting is vested on %s", d).isEqualByComparingTo(h.percent());
                    }
                    boolean allYoung = ledger.stream().filter(r -> h.ledgerRowIds().contains(r.id()))
                            .allMatch(r -> r.vestingPolicyId() != null && d.isBefore(r.effectiveFrom().plusMonths(12)));
                    if (allYoung) {
                        assertThat(h.vestedPercent()).as("EQ-6: nothing vested before the cliff on %s", d).isEqualByComparingTo("0");
                    }
                }
            }
        }
    }

    // ---- the venture under test ----------------------------------------------------------------

    /** Owner Oona (60, holder 0), Ben (30 vesting, 1), Chloe (2) and Dan (3, KYC pending), the platform (10, 4); compliance Cleo. */
    record Venture(UUID id, UUID owner, UUID ben, UUID chloe, UUID dan, UUID compliance, UUID vesting) {
        Holder holder(int i) {
            return switch (Math.floorMod(i, 5)) {
                case 0 -> Holder.user(owner);
                case 1 -> Holder.user(ben);
                case 2 -> Holder.user(chloe);
                case 3 -> Holder.user(dan);
                default -> Holder.alice();
            };
        }

        UUID person(int i) {
            return switch (Math.floorMod(i, 3)) {
                case 0 -> ben;
                case 1 -> chloe;
                default -> dan;
            };
        }

        List<UUID> people() {
            return List.of(owner, ben, chloe, dan);
        }
    }

    static Venture newVenture() throws SQLException {
        int n = VENTURES.incrementAndGet();
        UUID owner = person("Oona Owner", "verified");
        UUID ben = person("Ben Builder", "verified");
        UUID chloe = person("Chloe Gagnon", "verified");
        UUID dan = person("Dan Pending", "pending");
        UUID compliance = person("Cleo Compliance", "verified");
        TestAccounts.exec(fixture.db(), "INSERT INTO role_assignments (user_id, role, scope, reason) VALUES ('" + compliance
                + "', 'compliance', 'global', 'test')");
        UUID venture = TestAccounts.venture(fixture.db(), "Property " + n + " " + UUID.randomUUID().toString().substring(0, 6), "ca", "draft", owner);
        UUID vesting = UUID.randomUUID();
        TestAccounts.exec(fixture.db(), "UPDATE ventures SET alice_equity_cap = 15.000 WHERE id = '" + venture + "'");
        TestAccounts.exec(fixture.db(), "INSERT INTO vesting_policies (id, name, cliff_months, duration_months, frequency) VALUES ('"
                + vesting + "', '4y/1y " + n + "', 12, 48, 'monthly')");
        TestAccounts.exec(fixture.db(), "INSERT INTO equity_ledger (venture_id, holder_type, holder_id, percent, vesting_policy_id, effective_from, created_by) VALUES "
                + "('" + venture + "', 'user', '" + owner + "', 60.000, NULL, DATE '2026-01-01', '" + owner + "'), "
                + "('" + venture + "', 'user', '" + ben + "', 30.000, '" + vesting + "', DATE '2026-01-01', '" + owner + "'), "
                + "('" + venture + "', 'alice', NULL, 10.000, NULL, DATE '2026-01-01', '" + owner + "')");
        // 20,000 BUZ buy 1% (0.00004 to 0.00006 % per BUZ); 8,000 BUZ may be earned a month, 6,000 of them already are
        TestAccounts.exec(fixture.db(), "INSERT INTO buz_issuance_rules (venture_id, monthly_issue_cap, conversion_band_min, conversion_band_max, board_approved) "
                + "VALUES ('" + venture + "', 8000, 0.000040, 0.000060, true)");
        for (UUID p : List.of(ben, chloe, dan)) {
            TestAccounts.exec(fixture.db(), "INSERT INTO user_wallets (user_id) VALUES ('" + p + "')");
        }
        for (UUID p : List.of(ben, chloe)) {
            TestAccounts.exec(fixture.db(), "BEGIN; INSERT INTO buz_transactions (wallet_id, venture_id, type, amount) SELECT id, '" + venture
                    + "', 'earn', 3000 FROM user_wallets WHERE user_id = '" + p + "'; UPDATE user_wallets SET buz_balance = 3000, version = 2 WHERE user_id = '"
                    + p + "'; COMMIT");
        }
        return new Venture(venture, owner, ben, chloe, dan, compliance, vesting);
    }

    static UUID person(String name, String kyc) throws SQLException {
        UUID id = UUID.randomUUID();
        TestAccounts.exec(fixture.db(), "INSERT INTO users (id, display_name, email, kyc_status) VALUES ('" + id + "', '" + name + "', '"
                + id + "@property.test', '" + kyc + "')");
        return id;
    }

    // ---- running a step --------------------------------------------------------------------------

    record Result(boolean accepted, String description) {
        static Result of(Outcome<?> outcome) {
            return new Result(outcome.isDone(), outcome.describe());
        }
    }

    static Result viaUseCase(Venture v, Step step) {
        BackOffice owner = fixture.as(Adapter.LOCAL, v.owner);
        BackOffice compliance = fixture.as(Adapter.LOCAL, v.compliance);
        if (step instanceof Transfer t) {
            List<LedgerRow> ledger = owner.capTables().ledger(v.id).orElseThrow();
            return Result.of(owner.capTables().changeCapTable(v.id, new CapTableChange("Transfer " + t.percent() + "%", CapTable.revisionOf(ledger),
                    CapTableEdits.transfer(ledger, v.holder(t.from()), v.holder(t.to()), t.percent(), JAN.plusDays(t.day())))));
        }
        if (step instanceof RawEdit r) {
            List<LedgerRow> ledger = owner.capTables().ledger(v.id).orElseThrow();
            return Result.of(owner.capTables().changeCapTable(v.id, new CapTableChange("Raw edit", CapTable.revisionOf(ledger), rawEdits(v, ledger, r))));
        }
        if (step instanceof Convert c) {
            long buz = c.percent().divide(BigDecimal.valueOf(c.microPercentPerBuz(), 6), 0, java.math.RoundingMode.HALF_UP).longValueExact();
            return Result.of(owner.capTables().convertBuz(v.id, new ConversionRequest(v.chloe, buz, c.percent(), JAN.plusDays(c.day()))));
        }
        if (step instanceof Issue i) {
            return Result.of(owner.wallets().issueBuz(v.id, new IssueRequest(v.person(i.person()), BigDecimal.valueOf(i.amount()), null, "Property", null)));
        }
        if (step instanceof Redeem r) {
            return Result.of(owner.wallets().redeemBuz(v.id, new RedeemRequest(v.person(r.person()), BigDecimal.valueOf(r.amount()), "Property", null)));
        }
        if (step instanceof Impose i) {
            return Result.of(compliance.legalHolds().impose(v.id, new HoldRequest(i.scope(), "Matter " + i.scope())));
        }
        List<LegalHold> active = compliance.legalHolds().holds(java.util.Optional.of(v.id), true).orElseThrow();
        UUID id = active.isEmpty() ? UUID.randomUUID() : active.get(0).id();
        return Result.of(compliance.legalHolds().release(id, new HoldRelease("Matter closed")));
    }

    static List<LedgerEdit> rawEdits(Venture v, List<LedgerRow> ledger, RawEdit r) {
        List<LedgerEdit> edits = new ArrayList<>();
        List<LedgerRow> open = ledger.stream().filter(LedgerRow::open).toList();
        if (!open.isEmpty()) {
            edits.add(new LedgerEdit.Close(open.get(Math.floorMod(r.closeRow(), open.size())).id(), JAN.plusDays(r.closeDay())));
        }
        edits.add(new LedgerEdit.Add(v.holder(r.holder()), r.percent(), JAN.plusDays(r.addDay()), null, null));
        return edits;
    }

    /**
     * The same step as hand-written SQL under the application role, as the acting person (the owner for
     * the ledger and BUZ, compliance for holds), in one transaction; refused means PostgreSQL said no.
     */
    static Result viaSql(Venture v, Step step) throws SQLException {
        UUID actor = step instanceof Impose || step instanceof Release ? v.compliance : v.owner;
        try (Connection c = fixture.db().appConnection(actor)) {
            c.setAutoCommit(false);
            try {
                if (step instanceof Transfer t) {
                    writeEdits(c, v, CapTableEdits.transfer(ledgerAsOwner(v), v.holder(t.from()), v.holder(t.to()), t.percent(), JAN.plusDays(t.day())));
                } else if (step instanceof RawEdit r) {
                    writeEdits(c, v, rawEdits(v, ledgerAsOwner(v), r));
                } else if (step instanceof Issue i) {
                    move(c, v, v.person(i.person()), "earn", i.amount());
                } else if (step instanceof Redeem r) {
                    move(c, v, v.person(r.person()), "redeem", -r.amount());
                } else if (step instanceof Impose i) {
                    exec(c, "INSERT INTO legal_holds (venture_id, reason, applies_to, imposed_by_user_id) VALUES (?, 'Matter', ?::hold_scope, ?)",
                            v.id, i.scope().code(), v.compliance);
                } else if (step instanceof Release) {
                    exec(c, """
                            UPDATE legal_holds SET released_at = now(), released_by_user_id = ?, release_reason = 'Matter closed', version = version + 1
                            WHERE id = (SELECT id FROM legal_holds WHERE venture_id = ? AND released_at IS NULL ORDER BY imposed_at LIMIT 1)""",
                            v.compliance, v.id);
                } else {
                    throw new IllegalStateException("conversions run through the use case only");
                }
                c.commit();
                return new Result(true, "committed");
            } catch (SQLException e) {
                c.rollback();
                return new Result(false, e.getSQLState() + " " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
    }

    static List<LedgerRow> ledgerAsOwner(Venture v) {
        return fixture.as(Adapter.LOCAL, v.owner).capTables().ledger(v.id).orElseThrow();
    }

    static void writeEdits(Connection c, Venture v, List<LedgerEdit> edits) throws SQLException {
        for (LedgerEdit edit : edits) {
            if (edit instanceof LedgerEdit.Close close) {
                exec(c, "UPDATE equity_ledger SET effective_to = ?, version = version + 1 WHERE id = ?", close.effectiveTo(), close.rowId());
            } else if (edit instanceof LedgerEdit.Add add) {
                exec(c, """
                        INSERT INTO equity_ledger (venture_id, holder_type, holder_id, percent, vesting_policy_id, effective_from, effective_to, created_by)
                        VALUES (?, ?::holder_type, ?, ?, ?, ?, ?, ?)""", v.id, add.holder().platform() ? "alice" : "user", add.holder().userId(),
                        add.percent(), add.vestingPolicyId(), add.effectiveFrom(), add.effectiveTo(), v.owner);
            }
        }
    }

    /** A BUZ transaction and its balance change, the way the application writes them (the database chains it, BZ-5). */
    static void move(Connection c, Venture v, UUID person, String type, long amount) throws SQLException {
        exec(c, """
                INSERT INTO buz_transactions (wallet_id, venture_id, type, amount)
                VALUES ((SELECT id FROM user_wallets WHERE user_id = ?), ?, ?::buz_tx_type, ?)""", person, v.id, type, amount);
        exec(c, "UPDATE user_wallets SET buz_balance = buz_balance + ?, version = version + 1 WHERE user_id = ?", amount, person);
    }

    static void exec(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] == null) {
                    p.setNull(i + 1, Types.OTHER);
                } else {
                    p.setObject(i + 1, params[i]);
                }
            }
            p.execute();
        }
    }
}
