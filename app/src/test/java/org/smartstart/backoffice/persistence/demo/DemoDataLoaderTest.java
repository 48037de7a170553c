package org.smartstart.backoffice.persistence.demo;

import org.smartstart.backoffice.persistence.tokens.BuzTransactionWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.smartstart.backoffice.domain.audit.VerificationResult;
import org.smartstart.backoffice.persistence.audit.AuditVerifier;
import org.smartstart.backoffice.persistence.identity.Argon2idPasswordHasher;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataLoaderTest {

    /** Entries not yet sealed and sealed ones: the sealer moves them from the outbox into audit_log. */
    private static final String AUDIT = "(SELECT action, data FROM audit_outbox UNION ALL SELECT action, data FROM audit_log) ";

    private TestDatabase db;
    private DemoDataSummary first;
    private Map<String, Long> countsAfterFirst;
    private String auditAfterFirst;

    @BeforeAll
    void loadOnce() throws Exception {
        db = TestPostgres.newDatabase();
        first = DemoDataLoader.load(db.database());
        countsAfterFirst = rowCounts();
        auditAfterFirst = auditFingerprint();
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void firstRunCreatesTheWholeSet() {
        assertThat(first.created("users")).isEqualTo(30);
        assertThat(first.created("user_credentials")).isEqualTo(30);
        assertThat(first.created("ventures")).isEqualTo(4);
        assertThat(first.created("audit entries")).isGreaterThan(300);
        for (String table : List.of("users", "user_wallets", "role_assignments", "ventures", "venture_it_pack", "equity_ledger",
                "vesting_policies", "buz_issuance_rules", "buz_transactions", "equity_conversions", "tasks", "reviews",
                "contribution_events", "contracts", "legal_holds", "kyc_documents", "kyb_documents", "billing_accounts", "invoices",
                "disputes", "skills", "user_skills", "badges", "device_posture_reports", "security_policies",
                "user_credentials", "document_blobs", "dispute_evidence")) {
            assertThat(countsAfterFirst.get(table)).as(table).isPositive();
        }
    }

    @Test
    void secondRunChangesNothing() throws Exception {
        DemoDataSummary second = DemoDataLoader.load(db.database());
        assertThat(second.nothingChanged()).as(second.describe()).isTrue();
        assertThat(second.describe()).isEqualTo("Demo data already present: nothing changed.");
        assertThat(rowCounts()).isEqualTo(countsAfterFirst);
        assertThat(auditFingerprint()).isEqualTo(auditAfterFirst);
        assertThat(DemoDataLoader.loadIfEmpty(db.database())).isEmpty();
    }

    @Test
    void aSecondEmptyDatabaseGetsExactlyTheSameData() throws Exception {
        try (TestDatabase other = TestPostgres.newDatabase()) {
            assertThat(DemoDataLoader.loadIfEmpty(other.database())).get().satisfies(s -> assertThat(s.created("users")).isEqualTo(30));
            // everything but the salted password hashes and the audit entries' own ids and time stamps
            for (String table : List.of("users", "ventures", "kyc_documents", "kyb_documents", "document_blobs", "equity_ledger",
                    "buz_transactions", "user_wallets", "equity_conversions", "contracts", "tasks", "reviews", "contribution_events",
                    "role_assignments", "disputes", "legal_holds", "invoices", "device_posture_reports", "user_skills")) {
                String fingerprint = "SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM " + table + " t";
                assertThat(stringsIn(other, fingerprint)).as(table).isEqualTo(stringsIn(db, fingerprint));
            }
            // sealed or not; without e-mail tokens, whose key is each database's own
            String audit = "SELECT md5(string_agg(e, '|' ORDER BY e)) FROM (SELECT concat_ws(',', actor_user_id, action, object_type, object_id, venture_id, data - 'email') e "
                    + "FROM (SELECT actor_user_id, action, object_type, object_id, venture_id, data FROM audit_outbox "
                    + "UNION ALL SELECT actor_user_id, action, object_type, object_id, venture_id, data FROM audit_log) a) x";
            assertThat(stringsIn(other, audit)).isEqualTo(stringsIn(db, audit));
        }
    }

    @Test
    void everyRoleIsHeldOnlyByVerifiedPeopleAndARevokedOneIsKept() throws Exception {
        assertThat(strings("SELECT DISTINCT role::text FROM role_assignments WHERE revoked_at IS NULL"))
                .containsExactlyInAnyOrder("owner", "contributor", "reviewer", "admin", "compliance", "support");
        assertThat(strings("SELECT DISTINCT role::text || '/' || scope::text FROM role_assignments WHERE role IN ('admin', 'compliance', 'support')"))
                .containsExactlyInAnyOrder("admin/global", "compliance/global", "support/global");
        assertThat(count("SELECT count(*) FROM role_assignments r JOIN users u ON u.id = r.user_id WHERE u.kyc_status <> 'verified'")).isZero();
        assertThat(count("SELECT count(*) FROM role_assignments WHERE revoked_at IS NOT NULL AND revoked_by IS NOT NULL AND revoke_reason IS NOT NULL")).isEqualTo(1);
    }

    @Test
    void everyPersonCanSignInWithTheDemoPassword() throws Exception {
        assertThat(count("SELECT count(*) FROM users u LEFT JOIN user_credentials c ON c.user_id = u.id WHERE c.user_id IS NULL")).isZero();
        List<String> hashes = strings("SELECT password_hash FROM user_credentials");
        assertThat(hashes).doesNotHaveDuplicates().allSatisfy(h -> assertThat(h).startsWith("$argon2id$"));
        String ann = strings("SELECT c.password_hash FROM user_credentials c JOIN users u ON u.id = c.user_id WHERE u.email = 'ann.lee@example.com'").get(0);
        assertThat(new Argon2idPasswordHasher().matches(DemoPeople.DEMO_PASSWORD.toCharArray(), ann)).isTrue();
        assertThat(new Argon2idPasswordHasher().matches("wrong".toCharArray(), ann)).isFalse();
    }

    @Test
    void kycStatesMatchTheirDocuments() throws Exception {
        assertThat(strings("SELECT DISTINCT kyc_status::text FROM users")).containsExactlyInAnyOrder("verified", "pending", "rejected");
        // KY-2: verified people have a verified identity document and a verified proof of address
        assertThat(count("SELECT count(*) FROM users u WHERE u.kyc_status = 'verified' AND NOT ("
                + "EXISTS (SELECT 1 FROM kyc_documents d WHERE d.user_id = u.id AND d.status = 'verified' AND d.doc_type IN ('passport','id_card','drivers_license')) AND "
                + "EXISTS (SELECT 1 FROM kyc_documents d WHERE d.user_id = u.id AND d.status = 'verified' AND d.doc_type = 'proof_of_address'))")).isZero();
        assertThat(count("SELECT count(*) FROM kyc_documents WHERE status = 'pending' AND risk_score >= 70")).isGreaterThanOrEqualTo(2);
        assertThat(count("SELECT count(*) FROM kyc_documents WHERE status = 'rejected' AND rejection_final")).isPositive();
        assertThat(count("SELECT count(*) FROM kyc_documents WHERE status = 'rejected' AND NOT rejection_final AND reason_code IS NOT NULL "
                + "AND reviewer_comment IS NOT NULL AND applicant_comment IS NOT NULL")).isPositive();
        // KY-3/KY-4: nobody decided their own document; approved high-risk documents had two different officers
        assertThat(count("SELECT count(*) FROM kyc_documents WHERE reviewed_by = user_id")).isZero();
        assertThat(count("SELECT count(*) FROM kyc_documents WHERE status = 'verified' AND risk_score >= 70 "
                + "AND (first_approved_by IS NULL OR first_approved_by = reviewed_by OR second_approval_status <> 'confirmed')")).isZero();
        assertThat(count("SELECT count(*) FROM kyc_documents WHERE status = 'verified' AND risk_score >= 70")).isPositive();
    }

    @Test
    void everyDocumentHasItsBytesUnderTheRightHash() throws Exception {
        assertThat(count("SELECT count(*) FROM document_blobs WHERE encode(sha256(bytes), 'hex') <> sha256 OR length(bytes) >= 100000")).isZero();
        for (String table : List.of("kyc_documents", "kyb_documents")) {
            assertThat(count("SELECT count(*) FROM " + table + " d LEFT JOIN document_blobs b ON b.sha256 = d.evidence_sha256 "
                    + "WHERE b.sha256 IS NULL OR d.evidence_uri <> 'blob:sha256:' || d.evidence_sha256 OR b.media_type <> d.media_type")).as(table).isZero();
        }
        assertThat(count("SELECT count(*) FROM contracts c LEFT JOIN document_blobs b ON b.sha256 = c.signing_hash WHERE b.sha256 IS NULL")).isZero();
        assertThat(count("SELECT count(*) FROM invoices i WHERE pdf_uri IS NOT NULL AND NOT EXISTS "
                + "(SELECT 1 FROM document_blobs b WHERE 'blob:sha256:' || b.sha256 = i.pdf_uri)")).isZero();
        // real content: PNG and PDF signatures, verified independently of the database's sha256()
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sha256, media_type, bytes FROM document_blobs")) {
            int n = 0;
            while (rs.next()) {
                byte[] bytes = rs.getBytes(3);
                assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))).isEqualTo(rs.getString(1));
                String magic = new String(bytes, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(magic).isEqualTo(rs.getString(2).equals("image/png") ? "\u0089PNG" : "%PDF");
                n++;
            }
            assertThat(n).isGreaterThan(60);
        }
    }

    @Test
    void venturesCoverTheStories() throws Exception {
        assertThat(strings("SELECT DISTINCT region::text FROM ventures")).hasSizeGreaterThanOrEqualTo(4);
        // an active equity hold imposed by a compliance officer with a reason, and a released one
        assertThat(count("SELECT count(*) FROM legal_holds h JOIN ventures v ON v.id = h.venture_id JOIN role_assignments r "
                + "ON r.user_id = h.imposed_by_user_id AND r.role = 'compliance' AND r.revoked_at IS NULL "
                + "WHERE h.released_at IS NULL AND h.applies_to = 'equity' AND v.status = 'active' AND length(h.reason) > 20")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM legal_holds WHERE released_at IS NOT NULL AND released_by_user_id IS NOT NULL AND release_reason IS NOT NULL")).isEqualTo(1);
        // a draft venture waiting for KYB
        assertThat(count("SELECT count(*) FROM ventures v WHERE v.status = 'draft' AND "
                + "(SELECT count(*) FROM kyb_documents k WHERE k.venture_id = v.id AND k.status = 'pending' AND k.doc_type IN ('articles_of_inc', 'tax_id')) = 2")).isEqualTo(1);
        // KY-6: active ventures have verified articles and tax id
        assertThat(count("SELECT count(*) FROM ventures v WHERE v.status = 'active' AND "
                + "(SELECT count(DISTINCT doc_type) FROM kyb_documents k WHERE k.venture_id = v.id AND k.status = 'verified' AND k.doc_type IN ('articles_of_inc', 'tax_id')) <> 2")).isZero();
        // every venture has its owner, IT pack, billing with invoices, policies and a board-approved current BUZ rule
        assertThat(count("SELECT count(*) FROM ventures v WHERE v.owner_user_id IS NULL "
                + "OR NOT EXISTS (SELECT 1 FROM venture_it_pack p WHERE p.venture_id = v.id) "
                + "OR NOT EXISTS (SELECT 1 FROM billing_accounts b JOIN invoices i ON i.billing_account_id = b.id WHERE b.venture_id = v.id) "
                + "OR NOT EXISTS (SELECT 1 FROM security_policies s WHERE s.venture_id = v.id) "
                + "OR NOT EXISTS (SELECT 1 FROM buz_issuance_rules r WHERE r.venture_id = v.id AND r.replaced_at IS NULL AND r.board_approved)")).isZero();
    }

    @Test
    void everyCapTableTotalsExactlyOneHundredOnEveryChangeDate() throws Exception {
        String sql = """
                WITH points AS (
                    SELECT venture_id, effective_from AS d FROM equity_ledger
                    UNION SELECT venture_id, effective_to + 1 FROM equity_ledger WHERE effective_to IS NOT NULL)
                SELECT v.name, p.d,
                       COALESCE(sum(e.percent), 0) AS total,
                       COALESCE(sum(e.percent) FILTER (WHERE e.holder_id = v.owner_user_id), 0) AS owner_share,
                       COALESCE(sum(e.percent) FILTER (WHERE e.holder_type = 'alice'), 0) AS alice,
                       v.alice_equity_cap,
                       count(*) - count(DISTINCT e.holder_id) - count(*) FILTER (WHERE e.holder_type = 'alice') AS duplicate_holders
                FROM points p JOIN ventures v ON v.id = p.venture_id
                LEFT JOIN equity_ledger e ON e.venture_id = p.venture_id AND e.effective_from <= p.d AND (e.effective_to IS NULL OR p.d <= e.effective_to)
                GROUP BY v.name, p.d, v.alice_equity_cap, v.owner_user_id
                ORDER BY v.name, p.d""";
        int points = 0;
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String where = rs.getString(1) + " on " + rs.getString(2);
                assertThat(rs.getBigDecimal("total")).as(where).isEqualByComparingTo("100.000");
                assertThat(rs.getBigDecimal("owner_share")).as(where).isGreaterThanOrEqualTo(new BigDecimal("35.000"));
                assertThat(rs.getBigDecimal("alice")).as(where).isLessThanOrEqualTo(rs.getBigDecimal("alice_equity_cap"));
                assertThat(rs.getLong("duplicate_holders")).as(where).isZero();
                points++;
            }
        }
        assertThat(points).isGreaterThanOrEqualTo(12);
        assertThat(count("SELECT count(*) FROM equity_ledger WHERE vesting_policy_id IS NOT NULL")).isPositive();
        assertThat(count("SELECT count(DISTINCT venture_id) FROM equity_ledger WHERE holder_type = 'alice'")).isEqualTo(3);
    }

    @Test
    void walletBalancesEqualTheirTransactionsAndEachWalletChainVerifies() throws Exception {
        assertThat(count("SELECT count(*) FROM user_wallets w WHERE buz_balance <> (SELECT COALESCE(sum(amount), 0) FROM buz_transactions t WHERE t.wallet_id = w.id) "
                + "OR locked_balance <> -(SELECT COALESCE(sum(amount), 0) FROM buz_transactions t WHERE t.wallet_id = w.id AND t.type IN ('lock', 'unlock'))")).isZero();
        assertThat(count("SELECT count(*) FROM buz_transactions WHERE (type IN ('earn', 'unlock') AND amount <= 0) OR (type IN ('convert', 'redeem', 'lock') AND amount >= 0)")).isZero();
        assertThat(strings("SELECT DISTINCT type::text FROM buz_transactions")).containsExactlyInAnyOrder("earn", "convert", "redeem", "lock", "unlock");
        assertThat(count("SELECT count(*) FROM buz_transactions t JOIN user_wallets w ON w.id = t.wallet_id JOIN users u ON u.id = w.user_id WHERE u.kyc_status <> 'verified'")).isZero();
        assertThat(count("SELECT count(*) FROM user_wallets WHERE locked_balance > 0")).isPositive();
        // BZ-3 per venture and month
        assertThat(count("SELECT count(*) FROM (SELECT t.venture_id, date_trunc('month', t.created_at AT TIME ZONE 'UTC') m, sum(amount) s FROM buz_transactions t "
                + "WHERE type = 'earn' GROUP BY 1, 2) e JOIN buz_issuance_rules r ON r.venture_id = e.venture_id AND r.replaced_at IS NULL WHERE e.s > r.monthly_issue_cap")).isZero();
        // BZ-4: the conversion's rate lies within the band of the rule named in its snapshot
        assertThat(count("SELECT count(*) FROM equity_conversions c JOIN buz_issuance_rules r ON r.id = (c.policy_snapshot->>'rule_id')::uuid "
                + "WHERE c.equity_percent_granted / c.buz_spent BETWEEN r.conversion_band_min AND r.conversion_band_max AND r.board_approved")).isEqualTo(1);
        // BZ-5
        Map<UUID, String> previous = new LinkedHashMap<>();
        int checked = 0;
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id, wallet_id, venture_id, type::text, amount, artifact_hash, tx_hash, created_at, prev_tx_hash FROM buz_transactions ORDER BY wallet_id, created_at")) {
            while (rs.next()) {
                UUID wallet = rs.getObject(2, UUID.class);
                String prev = previous.getOrDefault(wallet, BuzTransactionWriter.GENESIS);
                String canonical = BuzTransactionWriter.canonicalJson(new BuzTransactionWriter.Content(rs.getObject(1, UUID.class), wallet,
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getLong(5), rs.getString(6), null, null,
                        rs.getObject(8, OffsetDateTime.class).toInstant()));
                assertThat(rs.getString(9)).isEqualTo(prev);
                assertThat(rs.getString(7)).isEqualTo(BuzTransactionWriter.txHash(prev, canonical));
                previous.put(wallet, rs.getString(7));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void contributorContractsAreSignedBeforeTheirTasksAreApproved() throws Exception {
        assertThat(strings("SELECT DISTINCT status::text FROM tasks")).containsExactlyInAnyOrder("open", "in_review", "approved", "rejected");
        // LG-1
        assertThat(count("SELECT count(*) FROM tasks t WHERE t.status = 'approved' AND NOT EXISTS (SELECT 1 FROM contracts c WHERE c.venture_id = t.venture_id "
                + "AND c.type = 'contributor' AND c.signed_at IS NOT NULL AND c.signed_at < (SELECT min(r.created_at) FROM reviews r WHERE r.task_id = t.id AND r.decision = 'approve') "
                + "AND c.signers @> jsonb_build_array(jsonb_build_object('user_id', t.assignee_user_id::text)))")).isZero();
        assertThat(count("SELECT count(*) FROM contracts WHERE jsonb_array_length(signers) < 2 OR NOT (signers->0 ??& array['user_id', 'name', 'email', 'signed_at'])")).isZero();
        assertThat(count("SELECT count(*) FROM tasks t WHERE t.status = 'approved' AND NOT EXISTS (SELECT 1 FROM contribution_events e WHERE e.task_id = t.id)")).isZero();
        assertThat(count("SELECT count(*) FROM reviews r JOIN tasks t ON t.id = r.task_id WHERE r.reviewer_user_id = t.assignee_user_id")).isZero();
        assertThat(count("SELECT count(*) FROM device_posture_reports WHERE NOT compliant")).isPositive();
        assertThat(count("SELECT count(*) FROM user_skills WHERE verified")).isPositive();
    }

    @Test
    void disputesExistInEveryStateOverEveryKindOfObject() throws Exception {
        assertThat(strings("SELECT DISTINCT status::text FROM disputes")).containsExactlyInAnyOrder("open", "in_review", "resolved", "rejected");
        assertThat(strings("SELECT DISTINCT object_type::text FROM disputes")).containsExactlyInAnyOrder("task", "review", "buz_tx", "equity");
        assertThat(count("SELECT count(*) FROM disputes WHERE status = 'in_review' AND appeal_count = 1")).isEqualTo(1);
        assertThat(count("SELECT count(DISTINCT venture_id) FROM disputes")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM disputes WHERE status IN ('resolved', 'rejected') AND (resolution IS NULL OR decided_by IS NULL OR decided_by = raised_by_user_id)")).isZero();
        assertThat(count("SELECT count(*) FROM disputes WHERE first_responded_at IS NULL AND first_response_due_at < now()")).isPositive();
        assertThat(count("SELECT count(*) FROM disputes d JOIN role_assignments r ON r.user_id = d.assigned_to AND r.role = 'support' AND r.revoked_at IS NULL")).isEqualTo(5);
        // DS-2: each names an existing object
        assertThat(count("SELECT count(*) FROM disputes d WHERE NOT CASE d.object_type "
                + "WHEN 'task' THEN EXISTS (SELECT 1 FROM tasks x WHERE x.id = d.object_id) "
                + "WHEN 'review' THEN EXISTS (SELECT 1 FROM reviews x WHERE x.id = d.object_id) "
                + "WHEN 'buz_tx' THEN EXISTS (SELECT 1 FROM buz_transactions x WHERE x.id = d.object_id) "
                + "ELSE EXISTS (SELECT 1 FROM equity_ledger x WHERE x.id = d.object_id) END")).isZero();
    }

    @Test
    void theAuditEntriesAreSealedIntoAChainThatVerifies() throws Exception {
        VerificationResult result = new AuditVerifier(db.database().dataSource()).verify();
        assertThat(result.firstBreak()).isEmpty();
        assertThat(result.unsealedEntries()).isZero();
        assertThat(result.verifiedEntries()).isEqualTo(first.created("audit entries"));
    }

    @Test
    void everyChangeIsAuditedWithoutPersonalData() throws Exception {
        assertThat(strings("SELECT DISTINCT action FROM " + AUDIT)).contains("USER_CREATED", "VENTURE_CREATED", "EQUITY_CHANGE", "KYC_SUBMITTED",
                "KYC_DECISION", "HOLD_IMPOSED", "HOLD_RELEASED", "BUZ_EARNED", "BUZ_CONVERTED", "DISPUTE_RAISED", "ROLE_GRANTED", "ROLE_REVOKED");
        assertThat(count("SELECT count(*) FROM " + AUDIT + " a WHERE data::text ~* '@example\\.(com|org|net)'")).isZero();
        assertThat(count("SELECT count(*) FROM " + AUDIT + " a WHERE action = 'USER_CREATED' AND data->>'email' LIKE 'tok\\_%'")).isEqualTo(30);
        // KY-7: every decision names the sha256 of the bytes reviewed
        assertThat(count("SELECT count(*) FROM " + AUDIT + " a WHERE a.action IN ('KYC_DECISION', 'KYB_DECISION') AND NOT EXISTS "
                + "(SELECT 1 FROM document_blobs b WHERE b.sha256 = a.data->>'evidence_sha256')")).isZero();
    }

    // ---------------------------------------------------------------------------------------------

    private Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : strings("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' "
                + "AND table_name NOT LIKE 'flyway%' ORDER BY table_name")) {
            counts.put(table, count("SELECT count(*) FROM " + table));
        }
        return counts;
    }

    /** The audit trail as written: outbox entries, sealed entries and the chain head (once the sealer lands, its head). */
    private String auditFingerprint() throws SQLException {
        return strings("SELECT count(*) || ':' || COALESCE(max(entry_no), 0) FROM audit_outbox").get(0) + "|"
                + strings("SELECT count(*)::text FROM audit_log").get(0) + "|"
                + strings("SELECT seq || ':' || tx_hash FROM audit_chain_head").get(0);
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.ownerConnection(); PreparedStatement p = c.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> strings(String sql) throws SQLException {
        return stringsIn(db, sql);
    }

    private static List<String> stringsIn(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.ownerConnection(); PreparedStatement p = c.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

}
