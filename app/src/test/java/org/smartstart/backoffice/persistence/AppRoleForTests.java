package org.smartstart.backoffice.persistence;

import org.smartstart.backoffice.persistence.db.BackOfficeDatabase;
import org.smartstart.backoffice.testing.TestDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Stand-in for the V5 migration (application role and privileges) until it is on this branch: creates
 * {@code backoffice_app} if missing and grants it plain DML, so units of work can {@code SET LOCAL ROLE}.
 * Once V5 is merged the role exists already and the grants are no-ops; then delete this class.
 */
final class AppRoleForTests {

    private AppRoleForTests() {
    }

    static void ensure(TestDatabase db) throws SQLException {
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN CREATE ROLE " + BackOfficeDatabase.APP_ROLE + " NOLOGIN;"
                    + " EXCEPTION WHEN duplicate_object THEN NULL; END $$");
            s.execute("GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO " + BackOfficeDatabase.APP_ROLE);
            s.execute("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO " + BackOfficeDatabase.APP_ROLE);
        }
    }

    /**
     * A KYC-verified user holding the global admin, compliance and support roles (ID-2, KY-5), written
     * as the owner like a setup script would: the acting user of the tests.
     */
    static UUID globalStaff(TestDatabase db) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO users (id, display_name, email, kyc_status, country_code) VALUES ('" + id
                    + "', 'Grace Staff', 'grace.staff." + id + "@smartstart.test', 'verified', 'CA')");
            for (String role : new String[] {"admin", "compliance", "support"}) {
                s.execute("INSERT INTO role_assignments (user_id, venture_id, role, scope, granted_by, reason) VALUES ('"
                        + id + "', NULL, '" + role + "', 'global', NULL, 'test setup')");
            }
        }
        return id;
    }
}
