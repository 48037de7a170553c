package org.smartstart.backoffice.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Stand-in for the V5 migration (application role and privileges) until it is on main: creates the
 * role {@code backoffice_app} that {@code Transactions.actAs} switches to, and grants it the tables of
 * one test database. Delete this class (and its calls) once V5 has landed.
 */
public final class AppRoleUntilV5 {

    private AppRoleUntilV5() {
    }

    public static void ensure(TestDatabase db) {
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    DO $$ BEGIN
                      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'backoffice_app') THEN
                        CREATE ROLE backoffice_app NOLOGIN;
                      END IF;
                    END $$""");
            s.execute("GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO backoffice_app");
            s.execute("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO backoffice_app");
        } catch (SQLException e) {
            // Two test classes may race to create the role; the loser finds it there.
            if (!"42710".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                throw new IllegalStateException("Could not prepare backoffice_app: " + e.getMessage(), e);
            }
            ensure(db);
        }
    }
}
