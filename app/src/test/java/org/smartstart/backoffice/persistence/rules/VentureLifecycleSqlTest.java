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
 * V25 against plain SQL: the venture status transitions (VS-1), archiving final and refused under an active
 * legal hold (VS-2), KY-6 again when a suspended venture returns to active, the owner's KYC (KY-5) and
 * "manage ventures" (ID-3) for an acting user, DELETE refused (SD-1), and the 5 MB limit of KYC uploads (KY-7).
 */
class VentureLifecycleSqlTest {

    private static TestDatabase db;
    private Connection c;
    private UUID owner;
    private UUID admin;
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
        admin = user(c, unique("Ada"), "verified");
        exec(c, "INSERT INTO role_assignments (user_id, role, scope) VALUES (?, 'admin', 'global')", admin);
        ventureName = unique("Acme");
        venture = venture(c, ventureName, owner);
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    private void status(String status) throws SQLException {
        exec(c, "UPDATE ventures SET status = ?::venture_status WHERE id = ?", status, venture);
    }

    private void verifiedKyb() throws SQLException {
        exec(c, "INSERT INTO kyb_documents (venture_id, doc_type, status) VALUES (?, 'articles_of_inc', 'verified'), (?, 'tax_id', 'verified')",
                venture, venture);
    }

    private void as(UUID user, String sql, Object... params) throws SQLException {
        try (Connection app = db.appConnection(user)) {
            exec(app, sql, params);
        }
    }

    @Test
    void vs1_a_venture_never_returns_to_draft_and_never_leaves_archived() throws SQLException {
        verifiedKyb();
        status("active");
        assertRefused(() -> status("draft"), "SSV01", "VS-1", ventureName, "from active to draft");
        status("suspended");
        status("active");
        status("archived");
        assertRefused(() -> status("active"), "SSV01", "VS-1", ventureName, "from archived to active", "stays archived");
        assertThat(text(c, "SELECT status::text FROM ventures WHERE id = ?", venture)).isEqualTo("archived");
    }

    @Test
    void ky6_a_suspended_venture_becomes_active_again_only_with_its_verified_kyb_documents() throws SQLException {
        status("suspended");

        assertRefused(() -> status("active"), "SSK06", "KY-6", ventureName, "articles_of_inc and tax_id");

        verifiedKyb();
        status("active");
        assertThat(text(c, "SELECT status::text FROM ventures WHERE id = ?", venture)).isEqualTo("active");
    }

    @Test
    void vs2_archiving_is_refused_under_an_active_hold_and_is_final() throws SQLException {
        UUID hold = hold(c, venture, "equity", null, "Litigation pending");

        assertRefused(() -> exec(c, "UPDATE ventures SET archived_at = now(), status = 'archived' WHERE id = ?", venture),
                "SSV02", "VS-2", ventureName, "equity legal hold", "Litigation pending", "LH-3");
        assertThat(number(c, "SELECT count(*) FROM ventures WHERE id = ? AND archived_at IS NULL", venture)).isEqualTo(1);

        exec(c, "UPDATE legal_holds SET released_at = now(), release_reason = 'Settled', released_by_user_id = ? WHERE id = ?", admin, hold);
        exec(c, "UPDATE ventures SET archived_at = now(), status = 'archived' WHERE id = ?", venture);

        assertRefused(() -> exec(c, "UPDATE ventures SET archived_at = NULL WHERE id = ?", venture),
                "SSV02", "VS-2", ventureName, "archiving is final");
        assertRefused(() -> exec(c, "UPDATE ventures SET archived_at = now() - interval '1 day' WHERE id = ?", venture),
                "SSV02", "VS-2", "archiving is final");
        // the archived row is still there: a soft delete, and DELETE stays refused (SD-1)
        assertRefused(() -> exec(c, "DELETE FROM ventures WHERE id = ?", venture), "SSS01", "SD-1", ventureName, "archive it instead");
        assertThat(number(c, "SELECT count(*) FROM ventures WHERE id = ? AND archived_at IS NOT NULL", venture)).isEqualTo(1);
    }

    @Test
    void id3_only_a_global_admin_changes_a_ventures_status_or_archives_it() throws SQLException {
        assertRefused(() -> as(owner, "UPDATE ventures SET status = 'suspended' WHERE id = ?", venture),
                "SSI03", "ID-3", "status of the venture " + ventureName, "global admin");
        assertRefused(() -> as(owner, "UPDATE ventures SET archived_at = now(), status = 'archived' WHERE id = ?", venture),
                "SSI03", "ID-3", "archived_at", "global admin");
        assertThat(text(c, "SELECT coalesce(status::text, 'draft') FROM ventures WHERE id = ?", venture)).isEqualTo("draft");

        as(admin, "UPDATE ventures SET status = 'suspended' WHERE id = ?", venture);
        assertThat(text(c, "SELECT status::text FROM ventures WHERE id = ?", venture)).isEqualTo("suspended");
    }

    @Test
    void ky5_an_acting_user_gives_a_venture_only_to_a_kyc_verified_owner() throws SQLException {
        String pendingName = unique("Paul");
        UUID pending = user(c, pendingName, "pending");
        String name = unique("Draft");

        assertRefused(() -> as(admin, "INSERT INTO ventures (name, region, owner_user_id) VALUES (?, 'eu', ?)", name, pending),
                "SSK05", "KY-5", pendingName, name, "pending, not verified");
        assertRefused(() -> as(admin, "UPDATE ventures SET owner_user_id = ? WHERE id = ?", pending, venture),
                "SSK05", "KY-5", pendingName, ventureName);

        as(admin, "INSERT INTO ventures (name, region, owner_user_id) VALUES (?, 'eu', ?)", name, owner);
        assertThat(number(c, "SELECT count(*) FROM ventures WHERE name = ?", name)).isEqualTo(1);
    }

    @Test
    void ky7_a_kyc_upload_of_more_than_5_mb_is_refused() throws SQLException {
        UUID person = user(c, unique("Eva"), "pending");
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        byte[] fits = new byte[5 * 1024 * 1024];
        String bigHash = "a".repeat(64);
        String fitsHash = "b".repeat(64);
        try (var p = c.prepareStatement("INSERT INTO document_blobs (sha256, media_type, bytes) VALUES (?, 'application/pdf', ?), (?, 'application/pdf', ?)")) {
            p.setString(1, bigHash);
            p.setBytes(2, big);
            p.setString(3, fitsHash);
            p.setBytes(4, fits);
            p.executeUpdate();
        }
        String insert = "INSERT INTO kyc_documents (user_id, doc_type, evidence_sha256, original_filename, media_type) "
                + "VALUES (?, 'passport', ?, 'scan.pdf', 'application/pdf')";

        assertRefused(() -> as(admin, insert, person, bigHash), "SSK07", "KY-7", "passport", "5242881 bytes", "at most 5242880 bytes (5 MB)");

        as(admin, insert, person, fitsHash);
        assertThat(number(c, "SELECT count(*) FROM kyc_documents WHERE user_id = ?", person)).isEqualTo(1);
    }
}
