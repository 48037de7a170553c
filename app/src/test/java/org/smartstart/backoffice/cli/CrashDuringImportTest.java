package org.smartstart.backoffice.cli;

import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.domain.captable.ocf.OcfImportResult;
import org.smartstart.backoffice.domain.captable.ocf.OcfPackage;
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
import org.smartstart.backoffice.testing.OcfTestPackage;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, crashes during a large import: an OCF package of {@code crash.importHolders} stakeholders (1,000 by
 * default: as many pending accounts opened, and one ledger row each on the first date) with a few hundred
 * transfers after it (two rows closed and two added each) is imported in one transaction, and while that
 * transaction writes and commits the API server, or separately the PostgreSQL postmaster, gets SIGKILL. After
 * the restart the import is either wholly there (every ledger row, every account it opened, its one
 * {@code OCF_IMPORTED} audit entry) or wholly absent (none of them), never in between; an acknowledged import is
 * there; EQ-1..EQ-4 hold; and {@code backoffice audit verify} passes. An absent import is then sent again and
 * must go through whole.
 *
 * <p>The kill lands a random time after the import's transaction first holds a write lock on the ledger or the
 * users (seen in {@code pg_locks}), up to a little longer than an uncrashed import's write phase took, so some
 * kills strike while rows are written and some while or just after it commits. Two crashes of each kind in the
 * normal suite, as {@link CrashRecoveryTest}; {@code -Dcrash.cycles=20} is the long run, {@code -Dcrash.seed=S}
 * replays one.
 */
class CrashDuringImportTest {

    private static final int CYCLES = Integer.getInteger("crash.cycles", 2);
    private static final long SEED = Long.getLong("crash.seed", System.nanoTime());
    private static final int HOLDERS = Integer.getInteger("crash.importHolders", 1_000);
    private static final int TRANSFERS = HOLDERS / 4;

    /** A venture with an empty cap table, its owner, and the tag every email of its package carries. */
    record ImportVenture(UUID id, UUID owner, String tag) {
    }

    /** How an uncrashed import of the same shape came out: what "wholly there" means. */
    record Whole(long ledgerRows, long usersOpened, long writeMillis) {
    }

    /** What became of the crashed imports, for the printed summary. */
    static final class Tally {
        int present;
        int absent;
        int acknowledged;

        @Override
        public String toString() {
            return present + " wholly there (" + acknowledged + " of them acknowledged), " + absent + " wholly absent";
        }
    }

    // ---- the API server killed ---------------------------------------------------------------------

    @Test
    void killing_the_api_server_during_a_large_import_leaves_it_wholly_there_or_wholly_absent() throws Exception {
        Random random = new Random(SEED);
        System.out.println("CrashDuringImportTest (API server): " + CYCLES + " crashes, " + HOLDERS + " stakeholders, seed " + SEED);
        try (TestDatabase db = TestPostgres.newDatabase()) {
            Process server = CrashRecoveryTest.startServer(db);
            try {
                Process first = server;
                Whole whole = calibrate(db.settings(), v -> remote(first, db.settings(), v.owner()));
                Tally tally = new Tally();
                for (int cycle = 0; cycle < CYCLES; cycle++) {
                    ImportVenture v = venture(db.settings());
                    RemoteConnector connector = new RemoteConnector(CrashRecoveryTest.uriOf(server), RemoteOptions.defaults().withAttempts(1));
                    BackOffice owner = connector.open(CrashRecoveryTest.session(db.settings(), v.owner()));
                    Process running = server;
                    boolean acknowledged = importAndCrash(db.settings(), owner, v, whole, random, () -> {
                        running.destroyForcibly();
                        CrashRecoveryTest.waitFor(running);
                    });
                    connector.close();
                    assertThat(server.isAlive()).isFalse();
                    // The killed server's PostgreSQL session lives on until it next reads from its closed socket: it
                    // may still be inside the import's INSERT, or hold the COMMIT the server sent just before dying.
                    // Judge only once that session has ended one way or the other.
                    waitForWritersToEnd(db.settings());
                    server = CrashRecoveryTest.startServer(db);
                    String when = "after API server crash " + (cycle + 1);
                    boolean present = assertWholeOrAbsent(db.settings(), v, whole, acknowledged, when, tally);
                    if (!present) {
                        Process restarted = server;
                        reimport(db.settings(), remote(restarted, db.settings(), v.owner()), v, whole, when);
                    }
                }
                System.out.println("CrashDuringImportTest (API server): " + tally);
            } finally {
                server.destroyForcibly();
                CrashRecoveryTest.waitFor(server);
            }
        }
    }

    // ---- the database killed -----------------------------------------------------------------------

    @Test
    void killing_postgres_during_a_large_import_leaves_it_wholly_there_or_wholly_absent() throws Exception {
        Random random = new Random(SEED + 1);
        System.out.println("CrashDuringImportTest (PostgreSQL): " + CYCLES + " crashes, " + HOLDERS + " stakeholders, seed " + SEED);
        Path root = Path.of("target", "crash-import-postgres-" + ProcessHandle.current().pid()).toAbsolutePath();
        DataFolder folder = new DataFolder(root);
        // the app's own settings: fsync and synchronous_commit on, as a user's machine runs it
        EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(folder);
        try {
            CrashRecoveryTest.superuser(pg, "CREATE DATABASE crash");
            DatabaseSettings first = CrashRecoveryTest.settings(pg);
            try (BackOfficeDatabase db = BackOfficeDatabase.attach(first)) {
                db.migrate();
            }
            Whole whole;
            try (BackOfficeDatabase db = BackOfficeDatabase.attach(first); LocalServices services = LocalServices.open(db, Clock.systemUTC())) {
                whole = calibrate(first, v -> local(services, first, v.owner()));
            }
            Tally tally = new Tally();
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                DatabaseSettings settings = CrashRecoveryTest.settings(pg);
                ImportVenture v = venture(settings);
                BackOfficeDatabase db = BackOfficeDatabase.attach(settings);
                LocalServices services = LocalServices.open(db, Clock.systemUTC());
                BackOffice owner = local(services, settings, v.owner());
                EmbeddedPostgresServer running = pg;
                boolean acknowledged = importAndCrash(settings, owner, v, whole, random, () -> CrashRecoveryTest.killPostmaster(running));
                services.close();
                db.close();
                pg.close(); // releases the data folder's lock; the server is already gone
                pg = EmbeddedPostgresServer.start(folder);
                DatabaseSettings after = CrashRecoveryTest.settings(pg);
                String when = "after PostgreSQL crash " + (cycle + 1);
                boolean present = assertWholeOrAbsent(after, v, whole, acknowledged, when, tally);
                if (!present) {
                    try (BackOfficeDatabase again = BackOfficeDatabase.attach(after); LocalServices s = LocalServices.open(again, Clock.systemUTC())) {
                        reimport(after, local(s, after, v.owner()), v, whole, when);
                    }
                }
            }
            System.out.println("CrashDuringImportTest (PostgreSQL): " + tally);
        } finally {
            pg.close();
            CrashRecoveryTest.deleteTree(root);
        }
    }

    // ---- the import and the crash ------------------------------------------------------------------

    /**
     * One uncrashed import of the same shape into a venture of its own: how many rows and accounts a whole
     * import writes, and how long its write phase (first write lock to the answer) takes.
     */
    private static Whole calibrate(DatabaseSettings settings, java.util.function.Function<ImportVenture, BackOffice> client) throws Exception {
        ImportVenture v = venture(settings);
        BackOffice owner = client.apply(v);
        OcfPackage pkg = bigPackage(v);
        CompletableFuture<Outcome<OcfImportResult>> running = CompletableFuture.supplyAsync(
                () -> owner.capTableInterchange().importOcf(v.id(), pkg));
        long writing = waitForWriteLock(settings, running);
        Outcome<OcfImportResult> outcome = running.get(5, TimeUnit.MINUTES);
        long writeMillis = Math.max(1, (System.nanoTime() - writing) / 1_000_000);
        OcfImportResult result = outcome.orElseThrow();
        Whole whole;
        try (Connection c = CrashRecoveryTest.connect(settings)) {
            whole = new Whole(ledgerRows(c, v), usersOpened(c, v), writeMillis);
            assertThat(whole.ledgerRows()).as("calibration: the ledger rows the import reported").isEqualTo(result.rowsWritten());
            assertThat(whole.usersOpened()).as("calibration: one pending account per stakeholder").isEqualTo(HOLDERS);
            assertThat(auditEntries(c, v)).isEqualTo(1);
            assertThat(LedgerInvariants.violations(c, v.id())).isEmpty();
        }
        System.out.printf("CrashDuringImportTest: a whole import writes %,d ledger rows and opens %,d accounts; write phase %,d ms%n",
                whole.ledgerRows(), whole.usersOpened(), whole.writeMillis());
        return whole;
    }

    /**
     * Starts the import, waits until its transaction holds a write lock, then runs {@code crash} a random time
     * later (0 to 1.2 × a whole import's write phase). Answers whether the client was told Done.
     */
    private static boolean importAndCrash(DatabaseSettings settings, BackOffice owner, ImportVenture v, Whole whole, Random random,
                                          Runnable crash) throws Exception {
        OcfPackage pkg = bigPackage(v);
        long delay = (long) (random.nextDouble() * whole.writeMillis() * 1.2);
        AtomicReference<Outcome<OcfImportResult>> answer = new AtomicReference<>();
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
            try {
                answer.set(owner.capTableInterchange().importOcf(v.id(), pkg));
            } catch (RuntimeException | AssertionError e) {
                // the server or the database died under the request: not acknowledged, whatever became of it
                // (AssertionError: pgjdbc's own assert on a connection that died mid-statement, the tests run with -ea)
            }
        });
        waitForWriteLock(settings, running);
        Thread.sleep(delay); // the crash lands at a random point of the write phase: that randomness is the test
        crash.run();
        running.get(3, TimeUnit.MINUTES);
        Outcome<OcfImportResult> told = answer.get();
        if (told != null && !told.isDone()) {
            assertThat(told.describe()).as("a client that lost the connection mid-request cannot know nothing was changed")
                    .doesNotContain("nothing was changed");
        }
        System.out.printf("  killed %,d ms into the write phase; the client was told: %s%n", delay,
                told == null ? "nothing (connection lost)" : told.describe());
        return told != null && told.isDone();
    }

    /** Polls pg_locks until another session holds a write lock on the ledger or the users; answers System.nanoTime() then. */
    private static long waitForWriteLock(DatabaseSettings settings, CompletableFuture<?> running) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        try (Connection c = CrashRecoveryTest.connect(settings)) {
            while (System.nanoTime() < deadline) {
                if (LedgerInvariants.number(c, "SELECT count(*) FROM pg_locks l WHERE l.pid <> pg_backend_pid() AND l.granted "
                        + "AND l.mode = 'RowExclusiveLock' AND l.relation IN ('equity_ledger'::regclass, 'users'::regclass)") > 0) {
                    return System.nanoTime();
                }
                if (running.isDone()) {
                    throw new IllegalStateException("the import ended before its write lock was seen: " + running.get());
                }
                Thread.sleep(2); // polling the database for the condition, not waiting for time to pass
            }
        }
        throw new IllegalStateException("the import never started writing");
    }

    /** Polls pg_locks until no other session holds a write lock on the ledger or the users (the orphaned import has ended). */
    private static void waitForWritersToEnd(DatabaseSettings settings) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        try (Connection c = CrashRecoveryTest.connect(settings)) {
            while (System.nanoTime() < deadline) {
                if (LedgerInvariants.number(c, "SELECT count(*) FROM pg_locks l WHERE l.pid <> pg_backend_pid() AND l.granted "
                        + "AND l.mode = 'RowExclusiveLock' AND l.relation IN ('equity_ledger'::regclass, 'users'::regclass)") == 0) {
                    return;
                }
                Thread.sleep(2); // polling the database for the condition, not waiting for time to pass
            }
        }
        throw new IllegalStateException("the killed server's import still holds its write locks after 3 minutes");
    }

    /** Wholly there or wholly absent; acknowledged ⇒ there; the rules hold; the audit chain verifies. Answers whether it is there. */
    private static boolean assertWholeOrAbsent(DatabaseSettings settings, ImportVenture v, Whole whole, boolean acknowledged, String when,
                                               Tally tally) throws Exception {
        boolean present;
        try (Connection c = CrashRecoveryTest.connect(settings)) {
            long rows = ledgerRows(c, v);
            long users = usersOpened(c, v);
            long entries = auditEntries(c, v);
            present = rows > 0;
            assertThat(List.of(rows, users, entries)).as("%s: ledger rows, accounts opened, OCF_IMPORTED entries", when)
                    .isEqualTo(present ? List.of(whole.ledgerRows(), whole.usersOpened(), 1L) : List.of(0L, 0L, 0L));
            if (acknowledged) {
                assertThat(present).as("%s: the acknowledged import is there", when).isTrue();
            }
            assertThat(LedgerInvariants.violations(c, v.id())).as("%s: the rules hold", when).isEmpty();
        }
        if (present) {
            tally.present++;
            if (acknowledged) {
                tally.acknowledged++;
            }
        } else {
            tally.absent++;
        }
        assertChainVerifies(settings, when);
        return present;
    }

    /** The client sends an import that did not survive the crash again: it goes through whole. */
    private static void reimport(DatabaseSettings settings, BackOffice owner, ImportVenture v, Whole whole, String when) throws Exception {
        owner.capTableInterchange().importOcf(v.id(), bigPackage(v)).orElseThrow();
        try (Connection c = CrashRecoveryTest.connect(settings)) {
            assertThat(List.of(ledgerRows(c, v), usersOpened(c, v), auditEntries(c, v))).as("%s: sent again", when)
                    .isEqualTo(List.of(whole.ledgerRows(), whole.usersOpened(), 1L));
            assertThat(LedgerInvariants.violations(c, v.id())).isEmpty();
        }
        assertChainVerifies(settings, when + ", sent again");
    }

    private static void assertChainVerifies(DatabaseSettings settings, String when) throws Exception {
        try (BackOfficeDatabase db = BackOfficeDatabase.attach(settings)) {
            new AuditSealer(db.dataSource()).sealPending();
        }
        CliRun verify = CliRun.run(Map.of(), "--db-url", settings.url().orElseThrow(), "--db-user", settings.user(),
                "--db-password", settings.password(), "audit", "verify");
        assertThat(verify.exitCode()).as("%s: audit verify\n%s", when, verify).isZero();
        assertThat(verify.out()).startsWith("Audit chain verified");
    }

    // ---- data --------------------------------------------------------------------------------------

    private static long ledgerRows(Connection c, ImportVenture v) throws SQLException {
        return LedgerInvariants.number(c, "SELECT count(*) FROM equity_ledger WHERE venture_id = ?", v.id());
    }

    private static long usersOpened(Connection c, ImportVenture v) throws SQLException {
        return LedgerInvariants.number(c, "SELECT count(*) FROM users WHERE email LIKE ?", "h%." + v.tag() + "@crash-import.example.com");
    }

    private static long auditEntries(Connection c, ImportVenture v) throws SQLException {
        return LedgerInvariants.number(c, "SELECT (SELECT count(*) FROM audit_outbox WHERE action = 'OCF_IMPORTED' AND venture_id = ?) "
                + "+ (SELECT count(*) FROM audit_log WHERE action = 'OCF_IMPORTED' AND venture_id = ?)", v.id(), v.id());
    }

    private static ImportVenture venture(DatabaseSettings settings) throws SQLException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID owner = UUID.randomUUID();
        UUID venture = UUID.randomUUID();
        try (Connection c = CrashRecoveryTest.connect(settings); Statement s = c.createStatement()) {
            s.execute("INSERT INTO users (id, display_name, email, kyc_status) VALUES ('" + owner + "', 'Oona " + tag + "', 'oona." + tag
                    + "@crash-import.example.com', 'verified')");
            s.execute("INSERT INTO ventures (id, name, region, owner_user_id) VALUES ('" + venture + "', 'Import " + tag + "', 'ca', '" + owner + "')");
        }
        return new ImportVenture(venture, owner, tag);
    }

    /**
     * The owner (6,000,000 shares) and {@link #HOLDERS} people (800 each) on the first date, then {@link #TRANSFERS}
     * transfers between the people, 20 a day, each a quarter of the giver's last holding. Emails carry the venture's
     * tag, so every stakeholder but the owner opens a pending account of this import only.
     */
    static OcfPackage bigPackage(ImportVenture v) {
        Random random = new Random(8); // the same transfers for every venture, so every whole import writes as many rows
        OcfTestPackage p = new OcfTestPackage().asOf("2026-12-31");
        p.stakeholder("oona", "Oona " + v.tag(), "oona." + v.tag() + "@crash-import.example.com");
        for (int i = 1; i <= HOLDERS; i++) {
            p.stakeholder("h" + i, "Holder " + i + " " + v.tag(), "h" + i + "." + v.tag() + "@crash-import.example.com");
        }
        int[] serial = {0};
        List<List<long[]>> holdings = new ArrayList<>(); // per holder: [security number, shares]
        for (int i = 0; i <= HOLDERS; i++) {
            holdings.add(new ArrayList<>());
        }
        LocalDate day = LocalDate.parse("2024-01-10");
        holdings.get(0).add(new long[] {issue(p, serial, day, "oona", 6_000_000), 6_000_000});
        for (int i = 1; i <= HOLDERS; i++) {
            holdings.get(i).add(new long[] {issue(p, serial, day, "h" + i, 800), 800});
        }
        for (int t = 0; t < TRANSFERS; ) {
            if (t % 20 == 0) {
                day = day.plusDays(2);
            }
            int from = 1 + random.nextInt(HOLDERS);
            int to = 1 + random.nextInt(HOLDERS);
            List<long[]> mine = holdings.get(from);
            long[] source = mine.get(mine.size() - 1);
            if (to == from || source[1] < 2) {
                continue;
            }
            long quantity = Math.max(1, source[1] / 4);
            long received = issue(p, serial, day, "h" + to, quantity);
            long balance = issue(p, serial, day, "h" + from, source[1] - quantity);
            p.transfer(day.toString(), "CS-" + source[0], Long.toString(quantity), "CS-" + balance, "CS-" + received);
            mine.set(mine.size() - 1, new long[] {balance, source[1] - quantity});
            holdings.get(to).add(new long[] {received, quantity});
            t++;
        }
        return p.build();
    }

    private static long issue(OcfTestPackage p, int[] serial, LocalDate day, String holder, long shares) {
        long security = ++serial[0];
        p.issue(day.toString(), "CS-" + security, holder, Long.toString(shares));
        return security;
    }

    private static BackOffice remote(Process server, DatabaseSettings settings, UUID user) {
        try {
            return new RemoteConnector(CrashRecoveryTest.uriOf(server), RemoteOptions.defaults().withAttempts(1))
                    .open(CrashRecoveryTest.session(settings, user));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static BackOffice local(LocalServices services, DatabaseSettings settings, UUID user) {
        try {
            return new LocalConnector(services, () -> { }).open(CrashRecoveryTest.session(settings, user));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
