package org.smartstart.backoffice.bench;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.smartstart.backoffice.domain.audit.AuditFilter;
import org.smartstart.backoffice.domain.audit.VerificationResult;
import org.smartstart.backoffice.persistence.audit.LocalAuditTrail;
import org.smartstart.backoffice.persistence.audit.AuditHash;
import org.smartstart.backoffice.persistence.audit.AuditVerifier;
import org.smartstart.backoffice.persistence.db.BackOfficeDatabase;
import org.smartstart.backoffice.persistence.db.DataFolder;
import org.smartstart.backoffice.persistence.db.EmbeddedPostgresServer;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.time.ZoneOffset;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Issue 7's benchmark: a generated audit log with a valid chain (default 10,000,000 entries of about 500
 * bytes), then in the same run
 * <ol>
 *   <li>how long PostgreSQL needs merely to stream the rows out ({@code COPY (SELECT ...) TO STDOUT}),</li>
 *   <li>how long {@link AuditVerifier} needs to replay the chain (target: at most 1.5× the COPY),</li>
 *   <li>p50/p95 of one page of 100 entries at random depths, unfiltered and filtered by actor, by keyset on seq
 *       (the query the audit browser runs) beside the OFFSET baseline at the same depths (target p95 ≤ 25 ms).</li>
 * </ol>
 * Usage: {@code mvn -B -o -q -Pbench compile exec:java -Dbench.main=org.smartstart.backoffice.bench.AuditChainBenchmark
 * -Dexec.args=1000000}.
 */
public final class AuditChainBenchmark {

    private static final int ACTORS = 8;
    private static final int VENTURES = 50;
    private static final int PAGES = 200;
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    /** OFFSET pages read seconds each on a large log; fewer of them keep a 10M run within the hour. */
    private static final int OFFSET_PAGES = Integer.getInteger("bench.offsetPages", PAGES);
    private static final String PAGE_COLUMNS = "SELECT l.seq, l.ts, l.actor_user_id, u.display_name, l.action, l.object_type, l.object_id, "
            + "l.venture_id, l.data::text, l.prev_tx_hash, l.tx_hash FROM audit_log l LEFT JOIN users u ON u.id = l.actor_user_id ";

    public static void main(String[] args) throws Exception {
        long asked = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        // -Dbench.dataFolder=PATH: the log a run with -Dbench.keep=true left there; only the plans are shown again
        String kept = System.getProperty("bench.dataFolder");
        boolean keep = kept != null || Boolean.getBoolean("bench.keep");
        Path root = kept != null ? Path.of(kept) : Files.createTempDirectory("audit-chain-bench");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(new DataFolder(root), Map.of());
             BackOfficeDatabase db = BackOfficeDatabase.attach(server.settings())) {
            db.migrate();
            System.out.printf("PostgreSQL %s, data in %s%n", scalar(db, "SHOW server_version"), root);
            if (kept != null) {
                long entries = Long.parseLong(scalar(db, "SELECT seq FROM audit_chain_head"));
                List<UUID> benchUsers = ids(db, "SELECT id FROM users WHERE email LIKE 'bench%' ORDER BY email");
                List<UUID> benchVentures = ids(db, "SELECT id FROM ventures WHERE name LIKE 'Bench venture %' ORDER BY length(name), name");
                if (Boolean.getBoolean("bench.timePages")) { // -Dbench.timePages=true: the time filters' pages again
                    timePages(db, entries, benchUsers, benchVentures);
                }
                explain(db, entries, benchUsers, benchVentures);
                return;
            }
            long entries = asked;
            List<UUID> actors = users(db);

            long t0 = System.nanoTime();
            List<UUID> ventures = ventures(db, actors);
            generate(db, entries, actors, ventures);
            double generated = seconds(t0);
            System.out.printf("generated and loaded %,d entries in %.1f s; table %s%n", entries, generated,
                    scalar(db, "SELECT pg_size_pretty(pg_total_relation_size('audit_log'))"));
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE audit_log");
            }

            // alternate, three times each, so drifting load on a shared machine hits all alike
            double copyBest = Double.MAX_VALUE;
            double binaryBest = Double.MAX_VALUE;
            double verifyBest = Double.MAX_VALUE;
            for (int round = 0; round < ROUNDS; round++) {
                long t = System.nanoTime();
                long bytes = copyOut(db, "");
                double copy = seconds(t);
                copyBest = Math.min(copyBest, copy);
                System.out.printf("COPY out: %,d bytes in %.2f s (%,.0f rows/s)%n", bytes, copy, entries / copy);

                // what the verifier reads: the same rows in binary form, for reference beside the text baseline
                t = System.nanoTime();
                bytes = copyOut(db, " (FORMAT binary)");
                double binary = seconds(t);
                binaryBest = Math.min(binaryBest, binary);
                System.out.printf("COPY out (binary): %,d bytes in %.2f s (%,.0f rows/s)%n", bytes, binary, entries / binary);

                t = System.nanoTime();
                VerificationResult result = new AuditVerifier(db.dataSource()).verify();
                double verify = seconds(t);
                verifyBest = Math.min(verifyBest, verify);
                System.out.printf("verify:   %,d entries in %.2f s (%,.0f entries/s), intact=%s%n", result.verifiedEntries(), verify,
                        result.verifiedEntries() / verify, result.intact());
                if (!result.intact() || result.verifiedEntries() != entries) {
                    throw new IllegalStateException("the generated chain does not verify: " + result);
                }
            }
            if (ROUNDS > 0) {
                System.out.printf("verify / COPY (best of %d each): %.2f (target ≤ 1.5); verify / binary COPY: %.2f; load average %s%n", ROUNDS,
                        verifyBest / copyBest, verifyBest / binaryBest, loadAverage());
            }

            Random random = new Random(7);
            page(db, "keyset, unfiltered", random, entries, (c, depth) -> keyset(c, entries - depth, null));
            page(db, "keyset, one actor of 8", random, entries, (c, depth) -> keyset(c, entries - depth, actors.get(random.nextInt(ACTORS))));
            page(db, "OFFSET, unfiltered (baseline)", random, entries, (c, depth) -> offset(c, depth), OFFSET_PAGES);
            timePages(db, entries, actors, ventures);

            explain(db, entries, actors, ventures);

            // a break near the start must stop the stream at once, and leave the pooled connection usable
            long tampered = Math.min(1_000, entries);
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                s.execute("SET LOCAL session_replication_role = replica");
                s.execute("UPDATE audit_log SET data = jsonb_set(data, '{n}', '0') WHERE seq = " + tampered);
                c.commit();
            }
            long t = System.nanoTime();
            VerificationResult broken = new AuditVerifier(db.dataSource()).verify();
            System.out.printf("verify with seq %,d changed: break at seq %s after %.2f s; then %s entries counted on the pool%n", tampered,
                    broken.firstBreak().map(b -> Long.toString(b.seq())).orElse("none"), seconds(t),
                    scalar(db, "SELECT count(*) FROM audit_log"));
            if (broken.firstBreak().map(b -> b.seq() != tampered).orElse(true)) {
                throw new IllegalStateException("the changed entry was not found: " + broken);
            }
        } finally {
            if (!keep) { // the data folder of a 10M run is about 15 GB
                try (var files = Files.walk(root)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
                System.out.printf("deleted %s%n", root);
            }
        }
    }

    /**
     * EXPLAIN (ANALYZE, BUFFERS) of the audit screen's queries as the application role, exactly as
     * {@link LocalAuditTrail#pageStatement} and {@link AuditVerifier#stepSelect} build them: the first page
     * and a 90%-deep page with no filter and with each of the screen's filters, a venture owner's scope, and the
     * verification step the screen runs (20,000 entries after a seq). Prints each plan's top node, whether it
     * reads through an index, and the execution time; the whole plans with {@code -Dbench.plans=true}.
     */
    private static void explain(BackOfficeDatabase db, long entries, List<UUID> actors, List<UUID> ventures) throws SQLException {
        boolean full = Boolean.getBoolean("bench.plans");
        long deep = Math.max(2, entries / 10);
        Instant dayStart = START.plusSeconds(entries * 3 / 2).toInstant().truncatedTo(ChronoUnit.DAYS);
        Instant early = START.plusSeconds(entries * 3 / 10).toInstant().truncatedTo(ChronoUnit.DAYS);
        UUID objectId;
        String objectType;
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT object_id, object_type FROM audit_log WHERE seq = " + (entries / 2))) {
            r.next();
            objectId = r.getObject(1, UUID.class);
            objectType = r.getString(2);
        }
        // venture 5 has no entries (see loggedVenture): the plans before 2026-12-01 22:15 showed an empty venture
        UUID venture = ventures.get(loggedVenture(5));
        AuditFilter all = AuditFilter.all().limitedTo(100);
        Map<String, AuditFilter> filters = new java.util.LinkedHashMap<>();
        filters.put("no filter, first page", all);
        filters.put("no filter, 90% deep", all.before(deep));
        filters.put("actor, first page", all.withActor(actors.get(3)));
        filters.put("actor, 90% deep", all.withActor(actors.get(3)).before(deep));
        filters.put("action, first page", all.withAction("EQUITY_CHANGE"));
        filters.put("action, 90% deep", all.withAction("EQUITY_CHANGE").before(deep));
        filters.put("object type, 90% deep", all.withObject("vesting_policy", null).before(deep));
        filters.put("object type and id", all.withObject(objectType, objectId));
        filters.put("venture, first page", all.withVenture(venture));
        filters.put("venture, 90% deep", all.withVenture(venture).before(deep));
        // a period and a date jump are listed by time (ts, seq); deeper pages continue from an entry inside the range
        AuditFilter day = all.between(dayStart, dayStart.plus(1, ChronoUnit.DAYS));
        long midDay = seqAt(dayStart.plus(12, ChronoUnit.HOURS), entries);
        long jumped = seqAt(early, entries);
        filters.put("one day mid-log, first page", day);
        filters.put("one day mid-log, page from its middle", day.before(midDay));
        filters.put("a month (30 days), page from its middle", all.between(dayStart.minus(15, ChronoUnit.DAYS), dayStart.plus(15, ChronoUnit.DAYS))
                .before(midDay));
        filters.put("from a day to now, first page", all.between(dayStart, null));
        filters.put("from a day to now, page from the day", all.between(dayStart, null).before(midDay));
        filters.put("jump to date (10% into the log), first page", all.between(null, early));
        filters.put("jump to date, the page below", all.listedByTime().before(Math.max(1, jumped - 100)));
        filters.put("jump to date, the page above", all.listedByTime().after(jumped).ordered(AuditFilter.Direction.OLDEST_FIRST));
        filters.put("actor + action + one day", day.withActor(actors.get(3)).withAction("EQUITY_CHANGE"));
        filters.put("venture + one day, page from its middle", day.withVenture(venture).before(midDay));
        filters.put("object type and id + from a day to now", all.between(dayStart.minus(300, ChronoUnit.DAYS), null)
                .withObject(objectType, objectId));
        System.out.printf("EXPLAIN (ANALYZE, BUFFERS) as %s, %,d entries; load average %s%n", BackOfficeDatabase.APP_ROLE, entries, loadAverage());
        UUID owner = actors.get(1);
        Set<UUID> owned = new java.util.LinkedHashSet<>();
        for (int i = 0; i < ventures.size(); i++) {
            if (i % actors.size() == 1) {
                owned.add(ventures.get(i));
            }
        }
        for (Map.Entry<String, AuditFilter> f : filters.entrySet()) {
            explainOne(db, owner, f.getKey(), c -> LocalAuditTrail.pageStatement(c, "EXPLAIN (ANALYZE, BUFFERS) ", f.getValue(), Optional.empty()), full);
        }
        explainOne(db, owner, "venture owner's scope (" + owned.size() + " ventures), first page",
                c -> LocalAuditTrail.pageStatement(c, "EXPLAIN (ANALYZE, BUFFERS) ", all, Optional.of(owned)), full);
        explainOne(db, owner, "venture owner's scope, 90% deep",
                c -> LocalAuditTrail.pageStatement(c, "EXPLAIN (ANALYZE, BUFFERS) ", all.before(deep), Optional.of(owned)), full);
        explainOne(db, owner, "venture owner's scope + one day, page from its middle",
                c -> LocalAuditTrail.pageStatement(c, "EXPLAIN (ANALYZE, BUFFERS) ", day.before(midDay), Optional.of(owned)), full);
        explainOne(db, null, "verification step, 20,000 after seq " + (entries / 2) + " (owner)",
                c -> c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + AuditVerifier.stepSelect(entries / 2, 20_000)), full);
        explainOne(db, null, "before (cf727dc): the step as one scan with OR",
                c -> c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) SELECT seq, id, ts, actor_user_id, action, object_type, object_id, venture_id, "
                        + "data::text, prev_tx_hash, tx_hash FROM audit_log WHERE seq > " + (entries / 2) + " OR seq IS NULL ORDER BY seq NULLS LAST LIMIT 20000"), full);
        explainOne(db, null, "verification step, first 20,000 (owner)",
                c -> c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + AuditVerifier.stepSelect(0, 20_000)), full);
    }

    @FunctionalInterface
    private interface Statement2 {
        PreparedStatement prepare(Connection c) throws SQLException;
    }

    /** @param actingUser null: as the owner (the verifier's connection); else as the application role acting for that user */
    private static void explainOne(BackOfficeDatabase db, UUID actingUser, String name, Statement2 statement, boolean full) throws SQLException {
        List<String> plan = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            if (actingUser != null) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET LOCAL ROLE " + BackOfficeDatabase.APP_ROLE + "; SELECT set_config('app.current_user_id', '" + actingUser + "', true)");
                }
            }
            for (int run = 0; run < 2; run++) { // the second run is reported: the first may read the pages in from disk
                plan.clear();
                try (PreparedStatement p = statement.prepare(c); ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        plan.add(r.getString(1));
                    }
                }
            }
            c.rollback();
        }
        String text = String.join("\n", plan);
        boolean indexed = text.contains("Index Scan") || text.contains("Index Only Scan") || text.contains("Bitmap Index Scan");
        boolean seqScan = text.contains("Seq Scan");
        String top = plan.size() > 1 ? plan.get(1).strip() : plan.get(0).strip();
        String time = plan.stream().filter(l -> l.startsWith("Execution Time")).findFirst().orElse("?");
        String nodes = plan.stream().filter(l -> l.contains("->")).map(l -> l.strip().replaceAll("  \\(cost.*", "").replace("-> ", ""))
                .collect(java.util.stream.Collectors.joining(" / "));
        System.out.printf("  %-52s %-26s %s%s | %s%n", name, time, indexed ? "index" : "NO INDEX", seqScan ? ", SEQ SCAN" : "", nodes);
        if (full) {
            System.out.println("    " + text.replace("\n", "\n    "));
        }
    }

    @FunctionalInterface
    private interface PageQuery {
        int run(Connection c, long depth) throws SQLException;
    }

    private static void page(BackOfficeDatabase db, String name, Random random, long entries, PageQuery query) throws SQLException {
        page(db, name, random, entries, query, PAGES);
    }

    private static void page(BackOfficeDatabase db, String name, Random random, long entries, PageQuery query, int pages) throws SQLException {
        double[] ms = new double[pages];
        try (Connection c = db.dataSource().getConnection()) {
            query.run(c, 0); // plan and warm the connection
            for (int i = 0; i < pages; i++) {
                long depth = i == 0 ? 0 : i == 1 ? (long) (entries * 0.9) : (long) (random.nextDouble() * (entries - 100));
                long t = System.nanoTime();
                int rows = query.run(c, depth);
                ms[i] = (System.nanoTime() - t) / 1e6;
                if (rows == 0) {
                    throw new IllegalStateException(name + ": an empty page at depth " + depth);
                }
            }
        }
        double first = ms[0];
        double deep = ms[1];
        Arrays.sort(ms);
        System.out.printf("page of 100, %-36s p50 %7.2f ms  p95 %7.2f ms  max %7.2f ms  (first page %.2f ms, 90%% deep %.2f ms)%n",
                name + " (" + pages + ")" + ":", ms[pages / 2], ms[(int) (pages * 0.95)], ms[pages - 1], first, deep);
    }

    /** One timed page of a time filter: as the screen asks it now, as it asked before (seq bounds), and the OFFSET depth. */
    private record TimePage(AuditFilter now, AuditFilter before, Instant from, Instant to, long offsetDepth) {
    }

    @FunctionalInterface
    private interface TimeCase {
        /** @param i the sample's number: 0 asks the filter's first page, the others a page at a random depth */
        TimePage make(Random random, int i);
    }

    /**
     * A venture that has entries: the generator gives seq's entry venture (seq × 7919) mod 50 except every tenth seq
     * ending in 5, so ventures 5, 15, 25, 35 and 45 (whose seqs all end in 5) have none; those go to the next one.
     */
    private static int loggedVenture(int i) {
        return i % 10 == 5 ? i + 1 : i;
    }

    /** The seq whose generated ts is nearest to {@code t} (3 s per entry), kept inside the log. */
    private static long seqAt(Instant t, long entries) {
        long seq = Math.floorDiv(t.getEpochSecond() - START.toEpochSecond(), 3);
        return Math.max(1, Math.min(entries, seq));
    }

    private static Instant dayOf(long seq) {
        return START.plusSeconds(seq * 3).toInstant().truncatedTo(ChronoUnit.DAYS);
    }

    /** A seq drawn between {@code from} and {@code to} (inclusive), the entry a page continues from. */
    private static long between(Random random, long from, long to) {
        return from >= to ? from : from + (long) (random.nextDouble() * (to - from + 1));
    }

    /**
     * The time filters and date jumps the screen runs, each page at a random depth of the log and of its range (the
     * cursor is a random entry inside it, the way the screen continues from a page's last entry), timed as the screen
     * runs them now ({@link LocalAuditTrail#pageStatement}: listed by time, keyset on (ts, seq)), beside the way they
     * ran before ({@link SeqBoundsPage}: by seq, the period's seq bounds read first) and OFFSET on the seq order.
     */
    private static void timePages(BackOfficeDatabase db, long entries, List<UUID> actors, List<UUID> ventures) throws SQLException {
        int beforePages = Integer.getInteger("bench.beforePages", 40);
        long days = Math.max(1, entries * 3 / 86_400);
        AuditFilter all = AuditFilter.all().limitedTo(100);
        Map<String, TimeCase> cases = new java.util.LinkedHashMap<>();
        // a day between 10% and 90% of the log
        java.util.function.Function<Random, Instant> midDay = r -> dayOf(entries / 10 + (long) (r.nextDouble() * entries * 8 / 10));
        cases.put("one day mid-log", (r, i) -> {
            Instant from = midDay.apply(r);
            Instant to = from.plus(1, ChronoUnit.DAYS);
            return rangePage(all, r, i, from, to, entries);
        });
        cases.put("one day + one actor of 8", (r, i) -> {
            Instant from = midDay.apply(r);
            Instant to = from.plus(1, ChronoUnit.DAYS);
            TimePage p = rangePage(all, r, i, from, to, entries);
            UUID actor = actors.get(r.nextInt(ACTORS));
            return new TimePage(p.now().withActor(actor), p.before().withActor(actor), from, to, p.offsetDepth());
        });
        cases.put("one day + one venture of 50", (r, i) -> {
            Instant from = midDay.apply(r);
            Instant to = from.plus(1, ChronoUnit.DAYS);
            TimePage p = rangePage(all, r, i, from, to, entries);
            UUID venture = ventures.get(loggedVenture(r.nextInt(ventures.size())));
            return new TimePage(p.now().withVenture(venture), p.before().withVenture(venture), from, to, -1);
        });
        cases.put("a month (30 days)", (r, i) -> {
            Instant from = dayOf((long) (r.nextDouble() * Math.max(1, entries - 864_000)));
            return rangePage(all, r, i, from, from.plus(30, ChronoUnit.DAYS), entries);
        });
        cases.put("from a day to now", (r, i) -> {
            Instant from = dayOf((long) (r.nextDouble() * entries));
            return rangePage(all, r, i, from, null, entries);
        });
        cases.put("jump to date, first page", (r, i) -> {
            Instant end = dayOf((long) (r.nextDouble() * entries)).plus(1, ChronoUnit.DAYS);
            AuditFilter jump = all.between(null, end);
            return new TimePage(jump, jump, null, end, -1);
        });
        cases.put("jump to date, a page below", (r, i) -> {
            long cursor = between(r, 2, entries);
            return new TimePage(all.listedByTime().before(cursor), all.between(null, dayOf(cursor).plus(1, ChronoUnit.DAYS)).before(cursor),
                    null, null, -1);
        });
        cases.put("jump to date, a page above", (r, i) -> {
            long cursor = between(r, 1, entries - 1);
            return new TimePage(all.listedByTime().after(cursor).ordered(AuditFilter.Direction.OLDEST_FIRST), null, null, null, -1);
        });
        System.out.printf("time filters and date jumps, %,d entries over %,d days; load average %s%n", entries, days, loadAverage());
        for (Map.Entry<String, TimeCase> c : cases.entrySet()) {
            timeCase(db, c.getKey() + ", now (by time)", c.getValue(), PAGES, p -> con -> LocalAuditTrail.pageStatement(con, "", p.now(), Optional.empty()));
            if (c.getValue().make(new Random(1), 1).before() != null) {
                timeCase(db, c.getKey() + ", before (seq bounds)", c.getValue(), beforePages,
                        p -> con -> SeqBoundsPage.statement(con, "", p.before(), Optional.empty()));
            }
            if (c.getValue().make(new Random(1), 1).offsetDepth() >= 0 && c.getValue().make(new Random(1), 1).to() != null) {
                timeCase(db, c.getKey() + ", OFFSET by seq", c.getValue(), Integer.getInteger("bench.offsetTimePages", OFFSET_PAGES),
                        p -> con -> offsetStatement(con, p));
            }
        }
        System.out.printf("load average %s%n", loadAverage());
    }

    /** A page of the period [from, to): its first page for sample 0, else the page after a random entry of it. */
    private static TimePage rangePage(AuditFilter all, Random r, int i, Instant from, Instant to, long entries) {
        AuditFilter range = all.between(from, to);
        if (i == 0) {
            return new TimePage(range, range, from, to, 0);
        }
        long top = to == null ? entries : seqAt(to, entries);
        long cursor = between(r, seqAt(from, entries) + 1, top);
        return new TimePage(range.before(cursor), range.before(cursor), from, to, Math.max(0, top - cursor));
    }

    private static PreparedStatement offsetStatement(Connection c, TimePage p) throws SQLException {
        PreparedStatement s = c.prepareStatement(PAGE_COLUMNS + "WHERE l.seq IS NOT NULL AND l.ts >= ? AND l.ts < ?"
                + (p.now().actorUserId() == null ? "" : " AND l.actor_user_id = '" + p.now().actorUserId() + "'")
                + " ORDER BY l.seq DESC OFFSET ? LIMIT 100");
        s.setObject(1, p.from().atOffset(ZoneOffset.UTC));
        s.setObject(2, p.to().atOffset(ZoneOffset.UTC));
        s.setLong(3, p.offsetDepth());
        return s;
    }

    private static void timeCase(BackOfficeDatabase db, String name, TimeCase pages,
                                 int count, java.util.function.Function<TimePage, Statement2> statement) throws SQLException {
        if (count <= 0) {
            return;
        }
        Random random = new Random(11); // the same pages for every way of asking them
        double[] ms = new double[count];
        long rows = 0;
        try (Connection c = db.dataSource().getConnection()) {
            try (PreparedStatement warm = statement.apply(pages.make(new Random(3), 1)).prepare(c)) {
                drain(warm); // plan and warm the connection
            }
            for (int i = 0; i < count; i++) {
                TimePage page = pages.make(random, i);
                long t = System.nanoTime();
                try (PreparedStatement p = statement.apply(page).prepare(c)) {
                    rows += drain(p);
                }
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
        }
        double first = ms[0];
        Arrays.sort(ms);
        System.out.printf("page of 100, %-52s p50 %8.2f ms  p95 %8.2f ms  max %8.2f ms  (first %.2f ms; %.0f rows a page)%n",
                name + " (" + count + ")" + ":", ms[count / 2], ms[Math.min(count - 1, (int) (count * 0.95))], ms[count - 1], first,
                (double) rows / count);
    }

    private static int keyset(Connection c, long beforeSeq, UUID actor) throws SQLException {
        String sql = PAGE_COLUMNS + "WHERE l.seq IS NOT NULL" + (actor == null ? "" : " AND l.actor_user_id = ?")
                + " AND l.seq < ? ORDER BY l.seq DESC LIMIT 101";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            int i = 1;
            if (actor != null) {
                p.setObject(i++, actor);
            }
            p.setLong(i, beforeSeq + 1);
            return drain(p);
        }
    }

    private static int offset(Connection c, long depth) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(PAGE_COLUMNS + "WHERE l.seq IS NOT NULL ORDER BY l.seq DESC OFFSET ? LIMIT 100")) {
            p.setLong(1, depth);
            return drain(p);
        }
    }

    private static int drain(PreparedStatement p) throws SQLException {
        int n = 0;
        try (ResultSet r = p.executeQuery()) {
            while (r.next()) {
                r.getString(9);
                n++;
            }
        }
        return n;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static long copyOut(BackOfficeDatabase db, String options) throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            CountingSink sink = new CountingSink();
            c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT seq, id, ts, actor_user_id, action, object_type, object_id, "
                    + "venture_id, data::text, prev_tx_hash, tx_hash FROM audit_log ORDER BY seq) TO STDOUT" + options, sink);
            return sink.bytes;
        }
    }

    private static final class CountingSink extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    private static final int GEN_CHUNK = 10_000;
    private static final String FILLER = "x".repeat(180);
    private static final OffsetDateTime START = OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    /** One generated entry before it is chained: its columns and its RFC 8785 text (which needs no prev hash). */
    private record Pending(AuditHash.Content content, byte[] canonical) {
    }

    /**
     * Computes the chain in Java, exactly as the sealer would, and COPYs it in as the owner with the AU-3 triggers
     * off and without indexes: the indexes and constraints of audit_log are dropped first and built again after the
     * load (one sort each instead of 10M random inserts into seven b-trees). Three stages overlap: workers make the
     * entries of chunks of 10,000 seqs and their canonical JSON (the costly part, which does not depend on the chain),
     * this thread chains them in order (one SHA-256 each) and formats the COPY text, and a writer thread streams
     * the batches to PostgreSQL, which parses them on its own core meanwhile. Every entry is a pure function of its
     * seq (one seeded random per chunk), so the log is the same whatever the thread timing.
     */
    private static void generate(BackOfficeDatabase db, long entries, List<UUID> actors, List<UUID> ventures) throws Exception {
        int workers = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "bench-generate");
            t.setDaemon(true);
            return t;
        });
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bench-copy");
            t.setDaemon(true);
            return t;
        });
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            List<String> rebuild = new ArrayList<>();
            long t = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL session_replication_role = replica"); // AU-3 and foreign-key triggers off
                s.execute("SET LOCAL maintenance_work_mem = '1GB'");
                try (ResultSet r = s.executeQuery("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                        + "WHERE conrelid = 'audit_log'::regclass AND contype IN ('p', 'u') ORDER BY conname")) {
                    while (r.next()) {
                        rebuild.add("ALTER TABLE audit_log DROP CONSTRAINT " + r.getString(1));
                        rebuild.add("ALTER TABLE audit_log ADD CONSTRAINT " + r.getString(1) + " " + r.getString(2));
                    }
                }
                try (ResultSet r = s.executeQuery("SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
                        + "WHERE i.indrelid = 'audit_log'::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid) "
                        + "ORDER BY 1")) {
                    while (r.next()) {
                        rebuild.add("DROP INDEX " + r.getString(1));
                        rebuild.add(r.getString(2));
                    }
                }
                for (int i = 0; i < rebuild.size(); i += 2) {
                    s.execute(rebuild.get(i));
                }
                // emptied in this transaction, so COPY may write the rows frozen (no hint-bit rewrite by the first reads)
                s.execute("TRUNCATE audit_log");
            }
            System.out.printf("  dropped %d indexes and constraints of audit_log%n", rebuild.size() / 2);

            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY audit_log (id, seq, ts, actor_user_id, action, object_type, "
                    + "object_id, venture_id, data, prev_tx_hash, tx_hash) FROM STDIN WITH (FORMAT text, FREEZE)");
            AuditHash hash = new AuditHash();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            HexFormat hex = HexFormat.of();
            long chunks = (entries + GEN_CHUNK - 1) / GEN_CHUNK;
            ArrayDeque<Future<List<Pending>>> ahead = new ArrayDeque<>();
            long nextChunk = 0;
            Future<?> writing = CompletableFuture.completedFuture(null);
            byte[] prev = AuditHash.GENESIS_HASH.getBytes(StandardCharsets.US_ASCII);
            StringBuilder text = new StringBuilder(8 << 20);
            for (long chunk = 0; chunk < chunks; chunk++) {
                while (nextChunk < chunks && ahead.size() < 4 * workers) {
                    long first = nextChunk * GEN_CHUNK + 1;
                    long last = Math.min(entries, first + GEN_CHUNK - 1);
                    ahead.add(pool.submit(() -> pending(first, last, actors, ventures)));
                    nextChunk++;
                }
                for (Pending p : ahead.poll().get()) {
                    sha.reset();
                    sha.update(prev);
                    sha.update(p.canonical());
                    byte[] tx = hex.formatHex(sha.digest()).getBytes(StandardCharsets.US_ASCII);
                    AuditHash.Content e = p.content();
                    text.append(e.id()).append('\t').append(e.seq()).append('\t').append(AuditHash.formatTs(e.ts())).append('\t')
                            .append(e.actorUserId() == null ? "\\N" : e.actorUserId().toString()).append('\t').append(e.action()).append('\t')
                            .append(e.objectType()).append('\t').append(e.objectId()).append('\t')
                            .append(e.ventureId() == null ? "\\N" : e.ventureId().toString()).append('\t')
                            .append(e.dataJson()).append('\t') // no tab, newline or backslash in the generated data
                            .append(new String(prev, StandardCharsets.US_ASCII)).append('\t')
                            .append(new String(tx, StandardCharsets.US_ASCII)).append('\n');
                    prev = tx;
                }
                if (text.length() > (6 << 20) || chunk == chunks - 1) {
                    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                    text.setLength(0);
                    writing.get(); // at most one batch in flight besides the one being formatted
                    writing = writer.submit(() -> {
                        copy.writeToCopy(bytes, 0, bytes.length);
                        return null;
                    });
                }
                long done = Math.min(entries, (chunk + 1) * GEN_CHUNK);
                if (done % 1_000_000 == 0) {
                    System.out.printf("  %,d chained and sent (%.0f s)%n", done, seconds(t));
                }
            }
            writing.get();
            copy.endCopy();
            // the first entry's hash, checked against the reference implementation (the fast chaining above must agree)
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT id, ts, actor_user_id, action, object_type, object_id, venture_id, data::text, tx_hash "
                         + "FROM audit_log WHERE seq = 1")) {
                r.next();
                String expected = hash.txHash(AuditHash.GENESIS_HASH, new AuditHash.Content(r.getObject(1, UUID.class), 1,
                        r.getObject(2, OffsetDateTime.class), r.getObject(3, UUID.class), r.getString(4), r.getString(5),
                        r.getObject(6, UUID.class), r.getObject(7, UUID.class), r.getString(8)));
                if (!expected.equals(r.getString(9))) {
                    throw new IllegalStateException("the generated hash of seq 1 differs from AuditHash's");
                }
            }
            double loaded = seconds(t);
            long ti = System.nanoTime();
            try (Statement s = c.createStatement()) {
                for (int i = 1; i < rebuild.size(); i += 2) {
                    s.execute(rebuild.get(i));
                }
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE audit_chain_head SET seq = ?, tx_hash = ?")) {
                p.setLong(1, entries);
                p.setString(2, new String(prev, StandardCharsets.US_ASCII));
                p.executeUpdate();
            }
            c.commit();
            System.out.printf("  COPY of %,d entries (generation overlapped) %.1f s, %d indexes and constraints rebuilt in %.1f s; load average %s%n",
                    entries, loaded, rebuild.size() / 2, seconds(ti), loadAverage());
        } finally {
            pool.shutdownNow();
            writer.shutdownNow();
        }
    }

    /** The entries of seqs first..last with their canonical JSON; a pure function of the seqs. */
    private static List<Pending> pending(long first, long last, List<UUID> actors, List<UUID> ventures) {
        Random random = new Random(42 + first);
        List<Pending> out = new ArrayList<>((int) (last - first + 1));
        for (long seq = first; seq <= last; seq++) {
            UUID id = new UUID(random.nextLong(), random.nextLong());
            OffsetDateTime ts = START.plusNanos(seq * 3_000_000_000L / 1000 * 1000 + (seq % 997) * 1000);
            if (seq % 1_000 == 500) {
                // a long transaction: stamped when it began, sealed 30 entries later, so ts and seq disagree here
                ts = ts.minusSeconds(90);
            }
            UUID actor = seq % 10 == 0 ? null : actors.get((int) (seq % ACTORS));
            boolean equity = seq % 3 == 0;
            String action = equity ? "EQUITY_CHANGE" : "VESTING_CHANGE";
            String objectType = equity ? "equity_ledger" : "vesting_policy";
            UUID objectId = new UUID(random.nextLong(), random.nextLong());
            // nine entries in ten belong to one of the ventures, as an owner's screen would filter them
            UUID venture = seq % 10 == 5 ? null : ventures.get((int) ((seq * 7919) % ventures.size()));
            // keys in RFC 8785 order and spaced as jsonb prints them, so data::text reads back the same
            String afterHolder = Long.toHexString(random.nextLong());
            String beforeHolder = Long.toHexString(random.nextLong());
            String data = "{\"n\": " + seq + ", \"after\": {\"holder\": \"tok_" + afterHolder
                    + "\", \"percent\": \"15.000\"}, \"before\": {\"holder\": \"tok_" + beforeHolder
                    + "\", \"percent\": \"12.500\"}, \"comment\": \"" + FILLER + "\"}";
            AuditHash.Content content = new AuditHash.Content(id, seq, ts, actor, action, objectType, objectId, venture, data);
            // RFC 8785 text written directly (keys sorted, no spaces); every 1,000th is checked against AuditHash's
            // reference canonicalisation (the JCS library), which is what the verifier falls back to
            String canonical = "{\"action\":\"" + action + "\",\"actor_user_id\":" + quoted(actor) + ",\"data\":{\"after\":{\"holder\":\"tok_"
                    + afterHolder + "\",\"percent\":\"15.000\"},\"before\":{\"holder\":\"tok_" + beforeHolder
                    + "\",\"percent\":\"12.500\"},\"comment\":\"" + FILLER + "\",\"n\":" + seq + "},\"id\":\"" + id + "\",\"object_id\":\""
                    + objectId + "\",\"object_type\":\"" + objectType + "\",\"seq\":" + seq + ",\"ts\":\"" + AuditHash.formatTs(ts)
                    + "\",\"venture_id\":" + quoted(venture) + "}";
            if (seq % 1_000 == 1 && !canonical.equals(AuditHash.canonicalJson(content))) {
                throw new IllegalStateException("the generator's canonical JSON of seq " + seq + " differs from AuditHash's:\n"
                        + canonical + "\n" + AuditHash.canonicalJson(content));
            }
            out.add(new Pending(content, canonical.getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    private static List<UUID> ids(BackOfficeDatabase db, String sql) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                ids.add(r.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    private static String quoted(UUID id) {
        return id == null ? "null" : "\"" + id + "\"";
    }

    private static List<UUID> ventures(BackOfficeDatabase db, List<UUID> owners) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (int i = 0; i < VENTURES; i++) {
                try (ResultSet r = s.executeQuery("INSERT INTO ventures (name, region, owner_user_id) VALUES ('Bench venture " + i
                        + "', 'eu', '" + owners.get(i % owners.size()) + "') RETURNING id")) {
                    r.next();
                    ids.add(r.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    private static List<UUID> users(BackOfficeDatabase db) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (int i = 0; i < ACTORS; i++) {
                try (ResultSet r = s.executeQuery("INSERT INTO users (display_name, email) VALUES ('Bench " + i + "', 'bench" + i
                        + "@example.org') RETURNING id")) {
                    r.next();
                    ids.add(r.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    private static String scalar(BackOfficeDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
