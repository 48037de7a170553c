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
}
