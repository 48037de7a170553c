package org.smartstart.backoffice.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line's contract: what it prints, and its exit codes 0 / 1 / 2. */
class MainTest {

    @TempDir
    static Path home;

    static Map<String, String> env;
    static TestDatabase empty;

    @BeforeAll
    static void setUp() {
        env = Map.of("BACKOFFICE_DATA_DIR", home.resolve("data").toString());
        empty = TestPostgres.newEmptyDatabase();
    }

    @AfterAll
    static void tearDown() {
        empty.close();
    }

    private static CliRun backoffice(String... args) {
        return CliRun.run(env, args);
    }

    private static String[] on(TestDatabase db, String... command) {
        List<String> args = new ArrayList<>(List.of("--db-url", db.jdbcUrl(), "--db-user", db.settings().user()));
        args.addAll(List.of(command));
        return args.toArray(String[]::new);
    }

    @Test
    void version_prints_the_product_and_the_built_version() {
        CliRun r = backoffice("--version");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out().strip()).isEqualTo("SmartStart Back Office " + VersionProvider.version());
        assertThat(VersionProvider.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void every_command_has_help_and_version() {
        CliRun help = backoffice("db", "info", "--help");
        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(help.out()).contains("Usage: backoffice db info").contains("--db-url");

        CliRun version = backoffice("migrate", "--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out().strip()).isEqualTo("SmartStart Back Office " + VersionProvider.version());
    }

    @Test
    void an_unknown_option_is_a_usage_error_with_the_usage_on_stderr() {
        CliRun r = backoffice("--bogus");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--bogus'").contains("Usage: backoffice");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void a_parent_command_alone_is_a_usage_error() {
        CliRun r = backoffice("db");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required subcommand").contains("Usage: backoffice db");
    }

    @Test
    void no_command_opens_the_desktop_on_the_database_of_the_options_or_the_environment() {
        CliRun fromOptions = backoffice("--db-url", "jdbc:postgresql://db.example:5432/bo", "--db-user", "owner");
        assertThat(fromOptions.exitCode()).as(fromOptions.toString()).isZero();
        assertThat(fromOptions.desktopLaunches()).singleElement().satisfies(s -> {
            assertThat(s.url()).contains("jdbc:postgresql://db.example:5432/bo");
            assertThat(s.user()).isEqualTo("owner");
        });

        CliRun fromEnv = CliRun.run(Map.of("BACKOFFICE_DB_URL", "postgresql://env.example/bo", "BACKOFFICE_DB_PASSWORD", "pw"));
        assertThat(fromEnv.desktopLaunches()).singleElement().satisfies(s -> {
            assertThat(s.url()).contains("jdbc:postgresql://env.example/bo");
            assertThat(s.password()).isEqualTo("pw");
        });

        CliRun embedded = CliRun.run(Map.of());
        assertThat(embedded.desktopLaunches()).singleElement().satisfies(s -> assertThat(s.isEmbedded()).isTrue());
    }

    @Test
    void migrate_brings_an_empty_database_up_to_date_and_db_info_then_has_nothing_pending() {
        CliRun migrate = backoffice(on(empty, "migrate"));
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(migrate.out()).startsWith("Schema version: ");

        // the global options also work after the command
        CliRun info = CliRun.run(env, "db", "info", "--db-url", empty.jdbcUrl());
        assertThat(info.exitCode()).as(info.toString()).isZero();
        assertThat(info.out())
                .contains("JDBC URL:", empty.jdbcUrl())
                .contains("external PostgreSQL")
                .containsPattern("PostgreSQL: +1[5-9]")
                .contains("Data folder:", home.resolve("data").toString())
                .contains("Pending migrations:  0");
        assertThat(info.err()).isEmpty();
    }

    @Test
    void an_unreachable_database_gets_one_sentence_and_exit_1() {
        CliRun r = backoffice("--db-url", "jdbc:postgresql://127.0.0.1:1/x", "migrate");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).startsWith("Cannot reach the database at 127.0.0.1:1/x");
        assertThat(r.err().strip()).doesNotContain("\n");
        assertNoStackTrace(r);
    }

    @Test
    void the_debug_variable_shows_the_stack_trace_behind_the_sentence() {
        CliRun r = CliRun.run(Map.of("BACKOFFICE_DEBUG", "1"), "--db-url", "jdbc:postgresql://127.0.0.1:1/x", "db", "info");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("Cannot reach the database at 127.0.0.1:1/x").contains("\tat ");
    }

    /**
     * The embedded server trusts every local connection (initdb -A trust), so a role of this test gets a
     * password rule of its own at the top of pg_hba.conf; nobody else's connections change.
     */
    @Test
    void a_wrong_password_gets_one_sentence_and_exit_1() throws Exception {
        String role = "bo_cli_pw_test";
        try (Connection c = DriverManager.getConnection(TestPostgres.server().jdbcUrl("postgres"), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP ROLE IF EXISTS " + role);
            s.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'right-one'");
            Path hba = TestPostgres.server().folder().postgresData().resolve("pg_hba.conf");
            String rules = Files.readString(hba);
            String ours = "host all " + role + " all scram-sha-256\n";
            if (!rules.startsWith(ours)) {
                Files.writeString(hba, ours + rules);
            }
            s.execute("SELECT pg_reload_conf()");
        }
        String url = empty.jdbcUrl();
        // the right password is accepted: the rule is really in force
        try (Connection ok = DriverManager.getConnection(url, role, "right-one")) {
            assertThat(ok.isValid(2)).isTrue();
        }

        CliRun r = backoffice("--db-url", url, "--db-user", role, "--db-password", "wrong-one", "db", "info");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err().strip()).endsWith("refused user '" + role + "': wrong user name or password.")
                .startsWith("The database at ").doesNotContain("\n");
        assertNoStackTrace(r);
    }

    @Test
    void a_database_of_a_newer_app_version_is_refused_and_left_untouched() throws Exception {
        try (TestDatabase db = TestPostgres.newEmptyDatabase()) {
            assertThat(backoffice(on(db, "migrate")).exitCode()).isZero();
            try (Connection c = db.ownerConnection(); Statement s = c.createStatement()) {
                // Flyway may not create its table when there is nothing to apply; this is its layout
                s.execute("""
                        CREATE TABLE IF NOT EXISTS flyway_schema_history (
                          installed_rank INT PRIMARY KEY, version VARCHAR(50), description VARCHAR(200) NOT NULL,
                          type VARCHAR(20) NOT NULL, script VARCHAR(1000) NOT NULL, checksum INT,
                          installed_by VARCHAR(100) NOT NULL, installed_on TIMESTAMP NOT NULL DEFAULT now(),
                          execution_time INT NOT NULL, success BOOLEAN NOT NULL)""");
                s.execute("""
                        INSERT INTO flyway_schema_history
                          (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)
                        SELECT coalesce(max(installed_rank), 0) + 1, '999', 'from the future', 'SQL',
                               'V999__from_the_future.sql', 42, 'postgres', 1, true
                        FROM flyway_schema_history""");
            }
            String before = history(db);

            CliRun r = backoffice(on(db, "migrate"));

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).contains("newer SmartStart Back Office").contains("999").contains("nothing was changed");
            assertNoStackTrace(r);
            assertThat(history(db)).isEqualTo(before);
        }
    }

    @Test
    void a_damaged_embedded_data_folder_is_named_and_left_as_it_was() throws Exception {
        Path folder = home.resolve("damaged");
        Path pgdata = folder.resolve("pgdata");
        Files.createDirectories(pgdata);
        shareBinaries(folder);
        // a data directory whose postgresql.conf is gone and whose PG_VERSION is garbage
        Files.writeString(pgdata.resolve("PG_VERSION"), "not a version\n");

        CliRun r = CliRun.run(Map.of("BACKOFFICE_DATA_DIR", folder.toString()), "db", "info");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).startsWith("The embedded database in " + pgdata).contains("damaged");
        assertThat(r.err().strip()).doesNotContain("\n");
        assertNoStackTrace(r);
        assertThat(Files.readString(pgdata.resolve("PG_VERSION"))).isEqualTo("not a version\n");
        try (var files = Files.list(pgdata)) {
            assertThat(files).containsExactly(pgdata.resolve("PG_VERSION"));
        }
    }

    @Test
    void without_a_url_the_embedded_database_is_created_in_the_data_folder_and_survives() throws Exception {
        Path folder = home.resolve("embedded");
        Files.createDirectories(folder);
        shareBinaries(folder);
        Map<String, String> own = Map.of("BACKOFFICE_DATA_DIR", folder.toString());

        CliRun migrate = CliRun.run(own, "migrate");
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        CliRun info = CliRun.run(own, "db", "info");

        assertThat(info.exitCode()).as(info.toString()).isZero();
        assertThat(info.out())
                .contains("Data folder:", folder.toString())
                .contains("embedded PostgreSQL, data in " + folder.resolve("pgdata"))
                .containsPattern("JDBC URL: +jdbc:postgresql://localhost:\\d+/postgres")
                .contains("Pending migrations:  0");
    }

    /** Points a fresh data folder at the test server's unpacked PostgreSQL instead of unpacking it again. */
    private static void shareBinaries(Path folder) throws Exception {
        Path shared = TestPostgres.server().folder().postgresBinaries();
        Path link = folder.resolve("pg-runtime");
        if (!Files.exists(link)) {
            Files.createSymbolicLink(link, shared);
        }
    }

    private static String history(TestDatabase db) throws Exception {
        StringBuilder rows = new StringBuilder();
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT installed_rank, version, script, checksum, success "
                     + "FROM flyway_schema_history ORDER BY installed_rank")) {
            while (rs.next()) {
                rows.append(rs.getInt(1)).append('|').append(rs.getString(2)).append('|').append(rs.getString(3))
                        .append('|').append(rs.getObject(4)).append('|').append(rs.getBoolean(5)).append('\n');
            }
        }
        return rows.toString();
    }

    private static void assertNoStackTrace(CliRun r) {
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.out()).doesNotContain("\tat ");
    }
}
