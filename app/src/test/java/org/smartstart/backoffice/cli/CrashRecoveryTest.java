package org.smartstart.backoffice.cli;

import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.domain.captable.CapTable;
import org.smartstart.backoffice.domain.captable.CapTableChange;
import org.smartstart.backoffice.domain.captable.CapTableEdits;
import org.smartstart.backoffice.domain.captable.Holder;
import org.smartstart.backoffice.domain.captable.LedgerRow;
import org.smartstart.backoffice.domain.identity.SignIn;
import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.tokens.BuzMovement;
import org.smartstart.backoffice.domain.tokens.IssueRequest;
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.persistence.audit.AuditSealer;
import org.smartstart.backoffice.persistence.db.BackOfficeDatabase;
import org.smartstart.backoffice.persistence.db.DataFolder;
import org.smartstart.backoffice.persistence.db.DatabaseSettings;
import org.smartstart.backoffice.persistence.db.EmbeddedPostgresServer;
import org.smartstart.backoffice.persistence.usecase.LocalConnector;
import org.smartstart.backoffice.persistence.usecase.LocalServices;
import org.smartstart.backoffice.remote.client.RemoteConnector;
import org.smartstart.backoffice.remote.client.RemoteOptions;
import org.smartstart.backoffice.testing.LedgerInvariants;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, crashes: a client streams mutations (BUZ issued, and cap table transfers that close two rows and
 * add two) and keeps a log of what was acknowledged; meanwhile the API server process, or separately the
 * PostgreSQL postmaster, is killed with SIGKILL. After a restart: every acknowledged mutation is there, every
 * mutation in the data is whole (its rows, its balance change and exactly one audit entry; EQ-1..EQ-4 and
 * BZ-1..BZ-5 hold), and {@code backoffice audit verify} passes.
 *
 * <p>Two crashes of each kind in the normal suite; {@code -Dcrash.cycles=20} is the long run,
 * {@code -Dcrash.seed=S} replays one.
 */
class CrashRecoveryTest {

    private static final int CYCLES = Integer.getInteger("crash.cycles", 2);
    private static final long SEED = Long.getLong("crash.seed", System.nanoTime());
    private static final LocalDate JAN = LocalDate.parse("2026-01-01");
    private static final SecureRandom TOKENS = new SecureRandom();

    /** Oona owns the venture (60%), Ben holds 30%, the platform 10%; Chloe earns BUZ. */
    record Venture(UUID id, UUID owner, UUID ben, UUID chloe) {
    }

    /** What the client was told: the BUZ transactions and cap table changes acknowledged as done. */
    static final class ClientLog {
        final List<UUID> issued = Collections.synchronizedList(new ArrayList<>());
        final List<LocalDate> transfers = Collections.synchronizedList(new ArrayList<>());
        volatile int attempts;

        int acknowledged() {
            return issued.size() + transfers.size();
        }
    }

    // ---- the API server killed ---------------------------------------------------------------------

    @Test
    void killing_the_api_server_loses_no_acknowledged_mutation_and_leaves_none_half_written() throws Exception {
        Random random = new Random(SEED);
        System.out.println("CrashRecoveryTest (API server): " + CYCLES + " crashes, seed " + SEED);
        try (TestDatabase db = TestPostgres.newDatabase()) {
            Venture venture = venture(db.settings());
            ClientLog log = new ClientLog();
            Process server = startServer(db);
            try {
                for (int cycle = 0; cycle < CYCLES; cycle++) {
                    URI uri = uriOf(server);
                    RemoteConnector connector = new RemoteConnector(uri, RemoteOptions.defaults().withAttempts(1));
                    BackOffice owner = connector.open(session(db.settings(), venture.owner()));
                    int killAfter = log.acknowledged() + 3 + random.nextInt(12);
                    Process running = server;
                    streamUntil(() -> owner, venture, log, killAfter, () -> {
                        running.destroyForcibly();
                        waitFor(running);
                    });
                    connector.close();
                    assertThat(server.isAlive()).isFalse();
                    server = startServer(db);
                    assertRecovered(db.settings(), venture, log, "after API server crash " + (cycle + 1));
                    BackOffice again = new RemoteConnector(uriOf(server), RemoteOptions.defaults().withAttempts(1))
                            .open(session(db.settings(), venture.chloe()));
                    assertThat(again.wallets().wallet(venture.chloe()).orElseThrow().balance())
                            .as("the restarted server serves the data").isEqualTo(log.issued.size() + unacknowledgedIssues(db.settings(), venture, log));
                }
                System.out.println("CrashRecoveryTest (API server): " + log.attempts + " mutations sent, " + log.acknowledged() + " acknowledged");
            } finally {
                server.destroyForcibly();
                waitFor(server);
            }
        }
    }

    // ---- the database killed -----------------------------------------------------------------------

    @Test
    void killing_postgres_loses_no_acknowledged_mutation_and_leaves_none_half_written() throws Exception {
        Random random = new Random(SEED + 1);
        System.out.println("CrashRecoveryTest (PostgreSQL): " + CYCLES + " crashes, seed " + SEED);
        Path root = Path.of("target", "crash-postgres-" + ProcessHandle.current().pid()).toAbsolutePath();
        DataFolder folder = new DataFolder(root);
        // the app's own settings: fsync and synchronous_commit on, as a user's machine runs it
        EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(folder);
        try {
            superuser(pg, "CREATE DATABASE crash");
            DatabaseSettings settings = settings(pg);
            try (BackOfficeDatabase db = BackOfficeDatabase.attach(settings)) {
                db.migrate();
            }
            Venture venture = venture(settings);
            ClientLog log = new ClientLog();
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                BackOfficeDatabase db = BackOfficeDatabase.attach(settings);
                LocalServices services = LocalServices.open(db, Clock.systemUTC());
                BackOffice owner = new LocalConnector(services, () -> { }).open(session(settings, venture.owner()));
                int killAfter = log.acknowledged() + 3 + random.nextInt(12);
                EmbeddedPostgresServer running = pg;
                streamUntil(() -> owner, venture, log, killAfter, () -> killPostmaster(running));
                services.close();
                db.close();
                pg.close(); // releases the data folder's lock; the server is already gone
                pg = EmbeddedPostgresServer.start(folder);
                settings = settings(pg);
                assertRecovered(settings, venture, log, "after PostgreSQL crash " + (cycle + 1));
            }
            System.out.println("CrashRecoveryTest (PostgreSQL): " + log.attempts + " mutations sent, " + log.acknowledged() + " acknowledged");
        } finally {
            pg.close();
            deleteTree(root);
        }
    }

    // ---- the mutation stream -----------------------------------------------------------------------

    /**
     * Sends mutations one after the other until the crash: once {@code killAfter} are acknowledged, {@code crash}
     * runs while the stream keeps sending (so requests are in flight when the process dies), then the stream stops.
     */
    static void streamUntil(Supplier<BackOffice> client, Venture v, ClientLog log, int killAfter, Runnable crash) throws Exception {
        AtomicBoolean crashed = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        Thread stream = new Thread(() -> {
            int afterCrash = 0;
            while (!stop.get()) {
                log.attempts++;
                boolean acknowledged = false;
                try {
                    if (log.attempts % 3 == 0) {
                        LocalDate on = JAN.plusDays(log.attempts);
                        var capTables = client.get().capTables();
                        List<LedgerRow> ledger = capTables.ledger(v.id()).orElseThrow();
                        Outcome<CapTable> done = capTables.changeCapTable(v.id(), new CapTableChange("Oona gives Ben 0.001%", CapTable.revisionOf(ledger),
                                CapTableEdits.transfer(ledger, Holder.user(v.owner()), Holder.user(v.ben()), new BigDecimal("0.001"), on)));
                        if (done.isDone()) {
                            log.transfers.add(on);
                            acknowledged = true;
                        }
                    } else {
                        Outcome<BuzMovement> done = client.get().wallets().issueBuz(v.id(), new IssueRequest(v.chloe(), BigDecimal.ONE, null,
                                "crash stream " + log.attempts, null));
                        if (done.isDone()) {
                            log.issued.add(done.orElseThrow().transaction().id());
                            acknowledged = true;
                        }
                    }
                } catch (RuntimeException e) {
                    // a dead server or database: the mutation was not acknowledged, whatever became of it
                }
                // the first request the crash broke was in flight when it struck: that is the one that matters
                if (crashed.get() && (!acknowledged || ++afterCrash > 100)) {
                    return;
                }
            }
        }, "crash-stream");
        stream.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (log.acknowledged() < killAfter && stream.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(1); // polling the client's log for the condition, not waiting for time to pass
        }
        assertThat(log.acknowledged()).as("the stream got going before the crash").isGreaterThanOrEqualTo(killAfter);
        crashed.set(true);
        crash.run();
        stream.join(TimeUnit.MINUTES.toMillis(2));
        stop.set(true);
        stream.join();
    }

    /** Acknowledged ⇒ present; present ⇒ whole (rows, balance, exactly one audit entry); the chain verifies. */
    static void assertRecovered(DatabaseSettings settings, Venture v, ClientLog log, String when) throws Exception {
        try (Connection c = connect(settings)) {
            for (UUID tx : log.issued) {
                assertThat(LedgerInvariants.number(c, "SELECT count(*) FROM buz_transactions WHERE id = ?", tx))
                        .as("%s: acknowledged BUZ transaction %s is there", when, tx).isEqualTo(1);
            }
            long transactions = LedgerInvariants.number(c, "SELECT count(*) FROM buz_transactions WHERE venture_id = ?", v.id());
            assertThat(LedgerInvariants.number(c, """
                    SELECT count(*) FROM buz_transactions t WHERE t.venture_id = ? AND 1 = (
                        SELECT count(*) FROM (SELECT object_id FROM audit_outbox WHERE action = 'BUZ_ISSUED'
                                              UNION ALL SELECT object_id FROM audit_log WHERE action = 'BUZ_ISSUED') a WHERE a.object_id = t.id)""", v.id()))
                    .as("%s: every BUZ transaction has exactly one audit entry", when).isEqualTo(transactions);
            assertThat(LedgerInvariants.number(c, "SELECT (SELECT count(*) FROM audit_outbox WHERE action = 'BUZ_ISSUED') "
                    + "+ (SELECT count(*) FROM audit_log WHERE action = 'BUZ_ISSUED')")).as("%s: no audit entry without its transaction", when)
                    .isEqualTo(transactions);
            long changes = LedgerInvariants.number(c, "SELECT (SELECT count(*) FROM audit_outbox WHERE action = 'EQUITY_CHANGE' AND venture_id = ?) "
                    + "+ (SELECT count(*) FROM audit_log WHERE action = 'EQUITY_CHANGE' AND venture_id = ?)", v.id(), v.id());
            assertThat(changes).as("%s: every acknowledged cap table change is there", when).isGreaterThanOrEqualTo(log.transfers.size());
            assertThat(LedgerInvariants.number(c, "SELECT count(*) FROM equity_ledger WHERE venture_id = ?", v.id()))
                    .as("%s: each change wrote its two rows, no more, no less", when).isEqualTo(3 + 2 * changes);
            for (LocalDate on : log.transfers) {
                assertThat(LedgerInvariants.number(c, "SELECT count(*) FROM equity_ledger WHERE venture_id = ? AND effective_from = ?", v.id(), on))
                        .as("%s: the acknowledged transfer of %s is there", when, on).isEqualTo(2);
            }
            assertThat(LedgerInvariants.violations(c, v.id())).as("%s: the rules hold", when).isEmpty();
        }
        try (BackOfficeDatabase db = BackOfficeDatabase.attach(settings)) {
            new AuditSealer(db.dataSource()).sealPending();
        }
        CliRun verify = CliRun.run(Map.of(), "--db-url", settings.url().orElseThrow(), "--db-user", settings.user(),
                "--db-password", settings.password(), "audit", "verify");
        assertThat(verify.exitCode()).as("%s: audit verify\n%s", when, verify).isZero();
        assertThat(verify.out()).startsWith("Audit chain verified");
    }

    static long unacknowledgedIssues(DatabaseSettings settings, Venture v, ClientLog log) throws SQLException {
        try (Connection c = connect(settings)) {
            return LedgerInvariants.number(c, "SELECT count(*) FROM buz_transactions WHERE venture_id = ?", v.id()) - log.issued.size();
        }
    }

    // ---- processes ---------------------------------------------------------------------------------

    private static final Pattern SERVED_AT = Pattern.compile("served at (\\S+?)/api/v1");

    /** {@code backoffice serve} in a JVM of its own, on the test's classpath; its output is drained by a thread. */
    static Process startServer(TestDatabase db) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder b = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--db-url", db.jdbcUrl(), "--db-user", db.settings().user(), "--db-password", db.settings().password(),
                "serve", "--port", "0", "--bind", "127.0.0.1");
        b.redirectErrorStream(true);
        return b.start();
    }

    private static final Map<Process, URI> URIS = new java.util.concurrent.ConcurrentHashMap<>();

    static URI uriOf(Process server) throws IOException {
        URI known = URIS.get(server);
        if (known != null) {
            return known;
        }
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = SERVED_AT.matcher(line);
            if (m.find()) {
                URI uri = URI.create(m.group(1));
                URIS.put(server, uri);
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the pipe empty so the server never blocks on its own output
                        }
                    } catch (IOException ignored) {
                        // the server died
                    }
                }, "serve-output");
                drain.setDaemon(true);
                drain.start();
                return uri;
            }
        }
        throw new IllegalStateException("backoffice serve ended without serving:\n" + seen);
    }

    static void waitFor(Process p) {
        try {
            p.waitFor(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL to the postmaster, then to every backend it left (as when the machine's OOM killer strikes). */
    static void killPostmaster(EmbeddedPostgresServer pg) {
        try {
            long pid = Long.parseLong(Files.readAllLines(pg.folder().postgresData().resolve("postmaster.pid")).get(0).trim());
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
            List<ProcessHandle> backends = postmaster.descendants().toList();
            assertThat(postmaster.destroyForcibly()).isTrue();
            backends.forEach(ProcessHandle::destroyForcibly);
            postmaster.onExit().get(1, TimeUnit.MINUTES);
            for (ProcessHandle backend : backends) {
                backend.onExit().get(1, TimeUnit.MINUTES);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not kill PostgreSQL: " + e, e);
        }
    }

    // ---- data --------------------------------------------------------------------------------------

    static DatabaseSettings settings(EmbeddedPostgresServer pg) {
        return new DatabaseSettings(Optional.of(pg.jdbcUrl("crash")), "postgres", "");
    }

    static void superuser(EmbeddedPostgresServer pg, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static Connection connect(DatabaseSettings settings) throws SQLException {
        return DriverManager.getConnection(settings.url().orElseThrow(), settings.user(), settings.password());
    }

    static Venture venture(DatabaseSettings settings) throws SQLException {
        UUID owner = UUID.randomUUID();
        UUID ben = UUID.randomUUID();
        UUID chloe = UUID.randomUUID();
        UUID venture = UUID.randomUUID();
        try (Connection c = connect(settings); Statement s = c.createStatement()) {
            for (UUID u : List.of(owner, ben, chloe)) {
                s.execute("INSERT INTO users (id, display_name, email, kyc_status) VALUES ('" + u + "', 'Crash " + u.toString().substring(0, 4)
                        + "', '" + u + "@crash.test', 'verified')");
            }
            s.execute("INSERT INTO ventures (id, name, region, owner_user_id) VALUES ('" + venture + "', 'Crash " + venture.toString().substring(0, 8)
                    + "', 'ca', '" + owner + "')");
            s.execute("INSERT INTO equity_ledger (venture_id, holder_type, holder_id, percent, effective_from) VALUES "
                    + "('" + venture + "', 'user', '" + owner + "', 60.000, DATE '2026-01-01'), ('" + venture + "', 'user', '" + ben
                    + "', 30.000, DATE '2026-01-01'), ('" + venture + "', 'alice', NULL, 10.000, DATE '2026-01-01')");
            s.execute("INSERT INTO buz_issuance_rules (venture_id, monthly_issue_cap, conversion_band_min, conversion_band_max, board_approved) "
                    + "VALUES ('" + venture + "', 1000000, 0.000040, 0.000060, true)");
        }
        return new Venture(venture, owner, ben, chloe);
    }

    /** A fresh session written straight into user_sessions (no password hashing per cycle). */
    static Session session(DatabaseSettings settings, UUID user) throws SQLException {
        byte[] bytes = new byte[32];
        TOKENS.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID id = UUID.randomUUID();
        Instant expires = Instant.now().plus(SignIn.SESSION_LIFETIME);
        try (Connection c = connect(settings); PreparedStatement p = c.prepareStatement(
                "INSERT INTO user_sessions (id, user_id, token_sha256, created_at, expires_at, client_host, user_agent) VALUES (?, ?, ?, ?, ?, 'test', 'crash test')")) {
            p.setObject(1, id, Types.OTHER);
            p.setObject(2, user, Types.OTHER);
            p.setString(3, SignIn.sha256Hex(token));
            p.setTimestamp(4, Timestamp.from(Instant.now().minus(Duration.ofMinutes(1))));
            p.setTimestamp(5, Timestamp.from(expires));
            p.executeUpdate();
        }
        return new Session(id, user, token, expires);
    }

    /** The crash test's own PostgreSQL data folder goes when the test is done. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
