package org.smartstart.backoffice.ui.captable;

import org.smartstart.backoffice.testing.TestAccounts;
import org.smartstart.backoffice.testing.TestDatabase;

import java.sql.SQLException;
import java.util.UUID;

/**
 * A venture owned by Oona with Ben (4-year vesting, 1-year cliff) and the platform: 60 / 30 / 10 from
 * 2026-01-01, then 55 / 35 / 10 from 2026-07-01. Platform cap 15.
 */
record CapTableScenario(UUID venture, String name, UUID owner, UUID ben) {

    static CapTableScenario create(TestDatabase db, String... holds) throws SQLException {
        return create(db, null, holds);
    }

    /** @param owner null: a new person */
    static CapTableScenario create(TestDatabase db, UUID ownedBy, String... holds) throws SQLException {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UUID owner = ownedBy != null ? ownedBy : person(db, "Oona Owner " + tag);
        UUID ben = person(db, "Ben Builder " + tag);
        String name = "Acme " + tag;
        UUID venture = TestAccounts.venture(db, name, "ca", "draft", owner);
        UUID vesting = UUID.randomUUID();
        TestAccounts.exec(db, "UPDATE ventures SET alice_equity_cap = 15.000 WHERE id = '" + venture + "'");
        TestAccounts.exec(db, "INSERT INTO vesting_policies (id, name, cliff_months, duration_months, frequency) VALUES ('"
                + vesting + "', '4y/1y', 12, 48, 'monthly')");
        String v = "'" + venture + "'";
        String o = "'" + owner + "'";
        String b = "'" + ben + "'";
        TestAccounts.exec(db, "INSERT INTO equity_ledger (venture_id, holder_type, holder_id, percent, vesting_policy_id, effective_from, effective_to, created_by, created_at) VALUES "
                + "(" + v + ", 'user', " + o + ", 60.000, NULL, DATE '2026-01-01', DATE '2026-06-30', " + o + ", '2025-12-01T09:00:00Z'), "
                + "(" + v + ", 'user', " + b + ", 30.000, '" + vesting + "', DATE '2026-01-01', DATE '2026-06-30', " + o + ", '2025-12-01T09:00:00Z'), "
                + "(" + v + ", 'alice', NULL, 10.000, NULL, DATE '2026-01-01', NULL, " + o + ", '2025-12-01T09:00:00Z'), "
                + "(" + v + ", 'user', " + o + ", 55.000, NULL, DATE '2026-07-01', NULL, " + o + ", '2026-06-01T09:00:00Z'), "
                + "(" + v + ", 'user', " + b + ", 35.000, '" + vesting + "', DATE '2026-07-01', NULL, " + o + ", '2026-06-01T09:00:00Z')");
        for (String scope : holds) { // after the ledger: a hold freezes it (EQ-7)
            TestAccounts.exec(db, "INSERT INTO legal_holds (venture_id, reason, applies_to) VALUES ('" + venture
                    + "', 'Litigation pending', '" + scope + "')");
        }
        return new CapTableScenario(venture, name, owner, ben);
    }

    static UUID person(TestDatabase db, String displayName, String... globalRoles) throws SQLException {
        UUID id = UUID.randomUUID();
        TestAccounts.exec(db, "INSERT INTO users (id, display_name, email, kyc_status) VALUES ('" + id + "', '" + displayName
                + "', '" + id + "@captable.test', '" + (globalRoles.length > 0 ? "verified" : "pending") + "')");
        for (String role : globalRoles) {
            TestAccounts.exec(db, "INSERT INTO role_assignments (user_id, role, scope, reason) VALUES ('" + id + "', '" + role
                    + "', 'global', 'test')");
        }
        return id;
    }
}
