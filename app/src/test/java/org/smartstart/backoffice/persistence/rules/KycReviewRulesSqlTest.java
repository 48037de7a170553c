package org.smartstart.backoffice.persistence.rules;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartstart.backoffice.persistence.rules.RuleSql.*;

/** KY-1, KY-2, KY-3, KY-4 and KY-7 (V12) as PostgreSQL enforces them against plain SQL from the application's role. */
class KycReviewRulesSqlTest {

    private static final String SHA = "a".repeat(64);
    private static final String OTHER_SHA = "b".repeat(64);

    private static TestDatabase db;
    private Connection owner;
    private Connection asReviewer;
    private String applicantName;
    private UUID applicant;
    private String reviewerName;
    private UUID reviewer;
    private UUID second;

    @BeforeAll
    static void createDatabase() {
        db = TestPostgres.newDatabase();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @BeforeEach
    void applicantAndOfficers() throws SQLException {
        owner = db.ownerConnection();
        applicantName = unique("Ada");
        applicant = user(owner, applicantName, "pending");
        reviewerName = unique("Rex");
        reviewer = user(owner, reviewerName, "verified");
        second = user(owner, unique("Sue"), "verified");
        // reviewers are compliance officers: row-level security (ID-5) shows them every document, and ID-3
        // lets them decide, so what refuses each case below is the KY rule under test
        for (UUID officer : new UUID[] {reviewer, second}) {
            exec(owner, "INSERT INTO role_assignments (user_id, role, scope, reason) VALUES (?, 'compliance', 'global', 'test')", officer);
        }
        asReviewer = db.appConnection(reviewer);
    }

    @AfterEach
    void close() throws SQLException {
        asReviewer.close();
        owner.close();
    }

    private UUID document(UUID user, String type, int risk) throws SQLException {
        return uuid(owner, """
                INSERT INTO kyc_documents (user_id, doc_type, evidence_sha256, risk_score, submitted_at)
                VALUES (?, ?::kyc_doc_type, ?, ?, TIMESTAMPTZ '2026-11-01 09:00Z') RETURNING id""", user, type, SHA, risk);
    }

    private void claim(UUID document, UUID by) throws SQLException {
        exec(owner, "UPDATE kyc_documents SET claimed_by = ?, claimed_until = TIMESTAMPTZ '2026-11-02 10:30Z' WHERE id = ?", by, document);
    }

    /** A complete decision at 10:00 on 2026-11-02 by the reviewer connection's user. */
    private void decide(Connection c, UUID document, UUID by, String status, Boolean rejectionFinal, String sha) throws SQLException {
        exec(c, """
                UPDATE kyc_documents SET status = ?::doc_status, reviewed_by = ?, decided_at = TIMESTAMPTZ '2026-11-02 10:00Z',
                       reason_code = 'checked', reviewer_comment = 'looked at it', applicant_comment = '', rejection_final = ?,
                       reviewed_sha256 = ?
                 WHERE id = ?""", status, by, rejectionFinal, sha, document);
    }

    // ---- KY-1 -----------------------------------------------------------------------------

    @Test
    void ky1_a_decided_document_never_changes_status_again() throws SQLException {
        UUID doc = document(applicant, "passport", 20);
        claim(doc, reviewer);
        decide(asReviewer, doc, reviewer, "rejected", false, SHA);

        assertRefused(() -> exec(asReviewer, "UPDATE kyc_documents SET status = 'verified' WHERE id = ?", doc),
                "SSK01", "KY-1", doc.toString(), "already rejected", reviewerName, "status verified refused");
    }

    @Test
    void ky1_a_decision_without_reason_code_is_refused() throws SQLException {
        UUID doc = document(applicant, "passport", 20);
        claim(doc, reviewer);

        assertRefused(() -> exec(asReviewer, """
                        UPDATE kyc_documents SET status = 'verified', reviewed_by = ?, decided_at = TIMESTAMPTZ '2026-11-02 10:00Z',
                               reviewer_comment = 'ok', applicant_comment = '', reviewed_sha256 = ? WHERE id = ?""", reviewer, SHA, doc),
                "SSK01", "KY-1", "pending to verified", "reason code (none)");
    }

    @Test
    void ky1_a_rejection_must_say_final_or_resubmit() throws SQLException {
        UUID doc = document(applicant, "passport", 20);
        claim(doc, reviewer);

        assertRefused(() -> decide(asReviewer, doc, reviewer, "rejected", null, SHA), "SSK01", "KY-1", "final or resubmit (not given)");
    }

    // ---- KY-2 -----------------------------------------------------------------------------

    @Test
    void ky2_the_kyc_status_follows_the_decisions_and_cannot_be_set_against_them() throws SQLException {
        UUID passport = document(applicant, "passport", 20);
        UUID address = document(applicant, "proof_of_address", 20);
        claim(passport, reviewer);
        claim(address, reviewer);
        decide(asReviewer, passport, reviewer, "verified", null, SHA);
        assertThat(text(owner, "SELECT kyc_status::text FROM users WHERE id = ?", applicant)).isEqualTo("pending");
        decide(asReviewer, address, reviewer, "verified", null, SHA);
        assertThat(text(owner, "SELECT kyc_status::text FROM users WHERE id = ?", applicant)).isEqualTo("verified");

        assertRefused(() -> exec(asReviewer, "UPDATE users SET kyc_status = 'pending' WHERE id = ?", applicant),
                "SSK02", "KY-2", applicantName, "derived from their documents (verified)", "cannot be set to pending");
    }

    @Test
    void ky2_a_final_rejection_makes_the_person_rejected() throws SQLException {
        UUID passport = document(applicant, "passport", 20);
        claim(passport, reviewer);

        decide(asReviewer, passport, reviewer, "rejected", true, SHA);

        assertThat(text(owner, "SELECT kyc_status::text FROM users WHERE id = ?", applicant)).isEqualTo("rejected");
    }

    // ---- KY-3 -----------------------------------------------------------------------------

    @Test
    void ky3_deciding_without_a_claim_is_refused() throws SQLException {
        UUID doc = document(applicant, "passport", 20);

        assertRefused(() -> decide(asReviewer, doc, reviewer, "verified", null, SHA),
                "SSK03", "KY-3", reviewerName, "without holding its claim", "claimed by nobody");
    }

    @Test
    void ky3_deciding_after_the_claim_expired_is_refused() throws SQLException {
        UUID doc = document(applicant, "passport", 20);
        exec(owner, "UPDATE kyc_documents SET claimed_by = ?, claimed_until = TIMESTAMPTZ '2026-11-02 09:59Z' WHERE id = ?", reviewer, doc);

        assertRefused(() -> decide(asReviewer, doc, reviewer, "verified", null, SHA),
                "SSK03", "KY-3", "without holding its claim", "2026-11-02 09:59:00+00");
    }

    @Test
    void ky3_deciding_for_someone_else_is_refused() throws SQLException {
        UUID doc = document(applicant, "passport", 20);
        claim(doc, second);

        assertRefused(() -> decide(asReviewer, doc, second, "verified", null, SHA),
                "SSK03", "KY-3", "records", "as the decider", reviewerName + " is acting");
    }

    @Test
    void ky3_nobody_claims_their_own_document() throws SQLException {
        UUID own = document(reviewer, "passport", 20);

        assertRefused(() -> claim(own, reviewer), "SSK03", "KY-3", reviewerName, "cannot claim", "their own KYC document");
    }

    @Test
    void ky3_nobody_claims_a_kyb_document_of_their_own_venture() throws SQLException {
        String ventureName = unique("Globex");
        UUID venture = venture(owner, ventureName, reviewer);
        UUID doc = uuid(owner, "INSERT INTO kyb_documents (venture_id, doc_type, evidence_sha256) VALUES (?, 'tax_id', ?) RETURNING id",
                venture, SHA);

        assertRefused(() -> exec(asReviewer, "UPDATE kyb_documents SET claimed_by = ?, claimed_until = now() WHERE id = ?", reviewer, doc),
                "SSK03", "KY-3", "cannot claim", "they own the venture " + ventureName);
    }

    @Test
    void ky3_an_officer_claims_and_decides_a_kyb_document_of_someone_elses_venture_but_not_of_their_own() throws SQLException {
        // V31 reads the venture's owner only when the claim or the decider changes, and names the venture only when refusing
        UUID theirs = venture(owner, unique("Initech"), applicant);
        UUID doc = uuid(owner, "INSERT INTO kyb_documents (venture_id, doc_type, evidence_sha256) VALUES (?, 'tax_id', ?) RETURNING id",
                theirs, SHA);
        exec(asReviewer, "UPDATE kyb_documents SET claimed_by = ?, claimed_until = TIMESTAMPTZ '2026-11-02 10:30Z' WHERE id = ?", reviewer, doc);
        exec(asReviewer, """
                UPDATE kyb_documents SET status = 'verified', reviewed_by = ?, decided_at = TIMESTAMPTZ '2026-11-02 10:00Z',
                       reason_code = 'checked', reviewer_comment = 'looked at it', applicant_comment = '', reviewed_sha256 = ?
                 WHERE id = ?""", reviewer, SHA, doc);
        assertThat(text(owner, "SELECT status::text FROM kyb_documents WHERE id = ?", doc)).isEqualTo("verified");

        String ventureName = unique("Globex");
        UUID own = uuid(owner, "INSERT INTO kyb_documents (venture_id, doc_type, evidence_sha256) VALUES (?, 'tax_id', ?) RETURNING id",
                venture(owner, ventureName, reviewer), SHA);
        // claimed by the owner behind the rules' back (as the system), then decided by them: refused as their own
        exec(owner, "SET session_replication_role = replica");
        exec(owner, "UPDATE kyb_documents SET claimed_by = ?, claimed_until = TIMESTAMPTZ '2026-11-02 10:30Z' WHERE id = ?", reviewer, own);
        exec(owner, "SET session_replication_role = DEFAULT");
        assertRefused(() -> exec(asReviewer, """
                UPDATE kyb_documents SET status = 'verified', reviewed_by = ?, decided_at = TIMESTAMPTZ '2026-11-02 10:00Z',
                       reason_code = 'checked', reviewer_comment = 'looked at it', applicant_comment = '', reviewed_sha256 = ?
                 WHERE id = ?""", reviewer, SHA, own),
                "SSK03", "KY-3", reviewerName, "cannot decide", "they own the venture " + ventureName);
    }

    @Test
    void ky1_a_decided_document_keeps_its_decision_but_its_claim_may_end() throws SQLException {
        UUID doc = document(applicant, "passport", 20);
        claim(doc, reviewer);
        decide(asReviewer, doc, reviewer, "verified", null, SHA);

        assertRefused(() -> exec(asReviewer, "UPDATE kyc_documents SET reviewer_comment = 'changed my mind' WHERE id = ?", doc),
                "SSK01", "KY-1", doc.toString(), "already verified", "status verified refused");
        exec(asReviewer, "UPDATE kyc_documents SET claimed_by = NULL, claimed_until = NULL, version = version + 1 WHERE id = ?", doc);
        assertThat(text(owner, "SELECT reviewer_comment FROM kyc_documents WHERE id = ?", doc)).isEqualTo("looked at it");
    }

    // ---- counts per status (V31) --------------------------------------------------------------

    @Test
    void the_counts_per_status_are_exact_and_follow_a_claim() throws SQLException {
        UUID doc = document(applicant, "passport", 20);
        String counts = "SELECT pending || '/' || awaiting || '/' || verified || '/' || rejected || '/' || claimed FROM kyc_review_counts(now())";
        String counted = """
                SELECT count(*) FILTER (WHERE status = 'pending' AND second_approval_status IS DISTINCT FROM 'awaiting') || '/'
                    || count(*) FILTER (WHERE status = 'pending' AND second_approval_status = 'awaiting') || '/'
                    || count(*) FILTER (WHERE status = 'verified') || '/' || count(*) FILTER (WHERE status = 'rejected') || '/'
                    || count(*) FILTER (WHERE status = 'pending' AND claimed_by IS NOT NULL AND claimed_until > now())
                  FROM (SELECT status, second_approval_status, claimed_by, claimed_until FROM kyc_documents
                        UNION ALL SELECT status, second_approval_status, claimed_by, claimed_until FROM kyb_documents) d""";
        String before = text(asReviewer, counts);
        assertThat(before).isEqualTo(text(owner, counted));

        exec(asReviewer, "UPDATE kyc_documents SET claimed_by = ?, claimed_until = now() + interval '30 minutes' WHERE id = ?", reviewer, doc);

        String after = text(asReviewer, counts);
        assertThat(after).isEqualTo(text(owner, counted));
        assertThat(Long.parseLong(after.split("/")[4])).isEqualTo(Long.parseLong(before.split("/")[4]) + 1);
        assertThat(after.split("/")[0]).isEqualTo(before.split("/")[0]);

        // a decision moves the document from pending to verified; a first approval to awaiting; deleting removes it
        exec(asReviewer, """
                UPDATE kyc_documents SET status = 'verified', reviewed_by = ?, decided_at = now(), reason_code = 'checked',
                       reviewer_comment = 'looked at it', applicant_comment = '', reviewed_sha256 = ? WHERE id = ?""", reviewer, SHA, doc);
        UUID risky = document(applicant, "id_card", 90);
        exec(owner, "UPDATE kyc_documents SET claimed_by = ?, claimed_until = now() + interval '30 minutes' WHERE id = ?", reviewer, risky);
        exec(asReviewer, """
                UPDATE kyc_documents SET first_approved_by = ?, first_approved_at = now(), second_approval_status = 'awaiting',
                       reason_code = 'checked', reviewer_comment = 'looked at it', applicant_comment = '', reviewed_sha256 = ? WHERE id = ?""",
                reviewer, SHA, risky);
        UUID gone = document(applicant, "proof_of_address", 10);
        String decided = text(asReviewer, counts);
        assertThat(decided).isEqualTo(text(owner, counted));
        exec(owner, "DELETE FROM kyc_documents WHERE id = ?", gone);
        String deleted = text(asReviewer, counts);
        assertThat(deleted).isEqualTo(text(owner, counted));
        assertThat(Long.parseLong(deleted.split("/")[0])).isEqualTo(Long.parseLong(decided.split("/")[0]) - 1);
        String[] b = before.split("/");
        String[] d = decided.split("/");
        assertThat(Long.parseLong(d[1])).isEqualTo(Long.parseLong(b[1]) + 1);
        assertThat(Long.parseLong(d[2])).isEqualTo(Long.parseLong(b[2]) + 1);
    }

    @Test
    void only_who_may_read_every_document_counts_them() throws SQLException {
        document(applicant, "passport", 20);
        try (Connection asApplicant = db.appConnection(applicant)) {
            assertRefused(() -> text(asApplicant, "SELECT pending::text FROM kyc_review_counts(now())"),
                    "42501", "ID-5", applicantName, "may not count every KYC/KYB document");
        }
    }

    // ---- KY-4 -----------------------------------------------------------------------------

    @Test
    void ky4_approving_a_risky_document_directly_is_refused() throws SQLException {
        UUID doc = document(applicant, "passport", 82);
        claim(doc, reviewer);

        assertRefused(() -> decide(asReviewer, doc, reviewer, "verified", null, SHA),
                "SSK04", "KY-4", "risk score 82", "second approval");
    }

    @Test
    void ky4_the_first_approver_cannot_confirm_their_own_approval_but_another_officer_can() throws SQLException {
        UUID doc = document(applicant, "passport", 82);
        claim(doc, reviewer);
        exec(asReviewer, """
                UPDATE kyc_documents SET first_approved_by = ?, first_approved_at = TIMESTAMPTZ '2026-11-02 10:00Z',
                       second_approval_status = 'awaiting', reason_code = 'ok', reviewer_comment = 'fine', applicant_comment = '',
                       reviewed_sha256 = ? WHERE id = ?""", reviewer, SHA, doc);
        String confirm = """
                UPDATE kyc_documents SET status = 'verified', reviewed_by = first_approved_by, decided_at = TIMESTAMPTZ '2026-11-02 11:00Z',
                       second_approval_status = 'confirmed', second_approved_by = ?, second_approved_at = TIMESTAMPTZ '2026-11-02 11:00Z'
                 WHERE id = ?""";

        assertRefused(() -> exec(asReviewer, confirm, reviewer, doc), "SSK04", "KY-4", "first approved by " + reviewerName,
                "different compliance officer");

        try (Connection asSecond = db.appConnection(second)) {
            exec(asSecond, confirm, second, doc);
        }
        assertThat(text(owner, "SELECT status::text FROM kyc_documents WHERE id = ?", doc)).isEqualTo("verified");
    }

    // ---- KY-7 -----------------------------------------------------------------------------

    @Test
    void ky7_a_decision_on_other_bytes_than_the_stored_ones_is_refused_naming_both_hashes() throws SQLException {
        UUID doc = document(applicant, "passport", 20);
        claim(doc, reviewer);

        assertRefused(() -> decide(asReviewer, doc, reviewer, "verified", null, OTHER_SHA),
                "SSK07", "KY-7", OTHER_SHA, SHA);
    }

    @Test
    void ky7_a_decision_that_names_the_stored_bytes_is_accepted() throws SQLException {
        UUID doc = document(applicant, "passport", 20);
        claim(doc, reviewer);

        decide(asReviewer, doc, reviewer, "verified", null, SHA);

        assertThat(text(owner, "SELECT reviewed_sha256 FROM kyc_documents WHERE id = ?", doc)).isEqualTo(SHA);
    }

    @Test
    void the_review_deadline_follows_submission_and_risk_and_cannot_be_set_by_hand() throws SQLException {
        UUID calm = document(applicant, "passport", 20);
        UUID risky = document(applicant, "id_card", 85);

        assertThat(text(owner, "SELECT review_due_at = TIMESTAMPTZ '2026-11-04 09:00Z' FROM kyc_documents WHERE id = ?", calm)).isEqualTo("t");
        assertThat(text(owner, "SELECT review_due_at = TIMESTAMPTZ '2026-11-02 09:00Z' FROM kyc_documents WHERE id = ?", risky)).isEqualTo("t");
        // a later deadline written by hand is replaced by the derived one
        exec(asReviewer, "UPDATE kyc_documents SET review_due_at = TIMESTAMPTZ '2030-01-01 00:00Z' WHERE id = ?", calm);
        assertThat(text(owner, "SELECT review_due_at = TIMESTAMPTZ '2026-11-04 09:00Z' FROM kyc_documents WHERE id = ?", calm)).isEqualTo("t");
        exec(owner, "UPDATE kyc_documents SET risk_score = 75 WHERE id = ?", calm);
        assertThat(text(owner, "SELECT review_due_at = TIMESTAMPTZ '2026-11-02 09:00Z' FROM kyc_documents WHERE id = ?", calm)).isEqualTo("t");
    }
}

