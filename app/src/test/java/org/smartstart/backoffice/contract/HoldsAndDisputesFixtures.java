package org.smartstart.backoffice.contract;

import org.smartstart.backoffice.persistence.tokens.BuzTransactionWriter;
import org.smartstart.backoffice.testing.TestAccounts;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * People and a venture with something of every kind a hold freezes or a dispute names: a cap table
 * (owner 60, Ben 30, platform 10 from 2026-01-01), Chloe's wallet with 30,000 BUZ earned in the venture,
 * a task assigned to Ravi and a review of it. Written with plain SQL as the database owner.
 */
public final class HoldsAndDisputesFixtures {

    public record Venture(UUID id, String name, UUID owner, UUID ben, UUID chloe, UUID ravi, UUID reviewer,
                   UUID ownerRow, UUID task, UUID review, UUID earn) {
    }

    private final BackOfficeFixture fixture;

    public HoldsAndDisputesFixtures(BackOfficeFixture fixture) {
        this.fixture = fixture;
    }

    /** A person without a password; KYC-verified when given global roles (KY-5) or when {@code verified}. */
    public UUID person(String displayName, String... globalRoles) throws SQLException {
        UUID id = UUID.randomUUID();
        exec("INSERT INTO users (id, display_name, email, kyc_status) VALUES ('" + id + "', '" + displayName
                + "', '" + id + "@contract.test', '" + (globalRoles.length > 0 ? "verified" : "pending") + "')");
        for (String role : globalRoles) {
            exec("INSERT INTO role_assignments (user_id, role, scope, reason) VALUES ('" + id + "', '" + role + "', 'global', 'test')");
        }
        return id;
    }

    public UUID staff(String role) throws SQLException {
        return person("Staff " + role, role);
    }

    public Venture venture() throws SQLException {
        String name = "Helios " + UUID.randomUUID().toString().substring(0, 8);
        UUID owner = person("Oona Owner");
        UUID ben = person("Ben Builder");
        UUID chloe = person("Chloe Gagnon");
        UUID ravi = person("Ravi Kumar");
        UUID reviewer = person("Rita Reviewer");
        UUID venture = TestAccounts.venture(fixture.db(), name, "ca", "draft", owner);
        UUID ownerRow = UUID.randomUUID();
        exec("INSERT INTO equity_ledger (id, venture_id, holder_type, holder_id, percent, effective_from, created_by, created_at) VALUES "
                + "('" + ownerRow + "', '" + venture + "', 'user', '" + owner + "', 60.000, DATE '2026-01-01', '" + owner + "', '2025-12-01T09:00:00Z'), "
                + "(gen_random_uuid(), '" + venture + "', 'user', '" + ben + "', 30.000, DATE '2026-01-01', '" + owner + "', '2025-12-01T09:00:00Z'), "
                + "(gen_random_uuid(), '" + venture + "', 'alice', NULL, 10.000, DATE '2026-01-01', '" + owner + "', '2025-12-01T09:00:00Z')");
        exec("UPDATE users SET kyc_status = 'verified' WHERE id = '" + chloe + "'");
        exec("INSERT INTO buz_issuance_rules (venture_id, monthly_issue_cap, conversion_band_min, conversion_band_max, board_approved) "
                + "VALUES ('" + venture + "', 1000000, 0.000040, 0.000060, true)");
        UUID wallet = UUID.randomUUID();
        UUID earn = UUID.randomUUID();
        Instant at = fixture.clock().instant().truncatedTo(ChronoUnit.MICROS);
        String hash = BuzTransactionWriter.txHash(BuzTransactionWriter.GENESIS, BuzTransactionWriter.canonicalJson(
                new BuzTransactionWriter.Content(earn, wallet, venture, "earn", 30_000, null, null, null, at)));
        exec("BEGIN; INSERT INTO user_wallets (id, user_id, buz_balance, version) VALUES ('" + wallet + "', '" + chloe + "', 30000, 2); "
                + "INSERT INTO buz_transactions (id, wallet_id, venture_id, type, amount, tx_hash, created_at) VALUES ('" + earn + "', '" + wallet + "', '"
                + venture + "', 'earn', 30000, '" + hash + "', '" + at + "'); COMMIT;");
        UUID task = UUID.randomUUID();
        exec("INSERT INTO tasks (id, venture_id, title, type, created_by_user_id, assignee_user_id) VALUES ('" + task + "', '" + venture
                + "', 'Payment export', 'code', '" + owner + "', '" + ravi + "')");
        UUID review = UUID.randomUUID();
        exec("INSERT INTO reviews (id, task_id, reviewer_user_id, quality_score, decision) VALUES ('" + review + "', '" + task + "', '"
                + reviewer + "', 40, 'approve')");
        return new Venture(venture, name, owner, ben, chloe, ravi, reviewer, ownerRow, task, review, earn);
    }

    /** A dispute written directly (as the database owner), open. */
    public UUID dispute(Venture v, String objectType, UUID objectId, UUID raisedBy) throws SQLException {
        UUID id = UUID.randomUUID();
        exec("INSERT INTO disputes (id, venture_id, raised_by_user_id, object_type, object_id, reason) VALUES ('" + id + "', '" + v.id()
                + "', '" + raisedBy + "', '" + objectType + "', '" + objectId + "', 'Test dispute')");
        return id;
    }

    public void exec(String sql) throws SQLException {
        TestAccounts.exec(fixture.db(), sql);
    }

    public long number(String sql) throws SQLException {
        try (Connection c = fixture.db().ownerConnection(); PreparedStatement p = c.prepareStatement(sql); ResultSet r = p.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    public String text(String sql) throws SQLException {
        try (Connection c = fixture.db().ownerConnection(); PreparedStatement p = c.prepareStatement(sql); ResultSet r = p.executeQuery()) {
            r.next();
            return r.getString(1);
        }
    }

    /** Audit entries (sealed or waiting) on one object with this action. */
    public long auditEntries(UUID objectId, String action) throws SQLException {
        return number("SELECT count(*) FROM (SELECT action, object_id FROM audit_outbox UNION ALL SELECT action, object_id FROM audit_log) a "
                + "WHERE a.object_id = '" + objectId + "' AND a.action = '" + action + "'");
    }

    /** Every audit entry (sealed or waiting) of the venture. */
    public long auditEntriesOfVenture(UUID ventureId) throws SQLException {
        return number("SELECT count(*) FROM (SELECT venture_id FROM audit_outbox UNION ALL SELECT venture_id FROM audit_log) a "
                + "WHERE a.venture_id = '" + ventureId + "'");
    }
}
