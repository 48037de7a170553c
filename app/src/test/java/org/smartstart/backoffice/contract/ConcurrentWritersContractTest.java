package org.smartstart.backoffice.contract;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartstart.backoffice.domain.audit.VerificationResult;
import org.smartstart.backoffice.domain.captable.CapTable;
import org.smartstart.backoffice.domain.captable.CapTableChange;
import org.smartstart.backoffice.domain.captable.CapTableEdits;
import org.smartstart.backoffice.domain.captable.Holder;
import org.smartstart.backoffice.domain.captable.LedgerRow;
import org.smartstart.backoffice.domain.kyc.Claim;
import org.smartstart.backoffice.domain.kyc.ClaimNext;
import org.smartstart.backoffice.domain.kyc.DocumentKind;
import org.smartstart.backoffice.domain.kyc.KycReview;
import org.smartstart.backoffice.domain.kyc.QueueOrder;
import org.smartstart.backoffice.domain.tokens.BuzMovement;
import org.smartstart.backoffice.domain.tokens.RedeemRequest;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.persistence.audit.AuditSealer;
import org.smartstart.backoffice.persistence.audit.AuditVerifier;
import org.smartstart.backoffice.testing.LedgerInvariants;
import org.smartstart.backoffice.testing.TestAccounts;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, concurrency: 16 threads change the same venture's cap table at once, 16 threads spend from the
 * same wallet at once, and 16 compliance officers claim from the same KYC queue at once, through each adapter. No
 * double claim (KY-3), no lost update (every change answered Done is in the data, every
 * other attempt was answered Conflict and retried), no double spend (the balance never goes below zero and
 * equals the sum of its transactions), one audit entry per success, and the audit chain verifies afterwards.
 * {@code -Dconcurrency.rounds=N} repeats each scenario N times (1 by default).
 */
@ParameterizedClass
@EnumSource(Adapter.class)
class ConcurrentWritersContractTest {

    static final int THREADS = 16;
    static final int ROUNDS = Integer.getInteger("concurrency.rounds", 1);
    static final LocalDate JAN = LocalDate.parse("2026-01-01");
    static final LocalDate MAR = LocalDate.parse("2026-03-01");

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

    static UUID person(String name) throws SQLException {
        UUID id = UUID.randomUUID();
        TestAccounts.exec(fixture.db(), "INSERT INTO users (id, display_name, email, kyc_status) VALUES ('" + id + "', '" + name + "', '"
                + id + "@concurrency.test', 'verified')");
        return id;
    }

    static <T> List<T> runTogether(List<Callable<T>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        try {
            List<Future<T>> futures = pool.invokeAll(work, 5, TimeUnit.MINUTES);
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    static void assertAuditChainVerifies() throws SQLException {
        new AuditSealer(fixture.db().database().dataSource()).sealPending();
        VerificationResult result = new AuditVerifier(fixture.db().database().dataSource()).verify();
        assertThat(result.firstBreak()).as("the audit chain verifies after the race").isEmpty();
        assertThat(result.unsealedEntries()).isZero();
    }

    /** What one writer saw: its successes and the conflicts it was told about (and retried). */
    record Tally(int done, int conflicts) {
    }

    @Test
    void sixteen_writers_changing_one_cap_table_lose_no_update() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            // the owner holds 60%, sixteen partners 2.5% each; writer i moves 1% from partner i to newcomer i
            UUID owner = person("Oona Owner");
            UUID venture = TestAccounts.venture(fixture.db(), "Race " + UUID.randomUUID().toString().substring(0, 8), "ca", "draft", owner);
            List<UUID> partners = new ArrayList<>();
            List<UUID> newcomers = new ArrayList<>();
            StringBuilder rows = new StringBuilder("('" + venture + "', 'user', '" + owner + "', 60.000, DATE '2026-01-01')");
            for (int i = 0; i < THREADS; i++) {
                partners.add(person("Partner " + i));
                newcomers.add(person("Newcomer " + i));
                rows.append(", ('").append(venture).append("', 'user', '").append(partners.get(i)).append("', 2.500, DATE '2026-01-01')");
            }
            TestAccounts.exec(fixture.db(), "INSERT INTO equity_ledger (venture_id, holder_type, holder_id, percent, effective_from) VALUES " + rows);
            long auditBefore = auditEntries();
            CyclicBarrier start = new CyclicBarrier(THREADS);
            List<Callable<Tally>> writers = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int n = i;
                writers.add(() -> {
                    var capTables = fixture.as(adapter, owner).capTables();
                    int conflicts = 0;
                    start.await();
                    for (int attempt = 0; attempt < 200; attempt++) {
                        List<LedgerRow> ledger = capTables.ledger(venture).orElseThrow();
                        Outcome<CapTable> outcome = capTables.changeCapTable(venture, new CapTableChange("Partner " + n + " gives 1% to newcomer " + n,
                                CapTable.revisionOf(ledger), CapTableEdits.transfer(ledger, Holder.user(partners.get(n)), Holder.user(newcomers.get(n)),
                                        new BigDecimal("1.000"), MAR)));
                        if (outcome.isDone()) {
                            return new Tally(1, conflicts);
                        }
                        assertThat(outcome).as("writer %d: %s", n, outcome.describe()).isInstanceOf(Outcome.Conflict.class);
                        conflicts++;
                    }
                    return new Tally(0, conflicts);
                });
            }
            List<Tally> tallies = runTogether(writers);

            assertThat(tallies).extracting(Tally::done).as("every writer got through in the end").containsOnly(1);
            int conflicts = tallies.stream().mapToInt(Tally::conflicts).sum();
            System.out.println("ConcurrentWritersContractTest " + adapter + ": 16 cap table writers, " + conflicts + " conflicts answered and retried");
            CapTable march = fixture.as(adapter, owner).capTables().capTableOn(venture, MAR).orElseThrow();
            Map<UUID, BigDecimal> stakes = new java.util.HashMap<>();
            march.holders().forEach(h -> stakes.put(h.userId(), h.percent()));
            for (int i = 0; i < THREADS; i++) {
                assertThat(stakes.get(partners.get(i))).as("partner %d kept 1.5%% (no lost update)", i).isEqualByComparingTo("1.500");
                assertThat(stakes.get(newcomers.get(i))).as("newcomer %d got 1%%", i).isEqualByComparingTo("1.000");
            }
            assertThat(stakes.get(owner)).isEqualByComparingTo("60.000");
            assertThat(auditEntries() - auditBefore).as("one EQUITY_CHANGE entry per success, none for conflicts").isEqualTo(THREADS);
            try (Connection c = fixture.db().ownerConnection()) {
                assertThat(LedgerInvariants.violations(c, venture)).isEmpty();
                assertThat(LedgerInvariants.number(c, "SELECT count(*) FROM equity_ledger WHERE venture_id = ?", venture))
                        .isEqualTo(1 + THREADS * 3L);
            }
            assertAuditChainVerifies();
        }
    }

    @Test
    void sixteen_spenders_on_one_wallet_never_spend_twice() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            UUID owner = person("Oona Owner");
            UUID chloe = person("Chloe Gagnon");
            UUID venture = TestAccounts.venture(fixture.db(), "Spend " + UUID.randomUUID().toString().substring(0, 8), "ca", "draft", owner);
            TestAccounts.exec(fixture.db(), "INSERT INTO buz_issuance_rules (venture_id, monthly_issue_cap, conversion_band_min, conversion_band_max, board_approved) "
                    + "VALUES ('" + venture + "', 100000, 0.000040, 0.000060, true)");
            long start = 400;
            assertThat(fixture.as(adapter, owner).wallets().issueBuz(venture,
                    new org.smartstart.backoffice.domain.tokens.IssueRequest(chloe, BigDecimal.valueOf(start), null, "Budget", null)).isDone()).isTrue();
            long auditBefore = auditEntries();
            CyclicBarrier barrier = new CyclicBarrier(THREADS);
            AtomicInteger refusedForFunds = new AtomicInteger();
            List<Callable<Tally>> spenders = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                long amount = 7 + i; // different amounts, so a double spend could not hide behind equal sums
                spenders.add(() -> {
                    var wallets = fixture.as(adapter, owner).wallets();
                    int done = 0;
                    int conflicts = 0;
                    barrier.await();
                    for (int attempt = 0; attempt < 2_000; attempt++) {
                        Outcome<BuzMovement> outcome = wallets.redeemBuz(venture, new RedeemRequest(chloe, BigDecimal.valueOf(amount), "Race", null));
                        if (outcome.isDone()) {
                            BuzMovement m = outcome.orElseThrow();
                            assertThat(m.balanceAfter()).isEqualTo(m.balanceBefore() - amount).isNotNegative();
                            done++;
                        } else if (outcome instanceof Outcome.Conflict<?>) {
                            conflicts++;
                        } else {
                            assertThat(outcome.describe()).as("the only refusal is an empty wallet").contains("BZ-1");
                            refusedForFunds.incrementAndGet();
                            break;
                        }
                    }
                    return new Tally(done, conflicts);
                });
            }
            List<Tally> tallies = runTogether(spenders);

            long spent = 0;
            for (int i = 0; i < THREADS; i++) {
                spent += (7L + i) * tallies.get(i).done();
            }
            int successes = tallies.stream().mapToInt(Tally::done).sum();
            int conflicts = tallies.stream().mapToInt(Tally::conflicts).sum();
            System.out.println("ConcurrentWritersContractTest " + adapter + ": 16 spenders, " + successes + " redemptions (" + spent + " of "
                    + start + " BUZ), " + conflicts + " conflicts answered and retried");
            assertThat(refusedForFunds.get()).as("every spender stopped at an empty wallet").isEqualTo(THREADS);
            try (Connection c = fixture.db().ownerConnection()) {
                long balance = LedgerInvariants.number(c, "SELECT buz_balance FROM user_wallets WHERE user_id = ?", chloe);
                assertThat(balance).as("no double spend: the balance is what the acknowledged redemptions left").isEqualTo(start - spent);
                assertThat(balance).isNotNegative().isLessThan(7);
                assertThat(LedgerInvariants.number(c, "SELECT count(*) FROM buz_transactions t JOIN user_wallets w ON w.id = t.wallet_id "
                        + "WHERE w.user_id = ? AND t.type = 'redeem'", chloe)).isEqualTo(successes);
                assertThat(LedgerInvariants.violations(c, venture)).as("BZ-1 sum and BZ-5 chain").isEmpty();
            }
            assertThat(auditEntries() - auditBefore).as("one BUZ_REDEEMED entry per success").isEqualTo(successes);
            assertAuditChainVerifies();
        }
    }

    /**
     * 16 compliance officers press "claim next" on the KYC queue at once while it holds only 8 documents older than
     * any other: all 8 are handed out, each to exactly one officer (KY-3, no double claim), the database records
     * the claim of the officer who was told so, there is one KYC_CLAIMED entry per claim, and the chain verifies.
     */
    @Test
    void sixteen_officers_claiming_eight_documents_never_claim_one_twice() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            List<UUID> officers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                UUID officer = person("Officer " + round + "." + i);
                TestAccounts.exec(fixture.db(), "INSERT INTO role_assignments (user_id, role, scope, reason) VALUES ('" + officer
                        + "', 'compliance', 'global', 'race')");
                officers.add(officer);
            }
            List<UUID> docs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                UUID applicant = UUID.randomUUID();
                TestAccounts.exec(fixture.db(), "INSERT INTO users (id, display_name, email, kyc_status) VALUES ('" + applicant
                        + "', 'Applicant " + i + "', '" + applicant + "@concurrency.test', 'pending')");
                String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(("scan " + applicant).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                TestAccounts.exec(fixture.db(), "INSERT INTO document_blobs (sha256, media_type, bytes) VALUES ('" + sha + "', 'image/png', "
                        + "convert_to('scan " + applicant + "', 'UTF8'))");
                UUID doc = UUID.randomUUID();
                // older than anything else in the queue, so these eight are the first handed out
                TestAccounts.exec(fixture.db(), "INSERT INTO kyc_documents (id, user_id, doc_type, evidence_sha256, media_type, original_filename, "
                        + "risk_score, submitted_at) VALUES ('" + doc + "', '" + applicant + "', 'passport', '" + sha + "', 'image/png', 'scan.png', 10, "
                        + "TIMESTAMPTZ '1990-01-01 00:00:00Z' + interval '1 second' * " + (round * 8 + i) + ")");
                docs.add(doc);
            }
            long auditBefore = auditEntries();
            List<Callable<Outcome<Claim>>> work = new ArrayList<>();
            for (UUID officer : officers) {
                KycReview review = fixture.as(adapter, officer).kycReview();
                work.add(() -> review.claimNext(new ClaimNext(DocumentKind.KYC, QueueOrder.OLDEST_FIRST)));
            }
            List<Outcome<Claim>> outcomes = runTogether(work);
            Map<UUID, UUID> claimedBy = new HashMap<>();
            int claims = 0;
            for (int i = 0; i < outcomes.size(); i++) {
                if (outcomes.get(i) instanceof Outcome.Done<Claim> done) {
                    claims++;
                    assertThat(claimedBy.put(done.value().documentId(), officers.get(i)))
                            .as("document %s handed out twice", done.value().documentId()).isNull();
                }
            }
            assertThat(claimedBy.keySet()).as("all eight oldest documents were handed out").containsAll(docs);
            try (Connection c = fixture.db().ownerConnection()) {
                for (UUID doc : docs) {
                    assertThat(LedgerInvariants.number(c, "SELECT count(*) FROM kyc_documents WHERE id = ? AND claimed_by = ?", doc, claimedBy.get(doc)))
                            .as("the database holds the claim of the officer who was told so").isEqualTo(1);
                }
            }
            assertThat(auditEntries() - auditBefore).as("one KYC_CLAIMED entry per claim").isEqualTo(claims);
            assertAuditChainVerifies();
        }
    }

    static long auditEntries() throws SQLException {
        try (Connection c = fixture.db().ownerConnection()) {
            return LedgerInvariants.auditEntries(c);
        }
    }
}
