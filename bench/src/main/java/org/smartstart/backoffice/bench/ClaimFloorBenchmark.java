package org.smartstart.backoffice.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.smartstart.backoffice.persistence.db.DataFolder;
import org.smartstart.backoffice.persistence.db.EmbeddedPostgresServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The floor under issue 5's claim target on this machine: the least a durable claim can cost when 16 threads
 * claim at once over JDBC from the same 2 cores, with none of the back office's rules, row-level security,
 * triggers or use-case code. One bare table of 100,000 pending rows with a partial index of the unclaimed ones;
 * a claim takes the oldest unclaimed row (FOR UPDATE SKIP LOCKED), marks it and writes one outbox row, committed
 * with fsync as the back office does. Measured in the shapes a use case can take:
 * <ol>
 *   <li>one statement in autocommit: one round trip, the commit included;</li>
 *   <li>the claim; the outbox row sent with the COMMIT: two round trips;</li>
 *   <li>the claim, the outbox row, the commit: three round trips;</li>
 *   <li>a session look-up first, as every use case does: three round trips with the COMMIT sent with the outbox row (the
 *       back office's shape since 2026-12-02), four without.</li>
 * </ol>
 * If even (1) misses p95 ≤ 10 ms at 16 claimers, no code of ours can meet it here.
 *
 * <p>Run: {@code mvn -B -o -q -Pbench compile exec:java -Dbench.main=org.smartstart.backoffice.bench.ClaimFloorBenchmark}
 * (argument: claims per thread, default 600).
 */
public final class ClaimFloorBenchmark {

    private static final int ROWS = 100_000;
    private static final int THREADS = 16;

    private interface ClaimShape {
        UUID claim(Connection c, UUID claimer) throws Exception;
    }

    private static final String HEAD = "SELECT id FROM docs WHERE status = 'pending' AND claimed_by IS NULL "
            + "ORDER BY submitted_at, id LIMIT 1 FOR UPDATE SKIP LOCKED";

    public static void main(String[] args) throws Exception {
        int perThread = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        Path root = Files.createTempDirectory("claim-floor-bench");
        DataFolder folder = new DataFolder(root);
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(folder, Map.of("synchronous_commit", "on", "fsync", "on"))) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(server.settings().url().orElseThrow());
            config.setUsername(server.settings().user());
            config.setPassword(server.settings().password());
            config.setMaximumPoolSize(THREADS);
            config.setAutoCommit(true);
            try (HikariDataSource pool = new HikariDataSource(config)) {
                CpuMeter cpu = CpuMeter.forDataFolder(folder.postgresData());
                Map<String, ClaimShape> shapes = new LinkedHashMap<>();
                shapes.put("1 round trip (claim + outbox row in one autocommit statement)", ClaimFloorBenchmark::oneRoundTrip);
                shapes.put("2 round trips (claim; outbox row + commit)", (c, claimer) -> inTransaction(c, claimer, false, true));
                shapes.put("3 round trips (claim; outbox row; commit)", (c, claimer) -> inTransaction(c, claimer, false, false));
                shapes.put("3 round trips (session look-up; claim; outbox row + commit)", (c, claimer) -> inTransaction(c, claimer, true, true));
                shapes.put("4 round trips (session look-up; claim; outbox row; commit)", (c, claimer) -> inTransaction(c, claimer, true, false));
                for (Map.Entry<String, ClaimShape> shape : shapes.entrySet()) {
                    fill(pool);
                    run(pool, cpu, shape.getValue(), 300, null); // warm-up: JIT, prepared statements, plan caches
                    run(pool, cpu, shape.getValue(), perThread, shape.getKey());
                }
            }
        }
    }

    private static void fill(HikariDataSource pool) throws Exception {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS docs, outbox, sessions");
            s.execute("CREATE TABLE docs (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), status text NOT NULL, "
                    + "submitted_at timestamptz NOT NULL, claimed_by uuid, claimed_until timestamptz, version int NOT NULL DEFAULT 0)");
            s.execute("INSERT INTO docs (status, submitted_at) SELECT 'pending', now() - g * interval '2 minute' FROM generate_series(1, " + ROWS + ") g");
            s.execute("CREATE INDEX docs_unclaimed_oldest ON docs (submitted_at, id) WHERE status = 'pending' AND claimed_by IS NULL");
            s.execute("CREATE TABLE outbox (id bigserial PRIMARY KEY, actor uuid NOT NULL, action text NOT NULL, object_id uuid NOT NULL, "
                    + "data jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())");
            s.execute("CREATE TABLE sessions (id uuid PRIMARY KEY, user_id uuid NOT NULL, token_sha256 text NOT NULL, expires_at timestamptz NOT NULL)");
            s.execute("INSERT INTO sessions SELECT gen_random_uuid(), gen_random_uuid(), md5(g::text), now() + interval '1 day' FROM generate_series(1, 1000) g");
            s.execute("VACUUM ANALYZE docs");
            s.execute("VACUUM ANALYZE sessions");
        }
    }

    private static UUID oneRoundTrip(Connection c, UUID claimer) throws Exception {
        try (PreparedStatement p = c.prepareStatement("WITH h AS (" + HEAD + "), "
                + "c AS (UPDATE docs d SET claimed_by = ?, claimed_until = ?, version = d.version + 1 FROM h WHERE d.id = h.id RETURNING d.id) "
                + "INSERT INTO outbox (actor, action, object_id, data) SELECT ?, 'KYC_CLAIMED', c.id, jsonb_build_object('how', 'next') FROM c "
                + "RETURNING object_id")) {
            p.setObject(1, claimer);
            p.setTimestamp(2, Timestamp.from(Instant.now().plusSeconds(1800)));
            p.setObject(3, claimer);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getObject(1, UUID.class) : null;
            }
        }
    }

    private static UUID inTransaction(Connection c, UUID claimer, boolean lookUpSession, boolean commitWithOutbox) throws Exception {
        c.setAutoCommit(false);
        try {
            if (lookUpSession) {
                try (PreparedStatement p = c.prepareStatement("SELECT user_id FROM sessions WHERE token_sha256 = md5('7') AND expires_at > now()");
                     ResultSet r = p.executeQuery()) {
                    r.next();
                }
            }
            UUID id;
            try (PreparedStatement p = c.prepareStatement("WITH h AS (" + HEAD + ") "
                    + "UPDATE docs d SET claimed_by = ?, claimed_until = ?, version = d.version + 1 FROM h WHERE d.id = h.id RETURNING d.id")) {
                p.setObject(1, claimer);
                p.setTimestamp(2, Timestamp.from(Instant.now().plusSeconds(1800)));
                try (ResultSet r = p.executeQuery()) {
                    id = r.next() ? r.getObject(1, UUID.class) : null;
                }
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO outbox (actor, action, object_id, data) VALUES (?, 'KYC_CLAIMED', ?, ?::jsonb)" + (commitWithOutbox ? "; COMMIT" : ""))) {
                p.setObject(1, claimer);
                p.setObject(2, id);
                p.setString(3, "{\"how\":\"next\"}");
                p.execute();
            }
            c.commit();
            return id;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static void run(HikariDataSource pool, CpuMeter cpu, ClaimShape shape, int perThread, String name) throws Exception {
        UUID[] claimers = new UUID[THREADS];
        Arrays.setAll(claimers, t -> UUID.randomUUID());
        ConcurrentClaims.Result r = ConcurrentClaims.run(THREADS, perThread, "claimer", cpu, (thread, i) -> {
            try (Connection c = pool.getConnection()) {
                return shape.claim(c, claimers[thread]);
            }
        });
        if (r.doubles() > 0) {
            throw new IllegalStateException(r.doubles() + " rows were claimed twice");
        }
        if (name == null) {
            return;
        }
        System.out.printf(Locale.ROOT, "floor, %s: %d threads × %d = %,d claims in %.1f s (%,.0f/s); p50 %.2f ms, p95 %.2f ms, p99 %.2f ms; "
                        + "CPU per claim: JVM %.3f + PostgreSQL %.3f + background %.3f ms; load %s%n",
                name, THREADS, perThread, r.claims(), r.seconds(), r.perSecond(), r.p(50), r.p(95), r.p(99),
                r.cpuPerClaim(0), r.cpuPerClaim(1), r.cpuPerClaim(2), CpuMeter.loadAverage());
    }
}
