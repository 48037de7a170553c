package org.smartstart.backoffice.persistence.rules;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
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
 * ID-3 (V14) as PostgreSQL enforces it against plain SQL from the application's role: a write the matrix
 * forbids the acting user is refused with SQLSTATE SSI03 and a sentence naming the user, the action and
 * the roles it takes. The rules' own triggers fire first, so a write that also breaks a rule gets that rule.
 */
class AccessRulesSqlTest {

    private static TestDatabase db;
    private Connection owner;
    private String ventureName;
    private UUID venture;
    private UUID anna;       // owner of the venture
    private String carlName;
    private UUID carl;       // contributor on it
    private UUID cora;       // global compliance
    private UUID adam;       // global admin

    @BeforeAll
    static void createDatabase() {
        db = TestPostgres.newDatabase();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @BeforeEach
    void ventureWithPeople() throws SQLException {
        owner = db.ownerConnection();
        anna = user(owner, unique("Anna"), "verified");
        carlName = unique("Carl");
        carl = user(owner, carlName, "verified");
        cora = user(owner, unique("Cora"), "verified");
        adam = user(owner, unique("Adam"), "verified");
        ventureName = unique("Acme");
        venture = venture(owner, ventureName, anna);
        exec(owner, "INSERT INTO equity_ledger (venture_id, holder_type, holder_id, percent, effective_from) VALUES (?, 'user', ?, 100.000, DATE '2026-01-01')",
                venture, anna);
        exec(owner, "INSERT INTO role_assignments (user_id, venture_id, role, scope) VALUES (?, ?, 'contributor', 'venture')", carl, venture);
        exec(owner, "INSERT INTO role_assignments (user_id, role, scope) VALUES (?, 'compliance', 'global'), (?, 'admin', 'global')", cora, adam);
    }

    @AfterEach
    void close() throws SQLException {
        owner.close();
    }

    private static String name(Connection c, UUID user) throws SQLException {
        return text(c, "SELECT display_name FROM users WHERE id = ?", user);
    }

    private void as(UUID user, String sql, Object... params) throws SQLException {
        try (Connection app = db.appConnection(user)) {
            exec(app, sql, params);
        }
    }

    @Test
    void id3_only_the_owner_or_a_global_admin_edits_the_cap_table() throws SQLException {
        assertRefused(() -> as(carl, """
                        INSERT INTO equity_ledger (venture_id, holder_type, holder_id, percent, effective_from)
                        VALUES (?, 'user', ?, 5.000, DATE '2026-06-01')""", venture, carl),
                "SSI03", "ID-3", carlName, "edit the cap table of " + ventureName, "owner role", "global admin role");
        assertRefused(() -> as(cora, "UPDATE equity_ledger SET effective_to = DATE '2026-12-31', version = version + 1 WHERE venture_id = ?", venture),
                "SSI03", "ID-3", name(owner, cora), "edit the cap table");
        assertThat(number(owner, "SELECT count(*) FROM equity_ledger WHERE venture_id = ?", venture)).isEqualTo(1);
    }

    @Test
    void id3_only_the_owner_or_a_global_admin_converts_buz() throws SQLException {
        issuanceRule(owner, venture, 50_000);
        assertRefused(() -> as(carl, """
                        INSERT INTO equity_conversions (venture_id, user_id, buz_spent, equity_percent_granted, effective_date, policy_snapshot)
                        VALUES (?, ?, 1000, 0.100000, DATE '2026-06-01', '{}'::jsonb)""", venture, carl),
                "SSI03", "ID-3", carlName, "convert BUZ to equity of " + ventureName, "owner role");
    }

    /**
     * Refused by ID-3, or by the rule of the same table that says the same earlier (LH-1 names compliance
     * as the only one who imposes holds): either way with its SQLSTATE and a sentence naming the user.
     */
    private static void assertRefusedByPermission(ThrowingCallable statement, String otherState, String otherRule, String... fragments) {
        Refusal r = refusal(statement);
        assertThat(r.sqlState()).as("SQLSTATE of: %s", r.message()).isIn("SSI03", otherState);
        assertThat(r.message()).startsWith((r.sqlState().equals("SSI03") ? "ID-3" : otherRule) + ": ").contains(fragments);
    }

    @Test
    void id3_anyone_raises_a_dispute_in_their_own_name_but_only_support_or_admin_work_it() throws SQLException {
        UUID support = user(owner, unique("Sam"), "verified");
        exec(owner, "INSERT INTO role_assignments (user_id, role, scope) VALUES (?, 'support', 'global')", support);
        UUID row = uuid(owner, "SELECT id FROM equity_ledger WHERE venture_id = ?", venture);
        String raise = "INSERT INTO disputes (venture_id, raised_by_user_id, object_type, object_id, reason) "
                + "VALUES (?, ?, 'equity', ?, 'My share is wrong') RETURNING id";

        assertRefused(() -> as(carl, raise.replace(" RETURNING id", ""), venture, anna, row),
                "SSI03", "ID-3", carlName, "raise a dispute on a equity in the name of " + name(owner, anna));
        UUID dispute;
        try (Connection app = db.appConnection(carl)) {
            dispute = uuid(app, raise, venture, carl, row);
        }
        assertRefused(() -> as(carl, "UPDATE disputes SET assigned_to = ?, version = version + 1 WHERE id = ?", carl, dispute),
                "SSI03", "ID-3", carlName, "work the dispute on a equity raised by " + carlName, "global support or admin role");
        assertRefused(() -> as(anna, "UPDATE disputes SET status = 'in_review', first_responded_at = now(), version = version + 1 WHERE id = ?",
                        dispute),
                "SSI03", "ID-3", name(owner, anna), "work the dispute");

        as(support, "UPDATE disputes SET assigned_to = ?, status = 'in_review', first_responded_at = now(), version = version + 1 WHERE id = ?",
                support, dispute);
        as(support, "UPDATE disputes SET status = 'rejected', resolution = 'The ledger is right', decided_by = ?, decided_at = now(), "
                + "version = version + 1 WHERE id = ?", support, dispute);
        // the one who raised it may appeal once
        as(carl, "UPDATE disputes SET status = 'in_review', appeal_count = appeal_count + 1, appeal_reason = 'New evidence', "
                + "appealed_by = ?, appealed_at = now(), decided_by = NULL, decided_at = NULL, version = version + 1 WHERE id = ?", carl, dispute);
        assertThat(text(owner, "SELECT status::text FROM disputes WHERE id = ?", dispute)).isEqualTo("in_review");
    }

    @Test
    void id3_only_the_owner_an_admin_or_support_writes_buz_transactions() throws SQLException {
        issuanceRule(owner, venture, 50_000);
        UUID wallet = wallet(owner, carl);
        assertRefused(() -> as(carl, "INSERT INTO buz_transactions (wallet_id, venture_id, type, amount) VALUES (?, ?, 'earn', 500)",
                        wallet, venture),
                "SSI03", "ID-3", carlName, "write a BUZ earn of 500 for " + ventureName, "owner role on that venture");
        assertRefused(() -> as(cora, "INSERT INTO buz_transactions (wallet_id, venture_id, type, amount) VALUES (?, ?, 'earn', 500)",
                        wallet, venture),
                "SSI03", "ID-3", name(owner, cora), "write a BUZ earn");
        try (Connection app = db.appConnection(anna)) {
            post(app, wallet, venture, "earn", 500, null);
        }
        assertThat(number(owner, "SELECT buz_balance FROM user_wallets WHERE id = ?", wallet)).isEqualTo(500);
    }

    @Test
    void id3_only_global_compliance_imposes_and_releases_legal_holds() throws SQLException {
        assertRefusedByPermission(() -> as(anna,
                        "INSERT INTO legal_holds (venture_id, reason, applies_to, imposed_by_user_id) VALUES (?, 'Audit', 'equity', ?)", venture, anna),
                "SSH01", "LH-1", name(owner, anna), "impose the equity legal hold on " + ventureName, "compliance");
        as(cora, "INSERT INTO legal_holds (venture_id, reason, applies_to, imposed_by_user_id) VALUES (?, 'Audit', 'equity', ?)", venture, cora);
        assertRefusedByPermission(() -> as(adam, """
                        UPDATE legal_holds SET released_at = now(), released_by_user_id = ?, release_reason = 'done', version = version + 1
                         WHERE venture_id = ?""", adam, venture),
                "SSH01", "LH-1", name(owner, adam), "release", "compliance");
        assertThat(number(owner, "SELECT count(*) FROM legal_holds WHERE venture_id = ? AND released_at IS NULL", venture)).isEqualTo(1);
    }

    @Test
    void id3_only_a_global_admin_grants_and_revokes_roles() throws SQLException {
        UUID newcomer = user(owner, unique("Nina"), "verified");
        assertRefused(() -> as(anna, "INSERT INTO role_assignments (user_id, venture_id, role, scope) VALUES (?, ?, 'reviewer', 'venture')",
                        newcomer, venture),
                "SSI03", "ID-3", name(owner, anna), "grant the reviewer role to " + name(owner, newcomer) + " on " + ventureName,
                "global admin role");
        assertRefused(() -> as(cora, "UPDATE role_assignments SET revoked_at = now(), revoked_by = ?, revoke_reason = 'x' WHERE user_id = ?",
                        cora, carl),
                "SSI03", "ID-3", "revoke the contributor role of " + carlName);
        as(adam, "INSERT INTO role_assignments (user_id, venture_id, role, scope, granted_by) VALUES (?, ?, 'reviewer', 'venture', ?)",
                newcomer, venture, adam);
        assertThat(number(owner, "SELECT count(*) FROM role_assignments WHERE user_id = ?", newcomer)).isEqualTo(1);
    }

    @Test
    void the_rules_own_refusal_comes_before_id3() throws SQLException {
        UUID pending = user(owner, unique("Pat"), "pending");
        assertRefused(() -> as(anna, "INSERT INTO role_assignments (user_id, venture_id, role, scope) VALUES (?, ?, 'reviewer', 'venture')",
                        pending, venture),
                "SSK05", "KY-5", "status pending");
    }

    @Test
    void id3_only_global_compliance_decides_kyc_and_kyb_documents() throws SQLException {
        UUID doc;
        try (Connection app = db.appConnection(carl)) {
            // submitting one's own document is not a decision
            doc = uuid(app, "INSERT INTO kyc_documents (user_id, doc_type) VALUES (?, 'passport') RETURNING id", carl);
        }
        // a document submitted as already decided
        assertRefused(() -> as(carl, "INSERT INTO kyc_documents (user_id, doc_type, status, verifier) VALUES (?, 'id_card', 'verified', 'me')", carl),
                "SSI03", "ID-3", carlName, "decide the id_card KYC document of " + carlName, "global compliance role");
        assertRefused(() -> as(anna, "INSERT INTO kyb_documents (venture_id, doc_type, status) VALUES (?, 'tax_id', 'verified')", venture),
                "SSI03", "ID-3", name(owner, anna), "decide the tax_id KYB document of " + ventureName);
        // deciding one's own submission is refused (the review's own KY rules may say so first)
        Refusal own = refusal(() -> as(carl, "UPDATE kyc_documents SET status = 'verified', verified_at = now() WHERE id = ?", doc));
        assertThat(own.sqlState()).startsWith("SS");
        assertThat(number(owner, "SELECT count(*) FROM kyc_documents WHERE id = ? AND status = 'pending'", doc)).isEqualTo(1);
        as(anna, "INSERT INTO kyb_documents (venture_id, doc_type) VALUES (?, 'tax_id')", venture);
        assertThat(number(owner, "SELECT count(*) FROM kyb_documents WHERE venture_id = ? AND status = 'pending'", venture)).isEqualTo(1);
    }

    @Test
    void id3_only_compliance_moves_a_kyc_status_and_only_the_person_or_an_admin_edits_a_profile() throws SQLException {
        assertRefused(() -> as(carl, "UPDATE users SET kyc_status = 'rejected' WHERE id = ?", carl),
                "SSI03", "ID-3", "set the KYC status of " + carlName + " from verified to rejected", "global compliance role");
        assertRefused(() -> as(anna, "UPDATE users SET display_name = 'Renamed' WHERE id = ?", carl),
                "SSI03", "ID-3", "edit display_name of " + carlName, "the person themselves or the global admin role");
        assertRefused(() -> as(anna, "INSERT INTO users (display_name, email) VALUES ('Sock Puppet', ?)", UUID.randomUUID() + "@example.org"),
                "SSI03", "ID-3", "open an account for Sock Puppet", "global admin role");
        as(carl, "UPDATE users SET country_code = 'CA' WHERE id = ?", carl);
        as(cora, "UPDATE users SET kyc_status = 'pending' WHERE id = ?", carl);
        assertThat(text(owner, "SELECT kyc_status::text || ' ' || country_code FROM users WHERE id = ?", carl)).isEqualTo("pending CA");
    }

    @Test
    void the_system_without_an_acting_user_may_do_everything() throws SQLException {
        as(null, "INSERT INTO role_assignments (user_id, venture_id, role, scope) VALUES (?, ?, 'reviewer', 'venture')", carl, venture);
        as(null, "UPDATE users SET kyc_status = 'rejected', display_name = 'Carl Renamed' WHERE id = ?", carl);
        as(null, "INSERT INTO kyb_documents (venture_id, doc_type, status, verifier) VALUES (?, 'incumbency', 'rejected', 'registry')", venture);
        try (Connection system = db.appConnection(null)) {
            inTransaction(system, () -> {
                exec(system, "UPDATE equity_ledger SET effective_to = DATE '2026-05-31', version = version + 1 WHERE venture_id = ?", venture);
                exec(system, "INSERT INTO equity_ledger (venture_id, holder_type, holder_id, percent, effective_from) "
                        + "VALUES (?, 'user', ?, 100.000, DATE '2026-06-01')", venture, anna);
            });
        }
        assertThat(number(owner, "SELECT count(*) FROM equity_ledger WHERE venture_id = ?", venture)).isEqualTo(2);
        assertThat(number(owner, "SELECT count(*) FROM role_assignments WHERE user_id = ? AND role = 'reviewer'", carl)).isEqualTo(1);
        assertThat(text(owner, "SELECT kyc_status::text FROM users WHERE id = ?", carl)).isEqualTo("rejected");
    }
}
