package org.smartstart.backoffice.bench;

import org.smartstart.backoffice.domain.audit.AuditEntry;
import org.smartstart.backoffice.domain.audit.VerificationResult;
import org.smartstart.backoffice.persistence.audit.AuditOutbox;
import org.smartstart.backoffice.persistence.audit.AuditSealer;
import org.smartstart.backoffice.persistence.audit.AuditSealerService;
import org.smartstart.backoffice.persistence.audit.AuditVerifier;
import org.smartstart.backoffice.persistence.db.BackOfficeDatabase;
import org.smartstart.backoffice.persistence.db.DataFolder;
import org.smartstart.backoffice.persistence.db.EmbeddedPostgresServer;
import org.smartstart.backoffice.persistence.db.Transactions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Issue 2 benchmark: the same mutation (a venture owner's edit: bump the venture's version and
 * updated_at) with and without its audit entry, 1 and 8 concurrent writers, on a fresh embedded
 * PostgreSQL with durable commits (fsync on, synchronous_commit on). The audited runs write the entry
 * to audit_outbox in the mutation's transaction and wake the sealer after commit, as the app does;
 * a run only counts as done when its backlog is sealed, and the drain time is reported.
 *
 * <p>Argument: seconds per variant and writer count, default 20 (run as 2-second slices, alternating).
 */
public final class AuditAppendBenchmark {

    private static final int VENTURES = 100;
    private static final int SLICE_SECONDS = 2;
    /** -Dbench.wakeSealer=false leaves the entries to the sealer's poll (as for other processes' commits). */
    private static final boolean WAKE_SEALER = Boolean.parseBoolean(System.getProperty("bench.wakeSealer", "true"));
    /**
     * -Dbench.sealAfter=true seals only after each slice, outside the timing: splits the cost of writing
     * the entry from the cost of sealing it. Not the app's mode; for diagnosis.
     */
    private static final boolean SEAL_AFTER = Boolean.parseBoolean(System.getProperty("bench.sealAfter", "false"));

    private record Run(String label, int writers, boolean audited, long commits, double seconds, long backlogAtStop,
                       double drainSeconds) {
        double perSecond() {
            return commits / seconds;
        }

        Run plus(Run slice) {
            return new Run(label, writers, audited, commits + slice.commits, seconds + slice.seconds,
                    Math.max(backlogAtStop, slice.backlogAtStop), Math.max(drainSeconds, slice.drainSeconds));
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int slices = Math.max(1, seconds / SLICE_SECONDS);
        Path root = Files.createTempDirectory("audit-bench");
        // durable like the app should be: zonky's builder defaults synchronous_commit to off
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(new DataFolder(root),
                Map.of("synchronous_commit", "on", "fsync", "on"));
             BackOfficeDatabase db = BackOfficeDatabase.attach(server.settings())) {
            db.migrate();
            String pgVersion = scalar(db, "SHOW server_version");
            System.out.printf("PostgreSQL %s, fsync=%s, synchronous_commit=%s, data in %s%n", pgVersion,
                    scalar(db, "SHOW fsync"), scalar(db, "SHOW synchronous_commit"), root);
            List<UUID> actors = setUp(db);
            List<UUID> ventures = ventureIds(db);
            Transactions transactions = new Transactions(db.dataSource());

            try (AuditSealerService sealer = SEAL_AFTER
                    ? AuditSealerService.start(new AuditSealer(db.dataSource()), Duration.ofHours(1), Duration.ZERO)
                    : AuditSealerService.start(db.dataSource())) {
                run(transactions, sealer, actors, ventures, 8, true, 3, db); // warm-up: JIT, caches, WAL files
                // The machine is shared, so its load drifts over seconds: alternate the two variants in
                // short slices and add them up, so both see the same conditions.
                System.out.println();
                System.out.println("| writers | unaudited tx/s | audited tx/s | audited / unaudited | largest seal backlog at a slice's end | longest drain |");
                System.out.println("|---:|---:|---:|---:|---:|---:|");
                for (int writers : new int[] {1, 8}) {
                    Run plain = new Run("unaudited", writers, false, 0, 0, 0, 0);
                    Run audited = new Run("audited", writers, true, 0, 0, 0, 0);
                    for (int slice = 0; slice < slices; slice++) {
                        plain = plain.plus(run(transactions, sealer, actors, ventures, writers, false, SLICE_SECONDS, db));
                        audited = audited.plus(run(transactions, sealer, actors, ventures, writers, true, SLICE_SECONDS, db));
                    }
                    System.out.printf(Locale.ROOT, "| %d | %,.0f | %,.0f | %.0f%% | %,d | %.2f s |%n", writers, plain.perSecond(),
                            audited.perSecond(), 100 * audited.perSecond() / plain.perSecond(), audited.backlogAtStop(), audited.drainSeconds());
                }
            }
            long started = System.nanoTime();
            VerificationResult verified = new AuditVerifier(db.dataSource()).verify();
            System.out.printf(Locale.ROOT, "%nVerified the chain: %,d entries in %.2f s, intact: %s, unsealed: %d%n",
                    verified.verifiedEntries(), (System.nanoTime() - started) / 1e9, verified.intact(), verified.unsealedEntries());
            verified.firstBreak().ifPresent(b -> System.out.println("  broken at seq " + b.seq() + ": " + b.explanation()));
        } finally {
            deleteTree(root);
        }
    }

    private static Run run(Transactions transactions, AuditSealerService sealer, List<UUID> actors, List<UUID> ventures, int writers,
                           boolean audited, int seconds, BackOfficeDatabase db) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder commits = new LongAdder();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int w = 0; w < writers; w++) {
            // each writer is another person: eight people editing, not one person eight times
            UUID actor = actors.get(w);
            Thread t = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        UUID venture = ventures.get(ThreadLocalRandom.current().nextInt(ventures.size()));
                        transactions.inTransaction(actor, c -> {
                            int version;
                            try (PreparedStatement p = c.prepareStatement(
                                    "UPDATE ventures SET version = version + 1, updated_at = now() WHERE id = ? RETURNING version")) {
                                p.setObject(1, venture);
                                try (ResultSet r = p.executeQuery()) {
                                    r.next();
                                    version = r.getInt(1);
                                }
                            }
                            if (audited) {
                                AuditOutbox.append(c, new AuditEntry(actor, "VENTURE_EDITED", "venture", venture, venture,
                                        Map.of("before", Map.of("version", version - 1), "after", Map.of("version", version))));
                            }
                            return null;
                        });
                        commits.increment();
                        if (audited && WAKE_SEALER && !SEAL_AFTER) sealer.sealNow();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "writer-" + w);
            threads.add(t);
        }
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread t : threads) t.join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (!failures.isEmpty()) throw new IllegalStateException("a writer failed", failures.get(0));
        long backlog = Long.parseLong(scalar(db, "SELECT count(*) FROM audit_outbox"));
        long drainStart = System.nanoTime();
        sealer.awaitSealed(Duration.ofMinutes(5));
        double drain = (System.nanoTime() - drainStart) / 1e9;
        // the next run starts clean: vacuum what this one churned so runs do not tax each other
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.execute("VACUUM ventures");
            s.execute("VACUUM audit_outbox");
        }
        return new Run(audited ? "audited" : "unaudited", writers, audited, commits.sum(), elapsed, audited ? backlog : 0,
                audited ? drain : 0);
    }

    private static List<UUID> setUp(BackOfficeDatabase db) throws SQLException {
        List<UUID> users = new ArrayList<>();
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("INSERT INTO users (display_name, email) SELECT 'Bench Owner ' || i, 'owner' || i || '@bench.example' "
                    + "FROM generate_series(1, 8) i RETURNING id")) {
                while (r.next()) users.add(r.getObject(1, UUID.class));
            }
            s.execute("INSERT INTO ventures (name, region, status, owner_user_id) SELECT 'Venture ' || i, 'eu', 'draft', '" + users.get(0)
                    + "' FROM generate_series(1, " + VENTURES + ") i");
            // Active ventures, as in real use: KY-6 lets them leave draft only with verified KYB documents.
            s.execute("INSERT INTO kyb_documents (venture_id, doc_type, status, verifier, verified_at) "
                    + "SELECT v.id, t.doc_type::kyb_doc_type, 'verified', 'bench', now() FROM ventures v, "
                    + "(VALUES ('articles_of_inc'), ('tax_id')) t(doc_type)");
            s.execute("UPDATE ventures SET status = 'active'");
        }
        return users;
    }

    private static List<UUID> ventureIds(BackOfficeDatabase db) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT id FROM ventures")) {
            while (r.next()) ids.add(r.getObject(1, UUID.class));
        }
        return ids;
    }

    private static String scalar(BackOfficeDatabase db, String sql) throws SQLException {
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a temp folder; the OS cleans it eventually
        }
    }
}
