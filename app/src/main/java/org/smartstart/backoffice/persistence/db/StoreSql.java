package org.smartstart.backoffice.persistence.db;

import java.sql.SQLException;

/**
 * What the JDBC stores behind the domain's store ports share. The ports are plain Java and throw no checked
 * exceptions, so a store wraps its JDBC work in {@link #sql}: a failure leaves as {@link StoreFailure}
 * carrying the SQLException, and the use case runner ({@code LocalUseCases}) still finds the rule refusal,
 * the lost race or the lost connection in its causes.
 */
public final class StoreSql {

    private StoreSql() {
    }

    /** JDBC work of a store. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws SQLException;
    }

    public static <T> T sql(Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new StoreFailure(e);
        }
    }

    /** A database failure inside a store, carrying the SQLException (rule refusals included). */
    public static final class StoreFailure extends RuntimeException {
        StoreFailure(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
