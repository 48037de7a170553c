package org.smartstart.backoffice.persistence.rules;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartstart.backoffice.persistence.rules.RuleSql.*;

/** V20 against plain SQL: DS-4 a decided task is reopened only as a dispute's remedy; dispute evidence rules. */
class DisputeRemediesRulesSqlTest {

    private static TestDatabase db;
    private Connection owner;
    private UUID support;
    private String supportName;
    private UUID ventureOwner;
    private UUID venture;
    private String ventureName;
    private UUID raiser;
    private UUID task;

    @BeforeAll
    static void createDatabase() {
        db = TestPostgres.newDatabase();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @BeforeEach
    void ventureWithARejectedTask() throws SQLException {
        owner = db.ownerConnection();
        supportName = unique("Sam Support");
        support = user(owner, supportName, "verified");
        exec(owner, "INSERT INTO role_assignments (user_id, role, scope, reason) VALUES (?, 'support', 'global', 'test')", support);
        ventureOwner = user(owner, unique("Olivia"), "verified");
        ventureName = unique("Helios");
        venture = venture(owner, ventureName, ventureOwner);
        raiser = user(owner, unique("Ravi"), "verified");
        task = uuid(owner, "INSERT INTO tasks (venture_id, title, type, created_by_user_id, assignee_user_id, status) "
                + "VALUES (?, 'Payment export', 'code', ?, ?, 'rejected') RETURNING id", venture, ventureOwner, raiser);
    }

    @AfterEach
    void close() throws SQLException {
        owner.close();
    }

    private UUID disputeInReview(Connection c) throws SQLException {
        UUID d = uuid(c, "INSERT INTO disputes (venture_id, raised_by_user_id, object_type, object_id, reason) "
                + "VALUES (?, ?, 'task', ?, 'Judged wrongly') RETURNING id", venture, raiser, task);
        exec(c, "UPDATE disputes SET status = 'in_review', assigned_to = ?, first_responded_at = now() WHERE id = ?", support, d);
        return d;
    }

    private void resolveWithReopen(Connection c, UUID dispute, UUID reopened) throws SQLException {
        exec(c, "UPDATE disputes SET status = 'resolved', resolution = 'Reopened', decided_by = ?, decided_at = now(), "
                + "remedy = jsonb_build_object('kind', 'task_reopen', 'task_id', ?::text) WHERE id = ?", support, reopened.toString(), dispute);
    }

    // ---- DS-4 ----------------------------------------------------------------------------

    @Test
    void ds4_a_decided_task_is_not_reopened_by_hand() {
        assertRefused(() -> inTransaction(owner, () -> exec(owner, "UPDATE tasks SET status = 'open' WHERE id = ?", task)),
                "SSD04", "DS-4", "Task \"Payment export\" of " + ventureName + " was rejected",
                "only as the remedy of a dispute over it, resolved in the same transaction");
    }

    @Test
    void ds4_a_task_is_reopened_with_the_dispute_resolved_in_the_same_transaction() throws SQLException {
        UUID dispute = disputeInReview(owner);
        try (Connection app = db.appConnection(support)) {
            inTransaction(app, () -> {
                exec(app, "UPDATE tasks SET status = 'open', version = version + 1 WHERE id = ?", task);
                resolveWithReopen(app, dispute, task);
            });
        }
        assertThat(text(owner, "SELECT status::text FROM tasks WHERE id = ?", task)).isEqualTo("open");
    }

    @Test
    void ds4_a_dispute_resolved_earlier_or_naming_another_task_does_not_reopen_it() throws SQLException {
        UUID earlier = disputeInReview(owner);
        resolveWithReopen(owner, earlier, task);
        assertRefused(() -> inTransaction(owner, () -> exec(owner, "UPDATE tasks SET status = 'open' WHERE id = ?", task)),
                "SSD04", "DS-4", "Payment export");

        UUID other = uuid(owner, "INSERT INTO tasks (venture_id, title, type, created_by_user_id) VALUES (?, 'Other', 'code', ?) RETURNING id",
                venture, ventureOwner);
        UUID dispute = disputeInReview(owner);
        assertRefused(() -> inTransaction(owner, () -> {
            exec(owner, "UPDATE tasks SET status = 'open' WHERE id = ?", task);
            resolveWithReopen(owner, dispute, other);
        }), "SSD04", "DS-4", "Payment export");
        assertThat(text(owner, "SELECT status::text FROM tasks WHERE id = ?", task)).isEqualTo("rejected");
    }

    // ---- evidence ------------------------------------------------------------------------

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private String blob(String mediaType, byte[] bytes) throws Exception {
        String sha = sha256(bytes);
        exec(owner, "INSERT INTO document_blobs (sha256, media_type, bytes) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", sha, mediaType, bytes);
        return sha;
    }

    private UUID attach(Connection c, UUID dispute, String name, String mediaType, String sha, UUID by) throws SQLException {
        return uuid(c, "INSERT INTO dispute_evidence (dispute_id, file_name, media_type, sha256, added_by) VALUES (?, ?, ?, ?, ?) RETURNING id",
                dispute, name, mediaType, sha, by);
    }

    @Test
    void evidence_names_stored_bytes_of_its_own_type_within_the_limit() throws Exception {
        UUID dispute = disputeInReview(owner);
        String pdf = blob("application/pdf", ("%PDF-1.4 " + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII));

        assertRefused(() -> attach(owner, dispute, "ghost.pdf", "application/pdf", "a".repeat(64), support),
                "SSD05", "DS-1", "The evidence ghost.pdf names sha256 " + "a".repeat(64) + ", but no bytes with that sha256 are stored");
        assertRefused(() -> attach(owner, dispute, "x.pdf", "application/pdf", "NOT-A-HASH", support),
                "SSD05", "DS-1", "64 lower-case hex digits");
        assertRefused(() -> attach(owner, dispute, "x.png", "image/png", pdf, support),
                "SSD05", "DS-1", "The evidence x.png is named image/png but its stored bytes are application/pdf");
        String exe = blob("application/x-msdownload", ("MZ" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII));
        assertRefused(() -> attach(owner, dispute, "tool.exe", "application/x-msdownload", exe, support),
                "SSD05", "DS-1", "is application/x-msdownload; evidence is a PDF, PNG or JPEG image, plain text or CSV file");
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        big[0] = (byte) UUID.randomUUID().hashCode();
        String bigPdf = blob("application/pdf", big);
        assertRefused(() -> attach(owner, dispute, "scan.pdf", "application/pdf", bigPdf, support),
                "SSD05", "DS-1", "has 5242881 bytes; an evidence file has at most 5242880 bytes");
        exec(owner, "UPDATE document_blobs SET bytes = convert_to('swapped', 'UTF8') WHERE sha256 = ?", pdf);
        assertRefused(() -> attach(owner, dispute, "swapped.pdf", "application/pdf", pdf, support),
                "SSD05", "DS-1", "but the bytes stored under it hash to");
        assertThat(number(owner, "SELECT count(*) FROM dispute_evidence WHERE dispute_id = ?", dispute)).isZero();
    }

    @Test
    void evidence_is_added_while_undecided_in_ones_own_name_and_never_edited_or_removed() throws Exception {
        UUID dispute = disputeInReview(owner);
        String text = blob("text/plain", ("Chat log " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        try (Connection app = db.appConnection(support)) {
            assertRefused(() -> attach(app, dispute, "chat.txt", "text/plain", text, raiser),
                    "SSD05", "DS-1", "The evidence chat.txt is added by " + supportName + " but names");
            UUID added = attach(app, dispute, "chat.txt", "text/plain", text, support);
            assertRefused(() -> exec(owner, "UPDATE dispute_evidence SET file_name = 'other.txt' WHERE id = ?", added),
                    "SSD05", "DS-1", "The evidence chat.txt of a dispute is kept as attached; it is never edited");
            assertRefused(() -> exec(owner, "DELETE FROM dispute_evidence WHERE id = ?", added),
                    "SSD05", "DS-1", "it is never removed");
        }
        exec(owner, "UPDATE disputes SET status = 'rejected', resolution = 'No error', decided_by = ?, decided_at = now() WHERE id = ?", support, dispute);
        assertRefused(() -> attach(owner, dispute, "late.txt", "text/plain", text, support),
                "SSD05", "DS-1", "The dispute on " + ventureName + " is rejected; evidence is added while it is open or in review");
    }
}
