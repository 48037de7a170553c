package org.smartstart.backoffice.cli;

import org.smartstart.backoffice.persistence.audit.AuditSealerService;
import org.smartstart.backoffice.persistence.db.BackOfficeDatabase;
import org.smartstart.backoffice.persistence.demo.DemoDataLoader;
import org.smartstart.backoffice.persistence.usecase.LocalServices;
import org.smartstart.backoffice.remote.api.RouteTable;
import org.smartstart.backoffice.remote.server.ApiServer;
import org.smartstart.backoffice.remote.server.ApiServerOptions;
import org.smartstart.backoffice.domain.audit.AuditCheckpoint;
import org.smartstart.backoffice.persistence.audit.CheckpointKeyFile;
import org.smartstart.backoffice.persistence.audit.ScheduledCheckpoints;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
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

    @Option(names = "--checkpoint-every", paramLabel = "<period>", converter = PeriodConverter.class,
            description = {"Sign an audit checkpoint (AU-5) this often, e.g. 15m, 1h or 30s, when entries were sealed since the last one.",
                    "The key is the checkpoint key in the data folder (made on first use), opened with the passphrase from "
                            + AuditCommand.PASSPHRASE_VARIABLE + " or --checkpoint-passphrase-file."})
    Duration checkpointEvery;

    @Option(names = "--checkpoint-dir", paramLabel = "<folder>",
            description = "Where scheduled checkpoints go (default: checkpoints in the data folder). Copy them off this machine.")
    Path checkpointDir;

    @Option(names = "--checkpoint-passphrase-file", paramLabel = "<file>",
            description = "A file whose first line is the checkpoint key's passphrase (instead of " + AuditCommand.PASSPHRASE_VARIABLE + ").")
    Path checkpointPassphraseFile;

    /** {@code 90s}, {@code 15m}, {@code 2h}, or ISO-8601 ({@code PT15M}). */
    static final class PeriodConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            String t = text.strip().toLowerCase(java.util.Locale.ROOT);
            try {
                if (t.startsWith("pt")) return Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                return switch (t.charAt(t.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> throw new NumberFormatException();
                };
            } catch (RuntimeException e) {
                throw new CommandLine.TypeConversionException("\"" + text + "\" is not a period like 90s, 15m or 2h");
            }
        }
    }

    /** A running server and what it needs; closing stops them in order (the database stays with its opener). */
    record Serving(ApiServer server, AuditSealerService sealer, LocalServices services, ScheduledCheckpoints checkpoints)
            implements AutoCloseable {
        URI uri() {
            return server.uri();
        }

        @Override
        public void close() {
            try {
                if (checkpoints != null) {
                    checkpoints.close();
                }
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

    /** The checkpoint key from the data folder (made on first use), opened with the passphrase from the file or the environment. */
    private KeyPair checkpointKey(Main cli) {
        if (checkpointEvery.isNegative() || checkpointEvery.isZero()) {
            throw new CommandFailedException("--checkpoint-every must be a positive period, not " + checkpointEvery + ".");
        }
        char[] passphrase;
        if (checkpointPassphraseFile != null) {
            try {
                passphrase = Files.readAllLines(checkpointPassphraseFile).stream().findFirst().orElse("").toCharArray();
            } catch (java.io.IOException e) {
                throw new CommandFailedException("The checkpoint passphrase file " + checkpointPassphraseFile + " cannot be read: "
                        + e.getMessage(), e);
            }
        } else {
            String fromEnv = cli.env().get(AuditCommand.PASSPHRASE_VARIABLE);
            if (fromEnv == null) {
                throw new CommandFailedException("Scheduled checkpoints need the checkpoint key's passphrase: put it in the environment "
                        + "variable " + AuditCommand.PASSPHRASE_VARIABLE + " or a file named by --checkpoint-passphrase-file.");
            }
            passphrase = fromEnv.toCharArray();
        }
        CheckpointKeyFile keyFile = CheckpointKeyFile.in(cli.dataFolder().root());
        try {
            if (keyFile.exists()) {
                return keyFile.open(passphrase);
            }
            KeyPair key = keyFile.create(passphrase);
            cli.out().println("Created a checkpoint key in " + keyFile.file() + "; keep its passphrase safe.");
            return key;
        } catch (java.io.IOException | CheckpointKeyFile.KeyUnavailableException | IllegalArgumentException e) {
            throw new CommandFailedException(e.getMessage(), e);
        } finally {
            java.util.Arrays.fill(passphrase, '\0');
        }
    }

    private static String describe(Duration period) {
        if (period.toSeconds() % 3600 == 0) return period.toHours() + " h";
        if (period.toSeconds() % 60 == 0) return period.toMinutes() + " min";
        return period.toMillis() % 1000 == 0 ? period.toSeconds() + " s" : period.toMillis() + " ms";
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
        KeyPair checkpointKey = checkpointEvery == null ? null : checkpointKey(cli);
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
            ScheduledCheckpoints checkpoints = null;
            if (checkpointKey != null) {
                Path folder = checkpointDir != null ? checkpointDir : cli.dataFolder().root().resolve("checkpoints");
                checkpoints = ScheduledCheckpoints.start(database.dataSource(), checkpointKey, folder, checkpointEvery, Clock.systemUTC());
                cli.out().println("Signing an audit checkpoint every " + describe(checkpointEvery) + " into " + folder.toAbsolutePath()
                        + " (key " + AuditCheckpoint.fingerprint(checkpointKey.getPublic().getEncoded()) + ").");
            }
            cli.out().println("Point the desktop at " + server.uri() + ". Stop with Ctrl+C.");
            cli.out().flush();
            return new Serving(server, sealer, services, checkpoints);
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
