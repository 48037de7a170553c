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

/**
 * Temporary passwords in PostgreSQL (V22), against plain SQL from the application's role: only a global
 * admin gives someone credentials or sets their password (ID-3), such a password is always temporary, and
 * "must change password" is cleared only by the person choosing a new password of their own (ID-4). And a
 * KYC document submitted through the application names stored bytes (KY-7).
 */
class CredentialRulesSqlTest {

    private static TestDatabase db;
    private Connection owner;
    private UUID adam;      // global admin
    private UUID cora;      // global compliance
    private String newcomerName;
    private UUID newcomer;  // an account just opened, without credentials

    @BeforeAll
    static void createDatabase() {
        db = TestPostgres.newDatabase();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @BeforeEach
    void people() throws SQLException {
        owner = db.ownerConnection();
        adam = user(owner, unique("Adam"), "verified");
        cora = user(owner, unique("Cora"), "verified");
        newcomerName = unique("Nina");
        newcomer = user(owner, newcomerName, "pending");
        exec(owner, "INSERT INTO role_assignments (user_id, role, scope) VALUES (?, 'admin', 'global'), (?, 'compliance', 'global')", adam, cora);
    }

    @AfterEach
    void close() throws SQLException {
        owner.close();
    }

    private void as(UUID user, String sql, Object... params) throws SQLException {
        try (Connection app = db.appConnection(user)) {
            exec(app, sql, params);
        }
    }

    private boolean mustChange(UUID user) throws SQLException {
        return text(owner, "SELECT must_change_password::text FROM user_credentials WHERE user_id = ?", user).equals("true");
    }

    @Test
    void id3_only_a_global_admin_gives_someone_a_password() throws SQLException {
        assertRefused(() -> as(cora, "INSERT INTO user_credentials (user_id, password_hash, must_change_password) VALUES (?, 'h', true)", newcomer),
                "SSI03", "ID-3", "give " + newcomerName + " a password", "global admin role");
        assertThat(number(owner, "SELECT count(*) FROM user_credentials WHERE user_id = ?", newcomer)).isZero();

        as(adam, "INSERT INTO user_credentials (user_id, password_hash, must_change_password) VALUES (?, 'h', true)", newcomer);
        assertThat(mustChange(newcomer)).isTrue();
    }

    @Test
    void id4_a_password_an_admin_sets_for_someone_else_is_temporary() throws SQLException {
        assertRefused(() -> as(adam, "INSERT INTO user_credentials (user_id, password_hash, must_change_password) VALUES (?, 'h', false)", newcomer),
                "SSI04", "ID-4", newcomerName, "temporary", "changed at the first sign-in");
        as(adam, "INSERT INTO user_credentials (user_id, password_hash, must_change_password) VALUES (?, 'h1', true)", newcomer);
        exec(owner, "UPDATE user_credentials SET must_change_password = false WHERE user_id = ?", newcomer);

        assertRefused(() -> as(adam, "UPDATE user_credentials SET password_hash = 'h2' WHERE user_id = ?", newcomer),
                "SSI04", "ID-4", newcomerName, "temporary");
        assertRefused(() -> as(cora, "UPDATE user_credentials SET password_hash = 'h2', must_change_password = true WHERE user_id = ?", newcomer),
                "SSI03", "ID-3", "set the password of " + newcomerName);
        assertThat(text(owner, "SELECT password_hash FROM user_credentials WHERE user_id = ?", newcomer)).isEqualTo("h1");

        as(adam, "UPDATE user_credentials SET password_hash = 'h2', must_change_password = true WHERE user_id = ?", newcomer);
        assertThat(mustChange(newcomer)).isTrue();
    }

    @Test
    void id4_must_change_password_is_cleared_only_by_the_person_with_a_new_password() throws SQLException {
        as(adam, "INSERT INTO user_credentials (user_id, password_hash, must_change_password) VALUES (?, 'temporary', true)", newcomer);

        assertRefused(() -> as(newcomer, "UPDATE user_credentials SET must_change_password = false WHERE user_id = ?", newcomer),
                "SSI04", "ID-4", newcomerName, "still has a temporary password");
        assertRefused(() -> as(adam, "UPDATE user_credentials SET must_change_password = false WHERE user_id = ?", newcomer),
                "SSI04", "ID-4", newcomerName, "only a new password of their own");
        exec(owner, "UPDATE user_credentials SET failed_attempts = 3 WHERE user_id = ?", newcomer);
        assertRefused(() -> as(newcomer, "UPDATE user_credentials SET failed_attempts = 0, version = version + 1 WHERE user_id = ?", newcomer),
                "SSI03", "ID-3", "edit failed_attempts of the credentials of " + newcomerName);
        assertThat(mustChange(newcomer)).isTrue();

        as(newcomer, "UPDATE user_credentials SET password_hash = 'own', must_change_password = false, failed_attempts = 0 WHERE user_id = ?",
                newcomer);
        assertThat(mustChange(newcomer)).isFalse();
    }

    @Test
    void ky7_a_kyc_document_submitted_by_the_application_names_stored_bytes() throws SQLException {
        String missing = "c".repeat(64);
        assertRefused(() -> as(adam, "INSERT INTO kyc_documents (user_id, doc_type, evidence_sha256) VALUES (?, 'passport', ?)", newcomer, missing),
                "SSK07", "KY-7", "passport document of " + newcomerName, missing, "no such bytes are stored");
        assertThat(number(owner, "SELECT count(*) FROM kyc_documents WHERE user_id = ?", newcomer)).isZero();

        byte[] bytes = "%PDF-1.4 scan".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String sha = org.smartstart.backoffice.domain.identity.DocumentFile.sha256(bytes);
        as(adam, "INSERT INTO document_blobs (sha256, media_type, bytes) VALUES (?, 'application/pdf', ?)", sha, bytes);
        as(adam, "INSERT INTO kyc_documents (user_id, doc_type, evidence_sha256) VALUES (?, 'passport', ?)", newcomer, sha);
        assertThat(number(owner, "SELECT count(*) FROM kyc_documents WHERE user_id = ? AND status = 'pending'", newcomer)).isEqualTo(1);
    }
}
