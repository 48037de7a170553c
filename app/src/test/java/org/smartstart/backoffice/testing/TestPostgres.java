package org.smartstart.backoffice.testing;

import org.smartstart.backoffice.persistence.db.BackOfficeDatabase;
import org.smartstart.backoffice.persistence.db.DataFolder;
import org.smartstart.backoffice.persistence.db.DatabaseSettings;
import org.smartstart.backoffice.persistence.db.EmbeddedPostgresServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real embedded PostgreSQL per test JVM. The schema is migrated once into a template database;
 * each test class gets its own copy ({@code CREATE DATABASE ... TEMPLATE}, milliseconds), so tests are
 * independent without re-running migrations.
 */
public final class TestPostgres {

    private static final String TEMPLATE = "bo_template";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgresServer server;
    private static boolean templateReady;

    private TestPostgres() {
    }

    public static synchronized EmbeddedPostgresServer server() {
        if (server == null) {
            try {
                Path root = Path.of("target", "test-postgres").toAbsolutePath();
                Path data = root.resolve("pgdata");
                if (Files.exists(data)) {
                    deleteTree(data);
                }
                // fsync off: test data is thrown away; the app itself never runs like this.
                server = EmbeddedPostgresServer.start(new DataFolder(root),
                        Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off"));
                Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-postgres-stop"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return server;
    }

    /** A fresh, fully migrated database of its own. */
    public static synchronized TestDatabase newDatabase() {
        EmbeddedPostgresServer pg = server();
        if (!templateReady) {
            execAsSuperuser("postgres", "DROP DATABASE IF EXISTS " + TEMPLATE);
            execAsSuperuser("postgres", "CREATE DATABASE " + TEMPLATE);
            try (BackOfficeDatabase db = BackOfficeDatabase.attach(settingsFor(TEMPLATE))) {
                db.migrate();
            }
            templateReady = true;
        }
        String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execAsSuperuser("postgres", "CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return new TestDatabase(name, settingsFor(name));
    }

    /** An empty database with no schema at all (for migration tests). */
    public static synchronized TestDatabase newEmptyDatabase() {
        server();
        String name = "e" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execAsSuperuser("postgres", "CREATE DATABASE " + name);
        return new TestDatabase(name, settingsFor(name));
    }

    public static DatabaseSettings settingsFor(String database) {
        return new DatabaseSettings(Optional.of(server().jdbcUrl(database)), "postgres", "");
    }

    static void execAsSuperuser(String database, String sql) {
        try (Connection c = DriverManager.getConnection(server().jdbcUrl(database), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
