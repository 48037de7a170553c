package org.smartstart.backoffice.persistence.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.FlywayException;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The one connection pool of the process, shared by Flyway and Hibernate. It connects as the
 * role that owns the schema (migrations need it); every application transaction then drops to the
 * least-privilege {@link #APP_ROLE} (see {@link Transactions}).
 */
public final class BackOfficeDatabase implements AutoCloseable {

    /** The role the application works as: no DDL, no UPDATE/DELETE/TRUNCATE on audit_log, subject to RLS. */
    public static final String APP_ROLE = "backoffice_app";

    private final HikariDataSource dataSource;
    private final Optional<EmbeddedPostgresServer> embedded;
    private final String description;

    private BackOfficeDatabase(HikariDataSource dataSource, Optional<EmbeddedPostgresServer> embedded, String description) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.description = description;
    }

    /** Opens the configured database (starting the embedded one if no URL is set). Does not migrate. */
    public static BackOfficeDatabase open(DatabaseSettings settings, DataFolder folder) {
        if (settings.isEmbedded()) {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(folder);
            try {
                DatabaseSettings local = server.settings();
                return new BackOfficeDatabase(pool(local), Optional.of(server),
                        "embedded PostgreSQL in " + folder.postgresData() + " (" + local.url().orElseThrow() + ")");
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        }
        return new BackOfficeDatabase(pool(settings), Optional.empty(), settings.url().orElseThrow());
    }

    /** Wraps a pool over a database some other code started (tests, benchmarks). */
    public static BackOfficeDatabase attach(DatabaseSettings settings) {
        return new BackOfficeDatabase(pool(settings), Optional.empty(), settings.url().orElseThrow());
    }

    static HikariDataSource pool(DatabaseSettings settings) {
        String url = settings.url().orElseThrow();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(Integer.getInteger("backoffice.pool.size", 12));
        config.setMinimumIdle(1);
        config.setPoolName("backoffice");
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(1);
        config.setAutoCommit(true);
        config.addDataSourceProperty("connectTimeout", "5");
        config.addDataSourceProperty("ApplicationName", "SmartStart Back Office");
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new DatabaseStartupException(explainConnectionFailure(url, settings.user(), e), e);
        }
    }

    /** One plain sentence for why a connection could not be made. */
    static String explainConnectionFailure(String url, String user, Throwable failure) {
        SQLException sql = findCause(failure, SQLException.class);
        String where = hostAndDatabase(url);
        if (sql != null && sql.getSQLState() != null) {
            switch (sql.getSQLState()) {
                case "28P01", "28000":
                    return "The database at " + where + " refused user '" + user + "': wrong user name or password.";
                case "3D000":
                    return "The database at " + where + " does not exist.";
                case "08001", "08004", "08006":
                    return "Cannot reach the database at " + where + ": " + firstLine(sql.getMessage());
                default:
                    break;
            }
        }
        if (findCause(failure, java.net.ConnectException.class) != null || findCause(failure, java.net.UnknownHostException.class) != null) {
            return "Cannot reach the database at " + where + ": nothing answers there.";
        }
        return "Cannot open the database at " + where + ": " + firstLine(sql != null ? sql.getMessage() : failure.getMessage());
    }

    private static String hostAndDatabase(String jdbcUrl) {
        try {
            URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
            String host = uri.getHost() == null ? "localhost" : uri.getHost();
            int port = uri.getPort() < 0 ? 5432 : uri.getPort();
            return host + ":" + port + uri.getPath();
        } catch (RuntimeException e) {
            return jdbcUrl;
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "unknown error";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static <T extends Throwable> T findCause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) return type.cast(c);
            if (c.getCause() == c) break;
        }
        return null;
    }

    public Flyway flyway() {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .cleanDisabled(true)
                .load();
    }

    /**
     * Brings the schema to this version's latest migration. Refuses a database written by a newer
     * version of the app instead of silently running old code against a schema it does not know.
     */
    public MigrationVersion migrate() {
        Flyway flyway = flyway();
        refuseNewerSchema(flyway);
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            throw new DatabaseStartupException("The database schema at " + description + " could not be brought up to date: "
                    + firstLine(e.getMessage()), e);
        }
        MigrationInfo current = flyway.info().current();
        return current == null ? MigrationVersion.EMPTY : current.getVersion();
    }

    public void refuseNewerSchema(Flyway flyway) {
        MigrationInfo[] all = flyway.info().all();
        Optional<MigrationInfo> future = Arrays.stream(all)
                .filter(i -> i.getState() == MigrationState.FUTURE_SUCCESS || i.getState() == MigrationState.FUTURE_FAILED)
                .reduce((a, b) -> b);
        if (future.isPresent()) {
            String known = Arrays.stream(all).filter(i -> i.getState().isResolved())
                    .map(i -> i.getVersion().getVersion()).reduce((a, b) -> b).orElse("none");
            throw new DatabaseStartupException("This database was written by a newer SmartStart Back Office (schema version "
                    + future.get().getVersion() + "); this version knows schema versions up to " + known
                    + ". Update the app; nothing was changed.");
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    public Optional<EmbeddedPostgresServer> embedded() {
        return embedded;
    }

    public String description() {
        return description;
    }

    public String jdbcUrl() {
        return dataSource.getJdbcUrl();
    }

    @Override
    public void close() {
        dataSource.close();
        embedded.ifPresent(EmbeddedPostgresServer::close);
    }
}
