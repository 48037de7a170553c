package org.smartstart.backoffice.persistence.demo;

import org.smartstart.backoffice.testing.TestDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Stand-in for the V5 migration (branch audit) until it lands on main: the application role with the
 * privileges the app's transactions need. Does nothing once V5 is migrated; remove it then.
 */
final class AppRoleForTests {

    private AppRoleForTests() {
    }

    static void ensure(TestDatabase db) throws SQLException {
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement()) {
            // Once V5 is migrated it owns the role and its privileges; granting ALL TABLES here would undo its revokes.
            try (var rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM flyway_schema_history WHERE version = '5' AND success)")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return;
                }
            }
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'backoffice_app') THEN "
                    + "CREATE ROLE backoffice_app NOLOGIN; END IF; END $$");
            s.execute("GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO backoffice_app");
            s.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO backoffice_app");
        }
    }
}
