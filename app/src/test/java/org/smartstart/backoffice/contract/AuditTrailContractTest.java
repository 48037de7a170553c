package org.smartstart.backoffice.contract;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartstart.backoffice.domain.audit.AuditEntry;
import org.smartstart.backoffice.domain.audit.AuditFilter;
import org.smartstart.backoffice.domain.audit.AuditFilter.Direction;
import org.smartstart.backoffice.domain.audit.AuditHead;
import org.smartstart.backoffice.domain.audit.AuditLogEntry;
import org.smartstart.backoffice.domain.audit.AuditPage;
import org.smartstart.backoffice.domain.audit.AuditTrail;
import org.smartstart.backoffice.domain.audit.ChainBreak;
import org.smartstart.backoffice.domain.audit.VerificationResult;
import org.smartstart.backoffice.domain.audit.VerificationStep;
import org.smartstart.backoffice.domain.audit.VerificationStepRequest;
import org.smartstart.backoffice.domain.usecase.FieldProblem;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.persistence.audit.AuditOutbox;
import org.smartstart.backoffice.persistence.audit.AuditSealer;
import org.smartstart.backoffice.testing.TestAccounts;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browsing and verifying the audit trail, the same through every adapter: keyset pages in both
 * directions, each filter, who sees which entries (ID-3 BROWSE_AUDIT), and AU-4 on a tampered entry.
 * Entries are written to the outbox and sealed directly, so only sealed entries are browsed.
 */
@ParameterizedClass
@EnumSource(Adapter.class)
class AuditTrailContractTest {

    private static final int MAPLE_ENTRIES = 23;
    private static final int BIRCH_ENTRIES = 6;
    private static final int SYSTEM_ENTRIES = 4;

    @Parameter
    Adapter adapter;

    static BackOfficeFixture fixture;
    static UUID compliance;
    static UUID admin;
    static UUID support;
    static UUID contributor;
    static UUID mapleOwner;
    static UUID birchOwner;
    static UUID maple;
    static UUID birch;
    static UUID mapleLedgerRow;

    @BeforeAll
    static void setUp() throws Exception {
        fixture = BackOfficeFixture.create();
        compliance = TestAccounts.user(fixture.db(), "Cora Compliance", unique("cora"), "pw", "compliance");
        admin = TestAccounts.user(fixture.db(), "Ada Admin", unique("ada"), "pw", "admin");
        support = TestAccounts.user(fixture.db(), "Sam Support", unique("sam"), "pw", "support");
        contributor = TestAccounts.user(fixture.db(), "Cole Contributor", unique("cole"), "pw");
        mapleOwner = TestAccounts.user(fixture.db(), "Léa Martin", unique("lea"), "pw");
        birchOwner = TestAccounts.user(fixture.db(), "Bo Birch", unique("bo"), "pw");
        maple = TestAccounts.venture(fixture.db(), "Maple Robotics", "ca", "draft", mapleOwner);
        birch = TestAccounts.venture(fixture.db(), "Birch Foods", "eu", "draft", birchOwner);
        TestAccounts.exec(fixture.db(), "UPDATE users SET kyc_status = 'verified' WHERE id = '" + contributor + "'");
        TestAccounts.exec(fixture.db(), "INSERT INTO role_assignments (user_id, venture_id, role, scope, reason) VALUES ('"
                + contributor + "', '" + maple + "', 'contributor', 'venture', 'test')");
        mapleLedgerRow = UUID.randomUUID();

        // interleaved, so a venture's entries are not one run of seqs
        for (int i = 0; i < MAPLE_ENTRIES; i++) {
            boolean onLedgerRow = i % 5 == 0;
            write(new AuditEntry(mapleOwner, i % 2 == 0 ? "EQUITY_CHANGE" : "VESTING_CHANGE", onLedgerRow ? "equity_ledger" : "vesting_policy",
                    onLedgerRow ? mapleLedgerRow : UUID.randomUUID(), maple, Map.of("n", i, "after", Map.of("percent", "12.500"))));
            if (i < BIRCH_ENTRIES) {
                write(new AuditEntry(birchOwner, "EQUITY_CHANGE", "equity_ledger", UUID.randomUUID(), birch, Map.of("n", i)));
            }
            if (i < SYSTEM_ENTRIES) {
                write(new AuditEntry(null, "SESSION_EXPIRED", "user_session", UUID.randomUUID(), null, Map.of("n", i)));
            }
        }
        new AuditSealer(fixture.db().database().dataSource()).sealPending();
    }

    private static void write(AuditEntry entry) throws SQLException {
        fixture.db().transactions().inTransaction(entry.actor(), c -> {
            AuditOutbox.append(c, entry);
            return null;
        });
    }

    @AfterAll
    static void tearDown() {
        fixture.close();
    }

    private AuditTrail trail(UUID user) {
        return fixture.as(adapter, user).auditTrail();
    }

    /** Seqs of the sealed entries matching {@code where}, oldest first, straight from the database. */
    private static List<Long> seqsWhere(String where) throws SQLException {
        List<Long> seqs = new ArrayList<>();
        try (Connection c = fixture.db().ownerConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT seq FROM audit_log WHERE seq IS NOT NULL AND " + where + " ORDER BY seq")) {
            while (r.next()) {
                seqs.add(r.getLong(1));
            }
        }
        return seqs;
    }

    /** Every page of {@code filter}, followed through nextAfterSeq / nextBeforeSeq. */
    private static List<AuditLogEntry> allPages(AuditTrail trail, AuditFilter filter) {
        List<AuditLogEntry> all = new ArrayList<>();
        AuditFilter next = filter;
        for (int pages = 0; pages < 1_000; pages++) {
            AuditPage page = trail.entries(next).orElseThrow();
            all.addAll(page.entries());
            if (!page.hasMore()) {
                return all;
            }
            next = filter.order() == Direction.OLDEST_FIRST ? next.after(page.nextAfterSeq()) : next.before(page.nextBeforeSeq());
        }
        throw new AssertionError("paging did not end");
    }

    private static List<Long> seqs(List<AuditLogEntry> entries) {
        return entries.stream().map(AuditLogEntry::seq).toList();
    }

    @Test
    void pages_forward_and_backward_cover_every_entry_once_without_gaps() throws Exception {
        List<Long> expected = seqsWhere("venture_id = '" + maple + "'");
        assertThat(expected).hasSize(MAPLE_ENTRIES);
        AuditTrail trail = trail(compliance);

        AuditPage first = trail.entries(AuditFilter.all().withVenture(maple).limitedTo(5).ordered(Direction.OLDEST_FIRST)).orElseThrow();
        assertThat(seqs(first.entries())).isEqualTo(expected.subList(0, 5));
        assertThat(first.nextAfterSeq()).isEqualTo(expected.get(4));
        assertThat(first.nextBeforeSeq()).isNull();

        List<AuditLogEntry> forward = allPages(trail, AuditFilter.all().withVenture(maple).limitedTo(5).ordered(Direction.OLDEST_FIRST));
        assertThat(seqs(forward)).isEqualTo(expected);

        List<AuditLogEntry> backward = allPages(trail, AuditFilter.all().withVenture(maple).limitedTo(4));
        List<Long> newestFirst = new ArrayList<>(expected);
        newestFirst.sort(Comparator.reverseOrder());
        assertThat(seqs(backward)).isEqualTo(newestFirst);

        // a page that ends exactly at the last entry says there is nothing more
        AuditPage exact = trail.entries(AuditFilter.all().withVenture(maple).limitedTo(MAPLE_ENTRIES)).orElseThrow();
        assertThat(exact.entries()).hasSize(MAPLE_ENTRIES);
        assertThat(exact.hasMore()).isFalse();

        // both bounds at once: the entries strictly between two seqs
        List<AuditLogEntry> between = trail.entries(AuditFilter.all().withVenture(maple).after(expected.get(2)).before(expected.get(7))
                .ordered(Direction.OLDEST_FIRST)).orElseThrow().entries();
        assertThat(seqs(between)).isEqualTo(expected.subList(3, 7));
    }

    @Test
    void an_entry_carries_the_chain_and_the_actor_by_name() throws Exception {
        long seq = seqsWhere("venture_id = '" + maple + "' AND object_id = '" + mapleLedgerRow + "'").get(2);
        AuditLogEntry entry = trail(compliance).entry(seq).orElseThrow();
        AuditLogEntry before = trail(compliance).entry(seq - 1).orElseThrow();

        assertThat(entry.seq()).isEqualTo(seq);
        assertThat(entry.actorUserId()).isEqualTo(mapleOwner);
        assertThat(entry.actorDisplayName()).isEqualTo("Léa Martin");
        assertThat(entry.action()).isEqualTo("EQUITY_CHANGE");
        assertThat(entry.objectType()).isEqualTo("equity_ledger");
        assertThat(entry.objectId()).isEqualTo(mapleLedgerRow);
        assertThat(entry.ventureId()).isEqualTo(maple);
        assertThat(entry.ts()).isNotNull();
        assertThat(entry.data()).contains("\"percent\"").contains("\"12.500\"");
        assertThat(entry.txHash()).matches("[0-9a-f]{64}");
        assertThat(entry.prevTxHash()).isEqualTo(before.txHash());

        List<AuditLogEntry> system = trail(compliance).entries(AuditFilter.all().withAction("SESSION_EXPIRED")).orElseThrow().entries();
        assertThat(system).hasSize(SYSTEM_ENTRIES).allSatisfy(e -> {
            assertThat(e.actorUserId()).isNull();
            assertThat(e.actorDisplayName()).isNull();
        });
    }

    @Test
    void each_filter_selects_exactly_its_entries() throws Exception {
        AuditTrail trail = trail(admin);
        AuditFilter all = AuditFilter.all().limitedTo(1_000).ordered(Direction.OLDEST_FIRST);

        assertThat(seqs(trail.entries(all.withActor(birchOwner)).orElseThrow().entries()))
                .isEqualTo(seqsWhere("actor_user_id = '" + birchOwner + "'")).hasSize(BIRCH_ENTRIES);
        assertThat(seqs(trail.entries(all.withAction("VESTING_CHANGE")).orElseThrow().entries()))
                .isEqualTo(seqsWhere("action = 'VESTING_CHANGE'")).hasSize(MAPLE_ENTRIES / 2);
        assertThat(seqs(trail.entries(all.withObject("equity_ledger", null)).orElseThrow().entries()))
                .isEqualTo(seqsWhere("object_type = 'equity_ledger'"));
        assertThat(seqs(trail.entries(all.withObject("equity_ledger", mapleLedgerRow)).orElseThrow().entries()))
                .isEqualTo(seqsWhere("object_id = '" + mapleLedgerRow + "'")).hasSize(5);
        assertThat(seqs(trail.entries(all.withVenture(birch)).orElseThrow().entries()))
                .isEqualTo(seqsWhere("venture_id = '" + birch + "'"));
        assertThat(seqs(trail.entries(all.withVenture(maple).withAction("EQUITY_CHANGE").withActor(mapleOwner)).orElseThrow().entries()))
                .isEqualTo(seqsWhere("venture_id = '" + maple + "' AND action = 'EQUITY_CHANGE'")).hasSize((MAPLE_ENTRIES + 1) / 2);

        // a period: from the 3rd to (not including) the 9th of Maple's entries
        List<AuditLogEntry> mapleEntries = trail.entries(all.withVenture(maple)).orElseThrow().entries();
        Instant from = mapleEntries.get(2).ts();
        Instant to = mapleEntries.get(8).ts();
        List<AuditLogEntry> inPeriod = trail.entries(all.withVenture(maple).between(from, to)).orElseThrow().entries();
        assertThat(seqs(inPeriod)).isEqualTo(seqs(mapleEntries.subList(2, 8)));
        assertThat(trail.entries(all.between(from, to)).orElseThrow().entries())
                .allSatisfy(e -> assertThat(e.ts()).isBetween(from, to.minusNanos(1)));

        assertThat(trail.entries(all.withAction("NO_SUCH_ACTION")).orElseThrow().entries()).isEmpty();
    }

    @Test
    void a_venture_owner_sees_only_their_ventures_entries() throws Exception {
        AuditTrail lea = trail(mapleOwner);

        List<AuditLogEntry> seen = allPages(lea, AuditFilter.all().limitedTo(10));
        assertThat(seen).hasSize(MAPLE_ENTRIES).allSatisfy(e -> assertThat(e.ventureId()).isEqualTo(maple));
        assertThat(lea.entries(AuditFilter.all().withVenture(maple)).orElseThrow().entries()).hasSize(MAPLE_ENTRIES);
        // another user's filter does not widen the owner's view
        assertThat(lea.entries(AuditFilter.all().withActor(birchOwner)).orElseThrow().entries()).isEmpty();

        Outcome<AuditPage> otherVenture = lea.entries(AuditFilter.all().withVenture(birch));
        assertThat(otherVenture).isInstanceOf(Outcome.Denied.class);
        assertThat(((Outcome.Denied<AuditPage>) otherVenture).message()).contains("(ID-3)");

        long mapleSeq = seqsWhere("venture_id = '" + maple + "'").get(0);
        long birchSeq = seqsWhere("venture_id = '" + birch + "'").get(0);
        long systemSeq = seqsWhere("venture_id IS NULL AND action = 'SESSION_EXPIRED'").get(0);
        assertThat(lea.entry(mapleSeq).orElseThrow().ventureId()).isEqualTo(maple);
        assertThat(lea.entry(birchSeq)).isInstanceOf(Outcome.Denied.class);
        assertThat(lea.entry(systemSeq)).isInstanceOf(Outcome.Denied.class);

        // the whole log is global staff's business
        assertThat(lea.head()).isInstanceOf(Outcome.Denied.class);
        assertThat(lea.verify()).isInstanceOf(Outcome.Denied.class);
    }

    @Test
    void global_compliance_and_admin_see_everything_others_are_denied() throws Exception {
        int total = seqsWhere("true").size();
        for (UUID staff : List.of(compliance, admin)) {
            AuditTrail trail = trail(staff);
            assertThat(allPages(trail, AuditFilter.all().limitedTo(1_000))).hasSize(total);
            assertThat(trail.entries(AuditFilter.all().withVenture(birch)).orElseThrow().entries()).hasSize(BIRCH_ENTRIES);
            assertThat(trail.head().isDone()).isTrue();
            assertThat(trail.entry(seqsWhere("venture_id IS NULL").get(0)).isDone()).isTrue();
        }
        long mapleSeq = seqsWhere("venture_id = '" + maple + "'").get(0);
        for (UUID nobody : List.of(support, contributor)) {
            AuditTrail trail = trail(nobody);
            assertThat(trail.entries(AuditFilter.all())).as("entries").isInstanceOf(Outcome.Denied.class);
            assertThat(trail.entries(AuditFilter.all().withVenture(maple))).as("entries of maple").isInstanceOf(Outcome.Denied.class);
            assertThat(trail.entry(mapleSeq)).as("entry").isInstanceOf(Outcome.Denied.class);
            assertThat(trail.head()).as("head").isInstanceOf(Outcome.Denied.class);
            assertThat(trail.verify()).as("verify").isInstanceOf(Outcome.Denied.class);
        }
    }

    @Test
    void a_limit_outside_one_to_a_thousand_is_invalid() {
        AuditTrail trail = trail(compliance);
        for (int limit : new int[] {0, -5, AuditFilter.MAX_LIMIT + 1}) {
            Outcome<AuditPage> outcome = trail.entries(AuditFilter.all().limitedTo(limit));
            assertThat(outcome).as("limit %d", limit).isInstanceOf(Outcome.Invalid.class);
            assertThat(((Outcome.Invalid<AuditPage>) outcome).problems()).extracting(FieldProblem::field).containsExactly("limit");
        }
        assertThat(trail.entries(AuditFilter.all().limitedTo(AuditFilter.MAX_LIMIT)).isDone()).isTrue();
        Outcome<AuditPage> backwards = trail.entries(AuditFilter.all().between(Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z")));
        assertThat(((Outcome.Invalid<AuditPage>) backwards).problems()).extracting(FieldProblem::field).containsExactly("toTs");
    }

    @Test
    void an_unknown_seq_is_not_found() {
        Outcome<AuditLogEntry> outcome = trail(compliance).entry(987_654_321L);
        assertThat(outcome).isInstanceOf(Outcome.NotFound.class);
        assertThat(((Outcome.NotFound<AuditLogEntry>) outcome).message()).contains("987654321");
    }

    @Test
    void the_head_is_the_last_sealed_entry() throws Exception {
        List<Long> all = seqsWhere("true");
        long last = all.get(all.size() - 1);
        AuditHead head = trail(compliance).head().orElseThrow();
        assertThat(head.seq()).isEqualTo(last);
        assertThat(head.sealedEntries()).isEqualTo(all.size());
        assertThat(head.txHash()).isEqualTo(trail(compliance).entry(last).orElseThrow().txHash());
        assertThat(head.unsealedEntries()).isNotNegative();
    }

    @Test
    void verify_finds_an_intact_chain_and_names_a_tampered_entry_at_its_seq() throws Exception {
        VerificationResult intact = trail(compliance).verify().orElseThrow();
        assertThat(intact.intact()).isTrue();
        long total = seqsWhere("true").size();
        assertThat(intact.verifiedEntries()).isEqualTo(total);
        assertThat(intact.lastSeq()).isEqualTo(total);

        long tampered = seqsWhere("venture_id = '" + birch + "'").get(2);
        String original;
        try (Connection c = fixture.db().ownerConnection();
             PreparedStatement p = c.prepareStatement("SELECT data::text FROM audit_log WHERE seq = ?")) {
            p.setLong(1, tampered);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                original = r.getString(1);
            }
        }
        tamper(tampered, "{\"n\": 99}");
        try {
            VerificationResult result = trail(admin).verify().orElseThrow();
            assertThat(result.intact()).isFalse();
            ChainBreak firstBreak = result.firstBreak().orElseThrow();
            assertThat(firstBreak.seq()).isEqualTo(tampered);
            assertThat(firstBreak.reason()).isEqualTo(ChainBreak.Reason.CONTENT_CHANGED);
            assertThat(firstBreak.explanation()).contains("EQUITY_CHANGE on equity_ledger");
            assertThat(result.verifiedEntries()).isEqualTo(tampered - 1);
        } finally {
            tamper(tampered, original);
        }
        assertThat(trail(compliance).verify().orElseThrow().intact()).isTrue();
    }

    @Test
    void verification_in_steps_walks_the_whole_chain_and_holds_it_against_a_checkpoint() throws Exception {
        AuditTrail trail = trail(compliance);
        long total = seqsWhere("true").size();
        VerificationStepRequest request = VerificationStepRequest.first(10);
        VerificationStep step;
        long verified = 0;
        int steps = 0;
        do {
            step = trail.verifyStep(request).orElseThrow();
            assertThat(step.intact()).isTrue();
            assertThat(step.headSeq()).isEqualTo(total);
            verified += step.verifiedEntries();
            request = request.next(step);
            steps++;
        } while (!step.complete());
        assertThat(verified).isEqualTo(total);
        assertThat(steps).isEqualTo((int) (total / 10) + 1);
        assertThat(step.lastTxHash()).isEqualTo(trail.head().orElseThrow().txHash());

        String lastHash = step.lastTxHash();
        VerificationStep holds = trail.verifyStep(new VerificationStepRequest(0L, null, VerificationStep.MAX_STEP, total, lastHash)).orElseThrow();
        assertThat(holds.intact()).isTrue();
        assertThat(holds.complete()).isTrue();

        VerificationStep rewritten = trail.verifyStep(new VerificationStepRequest(0L, null, null, 5L, "ab".repeat(32))).orElseThrow();
        assertThat(rewritten.firstBreak()).get().extracting(ChainBreak::seq, ChainBreak::reason)
                .containsExactly(5L, ChainBreak.Reason.CHECKPOINT_MISMATCH);
        assertThat(rewritten.firstBreak().get().explanation()).contains("the checkpoint of seq 5 says abababababababab");
    }

    @Test
    void verification_steps_are_for_global_staff_and_refuse_bad_input_by_field() {
        assertThat(trail(admin).verifyStep(VerificationStepRequest.first(5)).isDone()).isTrue();
        for (UUID nobody : List.of(support, contributor, mapleOwner)) {
            assertThat(trail(nobody).verifyStep(VerificationStepRequest.first(5))).isInstanceOf(Outcome.Denied.class);
        }
        Outcome<VerificationStep> zero = trail(compliance).verifyStep(VerificationStepRequest.first(0));
        assertThat(((Outcome.Invalid<VerificationStep>) zero).problems()).extracting(FieldProblem::field).containsExactly("limit");
        Outcome<VerificationStep> halfAnchor = trail(compliance).verifyStep(new VerificationStepRequest(0L, "xyz", 5, 3L, null));
        assertThat(((Outcome.Invalid<VerificationStep>) halfAnchor).problems()).extracting(FieldProblem::field)
                .containsExactly("afterTxHash", "anchorTxHash");
    }

    /** What the chain exists to catch: the owner rewrites a sealed entry with the AU-3 triggers switched off. */
    private static void tamper(long seq, String dataJson) throws SQLException {
        try (Connection c = fixture.db().ownerConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL session_replication_role = replica");
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE audit_log SET data = ?::jsonb WHERE seq = ?")) {
                p.setObject(1, dataJson, Types.OTHER);
                p.setLong(2, seq);
                assertThat(p.executeUpdate()).isEqualTo(1);
            }
            c.commit();
        }
    }

    static String unique(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@contract.test";
    }
}
