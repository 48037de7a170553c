package org.smartstart.backoffice.contract;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartstart.backoffice.domain.kyc.Claim;
import org.smartstart.backoffice.domain.kyc.ClaimNext;
import org.smartstart.backoffice.domain.kyc.Decision;
import org.smartstart.backoffice.domain.kyc.DecisionOutcome;
import org.smartstart.backoffice.domain.kyc.DecisionResult;
import org.smartstart.backoffice.domain.kyc.DocumentContent;
import org.smartstart.backoffice.domain.kyc.DocumentDetail;
import org.smartstart.backoffice.domain.kyc.DocumentKind;
import org.smartstart.backoffice.domain.kyc.KycReview;
import org.smartstart.backoffice.domain.kyc.QueueFilter;
import org.smartstart.backoffice.domain.kyc.QueueItem;
import org.smartstart.backoffice.domain.kyc.QueueOrder;
import org.smartstart.backoffice.domain.kyc.QueuePage;
import org.smartstart.backoffice.domain.kyc.ReviewCounts;
import org.smartstart.backoffice.domain.kyc.ReviewStatus;
import org.smartstart.backoffice.domain.kyc.SecondOpinion;
import org.smartstart.backoffice.domain.usecase.FieldProblem;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Rejection;
import org.smartstart.backoffice.testing.TestAccounts;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The KYC/KYB review queue (KY-1..KY-4, KY-7; KY-2 and KY-6 as effects), the same through every adapter. */
@ParameterizedClass
@EnumSource(Adapter.class)
class KycReviewContractTest {

    /** Each new "oldest" document is older than every one before it, so claimNext tests do not see each other's leftovers. */
    private static final AtomicLong AGE = new AtomicLong(2_000_000_000L);

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

    // ---- fixtures -------------------------------------------------------------------------

    static void exec(String sql, Object... params) throws SQLException {
        try (Connection c = fixture.db().ownerConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i] instanceof Instant t ? Timestamp.from(t) : params[i]);
            }
            p.execute();
        }
    }

    static String text(String sql, Object... params) throws SQLException {
        try (Connection c = fixture.db().ownerConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i]);
            }
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

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

    static UUID officer(String name) throws SQLException {
        return person(name, "compliance");
    }

    /** Stored bytes unique to one document, with their sha256 (KY-7). */
    record Evidence(byte[] bytes, String sha256) {
        static Evidence fresh() throws SQLException {
            byte[] bytes = ("scan " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
            String sha = KycReviewContractTest.sha256(bytes);
            exec("INSERT INTO document_blobs (sha256, media_type, bytes) VALUES (?, 'image/png', ?)", sha, bytes);
            return new Evidence(bytes, sha);
        }
    }

    record Doc(UUID id, Evidence evidence) {
    }

    static Doc kyc(UUID user, String type, int risk) throws SQLException {
        return kyc(user, type, risk, Instant.parse("2026-11-01T09:00:00Z"));
    }

    static Doc kyc(UUID user, String type, int risk, Instant submittedAt) throws SQLException {
        Evidence e = Evidence.fresh();
        UUID id = UUID.randomUUID();
        exec("""
                INSERT INTO kyc_documents (id, user_id, doc_type, evidence_sha256, media_type, original_filename, risk_score, submitted_at)
                VALUES (?, ?, ?::kyc_doc_type, ?, 'image/png', 'scan.png', ?, ?)""", id, user, type, e.sha256(), risk, submittedAt);
        return new Doc(id, e);
    }

    static Doc kyb(UUID venture, String type, int risk) throws SQLException {
        return kyb(venture, type, risk, Instant.parse("2026-11-01T09:00:00Z"));
    }

    static Doc kyb(UUID venture, String type, int risk, Instant submittedAt) throws SQLException {
        Evidence e = Evidence.fresh();
        UUID id = UUID.randomUUID();
        exec("""
                INSERT INTO kyb_documents (id, venture_id, doc_type, evidence_sha256, media_type, original_filename, risk_score, submitted_at)
                VALUES (?, ?, ?::kyb_doc_type, ?, 'image/png', 'scan.png', ?, ?)""",
                id, venture, type, e.sha256(), risk, submittedAt);
        return new Doc(id, e);
    }

    /** Older than every document created before. */
    static Instant oldest() {
        return Instant.ofEpochSecond(AGE.decrementAndGet() - 2_000_000_000L + 946_684_800L);
    }

    KycReview as(UUID user) {
        return fixture.as(adapter, user).kycReview();
    }

    static Decision approve(Doc doc) {
        return new Decision(DecisionOutcome.APPROVE, "verified_clear", "Photo and MRZ consistent.", "Your document was accepted.",
                doc.evidence().sha256());
    }

    static Decision reject(Doc doc, DecisionOutcome outcome) {
        return new Decision(outcome, "IMAGE_UNREADABLE", "Glare on the MRZ.", "Please upload a sharper photo.", doc.evidence().sha256());
    }

    static <T> T done(Outcome<T> outcome) {
        assertThat(outcome).as(outcome.describe()).isInstanceOf(Outcome.Done.class);
        return outcome.orElseThrow();
    }

    static Rejection rejected(Outcome<?> outcome, String ruleId) {
        assertThat(outcome).as(outcome.describe()).isInstanceOf(Outcome.Rejected.class);
        List<Rejection> rejections = ((Outcome.Rejected<?>) outcome).rejections();
        assertThat(rejections).extracting(Rejection::ruleId).contains(ruleId);
        return rejections.stream().filter(r -> r.ruleId().equals(ruleId)).findFirst().orElseThrow();
    }

    static long audits(UUID objectId, String action) throws SQLException {
        return Long.parseLong(text("SELECT count(*) FROM (SELECT action, object_id FROM audit_outbox UNION ALL SELECT action, object_id FROM audit_log) a "
                + "WHERE a.object_id = ? AND a.action = ?", objectId, action));
    }

    static String auditData(UUID objectId, String action, String key) throws SQLException {
        return text("SELECT data ->> ? FROM (SELECT action, object_id, data FROM audit_outbox UNION ALL SELECT action, object_id, data FROM audit_log) a "
                + "WHERE a.object_id = ? AND a.action = ?", key, objectId, action);
    }

    // ---- claims (KY-3) ----------------------------------------------------------------------

    @Test
    void claim_next_hands_out_the_oldest_claimable_document_and_records_the_claim() throws SQLException {
        UUID cleo = officer("Cleo Compliance");
        Doc old = kyc(person("Ada Applicant"), "passport", 20, oldest());

        Claim claim = done(as(cleo).claimNext(new ClaimNext(DocumentKind.KYC, QueueOrder.OLDEST_FIRST)));

        assertThat(claim.documentId()).isEqualTo(old.id());
        assertThat(claim.claimedBy()).isEqualTo(cleo);
        assertThat(claim.claimedUntil()).isEqualTo(fixture.clock().instant().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MICROS));
        assertThat(audits(old.id(), "KYC_CLAIMED")).isEqualTo(1);
        QueuePage mine = done(as(cleo).queue(QueueFilter.any().withMine(true)));
        assertThat(mine.items()).extracting(QueueItem::documentId).containsExactly(old.id());
    }

    @Test
    void claim_next_never_hands_a_reviewer_their_own_document() throws SQLException {
        UUID cleo = officer("Cleo Compliance");
        Doc own = kyc(cleo, "passport", 20, oldest());
        Doc other = kyc(person("Ada Applicant"), "passport", 20, oldest());

        Claim claim = done(as(cleo).claimNext(new ClaimNext(DocumentKind.KYC, null)));

        assertThat(claim.documentId()).isEqualTo(other.id()).isNotEqualTo(own.id());
    }

    @Test
    void sixteen_reviewers_claiming_at_once_get_sixteen_different_documents() throws Exception {
        List<UUID> docs = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            docs.add(kyc(person("Applicant " + i), "proof_of_address", 10, oldest()).id());
        }
        List<UUID> officers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            officers.add(officer("Officer " + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Outcome<Claim>>> claims = new ArrayList<>();
            for (UUID officer : officers) {
                KycReview review = as(officer);
                Callable<Outcome<Claim>> call = () -> {
                    start.await();
                    return review.claimNext(new ClaimNext(DocumentKind.KYC, QueueOrder.OLDEST_FIRST));
                };
                claims.add(pool.submit(call));
            }
            start.countDown();
            Set<UUID> got = new HashSet<>();
            for (Future<Outcome<Claim>> f : claims) {
                got.add(done(f.get(60, TimeUnit.SECONDS)).documentId());
            }
            assertThat(got).hasSize(16).containsExactlyInAnyOrderElementsOf(docs);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void claim_next_skips_live_claims_and_hands_out_an_expired_claim_in_queue_order_naming_the_old_claim() throws SQLException {
        UUID cleo = officer("Cleo Compliance");
        UUID dan = officer("Dan Diligence");
        UUID erin = officer("Erin Examiner");
        Doc newer = kyc(person("Bo Applicant"), "passport", 20, oldest());
        Doc older = kyc(person("Ada Applicant"), "passport", 20, oldest());
        Claim cleos = done(as(cleo).claim(older.id()));

        assertThat(done(as(dan).claimNext(new ClaimNext(DocumentKind.KYC, QueueOrder.OLDEST_FIRST))).documentId())
                .as("the older document is under Cleo's live claim").isEqualTo(newer.id());

        fixture.clock().advance(Duration.ofMinutes(31));
        Claim erins = done(as(erin).claimNext(new ClaimNext(DocumentKind.KYC, QueueOrder.OLDEST_FIRST)));

        assertThat(erins.documentId()).isEqualTo(older.id());
        assertThat(text("SELECT data ->> 'previous_claim_by' FROM (SELECT object_id, action, data FROM audit_outbox UNION ALL "
                + "SELECT object_id, action, data FROM audit_log) a WHERE a.object_id = ? AND a.action = 'KYC_CLAIMED' "
                + "AND a.data ->> 'how' = 'next'", older.id())).isEqualTo(cleo.toString());
        assertThat(text("SELECT data ->> 'previous_claim_until' FROM (SELECT object_id, action, data FROM audit_outbox UNION ALL "
                + "SELECT object_id, action, data FROM audit_log) a WHERE a.object_id = ? AND a.action = 'KYC_CLAIMED' "
                + "AND a.data ->> 'how' = 'next'", older.id())).isEqualTo(cleos.claimedUntil().toString());
        assertThat(text("SELECT claimed_by::text FROM kyc_documents WHERE id = ?", older.id())).isEqualTo(erin.toString());
    }

    @Test
    void claim_next_of_either_kind_merges_kyc_and_kyb_in_the_order_asked() throws SQLException {
        UUID cleo = officer("Cleo Compliance");
        UUID founder = person("Fay Founder");
        UUID venture = TestAccounts.venture(fixture.db(), "Merge Works " + UUID.randomUUID().toString().substring(0, 8), "eu", "draft", founder);
        Doc kycNewer = kyc(person("Ada Applicant"), "passport", 100, oldest());
        Doc kybOlder = kyb(venture, "tax_id", 100, oldest());
        Doc kycOldest = kyc(person("Bo Applicant"), "passport", 99, oldest());

        // highest risk first: the two at 100 before the oldest one at 99, the older of them (KYB) first
        Claim first = done(as(cleo).claimNext(new ClaimNext(null, QueueOrder.HIGHEST_RISK_FIRST)));
        Claim second = done(as(cleo).claimNext(new ClaimNext(null, QueueOrder.HIGHEST_RISK_FIRST)));
        // oldest first: the KYC document older than every other
        Claim third = done(as(cleo).claimNext(new ClaimNext(null, QueueOrder.OLDEST_FIRST)));

        assertThat(List.of(first.documentId(), second.documentId(), third.documentId()))
                .containsExactly(kybOlder.id(), kycNewer.id(), kycOldest.id());
        assertThat(first.kind()).isEqualTo(DocumentKind.KYB);
        assertThat(second.kind()).isEqualTo(DocumentKind.KYC);
        assertThat(text("SELECT venture_id::text FROM (SELECT object_id, action, venture_id FROM audit_outbox UNION ALL "
                + "SELECT object_id, action, venture_id FROM audit_log) a WHERE a.object_id = ? AND a.action = 'KYB_CLAIMED'",
                kybOlder.id())).isEqualTo(venture.toString());
        assertThat(text("SELECT claimed_by::text FROM kyb_documents WHERE id = ?", kybOlder.id())).isEqualTo(cleo.toString());
    }

    @Test
    void a_document_claimed_by_another_reviewer_is_a_conflict_until_the_claim_expires() throws SQLException {
        UUID cleo = officer("Cleo Compliance");
        UUID dan = officer("Dan Diligence");
        Doc doc = kyc(person("Ada Applicant"), "passport", 20);
        done(as(cleo).claim(doc.id()));

        Outcome<Claim> taken = as(dan).claim(doc.id());
        assertThat(taken).isInstanceOf(Outcome.Conflict.class);
        assertThat(taken.describe()).contains("Cleo Compliance");

        fixture.clock().advance(Duration.ofMinutes(31));
        Claim dans = done(as(dan).claim(doc.id()));
        assertThat(dans.claimedBy()).isEqualTo(dan);

        Rejection late = rejected(as(cleo).decide(doc.id(), approve(doc)), "KY-3");
        assertThat(late.message()).contains("Cleo Compliance", "claimed by Dan Diligence", dans.claimedUntil().toString());
        assertThat(text("SELECT status::text FROM kyc_documents WHERE id = ?", doc.id())).isEqualTo("pending");
    }

    @Test
    void a_decision_after_ones_own_claim_expired_is_refused() throws SQLException {
        UUID cleo = officer("Cleo Compliance");
        Doc doc = kyc(person("Ada Applicant"), "passport", 20);
        Claim claim = done(as(cleo).claim(doc.id()));

        fixture.clock().advance(Duration.ofMinutes(30));

        Rejection r = rejected(as(cleo).decide(doc.id(), approve(doc)), "KY-3");
        assertThat(r.message()).contains("expired at " + claim.claimedUntil());
        assertThat(audits(doc.id(), "KYC_DECISION")).isZero();
    }

    @Test
    void released_claims_go_back_to_the_queue_and_only_the_holder_releases() throws SQLException {
        UUID cleo = officer("Cleo Compliance");
        UUID dan = officer("Dan Diligence");
        Doc doc = kyc(person("Ada Applicant"), "passport", 20);
        done(as(cleo).claim(doc.id()));

        assertThat(as(dan).releaseClaim(doc.id())).isInstanceOf(Outcome.Conflict.class);
        done(as(cleo).releaseClaim(doc.id()));

        assertThat(audits(doc.id(), "KYC_CLAIM_RELEASED")).isEqualTo(1);
        assertThat(done(as(dan).claim(doc.id())).claimedBy()).isEqualTo(dan);
    }

    @Test
    void nobody_claims_their_own_kyc_document_or_a_kyb_document_of_their_venture() throws SQLException {
        UUID cleo = officer("Cleo Compliance");
        Doc own = kyc(cleo, "passport", 20);
        UUID venture = TestAccounts.venture(fixture.db(), "Cleo Ventures " + UUID.randomUUID().toString().substring(0, 8), "ca", "draft", cleo);
        Doc kyb = kyb(venture, "tax_id", 20);

        assertThat(rejected(as(cleo).claim(own.id()), "KY-3").message()).contains("Cleo Compliance", "their own KYC document");
        assertThat(rejected(as(cleo).claim(kyb.id()), "KY-3").message()).contains("they own the venture Cleo Ventures");
        assertThat(audits(own.id(), "KYC_CLAIMED")).isZero();
    }

    // ---- decisions (KY-1, KY-2, KY-7) -------------------------------------------------------

    @Test
    void verifying_identity_and_address_makes_the_applicant_verified() throws SQLException {
        UUID cleo = officer("Cleo Compliance");
        UUID ada = person("Ada Applicant");
        Doc passport = kyc(ada, "passport", 20);
        Doc address = kyc(ada, "proof_of_address", 20);
        done(as(cleo).claim(passport.id()));
        done(as(cleo).claim(address.id()));

        DecisionResult first = done(as(cleo).decide(passport.id(), approve(passport)));
        assertThat(first.status()).isEqualTo(ReviewStatus.VERIFIED);
        assertThat(first.kycStatusAfter()).isEqualTo("pending");

        DecisionResult second = done(as(cleo).decide(address.id(), approve(address)));
        assertThat(second.kycStatusBefore()).isEqualTo("pending");
        assertThat(second.kycStatusAfter()).isEqualTo("verified");
        assertThat(second.effects()).anyMatch(e -> e.contains("from pending to verified"));
        assertThat(text("SELECT kyc_status::text FROM users WHERE id = ?", ada)).isEqualTo("verified");
        assertThat(audits(address.id(), "KYC_DECISION")).isEqualTo(1);
        assertThat(auditData(address.id(), "KYC_DECISION", "reviewed_sha256")).isEqualTo(address.evidence().sha256());

        DocumentDetail detail = done(as(cleo).document(address.id()));
        assertThat(detail.status()).isEqualTo(ReviewStatus.VERIFIED);
        assertThat(detail.sha256()).isEqualTo(address.evidence().sha256());
        assertThat(detail.reviewedBy()).isEqualTo(cleo);
        assertThat(detail.reasonCode()).isEqualTo("verified_clear");
        assertThat(detail.history()).singleElement().satisfies(h -> {
            assertThat(h.step()).isEqualTo("decision");
            assertThat(h.reviewerId()).isEqualTo(cleo);
            assertThat(h.reviewedSha256()).isEqualTo(address.evidence().sha256());
        });
    }

    @Test
    void a_final_rejection_records_everything_and_rejects_the_applicant() throws SQLException {
        UUID cleo = officer("Cleo Compliance");
        UUID ada = person("Ada Applicant");
        Doc passport = kyc(ada, "passport", 20);
        done(as(cleo).claim(passport.id()));

        DecisionResult result = done(as(cleo).decide(passport.id(), reject(passport, DecisionOutcome.REJECT_FINAL)));

        assertThat(result.status()).isEqualTo(ReviewStatus.REJECTED);
        assertThat(result.kycStatusAfter()).isEqualTo("rejected");
        DocumentDetail detail = done(as(cleo).document(passport.id()));
        assertThat(detail.rejectionFinal()).isTrue();
        assertThat(detail.internalComment()).isEqualTo("Glare on the MRZ.");
        assertThat(detail.applicantComment()).isEqualTo("Please upload a sharper photo.");
        assertThat(detail.decidedAt()).isEqualTo(fixture.clock().instant().truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void a_decided_document_is_not_decided_again() throws SQLException {
        UUID cleo = officer("Cleo Compliance");
        Doc doc = kyc(person("Ada Applicant"), "passport", 20);
        done(as(cleo).claim(doc.id()));
        done(as(cleo).decide(doc.id(), reject(doc, DecisionOutcome.REJECT_RESUBMIT)));

        Rejection r = rejected(as(cleo).decide(doc.id(), approve(doc)), "KY-1");

        assertThat(r.message()).contains(doc.id().toString(), "already rejected");
        assertThat(rejected(as(cleo).claim(doc.id()), "KY-1").message()).contains("only pending documents");
        assertThat(text("SELECT status::text FROM kyc_documents WHERE id = ?", doc.id())).isEqualTo("rejected");
    }

    @Test
    void deciding_without_a_claim_is_refused() throws SQLException {
        UUID cleo = officer("Cleo Compliance");
        Doc doc = kyc(person("Ada Applicant"), "passport", 20);

        Rejection r = rejected(as(cleo).decide(doc.id(), approve(doc)), "KY-3");

        assertThat(r.message()).contains("Cleo Compliance", "nobody holds a claim");
    }

    @Test
    void a_decision_on_other_bytes_than_the_stored_ones_is_refused_with_both_hashes() throws SQLException {
        UUID cleo = officer("Cleo Compliance");
        Doc doc = kyc(person("Ada Applicant"), "passport", 20);
        done(as(cleo).claim(doc.id()));
        String other = "0".repeat(64);

        Rejection r = rejected(as(cleo).decide(doc.id(), new Decision(DecisionOutcome.APPROVE, "ok", "fine", null, other)), "KY-7");

        assertThat(r.message()).contains(other, doc.evidence().sha256());
        assertThat(text("SELECT status::text FROM kyc_documents WHERE id = ?", doc.id())).isEqualTo("pending");
        assertThat(audits(doc.id(), "KYC_DECISION")).isZero();
    }

    @Test
    void the_content_is_the_stored_bytes_with_their_sha256() throws SQLException {
        UUID cleo = officer("Cleo Compliance");
        Doc doc = kyc(person("Ada Applicant"), "passport", 20);

        DocumentContent content = done(as(cleo).content(doc.id()));

        assertThat(Base64.getDecoder().decode(content.base64())).isEqualTo(doc.evidence().bytes());
        assertThat(content.sha256()).isEqualTo(doc.evidence().sha256()).isEqualTo(sha256(doc.evidence().bytes()));
        assertThat(content.mediaType()).isEqualTo("image/png");
    }

    // ---- four eyes (KY-4) ------------------------------------------------------------------

    @Test
    void a_risky_approval_waits_for_a_different_officer_who_confirms_it() throws SQLException {
        UUID cleo = officer("Cleo Compliance");
        UUID dan = officer("Dan Diligence");
        Doc doc = kyc(person("Ada Applicant"), "passport", 82);
        done(as(cleo).claim(doc.id()));

        DecisionResult first = done(as(cleo).decide(doc.id(), approve(doc)));
        assertThat(first.status()).isEqualTo(ReviewStatus.AWAITING_SECOND_APPROVAL);
        assertThat(first.effects()).anyMatch(e -> e.contains("risk score 82") && e.contains("KY-4"));
        QueuePage awaiting = done(as(dan).queue(QueueFilter.any().withKind(DocumentKind.KYC).withStatus(ReviewStatus.AWAITING_SECOND_APPROVAL).withLimit(500)));
        assertThat(awaiting.items()).extracting(QueueItem::documentId).contains(doc.id());

        Rejection own = rejected(as(cleo).secondApproval(doc.id(), SecondOpinion.CONFIRM, "Looks right"), "KY-4");
        assertThat(own.message()).contains("risk score 82", "first approved by Cleo Compliance", "different compliance officer");

        DecisionResult confirmed = done(as(dan).secondApproval(doc.id(), SecondOpinion.CONFIRM, "Agree"));
        assertThat(confirmed.status()).isEqualTo(ReviewStatus.VERIFIED);
        assertThat(audits(doc.id(), "KYC_SECOND_APPROVAL")).isEqualTo(1);
        assertThat(done(as(dan).document(doc.id())).history()).extracting(h -> h.step()).containsExactly("first_approval", "confirm");
    }

    @Test
    void an_overturned_approval_goes_back_to_the_queue() throws SQLException {
        UUID cleo = officer("Cleo Compliance");
        UUID dan = officer("Dan Diligence");
        Doc doc = kyc(person("Ada Applicant"), "id_card", 75);
        done(as(cleo).claim(doc.id()));
        done(as(cleo).decide(doc.id(), approve(doc)));

        DecisionResult overturned = done(as(dan).secondApproval(doc.id(), SecondOpinion.OVERTURN, "Photo does not match the selfie"));

        assertThat(overturned.status()).isEqualTo(ReviewStatus.PENDING);
        DocumentDetail detail = done(as(dan).document(doc.id()));
        assertThat(detail.status()).isEqualTo(ReviewStatus.PENDING);
        assertThat(detail.claimedBy()).isNull();
        assertThat(rejected(as(dan).secondApproval(doc.id(), SecondOpinion.CONFIRM, "again"), "KY-4").message())
                .contains("not awaiting a second approval");
    }

    // ---- KYB and KY-6 ------------------------------------------------------------------------

    @Test
    void verifying_articles_and_tax_id_says_the_venture_may_be_activated() throws SQLException {
        UUID cleo = officer("Cleo Compliance");
        UUID founder = person("Fay Founder");
        String name = "Initech " + UUID.randomUUID().toString().substring(0, 8);
        UUID venture = TestAccounts.venture(fixture.db(), name, "ca", "draft", founder);
        Doc articles = kyb(venture, "articles_of_inc", 20);
        Doc taxId = kyb(venture, "tax_id", 20);
        done(as(cleo).claim(articles.id()));
        done(as(cleo).claim(taxId.id()));

        DecisionResult first = done(as(cleo).decide(articles.id(), approve(articles)));
        assertThat(first.effects()).anyMatch(e -> e.contains("still needs verified tax_id"));
        DecisionResult second = done(as(cleo).decide(taxId.id(), approve(taxId)));

        assertThat(second.kind()).isEqualTo(DocumentKind.KYB);
        assertThat(second.kycStatusAfter()).isNull();
        assertThat(second.effects()).anyMatch(e -> e.contains(name) && e.contains("may be activated (KY-6)"));
        assertThat(audits(taxId.id(), "KYB_DECISION")).isEqualTo(1);
    }

    // ---- permission, not found, invalid --------------------------------------------------------

    @Test
    void only_compliance_reviews_documents() throws SQLException {
        Doc doc = kyc(person("Ada Applicant"), "passport", 20);
        for (UUID user : List.of(person("Adam Admin", "admin"), person("Sam Support", "support"), person("Otto Outsider"))) {
            KycReview review = as(user);
            List<Function<KycReview, Outcome<?>>> calls = List.of(
                    r -> r.queue(QueueFilter.pending()), KycReview::counts, r -> r.claimNext(new ClaimNext(null, null)),
                    r -> r.claim(doc.id()), r -> r.releaseClaim(doc.id()), r -> r.document(doc.id()), r -> r.content(doc.id()),
                    r -> r.decide(doc.id(), approve(doc)), r -> r.secondApproval(doc.id(), SecondOpinion.CONFIRM, "ok"));
            for (Function<KycReview, Outcome<?>> call : calls) {
                Outcome<?> outcome = call.apply(review);
                assertThat(outcome).as(outcome.describe()).isInstanceOf(Outcome.Denied.class);
                assertThat(outcome.describe()).contains("decide KYC/KYB documents", "compliance");
            }
        }
        assertThat(audits(doc.id(), "KYC_CLAIMED")).isZero();
    }

    @Test
    void compliance_sees_the_queue_and_the_counts() throws SQLException {
        UUID cleo = officer("Cleo Compliance");
        Doc doc = kyc(person("Ada Applicant"), "drivers_license", 99, oldest());

        QueuePage page = done(as(cleo).queue(QueueFilter.pending().withKind(DocumentKind.KYC).withDocType("drivers_license")
                .withOrder(QueueOrder.HIGHEST_RISK_FIRST).withLimit(500)));
        ReviewCounts counts = done(as(cleo).counts());

        assertThat(page.items()).extracting(QueueItem::documentId).contains(doc.id());
        assertThat(page.items()).allSatisfy(i -> assertThat(i.docType()).isEqualTo("drivers_license"));
        assertThat(page.items()).extracting(QueueItem::riskScore).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        assertThat(counts.pending()).isPositive();
        QueuePage one = done(as(cleo).queue(QueueFilter.any().withLimit(1)));
        assertThat(one.items()).hasSize(1);
        assertThat(one.more()).isTrue();
    }

    @Test
    void unknown_documents_are_not_found() throws SQLException {
        UUID cleo = officer("Cleo Compliance");
        UUID unknown = UUID.randomUUID();
        Doc shape = new Doc(unknown, new Evidence(new byte[0], "a".repeat(64)));

        assertThat(as(cleo).claim(unknown)).isInstanceOf(Outcome.NotFound.class);
        assertThat(as(cleo).document(unknown)).isInstanceOf(Outcome.NotFound.class);
        assertThat(as(cleo).content(unknown)).isInstanceOf(Outcome.NotFound.class);
        assertThat(as(cleo).decide(unknown, approve(shape))).isInstanceOf(Outcome.NotFound.class);
        assertThat(as(cleo).secondApproval(unknown, SecondOpinion.CONFIRM, "ok")).isInstanceOf(Outcome.NotFound.class);
    }

    @Test
    void malformed_requests_are_invalid_naming_the_fields() throws SQLException {
        UUID cleo = officer("Cleo Compliance");
        Doc doc = kyc(person("Ada Applicant"), "passport", 20);
        done(as(cleo).claim(doc.id()));

        Outcome<DecisionResult> bad = as(cleo).decide(doc.id(), new Decision(DecisionOutcome.REJECT_FINAL, " ", "", null, "abc"));
        assertThat(bad).isInstanceOf(Outcome.Invalid.class);
        assertThat(((Outcome.Invalid<?>) bad).problems()).extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("reasonCode", "internalComment", "applicantComment", "reviewedSha256");

        Outcome<DecisionResult> noComment = as(cleo).secondApproval(doc.id(), SecondOpinion.CONFIRM, " ");
        assertThat(((Outcome.Invalid<?>) noComment).problems()).extracting(FieldProblem::field).containsExactly("comment");

        Outcome<QueuePage> badLimit = as(cleo).queue(QueueFilter.any().withDocType("selfie").withLimit(0));
        assertThat(((Outcome.Invalid<?>) badLimit).problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder("limit", "docType");
        assertThat(text("SELECT status::text FROM kyc_documents WHERE id = ?", doc.id())).isEqualTo("pending");
    }

    // ---- queue filters (issue 5) --------------------------------------------------------------

    /** An applicant living in {@code country}. */
    static UUID applicantIn(String name, String country) throws SQLException {
        UUID id = person(name);
        exec("UPDATE users SET country_code = ? WHERE id = ?", country, id);
        return id;
    }

    static Set<UUID> ids(QueuePage page) {
        Set<UUID> ids = new HashSet<>();
        page.items().forEach(i -> ids.add(i.documentId()));
        return ids;
    }

    @Test
    void the_queue_filters_by_country_risk_age_assignee_and_overdue() throws SQLException {
        UUID cleo = officer("Cleo Compliance");
        Instant now = fixture.clock().instant();
        // a country no other test uses, so the page holds only these documents
        String country = "L" + (char) ('A' + adapter.ordinal());
        UUID ada = applicantIn("Ada Applicant", country);
        UUID ben = applicantIn("Ben Applicant", country);
        UUID cy = applicantIn("Cy Applicant", "MT");
        Doc oldRisky = kyc(ada, "passport", 80, now.minus(Duration.ofDays(10)));
        Doc recentCalm = kyc(ben, "id_card", 30, now.minus(Duration.ofDays(2)));
        Doc elsewhere = kyc(cy, "passport", 90, now.minus(Duration.ofDays(10)));
        UUID venture = TestAccounts.venture(fixture.db(), "Ada Labs " + UUID.randomUUID().toString().substring(0, 8), "eu", "draft", ada);
        Doc ventureDoc = kyb(venture, "tax_id", 50);
        QueueFilter inCountry = QueueFilter.pending().withCountry(country.toLowerCase(java.util.Locale.ROOT)).withLimit(500);

        QueuePage all = done(as(cleo).queue(inCountry));
        assertThat(ids(all)).containsExactlyInAnyOrder(oldRisky.id(), recentCalm.id(), ventureDoc.id()).doesNotContain(elsewhere.id());
        assertThat(all.items()).allSatisfy(i -> assertThat(i.country()).isEqualTo(country));
        assertThat(ids(done(as(cleo).queue(inCountry.withRisk(50, null))))).containsExactlyInAnyOrder(oldRisky.id(), ventureDoc.id());
        assertThat(ids(done(as(cleo).queue(inCountry.withRisk(null, 50))))).containsExactlyInAnyOrder(recentCalm.id(), ventureDoc.id());
        assertThat(ids(done(as(cleo).queue(inCountry.withRisk(31, 79))))).containsExactly(ventureDoc.id());
        assertThat(ids(done(as(cleo).queue(inCountry.withMinAgeDays(5).withKind(DocumentKind.KYC))))).containsExactly(oldRisky.id());

        // review deadline: 24 hours at risk >= 70 (four eyes), 72 hours otherwise
        QueueItem risky = all.items().stream().filter(i -> i.documentId().equals(oldRisky.id())).findFirst().orElseThrow();
        QueueItem calm = all.items().stream().filter(i -> i.documentId().equals(recentCalm.id())).findFirst().orElseThrow();
        assertThat(risky.dueAt()).isEqualTo(risky.submittedAt().plus(Duration.ofHours(24)));
        assertThat(calm.dueAt()).isEqualTo(calm.submittedAt().plus(Duration.ofHours(72)));
        assertThat(ids(done(as(cleo).queue(inCountry.withKind(DocumentKind.KYC).withOverdue(true))))).containsExactly(oldRisky.id());
        QueuePage byDue = done(as(cleo).queue(inCountry.withOrder(QueueOrder.DUE_FIRST)));
        assertThat(byDue.items()).extracting(QueueItem::dueAt).isSorted();
        assertThat(byDue.items()).extracting(QueueItem::documentId).containsSubsequence(oldRisky.id(), recentCalm.id());

        done(as(cleo).claim(recentCalm.id()));
        assertThat(ids(done(as(cleo).queue(inCountry.withAssignee(cleo))))).containsExactly(recentCalm.id());
        assertThat(ids(done(as(cleo).queue(inCountry.withAssignee(UUID.randomUUID()))))).isEmpty();
        assertThat(done(as(cleo).reviewers())).extracting(r -> r.userId()).contains(cleo);
    }

    @Test
    void bad_filter_input_is_invalid_naming_each_field() throws SQLException {
        UUID cleo = officer("Cleo Compliance");

        Outcome<QueuePage> bad = as(cleo).queue(QueueFilter.any().withCountry("Germany").withRisk(0, 101).withMinAgeDays(-1));
        assertThat(bad).isInstanceOf(Outcome.Invalid.class);
        assertThat(((Outcome.Invalid<?>) bad).problems()).extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("country", "minRisk", "maxRisk", "minAgeDays");
        assertThat(bad.describe()).contains("Germany", "ISO 3166");

        Outcome<QueuePage> crossed = as(cleo).queue(QueueFilter.any().withRisk(80, 20));
        assertThat(((Outcome.Invalid<?>) crossed).problems()).singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("maxRisk"))
                .satisfies(p -> assertThat(p.message()).contains("minRisk"));
    }

    // ---- review pane and history (issue 5) -----------------------------------------------------

    @Test
    void a_kyc_document_shows_the_applicant_devices_other_documents_and_its_audited_history() throws SQLException {
        UUID cleo = officer("Cleo Compliance");
        UUID ada = applicantIn("Ada Applicant", "PT");
        exec("UPDATE users SET trust_score = 72.5 WHERE id = ?", ada);
        exec("INSERT INTO device_posture_reports (user_id, device_id, os, encrypted_disk, av_status, last_seen_at) "
                + "VALUES (?, 'laptop-1', 'macOS 15', true, 'healthy', now()), (?, 'phone-2', 'Android 14', false, 'healthy', now() - interval '1 day')",
                ada, ada);
        Doc first = kyc(ada, "passport", 20, oldest());
        Doc second = kyc(ada, "proof_of_address", 20, oldest());
        done(as(cleo).claim(first.id()));
        done(as(cleo).decide(first.id(), reject(first, DecisionOutcome.REJECT_RESUBMIT)));

        DocumentDetail detail = done(as(cleo).document(second.id()));

        assertThat(detail.subject().country()).isEqualTo("PT");
        assertThat(detail.subject().trustScore()).isEqualByComparingTo("72.5");
        assertThat(detail.subject().devices()).extracting(d -> d.deviceId() + ":" + d.compliant())
                .containsExactly("laptop-1:true", "phone-2:false");
        assertThat(detail.subject().nonCompliantDevices()).isEqualTo(1);
        assertThat(detail.subject().otherDocuments()).singleElement().satisfies(o -> {
            assertThat(o.documentId()).isEqualTo(first.id());
            assertThat(o.status()).isEqualTo(ReviewStatus.REJECTED);
            assertThat(o.rejectionFinal()).isFalse();
            assertThat(o.reviewerName()).isEqualTo("Cleo Compliance");
            assertThat(o.reasonCode()).isEqualTo("IMAGE_UNREADABLE");
        });

        DocumentDetail decided = done(as(cleo).document(first.id()));
        assertThat(decided.objectType()).isEqualTo("kyc_document");
        assertThat(decided.trail()).extracting(e -> e.action()).containsExactly("KYC_CLAIMED", "KYC_DECISION");
        assertThat(decided.trail().get(0).decision()).isNull();
        assertThat(decided.trail().get(1).decision()).isNotNull()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo("reject_resubmit"));
        assertThat(decided.trail()).allSatisfy(e -> {
            assertThat(e.actorId()).isEqualTo(cleo);
            assertThat(e.seq() == null).isEqualTo(e.txHash() == null);
        });
    }

    @Test
    void a_kyb_document_shows_the_venture_its_owner_and_its_other_documents() throws SQLException {
        UUID cleo = officer("Cleo Compliance");
        UUID founder = applicantIn("Fay Founder", "IE");
        UUID venture = TestAccounts.venture(fixture.db(), "Fay Works " + UUID.randomUUID().toString().substring(0, 8), "eu", "draft", founder);
        Doc articles = kyb(venture, "articles_of_inc", 20);
        Doc tax = kyb(venture, "tax_id", 20);

        DocumentDetail detail = done(as(cleo).document(tax.id()));

        assertThat(detail.objectType()).isEqualTo("kyb_document");
        assertThat(detail.subject().kind()).isEqualTo(DocumentKind.KYB);
        assertThat(detail.subject().ventureStatus()).isEqualTo("draft");
        assertThat(detail.subject().ownerId()).isEqualTo(founder);
        assertThat(detail.subject().ownerName()).isEqualTo("Fay Founder");
        assertThat(detail.subject().country()).isEqualTo("IE");
        assertThat(detail.subject().devices()).isEmpty();
        assertThat(detail.subject().otherDocuments()).extracting(o -> o.documentId()).containsExactly(articles.id());
        assertThat(detail.trail()).isEmpty();
    }
}

