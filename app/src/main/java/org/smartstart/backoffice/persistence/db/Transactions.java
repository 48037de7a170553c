package org.smartstart.backoffice.persistence.db;

import javax.sql.DataSource;
import java.sql.Connection;
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
        actAs(c, actingUser, false);
    }

    /**
     * Inside a transaction that has run nothing yet: optionally make it read-only, drop to the
     * application role and name the acting user — in one round trip, since every use case pays it.
     * The user id is a {@link UUID}, so writing it into the statement cannot inject anything.
     */
    public static void actAs(Connection c, UUID actingUser, boolean readOnly) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute((readOnly ? "SET TRANSACTION READ ONLY; " : "")
                    + "SET LOCAL ROLE " + BackOfficeDatabase.APP_ROLE + "; "
                    + "SELECT set_config('app.current_user_id', '" + (actingUser == null ? "" : actingUser.toString()) + "', true)");
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
