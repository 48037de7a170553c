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

/** KY-5 and KY-6 as PostgreSQL enforces them against plain SQL. */
class KycRulesSqlTest {

    private static TestDatabase db;
    private Connection c;
    private UUID owner;
    private String ventureName;
    private UUID venture;

    @BeforeAll
    static void createDatabase() {
        db = TestPostgres.newDatabase();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @BeforeEach
    void draftVenture() throws SQLException {
        c = db.ownerConnection();
        owner = user(c, unique("Olivia"), "verified");
        ventureName = unique("Acme");
        venture = venture(c, ventureName, owner);
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    private UUID assignContributor(UUID user) throws SQLException {
        return uuid(c, "INSERT INTO role_assignments (user_id, venture_id, role, scope, granted_by) "
                + "VALUES (?, ?, 'contributor', 'venture', ?) RETURNING id", user, venture, owner);
    }

    private void kyb(String docType, String status) throws SQLException {
        exec(c, "INSERT INTO kyb_documents (venture_id, doc_type, status) VALUES (?, ?::kyb_doc_type, ?::doc_status)",
                venture, docType, status);
    }

    private void activate() throws SQLException {
        exec(c, "UPDATE ventures SET status = 'active', version = version + 1 WHERE id = ?", venture);
    }

    // ---- KY-5 -----------------------------------------------------------------------------

    @Test
    void ky5_a_role_for_a_user_who_is_not_kyc_verified_is_refused() throws SQLException {
        String name = unique("Paul");
        UUID pending = user(c, name, "pending");

        assertRefused(() -> assignContributor(pending), "SSK05", "KY-5", name, "status pending", "contributor", ventureName);
    }

    @Test
    void ky5_a_role_for_a_verified_user_is_accepted() throws SQLException {
        UUID verified = user(c, unique("Vera"), "verified");

        UUID role = assignContributor(verified);

        assertThat(text(c, "SELECT role::text FROM role_assignments WHERE id = ?", role)).isEqualTo("contributor");
    }

    @Test
    void ky5_reactivating_a_revoked_role_of_a_user_no_longer_verified_is_refused() throws SQLException {
        String name = unique("Rita");
        UUID rita = user(c, name, "verified");
        UUID role = assignContributor(rita);
        exec(c, "UPDATE role_assignments SET revoked_at = now(), revoked_by = ? WHERE id = ?", owner, role);
        exec(c, "UPDATE users SET kyc_status = 'rejected' WHERE id = ?", rita);

        assertRefused(() -> exec(c, "UPDATE role_assignments SET revoked_at = NULL WHERE id = ?", role),
                "SSK05", "KY-5", name, "status rejected");
    }

    // ---- KY-6 -----------------------------------------------------------------------------

    @Test
    void ky6_activating_without_a_verified_tax_id_is_refused_naming_it() throws SQLException {
        kyb("articles_of_inc", "verified");
        kyb("tax_id", "pending");

        Refusal r = assertRefused(this::activate, "SSK06", "KY-6", ventureName, "cannot become active", "tax_id");
        assertThat(r.message()).doesNotContain("articles_of_inc");
    }

    @Test
    void ky6_a_venture_inserted_active_is_refused_naming_both_documents() {
        String name = unique("Instant");

        assertRefused(() -> exec(c, "INSERT INTO ventures (name, region, status, owner_user_id) VALUES (?, 'us', 'active', ?)",
                        name, owner),
                "SSK06", "KY-6", name, "articles_of_inc and tax_id");
    }

    @Test
    void ky6_activating_with_both_documents_verified_is_accepted() throws SQLException {
        kyb("articles_of_inc", "rejected");
        kyb("articles_of_inc", "verified");
        kyb("tax_id", "verified");

        activate();

        assertThat(text(c, "SELECT status::text FROM ventures WHERE id = ?", venture)).isEqualTo("active");
        // staying active while editing other columns needs no new check
        exec(c, "UPDATE ventures SET region = 'eu' WHERE id = ?", venture);
    }
}
