package org.smartstart.backoffice.bench;

import org.smartstart.backoffice.domain.identity.ClientInfo;
import org.smartstart.backoffice.domain.identity.SignInResult;
import org.smartstart.backoffice.domain.kyc.Claim;
import org.smartstart.backoffice.domain.kyc.ClaimNext;
import org.smartstart.backoffice.domain.kyc.DocumentKind;
import org.smartstart.backoffice.domain.kyc.KycReview;
import org.smartstart.backoffice.domain.kyc.QueueFilter;
import org.smartstart.backoffice.domain.kyc.QueueOrder;
import org.smartstart.backoffice.domain.kyc.ReviewStatus;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.persistence.db.BackOfficeDatabase;
import org.smartstart.backoffice.persistence.db.DataFolder;
import org.smartstart.backoffice.persistence.db.EmbeddedPostgresServer;
import org.smartstart.backoffice.persistence.demo.DemoDataLoader;
import org.smartstart.backoffice.persistence.usecase.LocalConnector;
import org.smartstart.backoffice.persistence.usecase.LocalServices;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Issue 5 benchmark: the review queue at 100,000 pending documents (half KYC, half KYB). 16 compliance
 * officers press "claim next" at once, over and over, through the local adapter: every claim must hand out
 * a different document (KY-3) and the claim's p95 must stay ≤ 10 ms. Then the queue's first page (50 rows)
 * with each filter the review screen offers must come back in ≤ 50 ms (p95 of repeated reads).
 *
 * <p>Arguments: claims per officer (default 200), after {@code -Dbench.warmup} claims per officer (default 1,000, handed back
 * before the measured runs). Run: {@code mvn -B -o -q -Pbench compile exec:java
 * -Dbench.main=org.smartstart.backoffice.bench.KycQueueBenchmark}.
 */
public final class KycQueueBenchmark {

    private static final int DOCUMENTS = 100_000;
    private static final int APPLICANTS = 5_000;
    private static final int VENTURES = 2_000;
    private static final int OFFICERS = 16;
    private static final int QUEUE_READS = 40;
    private static CpuMeter cpu;
    private static final String DEMO_PASSWORD = "demo-password-2026";

    public static void main(String[] args) throws Exception {
        int claimsPerOfficer = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        // Each officer works in a desktop of their own, with its own connection: one pooled connection per officer
        // here. With fewer, the pool's hand-off decides who waits, and that wait made the p95 (bench/RESULTS.md).
        System.setProperty("backoffice.pool.size", System.getProperty("backoffice.pool.size", String.valueOf(OFFICERS)));
        Path root = Files.createTempDirectory("kyc-queue-bench");
        Map<String, String> config = new LinkedHashMap<>(Map.of("synchronous_commit", "on", "fsync", "on"));
        // -Dbench.pg.commit_delay=100 …: a server setting to compare (durability settings stay as above)
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("bench.pg.")).sorted()
                .forEach(k -> config.put(k.substring("bench.pg.".length()), System.getProperty(k)));
        config.put("synchronous_commit", "on");
        config.put("fsync", "on");
        System.out.printf(Locale.ROOT, "server settings: %s%n", config);
        DataFolder folder = new DataFolder(root);
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(folder, config);
             BackOfficeDatabase db = BackOfficeDatabase.attach(server.settings())) {
            db.migrate();
            DemoDataLoader.load(db);
            long t0 = System.nanoTime();
            fill(db);
            System.out.printf(Locale.ROOT, "Queue filled: %,d pending documents in %.1f s%n", DOCUMENTS, (System.nanoTime() - t0) / 1e9);

            LocalServices services = LocalServices.open(db, Clock.systemUTC());
            LocalConnector local = new LocalConnector(services, () -> { });
            try {
                List<KycReview> officers = new ArrayList<>();
                for (int i = 1; i <= OFFICERS; i++) {
                    SignInResult result = local.signIn("officer" + i + "@bench.example", DEMO_PASSWORD.toCharArray(),
                            new ClientInfo("bench", "KycQueueBenchmark"));
                    if (!(result instanceof SignInResult.SignedIn signedIn)) {
                        throw new IllegalStateException("Cannot sign in officer " + i + ": " + result);
                    }
                    officers.add(local.open(signedIn.session()).kycReview());
                }
                cpu = CpuMeter.forDataFolder(folder.postgresData());
                // warm-up until the JIT and PostgreSQL's plan caches settle: after 20 claims each, a third of the measured
                // run's CPU was still compiling and planning (bench/RESULTS.md, issue 5, fifth round)
                claims(officers, Integer.getInteger("bench.warmup", 1000));
                handBackWarmUpClaims(db);
                holdForExperiments(server);
                for (int claimers : Boolean.getBoolean("bench.skipClaims") ? new int[0]
                        : Arrays.stream(System.getProperty("bench.claimers", "1,4," + OFFICERS).split(",")).mapToInt(Integer::parseInt).toArray()) {
                    if (Boolean.getBoolean("bench.profile")) {
                        sql(db, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset()");
                    }
                    claims(officers.subList(0, claimers), claimers == OFFICERS ? claimsPerOfficer : Math.max(50, claimsPerOfficer * 2 / claimers));
                    System.out.printf(Locale.ROOT, "load average: %s%n", CpuMeter.loadAverage());
                }
                if (Boolean.getBoolean("bench.profile")) {
                    profile(db);
                    explainClaimHeads(db);
                }
                if (System.getProperty("bench.explain") != null) {
                    explainDocTypeFilter(db);
                }
                if (!Boolean.getBoolean("bench.skipPages")) {
                    explainDocTypeFilter(db);
                    queuePages(officers.get(0), officers.get(1), officerId(db, 2));
                    System.out.printf(Locale.ROOT, "load average: %s%n", CpuMeter.loadAverage());
                }
            } finally {
                services.close();
            }
        }
    }

    /**
     * 100,000 pending documents of applicants (ten countries, one of them rare) and draft ventures, risk 1..100,
     * submitted two minutes apart over the last 140 days (so most are overdue, the last three days' are not).
     */
    private static void fill(BackOfficeDatabase db) throws Exception {
        byte[] scan = "bench scan".getBytes(StandardCharsets.UTF_8);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(scan));
        try (Connection c = db.dataSource().getConnection()) {
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO document_blobs (sha256, media_type, bytes) VALUES (?, 'image/png', ?) ON CONFLICT DO NOTHING")) {
                p.setString(1, sha256);
                p.setBytes(2, scan);
                p.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                // Officers sign in with the demo password: copy Grace Okafor's hash (demo data only).
                s.execute("INSERT INTO users (id, display_name, email, kyc_status) "
                        + "SELECT gen_random_uuid(), 'Officer ' || g, 'officer' || g || '@bench.example', 'verified' FROM generate_series(1, " + OFFICERS + ") g");
                s.execute("INSERT INTO user_credentials (user_id, password_hash) SELECT u.id, c.password_hash FROM users u, user_credentials c "
                        + "JOIN users g ON g.id = c.user_id AND g.email = 'grace.okafor@example.com' WHERE u.email LIKE 'officer%@bench.example'");
                s.execute("INSERT INTO role_assignments (user_id, role, scope, reason) SELECT id, 'compliance', 'global', 'benchmark' "
                        + "FROM users WHERE email LIKE 'officer%@bench.example'");
                s.execute("CREATE TEMP TABLE bench_applicants AS SELECT gen_random_uuid() AS id, g AS n FROM generate_series(1, "
                        + APPLICANTS + ") g");
                // nine common countries, and Luxembourg for one applicant in a hundred (a selective country filter)
                s.execute("INSERT INTO users (id, display_name, email, kyc_status, country_code) "
                        + "SELECT id, 'Applicant ' || n, 'applicant' || n || '@bench.example', 'pending', "
                        + "CASE WHEN n % 100 = 0 THEN 'LU' ELSE (ARRAY['DE','FR','IT','ES','NL','PL','PT','IE','AT'])[1 + n % 9] END "
                        + "FROM bench_applicants");
                s.execute("CREATE TEMP TABLE bench_ventures AS SELECT gen_random_uuid() AS id, g AS n FROM generate_series(1, "
                        + VENTURES + ") g");
                s.execute("INSERT INTO ventures (id, name, owner_user_id, status, region) "
                        + "SELECT v.id, 'Bench venture ' || v.n, a.id, 'draft', 'eu' FROM bench_ventures v JOIN bench_applicants a ON a.n = v.n");
                String[] kycTypes = {"passport", "id_card", "drivers_license", "proof_of_address"};
                String[] kybTypes = {"articles_of_inc", "incumbency", "bank_letter", "tax_id"};
                int half = DOCUMENTS / 2;
                s.execute("INSERT INTO kyc_documents (user_id, doc_type, evidence_sha256, media_type, original_filename, risk_score, submitted_at) "
                        + "SELECT a.id, (ARRAY['" + String.join("','", kycTypes) + "'])[1 + g % 4]::kyc_doc_type, '" + sha256
                        + "', 'image/png', 'scan.png', 1 + (g * 37) % 100, now() - g * interval '4 minute' "
                        + "FROM generate_series(1, " + half + ") g JOIN bench_applicants a ON a.n = 1 + g % " + APPLICANTS);
                s.execute("INSERT INTO kyb_documents (venture_id, doc_type, evidence_sha256, media_type, original_filename, risk_score, submitted_at) "
                        + "SELECT v.id, (ARRAY['" + String.join("','", kybTypes) + "'])[1 + g % 4]::kyb_doc_type, '" + sha256
                        + "', 'image/png', 'scan.png', 1 + (g * 53) % 100, now() - g * interval '4 minute' - interval '2 minute' "
                        + "FROM generate_series(1, " + half + ") g JOIN bench_ventures v ON v.n = 1 + g % " + VENTURES);
                s.execute("ANALYZE");
            }
        }
    }

    /** All officers claim the next document at once, {@code perOfficer} times each; no document twice. */
    private static void claims(List<KycReview> officers, int perOfficer) throws Exception {
        ConcurrentClaims.Result r = ConcurrentClaims.run(officers.size(), perOfficer, "officer", cpu, (officer, i) -> {
            // alternate the orders and kinds the screen offers
            ClaimNext request = new ClaimNext(i % 3 == 0 ? null : i % 3 == 1 ? DocumentKind.KYC : DocumentKind.KYB,
                    i % 2 == 0 ? QueueOrder.OLDEST_FIRST : QueueOrder.HIGHEST_RISK_FIRST);
            Outcome<Claim> outcome = officers.get(officer).claimNext(request);
            return outcome.orElseThrow().documentId();
        });
        System.out.printf(Locale.ROOT, "claim next: %d officers × %d claims = %,d claims in %.1f s (%,.0f/s); double claims: %d; "
                        + "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                officers.size(), perOfficer, r.claims(), r.seconds(), r.perSecond(), r.doubles(), r.p(50), r.p(95), r.p(99), r.maxMillis());
        double perClaim = r.cpuPerClaim(0) + r.cpuPerClaim(1) + r.cpuPerClaim(2);
        System.out.printf(Locale.ROOT, "  CPU per claim: benchmark JVM %.3f ms (of which JIT compiler %.3f ms) + PostgreSQL sessions %.3f ms "
                        + "+ PostgreSQL background (WAL writer, checkpointer, autovacuum) %.3f ms = %.3f ms (ceiling on 2 cores if CPU-bound: %,.0f claims/s)%n",
                r.cpuPerClaim(0), r.cpuPerClaim(3), r.cpuPerClaim(1), r.cpuPerClaim(2), perClaim, 2 * 1000.0 / perClaim);
    }

    /**
     * The warm-up's claims handed back (as the system, in SQL) and the tables vacuumed, so that the measured runs and
     * the queue pages see the queue as the earlier rounds did: the pages read the live claims apart, and the warm-up's
     * 16,000 would make them several times the claims the measured runs leave (4,000 at 200 per officer).
     */
    private static void handBackWarmUpClaims(BackOfficeDatabase db) throws Exception {
        sql(db, "UPDATE kyc_documents SET claimed_by = NULL, claimed_until = NULL, version = version + 1 WHERE claimed_by IS NOT NULL");
        sql(db, "UPDATE kyb_documents SET claimed_by = NULL, claimed_until = NULL, version = version + 1 WHERE claimed_by IS NOT NULL");
        sql(db, "VACUUM (ANALYZE) kyc_documents, kyb_documents");
    }

    /**
     * -Dbench.hold=FILE: after the warm-up, keep the filled, warmed database running (its port is printed) until
     * FILE exists, so that statements can be tried against it by hand (psql, pgbench) before the measured runs.
     */
    private static void holdForExperiments(EmbeddedPostgresServer server) throws InterruptedException {
        String release = System.getProperty("bench.hold");
        if (release == null) {
            return;
        }
        System.out.printf(Locale.ROOT, "holding: psql -h localhost -p %d -U postgres postgres; touch %s to go on%n", server.port(), release);
        while (!Files.exists(Path.of(release))) {
            Thread.sleep(1000);
        }
    }

    private static void sql(BackOfficeDatabase db, String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * -Dbench.profile=true with -Dbench.pg.shared_preload_libraries=pg_stat_statements
     * -Dbench.pg.pg_stat_statements.track=all -Dbench.pg.pg_stat_statements.track_planning=on: where the 16 officers'
     * claims spent PostgreSQL's time, statement by statement (nested ones in trigger functions too).
     */
    private static void profile(BackOfficeDatabase db) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery("SELECT calls, round(total_exec_time::numeric, 1), round(total_plan_time::numeric, 1), "
                     + "plans, toplevel, shared_blks_hit + shared_blks_read, wal_records, regexp_replace(left(query, 200), '\\s+', ' ', 'g') "
                     + "FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC LIMIT 30")) {
            System.out.println("profile: calls | exec ms | plan ms | plans | top | blocks | wal records | statement");
            while (r.next()) {
                System.out.printf(Locale.ROOT, "  %6d | %8s | %7s | %6d | %s | %8d | %6d | %s%n", r.getLong(1), r.getString(2), r.getString(3),
                        r.getLong(4), r.getBoolean(5) ? "y" : "n", r.getLong(6), r.getLong(7), r.getString(8));
            }
        }
    }

    /**
     * The heads "claim next" locks (JdbcKycReviewStore.claimNext), prepared with parameters as the driver runs
     * them after five executions, explained as a generic and as a custom plan, as the application role.
     */
    private static void explainClaimHeads(BackOfficeDatabase db) throws Exception {
        String claimable = "FROM kyc_documents d WHERE d.user_id IS DISTINCT FROM $1 AND d.status = 'pending' "
                + "AND d.second_approval_status IS DISTINCT FROM 'awaiting' AND ";
        Map<String, String> heads = new LinkedHashMap<>();
        heads.put("unclaimed, oldest", "SELECT d.id " + claimable + "d.claimed_by IS NULL AND $2::timestamptz IS NOT NULL "
                + "ORDER BY d.submitted_at, d.id LIMIT 1 FOR UPDATE OF d SKIP LOCKED");
        heads.put("expired, oldest", "SELECT d.id " + claimable + "d.claimed_by IS NOT NULL AND d.claimed_until <= $2 "
                + "ORDER BY d.submitted_at, d.id LIMIT 1 FOR UPDATE OF d SKIP LOCKED");
        heads.put("expired, riskiest", "SELECT d.id " + claimable + "d.claimed_by IS NOT NULL AND d.claimed_until <= $2 "
                + "ORDER BY d.risk_score DESC, d.submitted_at, d.id LIMIT 1 FOR UPDATE OF d SKIP LOCKED");
        UUID officer = officerId(db, 1);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET LOCAL ROLE backoffice_app");
            s.execute("SELECT set_config('app.current_user_id', '" + officer + "', true)");
            int n = 0;
            for (Map.Entry<String, String> head : heads.entrySet()) {
                String name = "h" + n++;
                s.execute("PREPARE " + name + "(uuid, timestamptz) AS " + head.getValue());
                for (String mode : List.of("force_generic_plan", "force_custom_plan")) {
                    s.execute("SET LOCAL plan_cache_mode = " + mode);
                    System.out.println("explain head " + head.getKey() + ", " + mode + ":");
                    try (java.sql.ResultSet r = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE " + name + "('" + officer + "', now())")) {
                        while (r.next()) {
                            System.out.println("    " + r.getString(1));
                        }
                    }
                }
            }
            c.rollback();
        }
    }

    private static UUID officerId(BackOfficeDatabase db, int n) throws Exception {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement p = c.prepareStatement("SELECT id FROM users WHERE email = ?")) {
            p.setString(1, "officer" + n + "@bench.example");
            try (java.sql.ResultSet r = p.executeQuery()) {
                r.next();
                return r.getObject(1, UUID.class);
            }
        }
    }

    /**
     * The document-type filter's outliers, reproduced: the old condition ({@code doc_type::text = $1}) and the new one
     * ({@code doc_type = $1::kyc_doc_type}) as a generic plan (what a server-side prepared statement may settle on)
     * and as a custom plan, as the application role with an officer acting (row-level security on).
     */
    private static void explainDocTypeFilter(BackOfficeDatabase db) throws Exception {
        String select = "SELECT d.id FROM kyc_documents d LEFT JOIN users u ON u.id = d.user_id "
                + "WHERE d.status = 'pending' AND d.second_approval_status IS DISTINCT FROM 'awaiting' AND %s "
                + "ORDER BY d.risk_score DESC, d.submitted_at, d.id LIMIT 51";
        Map<String, String> conditions = new LinkedHashMap<>();
        conditions.put("doc_type::text = $1", "d.doc_type::text = $1");
        conditions.put("doc_type = $1::kyc_doc_type", "d.doc_type = $1::kyc_doc_type");
        UUID officer = officerId(db, 1);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET LOCAL ROLE backoffice_app");
            s.execute("SELECT set_config('app.current_user_id', '" + officer + "', true)");
            int n = 0;
            for (Map.Entry<String, String> condition : conditions.entrySet()) {
                String name = "q" + n++;
                s.execute("PREPARE " + name + "(text) AS " + String.format(Locale.ROOT, select, condition.getValue()));
                for (String mode : List.of("force_generic_plan", "force_custom_plan")) {
                    s.execute("SET LOCAL plan_cache_mode = " + mode);
                    StringBuilder plan = new StringBuilder();
                    try (java.sql.ResultSet r = s.executeQuery("EXPLAIN (ANALYZE, COSTS OFF) EXECUTE " + name + "('passport')")) {
                        while (r.next()) {
                            plan.append(r.getString(1)).append('\n');
                        }
                    }
                    String text = plan.toString();
                    String time = text.lines().filter(l -> l.startsWith("Execution Time")).findFirst().orElse("?");
                    String scan = text.lines().filter(l -> l.contains("Index Scan") || l.contains("Seq Scan") || l.contains("Bitmap"))
                            .map(String::strip).findFirst().orElse("?");
                    System.out.printf(Locale.ROOT, "explain %-30s %-19s %s; first scan: %s%n", condition.getKey(), mode, time, scan);
                    if (System.getProperty("bench.plans") != null) {
                        System.out.println(text);
                    }
                }
                s.execute("DEALLOCATE " + name);
            }
            if (System.getProperty("bench.explain") != null) {
                // -Dbench.explain="SELECT …": one more statement of the queue, planned and run the same way
                // several statements separated by ";;", each explained in turn (the officer acting)
                for (String statement : System.getProperty("bench.explain").split(";;")) {
                    System.out.println("explain: " + statement.strip());
                    try (java.sql.ResultSet r = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + statement)) {
                        while (r.next()) {
                            System.out.println(r.getString(1));
                        }
                    }
                }
            }
            c.rollback();
        }
    }

    /** The first page of the queue with each filter of the review screen, read repeatedly. */
    private static void queuePages(KycReview officer, KycReview colleague, UUID colleagueId) {
        Map<String, QueueFilter> filters = new LinkedHashMap<>();
        filters.put("pending, oldest first (default)", QueueFilter.pending());
        filters.put("pending, highest risk first", QueueFilter.pending().withOrder(QueueOrder.HIGHEST_RISK_FIRST));
        filters.put("pending, due first", QueueFilter.pending().withOrder(QueueOrder.DUE_FIRST));
        filters.put("KYC pending", QueueFilter.pending().withKind(DocumentKind.KYC));
        filters.put("KYB pending, highest risk", QueueFilter.pending().withKind(DocumentKind.KYB).withOrder(QueueOrder.HIGHEST_RISK_FIRST));
        filters.put("passport pending", QueueFilter.pending().withDocType("passport"));
        filters.put("tax_id pending, highest risk", QueueFilter.pending().withDocType("tax_id").withOrder(QueueOrder.HIGHEST_RISK_FIRST));
        filters.put("passport pending, due first", QueueFilter.pending().withDocType("passport").withOrder(QueueOrder.DUE_FIRST));
        filters.put("country DE", QueueFilter.pending().withCountry("DE"));
        filters.put("country LU (1% of applicants)", QueueFilter.pending().withCountry("LU"));
        filters.put("country LU, highest risk", QueueFilter.pending().withCountry("LU").withOrder(QueueOrder.HIGHEST_RISK_FIRST));
        filters.put("passport, country FR", QueueFilter.pending().withDocType("passport").withCountry("FR"));
        filters.put("risk 90-100", QueueFilter.pending().withRisk(90, 100));
        filters.put("risk 40-60, highest risk", QueueFilter.pending().withRisk(40, 60).withOrder(QueueOrder.HIGHEST_RISK_FIRST));
        filters.put("risk 100-100, due first", QueueFilter.pending().withRisk(100, 100).withOrder(QueueOrder.DUE_FIRST));
        filters.put("older than 30 days", QueueFilter.pending().withMinAgeDays(30));
        filters.put("older than 130 days, due first", QueueFilter.pending().withMinAgeDays(130).withOrder(QueueOrder.DUE_FIRST));
        filters.put("overdue, due first", QueueFilter.pending().withOverdue(true).withOrder(QueueOrder.DUE_FIRST));
        filters.put("overdue, highest risk", QueueFilter.pending().withOverdue(true).withOrder(QueueOrder.HIGHEST_RISK_FIRST));
        filters.put("assignee: a colleague", QueueFilter.any().withAssignee(colleagueId));
        filters.put("my claims", QueueFilter.any().withMine(true));
        filters.put("awaiting second approval", QueueFilter.any().withStatus(ReviewStatus.AWAITING_SECOND_APPROVAL));
        filters.put("verified", QueueFilter.any().withStatus(ReviewStatus.VERIFIED));
        filters.put("any status", QueueFilter.any());
        filters.put("any status, highest risk", QueueFilter.any().withOrder(QueueOrder.HIGHEST_RISK_FIRST));
        filters.put("any status, due first", QueueFilter.any().withOrder(QueueOrder.DUE_FIRST));
        for (Map.Entry<String, QueueFilter> filter : filters.entrySet()) {
            officer.queue(filter.getValue()).orElseThrow(); // warm-up
            long[] latencies = new long[QUEUE_READS];
            int rows = 0;
            for (int i = 0; i < QUEUE_READS; i++) {
                long begin = System.nanoTime();
                rows = officer.queue(filter.getValue()).orElseThrow().items().size();
                latencies[i] = System.nanoTime() - begin;
            }
            Arrays.sort(latencies);
            System.out.printf(Locale.ROOT, "queue page %-34s %3d rows: p50 %6.2f ms, p95 %6.2f ms, max %6.2f ms%n",
                    filter.getKey(), rows, CpuMeter.millis(latencies, 50), CpuMeter.millis(latencies, 95), latencies[latencies.length - 1] / 1e6);
        }
        // the counts the queue screen shows beside the page, read as often as a page
        officer.counts().orElseThrow(); // warm-up
        long[] latencies = new long[QUEUE_READS];
        for (int i = 0; i < QUEUE_READS; i++) {
            long begin = System.nanoTime();
            officer.counts().orElseThrow();
            latencies[i] = System.nanoTime() - begin;
        }
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "queue page %-34s %3s     : p50 %6.2f ms, p95 %6.2f ms, max %6.2f ms (%s)%n", "counts per status", "",
                CpuMeter.millis(latencies, 50), CpuMeter.millis(latencies, 95), latencies[latencies.length - 1] / 1e6, officer.counts().orElseThrow());
    }
}
