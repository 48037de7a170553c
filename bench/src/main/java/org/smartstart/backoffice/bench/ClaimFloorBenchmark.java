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
 * <p>Then our shape again with the least each kind of rule the back office enforces in PostgreSQL costs, one on top
 * of the other ({@link Rules}): row-level security as the app's role with one role check per statement, a KY-3
 * trigger, a foreign key from the claim to the users. A claim that enforces rules in the database cannot cost less
 * than the last of these.
 *
 * <p>Run: {@code mvn -B -o -q -Pbench compile exec:java -Dbench.main=org.smartstart.backoffice.bench.ClaimFloorBenchmark}
 * (argument: claims per thread, default 600; {@code -Dbench.rulesOnly=true}: our shape and the rules only).
 */
public final class ClaimFloorBenchmark {

    private static final int ROWS = 100_000;
    private static final int THREADS = 16;
    /** One claimer per thread, the same in every run (the users and roles tables are filled with them). */
    private static final UUID[] CLAIMERS = new UUID[THREADS];

    static {
        Arrays.setAll(CLAIMERS, t -> new UUID(0, t + 1));
    }

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
                Map<String, Rules> rules = new LinkedHashMap<>();
                if (!Boolean.getBoolean("bench.rulesOnly")) {
                    shapes.put("1 round trip (claim + outbox row in one autocommit statement)", ClaimFloorBenchmark::oneRoundTrip);
                    shapes.put("2 round trips (claim; outbox row + commit)", (c, claimer) -> inTransaction(c, claimer, false, true, Rules.NONE));
                    shapes.put("3 round trips (claim; outbox row; commit)", (c, claimer) -> inTransaction(c, claimer, false, false, Rules.NONE));
                    shapes.put("4 round trips (session look-up; claim; outbox row; commit)", (c, claimer) -> inTransaction(c, claimer, true, false, Rules.NONE));
                }
                // our shape, then the least each kind of rule the back office enforces in PostgreSQL adds to it, one on top of the other
                for (Rules level : Rules.values()) {
                    String name = "3 round trips (session look-up; claim; outbox row + commit)" + level.label;
                    shapes.put(name, (c, claimer) -> inTransaction(c, claimer, true, true, level));
                    rules.put(name, level);
                }
                for (Map.Entry<String, ClaimShape> shape : shapes.entrySet()) {
                    fill(pool, rules.getOrDefault(shape.getKey(), Rules.NONE));
                    register(pool);
                    run(pool, cpu, shape.getValue(), 300, null); // warm-up: JIT, prepared statements, plan caches
                    run(pool, cpu, shape.getValue(), perThread, shape.getKey());
                }
            }
        }
    }

    /**
     * The back office's kinds of rule in PostgreSQL, each in the cheapest form it could take, added one on top of the
     * other: row-level security (the app's role, the acting user in a setting, one policy whose role check is an
     * InitPlan, as V27's), a KY-3 trigger (the claimer is not the document's owner), and a foreign key from the claim
     * to the users. What the claim costs with all three is the least ours can cost here.
     */
    enum Rules {
        NONE(""), ROW_LEVEL_SECURITY(", + row-level security"), TRIGGER(", + row-level security + KY-3 trigger"),
        FOREIGN_KEY(", + row-level security + KY-3 trigger + foreign key");

        final String label;

        Rules(String label) {
            this.label = label;
        }
    }

    private static void fill(HikariDataSource pool, Rules rules) throws Exception {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS docs, outbox, sessions, users, roles");
            s.execute("DROP FUNCTION IF EXISTS floor_is_staff(), floor_ky3()");
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'floor_app') THEN CREATE ROLE floor_app NOLOGIN; END IF; END $$");
            s.execute("CREATE TABLE users (id uuid PRIMARY KEY)");
            s.execute("CREATE TABLE roles (user_id uuid NOT NULL, role text NOT NULL, PRIMARY KEY (user_id, role))");
            s.execute("CREATE TABLE docs (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), owner uuid NOT NULL DEFAULT gen_random_uuid(), "
                    + "status text NOT NULL, submitted_at timestamptz NOT NULL, claimed_by uuid"
                    + (rules.compareTo(Rules.FOREIGN_KEY) >= 0 ? " REFERENCES users (id)" : "")
                    + ", claimed_until timestamptz, version int NOT NULL DEFAULT 0)");
            s.execute("INSERT INTO docs (status, submitted_at) SELECT 'pending', now() - g * interval '2 minute' FROM generate_series(1, " + ROWS + ") g");
            s.execute("CREATE INDEX docs_unclaimed_oldest ON docs (submitted_at, id) WHERE status = 'pending' AND claimed_by IS NULL");
            s.execute("CREATE TABLE outbox (id bigserial PRIMARY KEY, actor uuid NOT NULL, action text NOT NULL, object_id uuid NOT NULL, "
                    + "data jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())");
            s.execute("CREATE TABLE sessions (id uuid PRIMARY KEY, user_id uuid NOT NULL, token_sha256 text NOT NULL, expires_at timestamptz NOT NULL)");
            s.execute("INSERT INTO sessions SELECT gen_random_uuid(), gen_random_uuid(), md5(g::text), now() + interval '1 day' FROM generate_series(1, 1000) g");
            s.execute("GRANT SELECT, UPDATE ON docs TO floor_app; GRANT SELECT ON sessions, users TO floor_app; GRANT INSERT ON outbox TO floor_app; "
                    + "GRANT USAGE ON SEQUENCE outbox_id_seq TO floor_app");
            if (rules.compareTo(Rules.ROW_LEVEL_SECURITY) >= 0) {
                s.execute("CREATE FUNCTION floor_is_staff() RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER "
                        + "SET search_path = pg_catalog, public AS $$ BEGIN RETURN EXISTS (SELECT 1 FROM roles "
                        + "WHERE user_id = nullif(current_setting('app.uid', true), '')::uuid AND role = 'compliance'); END $$");
                s.execute("ALTER TABLE docs ENABLE ROW LEVEL SECURITY");
                s.execute("CREATE POLICY staff_or_owner ON docs TO floor_app "
                        + "USING ((SELECT floor_is_staff()) OR owner = nullif(current_setting('app.uid', true), '')::uuid)");
            }
            if (rules.compareTo(Rules.TRIGGER) >= 0) {
                s.execute("CREATE FUNCTION floor_ky3() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                        + "IF NEW.claimed_by IS NOT NULL AND NEW.claimed_by IS DISTINCT FROM OLD.claimed_by AND NEW.claimed_by = NEW.owner THEN "
                        + "RAISE EXCEPTION 'KY-3: % cannot claim their own document %', NEW.claimed_by, NEW.id; END IF; RETURN NEW; END $$");
                s.execute("CREATE TRIGGER ky3 BEFORE UPDATE ON docs FOR EACH ROW EXECUTE FUNCTION floor_ky3()");
            }
            s.execute("VACUUM ANALYZE docs");
            s.execute("VACUUM ANALYZE sessions");
        }
    }

    /** The claimers exist as users with a global compliance role (read by the row-level security's role check). */
    private static void register(HikariDataSource pool) throws Exception {
        try (Connection c = pool.getConnection(); PreparedStatement u = c.prepareStatement("INSERT INTO users VALUES (?)");
             PreparedStatement r = c.prepareStatement("INSERT INTO roles VALUES (?, 'compliance')")) {
            for (UUID claimer : CLAIMERS) {
                u.setObject(1, claimer);
                u.executeUpdate();
                r.setObject(1, claimer);
                r.executeUpdate();
            }
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

    private static UUID inTransaction(Connection c, UUID claimer, boolean lookUpSession, boolean commitWithOutbox, Rules rules) throws Exception {
        c.setAutoCommit(false);
        try {
            if (lookUpSession && rules != Rules.NONE) {
                // as the back office's ActorLoader: act as the app's role and user, and look the session up, in one round trip
                try (PreparedStatement p = c.prepareStatement("SET LOCAL ROLE floor_app; SELECT set_config('app.uid', ?, true); "
                        + "SELECT user_id FROM sessions WHERE token_sha256 = md5('7') AND expires_at > now()")) {
                    p.setString(1, claimer.toString());
                    p.execute();
                }
            } else if (lookUpSession) {
                try (PreparedStatement p = c.prepareStatement("SELECT user_id FROM sessions WHERE token_sha256 = md5('7') AND expires_at > now()");
                     ResultSet r = p.executeQuery()) {
                    r.next();
                }
            }
            UUID id;
            String head = rules == Rules.NONE ? HEAD : HEAD.replace("WHERE ", "WHERE owner IS DISTINCT FROM ? AND ");
            try (PreparedStatement p = c.prepareStatement("WITH h AS (" + head + ") "
                    + "UPDATE docs d SET claimed_by = ?, claimed_until = ?, version = d.version + 1 FROM h WHERE d.id = h.id RETURNING d.id")) {
                int i = 1;
                if (rules != Rules.NONE) {
                    p.setObject(i++, claimer);
                }
                p.setObject(i++, claimer);
                p.setTimestamp(i, Timestamp.from(Instant.now().plusSeconds(1800)));
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
        ConcurrentClaims.Result r = ConcurrentClaims.run(THREADS, perThread, "claimer", cpu, (thread, i) -> {
            try (Connection c = pool.getConnection()) {
                return shape.claim(c, CLAIMERS[thread]);
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
