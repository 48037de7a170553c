package org.smartstart.backoffice.testing;

import org.smartstart.backoffice.persistence.db.BackOfficeDatabase;
import org.smartstart.backoffice.persistence.db.DatabaseSettings;
import org.smartstart.backoffice.persistence.db.Transactions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** A database of one test class's own on the shared embedded server. */
public final class TestDatabase implements AutoCloseable {

    private final String name;
    private final DatabaseSettings settings;
    private BackOfficeDatabase database;

    TestDatabase(String name, DatabaseSettings settings) {
        this.name = name;
        this.settings = settings;
    }

    public String name() {
        return name;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    public String jdbcUrl() {
        return settings.url().orElseThrow();
    }

    /** The pooled database as the app opens it (owner connection; transactions drop to the app role). */
    public synchronized BackOfficeDatabase database() {
        if (database == null) {
            database = BackOfficeDatabase.attach(settings);
        }
        return database;
    }

    public Transactions transactions() {
        return new Transactions(database().dataSource());
    }

    /** A plain connection as the owning role, like psql run by the database's owner. */
    public Connection ownerConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), settings.user(), settings.password());
    }

    /** A plain connection working as the application role, like a hand-written query from the app's account. */
    public Connection appConnection(UUID actingUser) throws SQLException {
        Connection c = ownerConnection();
        try (Statement s = c.createStatement()) {
            s.execute("SET ROLE " + BackOfficeDatabase.APP_ROLE);
            s.execute("SELECT set_config('app.current_user_id', '" + (actingUser == null ? "" : actingUser) + "', false)");
        }
        return c;
    }

    @Override
    public synchronized void close() {
        if (database != null) {
            database.close();
            database = null;
        }
        try {
            TestPostgres.execAsSuperuser("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (RuntimeException ignored) {
            // the server is thrown away at the end of the run anyway
        }
    }
}
