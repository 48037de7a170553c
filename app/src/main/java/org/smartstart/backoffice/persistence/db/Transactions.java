package org.smartstart.backoffice.persistence.db;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * One transaction per user action, run as the least-privilege application role with the acting user
 * set for row-level security. {@code SET LOCAL} ends with the transaction, so a pooled connection never
 * carries one user's identity into the next transaction.
 */
public final class Transactions {

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    public Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code work} in one transaction as the application role, acting for {@code actingUser} (null = system). */
    public <T> T inTransaction(UUID actingUser, SqlWork<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                actAs(c, actingUser);
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    /** Inside an open transaction: drop to the application role and name the acting user. */
    public static void actAs(Connection c, UUID actingUser) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL ROLE " + BackOfficeDatabase.APP_ROLE);
        }
        try (PreparedStatement p = c.prepareStatement("SELECT set_config('app.current_user_id', ?, true)")) {
            p.setString(1, actingUser == null ? "" : actingUser.toString());
            p.execute();
        }
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
