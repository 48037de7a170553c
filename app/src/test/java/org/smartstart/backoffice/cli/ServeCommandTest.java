package org.smartstart.backoffice.cli;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.remote.api.Json;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code backoffice serve}: starts the API over the configured database on the given port, and says where. */
class ServeCommandTest {

    static TestDatabase db;

    @BeforeAll
    static void setUp() {
        db = TestPostgres.newDatabase();
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void serves_the_openapi_document_on_an_ephemeral_port() throws Exception {
        StringWriter out = new StringWriter();
        Main main = new Main(Map.of(), new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), (s, a) -> { });
        CommandLine cli = main.commandLine();
        CommandLine.ParseResult parsed = cli.parseArgs("--db-url", db.jdbcUrl(), "--db-user", db.settings().user(),
                "--db-password", db.settings().password(), "serve", "--port", "0", "--bind", "127.0.0.1");
        ServeCommand serve = (ServeCommand) parsed.subcommand().commandSpec().userObject();
        try (var database = org.smartstart.backoffice.persistence.db.BackOfficeDatabase.attach(main.settings());
             ServeCommand.Serving serving = serve.start(main, database)) {
            assertThat(out.toString()).contains("The back office API is served at " + serving.uri() + "/api/v1");
            try (Response r = new OkHttpClient().newCall(new Request.Builder().url(serving.uri() + "/api/v1/openapi.json").build()).execute()) {
                assertThat(r.code()).isEqualTo(200);
                assertThat(Json.mapper().readTree(r.body().bytes()).path("openapi").asText()).isEqualTo("3.1.0");
            }
        }
    }

    @Test
    void refuses_a_keystore_without_its_password_and_a_bad_port() {
        CliRun noPassword = CliRun.run(Map.of(), "--db-url", db.jdbcUrl(), "--db-user", db.settings().user(),
                "--db-password", db.settings().password(), "serve", "--port", "0", "--keystore", "pom.xml");
        assertThat(noPassword.exitCode()).as(noPassword.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(noPassword.err()).contains("BACKOFFICE_KEYSTORE_PASSWORD");

        CliRun badPort = CliRun.run(Map.of(), "--db-url", db.jdbcUrl(), "serve", "--port", "seventy");
        assertThat(badPort.exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRun help = CliRun.run(Map.of(), "serve", "--help");
        assertThat(help.out()).contains("--port", "--bind", "--keystore", "--keystore-password-env");
    }

    @Test
    void signs_checkpoints_on_a_schedule_with_the_key_from_the_data_folder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path home)
            throws Exception {
        sealOneEntry();
        java.nio.file.Path passphraseFile = home.resolve("passphrase.txt");
        java.nio.file.Files.writeString(passphraseFile, "scheduled checkpoint phrase\n");
        StringWriter out = new StringWriter();
        Main main = new Main(Map.of("BACKOFFICE_DATA_DIR", home.toString()), new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true), (s, a) -> { });
        CommandLine.ParseResult parsed = main.commandLine().parseArgs("--db-url", db.jdbcUrl(), "--db-user", db.settings().user(),
                "--db-password", db.settings().password(), "serve", "--port", "0", "--checkpoint-every", "1s",
                "--checkpoint-passphrase-file", passphraseFile.toString());
        ServeCommand serve = (ServeCommand) parsed.subcommand().commandSpec().userObject();
        try (var database = org.smartstart.backoffice.persistence.db.BackOfficeDatabase.attach(main.settings());
             ServeCommand.Serving serving = serve.start(main, database)) {
            assertThat(out.toString()).contains("Created a checkpoint key in " + home.resolve("audit-checkpoint-key.json"))
                    .contains("Signing an audit checkpoint every 1 s into " + home.resolve("checkpoints"));
            java.nio.file.Path first = serving.checkpoints().awaitCheckpointAfter(0, java.time.Duration.ofSeconds(60)).orElseThrow();
            var checkpoint = org.smartstart.backoffice.persistence.audit.AuditCheckpoints.read(first);
            assertThat(first.getFileName().toString()).isEqualTo("checkpoint-" + checkpoint.seq() + ".json");
            assertThat(checkpoint.signatureHolds()).isTrue();
            try (var c = db.ownerConnection(); var st = c.createStatement(); var r = st.executeQuery("SELECT seq, tx_hash FROM audit_chain_head")) {
                r.next();
                assertThat(checkpoint.seq()).isEqualTo(r.getLong(1));
                assertThat(checkpoint.txHash()).isEqualTo(r.getString(2));
            }

            // an entry sealed later gets a checkpoint of its own at the next tick
            sealOneEntry();
            java.nio.file.Path next = serving.checkpoints().awaitCheckpointAfter(checkpoint.seq(), java.time.Duration.ofSeconds(60)).orElseThrow();
            assertThat(org.smartstart.backoffice.persistence.audit.AuditCheckpoints.read(next).seq()).isEqualTo(checkpoint.seq() + 1);
        }
    }

    private static void sealOneEntry() throws java.sql.SQLException {
        db.transactions().inTransaction(null, c -> {
            org.smartstart.backoffice.persistence.audit.AuditOutbox.append(c, new org.smartstart.backoffice.domain.audit.AuditEntry(
                    null, "SYSTEM_CHECK", "system", java.util.UUID.randomUUID(), null, Map.of("n", 1)));
            return null;
        });
        new org.smartstart.backoffice.persistence.audit.AuditSealer(db.database().dataSource()).sealPending();
    }

    @Test
    void scheduled_checkpoints_need_the_passphrase() {
        CliRun noPassphrase = CliRun.run(Map.of(), "--db-url", db.jdbcUrl(), "--db-user", db.settings().user(),
                "--db-password", db.settings().password(), "serve", "--port", "0", "--checkpoint-every", "15m");
        assertThat(noPassphrase.exitCode()).as(noPassphrase.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(noPassphrase.err()).contains(AuditCommand.PASSPHRASE_VARIABLE);
        CliRun badPeriod = CliRun.run(Map.of(), "--db-url", db.jdbcUrl(), "serve", "--checkpoint-every", "often");
        assertThat(badPeriod.exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}
