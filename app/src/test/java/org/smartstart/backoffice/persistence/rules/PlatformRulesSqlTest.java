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

/** LG-1, LH-1/LH-2, DS-1, DS-2, ID-1, ID-2 and the soft delete as PostgreSQL enforces them against plain SQL. */
class PlatformRulesSqlTest {

    private static TestDatabase db;
    private Connection c;
    private UUID owner;
    private String ventureName;
    private UUID venture;
    private String assigneeName;
    private UUID assignee;

    @BeforeAll
    static void createDatabase() {
        db = TestPostgres.newDatabase();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @BeforeEach
    void ventureWithAContributor() throws SQLException {
        c = db.ownerConnection();
        owner = user(c, unique("Olivia"), "verified");
        ventureName = unique("Acme");
        venture = venture(c, ventureName, owner);
        assigneeName = unique("Sam");
        assignee = user(c, assigneeName, "verified");
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    private UUID task(UUID ventureId, String title, UUID assigneeId) throws SQLException {
        return uuid(c, "INSERT INTO tasks (venture_id, title, type, created_by_user_id, assignee_user_id) "
                + "VALUES (?, ?, 'code', ?, ?) RETURNING id", ventureId, title, owner, assigneeId);
    }

    private void contract(UUID ventureId, String type, boolean signed, UUID signer) throws SQLException {
        String signers = signer == null ? "[]"
                : "[{\"user_id\": \"" + signer + "\", \"name\": \"x\", \"email\": \"x@example.org\", \"signed_at\": \"2026-01-05T10:00:00Z\"}]";
        exec(c, "INSERT INTO contracts (venture_id, type, signing_hash, signed_at, signers) "
                        + "VALUES (?, ?::contract_type, ?, " + (signed ? "now()" : "NULL") + ", ?::jsonb)",
                ventureId, type, txHash(), signers);
    }

    private void approve(UUID task) throws SQLException {
        exec(c, "UPDATE tasks SET status = 'approved', version = version + 1 WHERE id = ?", task);
    }

    // ---- LG-1 -----------------------------------------------------------------------------

    @Test
    void lg1_approving_without_a_signed_contributor_contract_for_the_venture_is_refused() throws SQLException {
        String otherName = unique("Beta");
        UUID other = venture(c, otherName, owner);
        contract(venture, "contributor", false, assignee);   // not signed
        contract(venture, "nda", true, assignee);            // wrong type
        contract(other, "contributor", true, assignee);      // another venture
        contract(venture, "contributor", true, owner);       // signed by someone else
        UUID task = task(venture, "Build login", assignee);

        assertRefused(() -> approve(task), "SSG01", "LG-1",
                "Task \"Build login\" of " + ventureName, "assignee " + assigneeName, "no signed contributor contract");
    }

    @Test
    void lg1_a_task_without_assignee_cannot_be_approved() throws SQLException {
        UUID task = task(venture, "Orphan", null);

        assertRefused(() -> approve(task), "SSG01", "LG-1", "Orphan", "no assignee");
    }

    @Test
    void lg1_approving_with_the_assignees_signed_contributor_contract_is_accepted() throws SQLException {
        contract(venture, "contributor", true, assignee);
        UUID task = task(venture, "Ship it", assignee);

        approve(task);

        assertThat(text(c, "SELECT status::text FROM tasks WHERE id = ?", task)).isEqualTo("approved");
    }

    // ---- LH-1 / LH-2 ----------------------------------------------------------------------

    @Test
    void lh2_a_hold_is_never_deleted_or_edited() throws SQLException {
        UUID hold = hold(c, venture, "equity", owner, "Court order 7");

        assertRefused(() -> exec(c, "DELETE FROM legal_holds WHERE id = ?", hold),
                "SSH02", "LH-2", "equity legal hold on " + ventureName, "never deleted");
        assertRefused(() -> exec(c, "TRUNCATE legal_holds"), "SSH02", "LH-2", "TRUNCATE");
        assertRefused(() -> exec(c, "UPDATE legal_holds SET reason = 'softer', applies_to = 'buz' WHERE id = ?", hold),
                "SSH02", "LH-2", "never edited", "changed: applies_to, reason");
        assertRefused(() -> exec(c, "UPDATE legal_holds SET released_at = now(), released_by_user_id = ?, "
                        + "release_reason = 'Lifted', imposed_at = now() - interval '1 year' WHERE id = ?", owner, hold),
                "SSH02", "LH-2", "changed: imposed_at");
    }

    @Test
    void lh1_releasing_needs_a_reason_and_who_released_it() throws SQLException {
        UUID hold = hold(c, venture, "buz", owner, "Court order 8");

        assertRefused(() -> exec(c, "UPDATE legal_holds SET released_at = now(), released_by_user_id = ?, release_reason = '  ' "
                        + "WHERE id = ?", owner, hold),
                "SSH01", "LH-1", "buz legal hold on " + ventureName, "reason: none");
        assertRefused(() -> exec(c, "UPDATE legal_holds SET released_at = now(), release_reason = 'Lifted' WHERE id = ?", hold),
                "SSH01", "LH-1", "released by: nobody");
    }

    @Test
    void lh1_a_release_with_reason_and_releaser_is_accepted_once() throws SQLException {
        UUID hold = hold(c, venture, "all", owner, "Court order 9");

        exec(c, "UPDATE legal_holds SET released_at = now(), released_by_user_id = ?, release_reason = 'Order lifted', "
                + "version = version + 1 WHERE id = ?", owner, hold);

        assertThat(text(c, "SELECT release_reason FROM legal_holds WHERE id = ?", hold)).isEqualTo("Order lifted");
        assertRefused(() -> exec(c, "UPDATE legal_holds SET release_reason = 'Other' WHERE id = ?", hold),
                "SSH02", "LH-2", "was released on");
    }

    // ---- DS-2 -----------------------------------------------------------------------------

    private UUID dispute(UUID ventureId, String objectType, UUID objectId, UUID raisedBy) throws SQLException {
        return uuid(c, "INSERT INTO disputes (venture_id, raised_by_user_id, object_type, object_id) "
                + "VALUES (?, ?, ?::dispute_object_type, ?) RETURNING id", ventureId, raisedBy, objectType, objectId);
    }

    private UUID review(UUID task) throws SQLException {
        return uuid(c, "INSERT INTO reviews (task_id, reviewer_user_id, quality_score, decision) "
                + "VALUES (?, ?, 80, 'approve') RETURNING id", task, owner);
    }

    @Test
    void ds2_a_dispute_must_name_an_existing_object_of_its_venture() throws SQLException {
        UUID ghost = UUID.randomUUID();
        String otherName = unique("Beta");
        UUID other = venture(c, otherName, owner);
        UUID foreignTask = task(other, "Elsewhere", assignee);
        UUID foreignReview = review(foreignTask);

        assertRefused(() -> dispute(venture, "task", ghost, assignee),
                "SSD02", "DS-2", ventureName, "task " + ghost, "does not exist");
        assertRefused(() -> dispute(venture, "buz_tx", ghost, assignee), "SSD02", "DS-2", "buz_tx " + ghost);
        assertRefused(() -> dispute(venture, "equity", ghost, assignee), "SSD02", "DS-2", "equity " + ghost);
        assertRefused(() -> dispute(venture, "task", foreignTask, assignee),
                "SSD02", "DS-2", "task " + foreignTask, "belongs to " + otherName);
        assertRefused(() -> dispute(venture, "review", foreignReview, assignee),
                "SSD02", "DS-2", "review " + foreignReview, "belongs to " + otherName);
    }

    @Test
    void ds2_disputes_on_existing_objects_of_the_venture_are_accepted_and_keep_them() throws SQLException {
        UUID task = task(venture, "Disputed work", assignee);
        UUID review = review(task);
        issuanceRule(c, venture, 1_000);
        UUID wallet = wallet(c, assignee);
        UUID buzTx = post(c, wallet, venture, "earn", 10, null);
        UUID equity = uuid(c, "INSERT INTO equity_ledger (venture_id, holder_type, holder_id, percent, effective_from) "
                + "VALUES (?, 'user', ?, 100.000, DATE '2026-01-01') RETURNING id", venture, owner);

        dispute(venture, "task", task, assignee);
        dispute(venture, "review", review, assignee);
        dispute(venture, "buz_tx", buzTx, assignee);
        dispute(venture, "equity", equity, assignee);

        assertThat(number(c, "SELECT count(*) FROM disputes WHERE venture_id = ?", venture)).isEqualTo(4);
        assertRefused(() -> exec(c, "DELETE FROM reviews WHERE id = ?", review),
                "SSD02", "DS-2", "review " + review, "named by a dispute (open)");
    }

    // ---- DS-1 -----------------------------------------------------------------------------

    private void setStatus(UUID dispute, String status, String resolution, UUID decidedBy, int appealCount) throws SQLException {
        exec(c, "UPDATE disputes SET status = ?::dispute_status, resolution = ?, decided_by = ?, appeal_count = ? WHERE id = ?",
                status, resolution, decidedBy, appealCount, dispute);
    }

    @Test
    void ds1_a_dispute_is_raised_open_and_cannot_skip_the_review() throws SQLException {
        UUID task = task(venture, "Skipped", assignee);

        assertRefused(() -> exec(c, "INSERT INTO disputes (venture_id, raised_by_user_id, object_type, object_id, status) "
                        + "VALUES (?, ?, 'task', ?, 'resolved')", venture, assignee, task),
                "SSD01", "DS-1", ventureName, "raised open", "not resolved");
        UUID dispute = dispute(venture, "task", task, assignee);
        assertRefused(() -> setStatus(dispute, "resolved", "Paid", owner, 0),
                "SSD01", "DS-1", "cannot move from open to resolved");
    }

    @Test
    void ds1_deciding_needs_a_resolution_and_someone_other_than_the_raiser() throws SQLException {
        UUID dispute = dispute(venture, "task", task(venture, "Decided", assignee), assignee);
        setStatus(dispute, "in_review", null, null, 0);

        assertRefused(() -> setStatus(dispute, "resolved", " ", owner, 0), "SSD01", "DS-1", "without a resolution");
        assertRefused(() -> setStatus(dispute, "rejected", "Not a bug", assignee, 0),
                "SSD01", "DS-1", "raised by " + assigneeName, "cannot be rejected by " + assigneeName);
    }

    @Test
    void ds1_the_full_path_with_one_appeal_is_accepted_and_a_second_appeal_refused() throws SQLException {
        UUID dispute = dispute(venture, "task", task(venture, "Appealed", assignee), assignee);

        setStatus(dispute, "in_review", null, null, 0);
        setStatus(dispute, "resolved", "Compensated with 10 BUZ", owner, 0);
        setStatus(dispute, "in_review", "Compensated with 10 BUZ", owner, 1);
        setStatus(dispute, "rejected", "On appeal: no fault", owner, 1);

        assertThat(text(c, "SELECT status::text FROM disputes WHERE id = ?", dispute)).isEqualTo("rejected");
        assertRefused(() -> setStatus(dispute, "in_review", "again", owner, 2),
                "SSD01", "DS-1", "allows one appeal", "it has had 1");
    }

    // ---- ID-1 -----------------------------------------------------------------------------

    private void insertUser(String name, String email, String trust, String country) throws SQLException {
        exec(c, "INSERT INTO users (display_name, email, kyc_status, trust_score, country_code) "
                + "VALUES (?, ?, 'pending', ?::numeric, ?)", name, email, trust, country);
    }

    @Test
    void id1_an_email_that_differs_only_in_case_is_refused_naming_it() throws SQLException {
        String email = "jane." + unique("x").replace(' ', '.') + "@example.org";
        String jane = unique("Jane");
        insertUser(jane, email, "50", null);
        String shouting = email.toUpperCase();

        assertRefused(() -> insertUser(unique("Other"), shouting, "50", null),
                "SSI01", "ID-1", "e-mail address " + shouting, "already used by " + jane);
        // her own address in another case is still hers
        exec(c, "UPDATE users SET email = ? WHERE email = ?", shouting, email);
    }

    @Test
    void id1_display_name_must_be_non_blank_and_at_most_80_characters() throws SQLException {
        assertRefused(() -> insertUser("   ", "blank." + unique("x").replace(' ', '.') + "@example.org", "50", null),
                "SSI01", "ID-1", "display name of 1 to 80 characters");
        // varchar(80) refuses a longer name before any trigger runs; whatever the code, it is refused
        Refusal tooLong = refusal(() -> insertUser("n".repeat(81), "long." + unique("x").replace(' ', '.') + "@example.org", "50", null));
        assertThat(tooLong.sqlState()).isIn("22001", "SSI01");

        insertUser("n".repeat(80), "max." + unique("x").replace(' ', '.') + "@example.org", "50", null);
    }

    @Test
    void id1_trust_score_lies_between_0_and_100() throws SQLException {
        assertRefused(() -> insertUser("Trusty", "t1." + unique("x").replace(' ', '.') + "@example.org", "100.01", null),
                "SSI01", "ID-1", "trust score of Trusty", "100.01");
        assertRefused(() -> insertUser("Shady", "t2." + unique("x").replace(' ', '.') + "@example.org", "-0.50", null),
                "SSI01", "ID-1", "-0.50");

        insertUser("Zero", "t3." + unique("x").replace(' ', '.') + "@example.org", "0", null);
        insertUser("Full", "t4." + unique("x").replace(' ', '.') + "@example.org", "100", null);
    }

    @Test
    void id1_country_code_is_an_iso_3166_alpha_2_code_or_null() throws SQLException {
        assertThat(number(c, "SELECT count(*) FROM iso_country_codes")).isEqualTo(249);
        assertRefused(() -> insertUser("Xavier", "c1." + unique("x").replace(' ', '.') + "@example.org", "50", "XX"),
                "SSI01", "ID-1", "country code \"XX\" of Xavier", "ISO 3166-1 alpha-2");
        assertRefused(() -> insertUser("Lower", "c2." + unique("x").replace(' ', '.') + "@example.org", "50", "ca"),
                "SSI01", "ID-1", "\"ca\"");

        insertUser("Canadian", "c3." + unique("x").replace(' ', '.') + "@example.org", "50", "CA");
        insertUser("Ålander", "c4." + unique("x").replace(' ', '.') + "@example.org", "50", "AX");
        insertUser("Nowhere", "c5." + unique("x").replace(' ', '.') + "@example.org", "50", null);
    }

    // ---- ID-2 -----------------------------------------------------------------------------

    private UUID grant(UUID user, UUID ventureId, String role, String scope) throws SQLException {
        return uuid(c, "INSERT INTO role_assignments (user_id, venture_id, role, scope, granted_by, reason) "
                + "VALUES (?, ?, ?::role_name, ?::role_scope, ?, 'needed') RETURNING id", user, ventureId, role, scope, owner);
    }

    @Test
    void id2_scope_global_means_no_venture_and_venture_scope_needs_one() {
        assertRefused(() -> grant(assignee, venture, "compliance", "global"),
                "SSI02", "ID-2", "compliance role of " + assigneeName, "scope global", "venture " + ventureName);
        assertRefused(() -> grant(assignee, null, "reviewer", "venture"),
                "SSI02", "ID-2", "scope venture but no venture");
    }

    @Test
    void id2_one_active_assignment_per_user_venture_and_role() throws SQLException {
        grant(assignee, venture, "reviewer", "venture");
        grant(assignee, null, "support", "global");

        assertRefused(() -> grant(assignee, venture, "reviewer", "venture"),
                "SSI02", "ID-2", assigneeName + " already holds the reviewer role on " + ventureName);
        assertRefused(() -> grant(assignee, null, "support", "global"),
                "SSI02", "ID-2", "support role on the platform");
    }

    @Test
    void id2_after_revoking_the_role_may_be_granted_again_and_the_revoked_row_stays() throws SQLException {
        UUID first = grant(assignee, venture, "reviewer", "venture");
        exec(c, "UPDATE role_assignments SET revoked_at = now(), revoked_by = ?, revoke_reason = 'left', "
                + "version = version + 1 WHERE id = ?", owner, first);

        grant(assignee, venture, "reviewer", "venture");

        assertThat(number(c, "SELECT count(*) FROM role_assignments WHERE user_id = ? AND role = 'reviewer'", assignee))
                .isEqualTo(2);
    }

    @Test
    void id2_assignments_are_history_never_deleted_and_only_revoked_once() throws SQLException {
        UUID role = grant(assignee, venture, "contributor", "venture");

        assertRefused(() -> exec(c, "DELETE FROM role_assignments WHERE id = ?", role),
                "SSI02", "ID-2", "contributor role of " + assigneeName, "never deleted");
        assertRefused(() -> exec(c, "TRUNCATE role_assignments"), "SSI02", "ID-2", "TRUNCATE");
        assertRefused(() -> exec(c, "UPDATE role_assignments SET role = 'owner' WHERE id = ?", role),
                "SSI02", "ID-2", "changed: role");
        exec(c, "UPDATE role_assignments SET revoked_at = now(), revoked_by = ? WHERE id = ?", owner, role);
        assertRefused(() -> exec(c, "UPDATE role_assignments SET revoke_reason = 'rewritten' WHERE id = ?", role),
                "SSI02", "ID-2", "it was revoked on");
    }

    // ---- soft delete ----------------------------------------------------------------------

    @Test
    void sd1_users_and_ventures_are_archived_never_deleted() throws SQLException {
        assertRefused(() -> exec(c, "DELETE FROM ventures WHERE id = ?", venture),
                "SSS01", "SD-1", "venture " + ventureName, "archive it instead");
        assertRefused(() -> exec(c, "DELETE FROM users WHERE id = ?", assignee),
                "SSS01", "SD-1", "user " + assigneeName, "archive it instead");
        assertRefused(() -> exec(c, "TRUNCATE users CASCADE"), "SSS01", "SD-1", "TRUNCATE");

        exec(c, "UPDATE users SET archived_at = now() WHERE id = ?", assignee);
        exec(c, "UPDATE ventures SET archived_at = now(), status = 'archived' WHERE id = ?", venture);
        assertThat(number(c, "SELECT count(*) FROM users WHERE id = ? AND archived_at IS NOT NULL", assignee)).isEqualTo(1);
    }
}
