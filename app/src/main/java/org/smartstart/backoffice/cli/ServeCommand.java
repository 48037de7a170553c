package org.smartstart.backoffice.cli;

import org.smartstart.backoffice.persistence.audit.AuditSealerService;
import org.smartstart.backoffice.persistence.db.BackOfficeDatabase;
import org.smartstart.backoffice.persistence.demo.DemoDataLoader;
import org.smartstart.backoffice.persistence.usecase.LocalServices;
import org.smartstart.backoffice.remote.api.RouteTable;
import org.smartstart.backoffice.remote.server.ApiServer;
import org.smartstart.backoffice.remote.server.ApiServerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * {@code backoffice serve}: the HTTP API over the configured database, until the process is stopped
 * (Ctrl+C or SIGTERM). Migrates first and seals audit entries while it runs, like the desktop does; an
 * empty embedded database gets the demo data, as for the desktop.
 */
@Command(name = "serve",
        description = {"Serve the back office's HTTP API (JSON, OpenAPI at /api/v1/openapi.json) over the configured database "
                + "until stopped with Ctrl+C or SIGTERM.",
                "Several servers may share one PostgreSQL (--db-url); they keep nothing in memory between requests."})
final class ServeCommand extends DatabaseCommand {

    static final String DEFAULT_PASSWORD_VARIABLE = "BACKOFFICE_KEYSTORE_PASSWORD";

    @Option(names = "--port", paramLabel = "<port>", defaultValue = "8080",
            description = "The TCP port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "<address>", defaultValue = "127.0.0.1",
            description = "The address to listen on (default ${DEFAULT-VALUE}: only this computer; 0.0.0.0 for every network).")
    String bind;

    @Option(names = "--keystore", paramLabel = "<file.p12>",
            description = "Serve HTTPS with the certificate and key in this PKCS12 keystore.")
    Path keystore;

    @Option(names = "--keystore-password-env", paramLabel = "<variable>", defaultValue = DEFAULT_PASSWORD_VARIABLE,
            description = "The environment variable holding the keystore's password (default ${DEFAULT-VALUE}).")
    String keystorePasswordVariable;

    /** A running server and what it needs; closing stops them in order (the database stays with its opener). */
    record Serving(ApiServer server, AuditSealerService sealer, LocalServices services) implements AutoCloseable {
        URI uri() {
            return server.uri();
        }

        @Override
        public void close() {
            try {
                server.close();
            } finally {
                try {
                    sealer.close();
                } finally {
                    services.close();
                }
            }
        }
    }

    @Override
    protected int run(Main cli, BackOfficeDatabase database) throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        Serving serving = start(cli, database);
        Thread hook = new Thread(() -> {
            cli.out().println("Stopping the API server.");
            cli.out().flush();
            serving.close();
            // The JVM may end right after this hook: stop the embedded database here, not after run() returns.
            database.close();
            stopped.countDown();
        }, "backoffice-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stopped.await();
        return ExitCodes.OK;
    }

    /** Migrates, starts the audit sealer and the server, and says where it listens. */
    Serving start(Main cli, BackOfficeDatabase database) {
        ApiServerOptions options = ApiServerOptions.http(bind, port);
        if (port < 0 || port > 65535) {
            throw new CommandFailedException("The port must be between 0 and 65535, not " + port + ".");
        }
        if (keystore != null) {
            if (!Files.isReadable(keystore)) {
                throw new CommandFailedException("The keystore " + keystore.toAbsolutePath() + " cannot be read.");
            }
            String password = cli.env().get(keystorePasswordVariable);
            if (password == null) {
                throw new CommandFailedException("The keystore's password is not set: put it in the environment variable "
                        + keystorePasswordVariable + ".");
            }
            options = options.withTls(keystore, password.toCharArray());
        }
        database.migrate();
        if (database.embedded().isPresent()) {
            // Like the desktop: an empty embedded database starts with the demo data, so the server can be tried at once.
            try {
                DemoDataLoader.loadIfEmpty(database);
            } catch (SQLException e) {
                throw new CommandFailedException("The demo data could not be loaded: " + e.getMessage(), e);
            }
        }
        AuditSealerService sealer = AuditSealerService.start(database.dataSource());
        LocalServices services = null;
        try {
            services = LocalServices.open(database, Clock.systemUTC());
            ApiServer server = ApiServer.start(services, options);
            cli.out().println("The back office API is served at " + server.uri() + RouteTable.BASE
                    + " (OpenAPI: " + server.uri() + RouteTable.BASE + "/openapi.json) over " + database.description() + ".");
            cli.out().println("Point the desktop at " + server.uri() + ". Stop with Ctrl+C.");
            cli.out().flush();
            return new Serving(server, sealer, services);
        } catch (RuntimeException e) {
            if (services != null) {
                services.close();
            }
            sealer.close();
            throw e instanceof IllegalStateException && e.getMessage() != null && e.getMessage().startsWith("The API server could not listen")
                    ? new CommandFailedException(e.getMessage()) : e;
        }
    }
}
