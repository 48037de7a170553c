package org.smartstart.backoffice.bench;

import org.smartstart.backoffice.domain.captable.CapTable;
import org.smartstart.backoffice.domain.captable.CapTableChange;
import org.smartstart.backoffice.domain.captable.CapTableEdits;
import org.smartstart.backoffice.domain.captable.CapTablePolicy;
import org.smartstart.backoffice.domain.captable.CapTables;
import org.smartstart.backoffice.domain.captable.Holder;
import org.smartstart.backoffice.domain.captable.LedgerEdit;
import org.smartstart.backoffice.domain.captable.LedgerRow;
import org.smartstart.backoffice.domain.captable.VentureFacts;
import org.smartstart.backoffice.domain.identity.ClientInfo;
import org.smartstart.backoffice.domain.identity.SignInResult;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Rejection;
import org.smartstart.backoffice.persistence.db.BackOfficeDatabase;
import org.smartstart.backoffice.persistence.db.DataFolder;
import org.smartstart.backoffice.persistence.db.EmbeddedPostgresServer;
import org.smartstart.backoffice.persistence.demo.DemoDataLoader;
import org.smartstart.backoffice.persistence.usecase.LocalConnector;
import org.smartstart.backoffice.persistence.usecase.LocalServices;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Issue 4 benchmark: one venture whose ledger has 10,000 rows and 500 holders (the owner, the platform and
 * 498 people, a fifth of them vesting), built as 4,750 transfers of 0.010% on 950 change dates over eight
 * years. Through the local adapter, signed in as the owner:
 * <ul>
 *   <li>the cap table as of a random date (the screen's date picker), target ≤ 10 ms;</li>
 *   <li>validating a draft against every affected date, as the screen's live preview does on each edit
 *       (apply the edits, EQ-5/EQ-7 on the edits, EQ-1..EQ-4 on every date of the resulting ledger, the
 *       draft's cap table on the shown date): a transfer today and a backdated correction four years ago,
 *       target ≤ 50 ms;</li>
 *   <li>saving a transfer (the whole use case: lock, re-read, revision check, rules, writes, audit entry,
 *       the database's commit-time EQ-1..EQ-3 check), target p95 ≤ 50 ms.</li>
 * </ul>
 * Arguments: repetitions per measurement (default 200). Run: {@code mvn -B -o -q -Pbench compile exec:java
 * -Dbench.main=org.smartstart.backoffice.bench.CapTableBenchmark}.
 */
public final class CapTableBenchmark {

    static final int PEOPLE = 498;              // + the owner + the platform = 500 holders
    static final int TRANSFERS = 4_750;         // 500 first rows + 2 × 4,750 = 10,000 rows
    static final int TRANSFERS_PER_DATE = 5;
    static final LocalDate FIRST = LocalDate.parse("2018-01-01");
    static final BigDecimal STEP = new BigDecimal("0.010");
    private static final String DEMO_PASSWORD = "demo-password-2026";

    public static void main(String[] args) throws Exception {
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path root = Files.createTempDirectory("cap-table-bench");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(new DataFolder(root),
                Map.of("synchronous_commit", "on", "fsync", "on"));
             BackOfficeDatabase db = BackOfficeDatabase.attach(server.settings())) {
            db.migrate();
            DemoDataLoader.load(db);
            long t0 = System.nanoTime();
            Fill fill = fill(db);
            System.out.printf(Locale.ROOT, "Ledger filled: %,d rows, %d holders, %d change dates (%s .. %s) in %.1f s%n",
                    fill.rows(), PEOPLE + 2, fill.dates(), FIRST, fill.lastDate(), (System.nanoTime() - t0) / 1e9);

            explain(db, fill);

            LocalServices services = LocalServices.open(db, Clock.systemUTC());
            LocalConnector local = new LocalConnector(services, () -> { });
            try {
                SignInResult result = local.signIn("bench.owner@bench.example", DEMO_PASSWORD.toCharArray(),
                        new ClientInfo("bench", "CapTableBenchmark"));
                if (!(result instanceof SignInResult.SignedIn signedIn)) {
                    throw new IllegalStateException("Cannot sign in the owner: " + result);
                }
                CapTables capTables = local.open(signedIn.session()).capTables();
                capTableOn(capTables, fill, 50, "warm-up: JIT, connection pool");
                capTableOn(capTables, fill, repetitions, "measured");
                oneReadVersusSeparateReads(services, signedIn.session(), capTables, fill, repetitions);
                validate(capTables, fill, 20);
                validate(capTables, fill, repetitions);
                save(capTables, fill, 20, "warm-up");
                save(capTables, fill, repetitions, "measured");
            } finally {
                services.close();
            }
        }
    }

    record Fill(UUID venture, UUID owner, List<UUID> people, int rows, int dates, LocalDate lastDate) {
    }

    /** The ledger, written in one transaction as the system (the rules' triggers still check it at commit). */
    private static Fill fill(BackOfficeDatabase db) throws Exception {
        UUID owner = UUID.randomUUID();
        UUID venture = UUID.randomUUID();
        UUID policy = UUID.randomUUID();
        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            people.add(UUID.randomUUID());
        }
        record Open(UUID id, Holder holder, BigDecimal percent, LocalDate from, UUID policy) {
        }
        List<Object[]> rows = new ArrayList<>();
        Map<Holder, Open> open = new HashMap<>();
        Map<Holder, BigDecimal> stake = new HashMap<>();
        Instant created = FIRST.atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(86_400);
        // The first cap table: platform 10.000, 498 people × 0.060 (29.880), the owner 60.120.
        List<Holder> all = new ArrayList<>();
        all.add(Holder.alice());
        all.add(Holder.user(owner));
        people.forEach(p -> all.add(Holder.user(p)));
        for (Holder h : all) {
            BigDecimal pct = h.platform() ? new BigDecimal("10.000") : h.userId().equals(owner) ? new BigDecimal("60.120") : new BigDecimal("0.060");
            UUID vesting = !h.platform() && !h.userId().equals(owner) && people.indexOf(h.userId()) % 5 == 0 ? policy : null;
            open.put(h, new Open(UUID.randomUUID(), h, pct, FIRST, vesting));
            stake.put(h, pct);
        }
        Random random = new Random(4);
        LocalDate day = FIRST;
        int dates = 0;
        for (int t = 0; t < TRANSFERS; ) {
            day = day.plusDays(3);
            dates++;
            created = day.atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(3_600);
            Set<UUID> busy = new LinkedHashSet<>();
            for (int k = 0; k < TRANSFERS_PER_DATE && t < TRANSFERS; k++, t++) {
                UUID from;
                UUID to;
                do {
                    from = people.get(random.nextInt(PEOPLE));
                } while (busy.contains(from) || stake.get(Holder.user(from)).compareTo(STEP.add(STEP)) < 0);
                busy.add(from);
                do {
                    to = people.get(random.nextInt(PEOPLE));
                } while (busy.contains(to));
                busy.add(to);
                for (Object[] change : new Object[][] {{from, STEP.negate()}, {to, STEP}}) {
                    Holder h = Holder.user((UUID) change[0]);
                    Open was = open.get(h);
                    rows.add(row(was.id(), was.holder(), was.percent(), was.from(), day.minusDays(1), was.policy(), created, owner));
                    BigDecimal now = stake.get(h).add((BigDecimal) change[1]);
                    stake.put(h, now);
                    open.put(h, new Open(UUID.randomUUID(), h, now, day, was.policy()));
                }
            }
        }
        for (Open o : open.values()) {
            rows.add(row(o.id(), o.holder(), o.percent(), o.from(), null, o.policy(), created, owner));
        }
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO users (id, display_name, email, kyc_status) VALUES ('" + owner
                        + "', 'Bench Owner', 'bench.owner@bench.example', 'verified')");
                s.execute("INSERT INTO user_credentials (user_id, password_hash) SELECT '" + owner + "', c.password_hash FROM user_credentials c "
                        + "JOIN users g ON g.id = c.user_id AND g.email = 'grace.okafor@example.com'");
                s.execute("INSERT INTO users (id, display_name, email, kyc_status) SELECT id, 'Holder ' || n, 'holder' || n || '@bench.example', "
                        + "'verified' FROM unnest(ARRAY['" + String.join("','", people.stream().map(UUID::toString).toList())
                        + "']::uuid[]) WITH ORDINALITY AS p(id, n)");
                s.execute("INSERT INTO ventures (id, name, owner_user_id, status, region, alice_equity_cap) VALUES ('" + venture
                        + "', 'Bench Cap Table', '" + owner + "', 'draft', 'eu', 15.000)");
                s.execute("INSERT INTO vesting_policies (id, name, cliff_months, duration_months, frequency) VALUES ('" + policy
                        + "', 'Bench 4y/1y', 12, 48, 'monthly')");
            }
            try (PreparedStatement p = c.prepareStatement("""
                    INSERT INTO equity_ledger (id, venture_id, holder_type, holder_id, percent, vesting_policy_id,
                                               effective_from, effective_to, created_at, created_by)
                    VALUES (?, ?, ?::holder_type, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (Object[] r : rows) {
                    p.setObject(1, r[0], Types.OTHER);
                    p.setObject(2, venture, Types.OTHER);
                    p.setString(3, (String) r[1]);
                    p.setObject(4, r[2], Types.OTHER);
                    p.setBigDecimal(5, (BigDecimal) r[3]);
                    p.setObject(6, r[4], Types.OTHER);
                    p.setObject(7, r[5]);
                    p.setObject(8, r[6], Types.DATE);
                    p.setTimestamp(9, Timestamp.from((Instant) r[7]));
                    p.setObject(10, r[8], Types.OTHER);
                    p.addBatch();
                }
                p.executeBatch();
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                s.execute("ANALYZE");
            }
        }
        return new Fill(venture, owner, people, rows.size(), dates + 1, day);
    }

    /**
     * The plans of a one-date read as the app runs it: as backoffice_app acting as the owner, the function
     * (SECURITY DEFINER) and, with the same filter, the query inside it on a date in the middle of the history.
     */
    private static void explain(BackOfficeDatabase db, Fill fill) throws Exception {
        LocalDate day = FIRST.plusDays((fill.lastDate().toEpochDay() - FIRST.toEpochDay()) / 2);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET LOCAL ROLE backoffice_app");
            s.execute("SELECT set_config('app.current_user_id', '" + fill.owner() + "', true)");
            for (String query : List.of(
                    "SELECT * FROM cap_table_rows_on('" + fill.venture() + "', DATE '" + day + "')",
                    "SELECT * FROM cap_table_digest('" + fill.venture() + "')",
                    "SELECT * FROM cap_table_of_day('" + fill.venture() + "', DATE '" + day + "')")) {
                // The first call of a run is cold (plans, caches); the third is what a read of the screen meets.
                for (int i = 0; i < 2; i++) {
                    print(s, "EXPLAIN (ANALYZE, COSTS OFF) " + query, false);
                }
                System.out.println("EXPLAIN (ANALYZE) as backoffice_app, third call: " + query);
                print(s, "EXPLAIN (ANALYZE, COSTS OFF) " + query);
            }
            nestedPlans(s, fill, day);
            s.execute("RESET ROLE");
            // What the function runs (as its owner, SECURITY DEFINER): the GiST span index, not a walk of the ledger.
            String inner = "SELECT l.id FROM equity_ledger l WHERE l.venture_id = '" + fill.venture()
                    + "' AND daterange(l.effective_from, l.effective_to, '[]') @> DATE '" + day + "'";
            System.out.println("EXPLAIN (ANALYZE) inside cap_table_rows_on: " + inner);
            print(s, "EXPLAIN (ANALYZE, COSTS OFF) " + inner);
            c.rollback();
        }
    }

    /**
     * The plans of the statements inside cap_table_of_day (a PL/pgSQL function shows only as a Function Scan):
     * auto_explain, sent to this client as notices, on the fourth call of the session.
     */
    private static void nestedPlans(Statement s, Fill fill, LocalDate day) throws Exception {
        try {
            s.execute("SAVEPOINT plans");
            s.execute("RESET ROLE");
            s.execute("LOAD 'auto_explain'");
            s.execute("SET LOCAL auto_explain.log_min_duration = 0");
            s.execute("SET LOCAL auto_explain.log_nested_statements = on");
            s.execute("SET LOCAL auto_explain.log_analyze = on");
            s.execute("SET LOCAL auto_explain.log_timing = on");
            s.execute("SET LOCAL auto_explain.log_level = notice");
            s.execute("SET LOCAL ROLE backoffice_app");
            s.clearWarnings();
            s.executeQuery("SELECT count(*) FROM cap_table_of_day('" + fill.venture() + "', DATE '" + day + "')").close();
            System.out.println("Inside cap_table_of_day (auto_explain, fourth call):");
            for (java.sql.SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
                for (String line : w.getMessage().split("\n")) {
                    System.out.println("    " + line);
                }
            }
        } catch (java.sql.SQLException e) {
            System.out.println("No plans from inside cap_table_of_day: " + e.getMessage());
        }
        // Undoes the settings (auto_explain stays loaded but logs nothing) and the role change with them.
        s.execute("ROLLBACK TO SAVEPOINT plans");
        s.execute("SET LOCAL ROLE backoffice_app");
    }

    private static void print(Statement s, String sql) throws Exception {
        print(s, sql, true);
    }

    private static void print(Statement s, String sql, boolean show) throws Exception {
        try (java.sql.ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                if (show) {
                    System.out.println("    " + r.getString(1));
                }
            }
        }
    }

    private static Object[] row(UUID id, Holder h, BigDecimal pct, LocalDate from, LocalDate to, UUID policy, Instant created, UUID by) {
        return new Object[] {id, h.type().code(), h.userId(), pct, policy, from, to, created, by};
    }

    /** The cap table on random dates of the history and after it. */
    private static void capTableOn(CapTables capTables, Fill fill, int n, String what) {
        Random random = new Random(n);
        long days = fill.lastDate().toEpochDay() - FIRST.toEpochDay() + 400;
        long[] latencies = new long[n];
        int holders = 0;
        for (int i = 0; i < n; i++) {
            LocalDate day = FIRST.plusDays(random.nextLong(days));
            long begin = System.nanoTime();
            CapTable table = capTables.capTableOn(fill.venture(), day).orElseThrow();
            latencies[i] = System.nanoTime() - begin;
            holders = Math.max(holders, table.holders().size());
        }
        report("cap table as of a date (" + holders + " holders at most), " + what, latencies, 10);
    }

    /**
     * The one-statement read (cap_table_of_day, V30) and the five separate statements it replaced (the venture
     * and its holds, the date's rows, the digest, names, policies — as the use case read them before), alternately
     * on the same dates in the same run, so a shared machine's load falls on both alike. Both answers must be
     * the same cap table, on every date.
     */
    private static void oneReadVersusSeparateReads(LocalServices services, org.smartstart.backoffice.domain.identity.Session session,
                                                   CapTables capTables, Fill fill, int n) {
        Random random = new Random(n + 1);
        long days = fill.lastDate().toEpochDay() - FIRST.toEpochDay() + 400;
        long[] oneRead = new long[n];
        long[] separate = new long[n];
        for (int i = 0; i < n; i++) {
            LocalDate day = FIRST.plusDays(random.nextLong(days));
            CapTable viaOneRead = null;
            CapTable viaSeparateReads = null;
            for (boolean one : i % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                long begin = System.nanoTime();
                if (one) {
                    viaOneRead = capTables.capTableOn(fill.venture(), day).orElseThrow();
                    oneRead[i] = System.nanoTime() - begin;
                } else {
                    viaSeparateReads = services.useCases().query(session, (actor, tx) -> {
                        var store = new org.smartstart.backoffice.persistence.captable.JdbcCapTableStore(tx.connection());
                        VentureFacts venture = store.venture(fill.venture()).orElseThrow();
                        List<LedgerRow> rows = store.ledgerOn(fill.venture(), day);
                        var digest = store.ledgerDigest(fill.venture());
                        Set<UUID> users = new java.util.HashSet<>();
                        Set<UUID> policies = new java.util.HashSet<>();
                        users.add(venture.ownerUserId());
                        for (LedgerRow r : rows) {
                            if (r.holder().userId() != null) {
                                users.add(r.holder().userId());
                            }
                            if (r.createdBy() != null) {
                                users.add(r.createdBy());
                            }
                            if (r.vestingPolicyId() != null) {
                                policies.add(r.vestingPolicyId());
                            }
                        }
                        return Outcome.done(CapTable.on(venture, rows, store.names(users), store.vestingPolicies(policies), day,
                                digest.changeDates(), digest.revision()));
                    }).orElseThrow();
                    separate[i] = System.nanoTime() - begin;
                }
            }
            if (!viaOneRead.equals(viaSeparateReads)) {
                throw new IllegalStateException("The one read and the separate reads differ on " + day);
            }
        }
        System.out.printf(Locale.ROOT, "one read and separate reads: the same cap table on all %d dates%n", n);
        report("cap table as of a date, one read (V30), alternating", oneRead, 10);
        report("cap table as of a date, five separate reads as before, alternating", separate, 10);
    }

    /** The screen's live preview of a draft, on the ledger it loaded (pure domain code, off the FX thread). */
    private static void validate(CapTables capTables, Fill fill, int n) {
        List<LedgerRow> ledger = capTables.ledger(fill.venture()).orElseThrow();
        CapTable shown = capTables.capTableOn(fill.venture(), fill.lastDate()).orElseThrow();
        VentureFacts facts = new VentureFacts(shown.ventureId(), shown.ventureName(), shown.ownerUserId(), shown.aliceCap(), shown.activeHolds());
        Map<UUID, String> names = new HashMap<>();
        shown.holders().stream().filter(h -> h.userId() != null).forEach(h -> names.put(h.userId(), h.displayName()));
        Random random = new Random(n);
        LocalDate today = fill.lastDate().plusDays(30);
        LocalDate fourYearsAgo = fill.lastDate().minusYears(4);
        for (String kind : List.of("transfer from today", "backdated platform-stake correction 4 years ago")) {
            // Both ways in the same run, alternately: every date checked (as before issue 4's second round) and
            // only the dates from the draft's first touched date (as the screen does now).
            long[] full = new long[n];
            long[] latencies = new long[n];
            int dates = 0;
            for (int i = 0; i < n; i++) {
                Holder to = Holder.user(fill.people().get(random.nextInt(PEOPLE)));
                LocalDate on = kind.startsWith("transfer") ? today : fourYearsAgo.plusDays(random.nextInt(60));
                for (boolean incremental : new boolean[] {false, true}) {
                    long begin = System.nanoTime();
                    List<LedgerEdit> edits = kind.startsWith("transfer")
                            ? CapTableEdits.transfer(ledger, Holder.user(fill.owner()), to, STEP, on)
                            // The platform's stake corrected from a past date: every later date is affected.
                            : CapTableEdits.backdatedCorrection(ledger, Map.of(Holder.alice(), new BigDecimal("10.500"),
                                    Holder.user(fill.owner()), new BigDecimal("59.620")), on);
                    List<LedgerRow> after = CapTableEdits.apply(ledger, edits, Instant.EPOCH, null);
                    CapTablePolicy policy = new CapTablePolicy(facts, names);
                    List<Rejection> broken = new ArrayList<>(policy.checkEdits(ledger, edits));
                    broken.addAll(incremental ? policy.check(after, CapTableEdits.firstTouched(edits)) : policy.check(after));
                    if (incremental) { // as the screen now does: no revision of the draft, its dates worked out once
                        CapTable.on(facts, after, names, Map.of(), on, CapTable.changeDates(after), shown.revision());
                    } else {
                        CapTable.on(facts, after, names, Map.of(), on);
                    }
                    (incremental ? latencies : full)[i] = System.nanoTime() - begin;
                    if (!broken.isEmpty()) {
                        throw new IllegalStateException("The benchmark's draft should be valid: " + broken.get(0).message());
                    }
                    dates = CapTable.changeDates(after).size();
                }
            }
            report("validate a draft, " + kind + ", every date (" + dates + " change dates)", full, 50);
            report("validate a draft, " + kind + ", from its first date", latencies, 50);
        }
    }

    /** Saves a 0.010% transfer from the owner to a random holder, one day after the other; the ledger is re-read between saves, as the screen reloads. */
    private static void save(CapTables capTables, Fill fill, int n, String label) {
        Random random = new Random(label.hashCode());
        long[] latencies = new long[n];
        LocalDate on = CapTable.changeDates(capTables.ledger(fill.venture()).orElseThrow()).stream().max(LocalDate::compareTo).orElseThrow();
        for (int i = 0; i < n; i++) {
            on = on.plusDays(1);
            List<LedgerRow> ledger = capTables.ledger(fill.venture()).orElseThrow();
            Holder to = Holder.user(fill.people().get(random.nextInt(PEOPLE)));
            CapTableChange change = new CapTableChange("Bench transfer " + i, CapTable.revisionOf(ledger),
                    CapTableEdits.transfer(ledger, Holder.user(fill.owner()), to, STEP, on));
            long begin = System.nanoTime();
            Outcome<CapTable> outcome = capTables.changeCapTable(fill.venture(), change);
            latencies[i] = System.nanoTime() - begin;
            if (!outcome.isDone()) {
                throw new IllegalStateException("A save failed: " + outcome.describe());
            }
        }
        report("save a transfer, " + label + " (ledger " + capTables.ledger(fill.venture()).orElseThrow().size() + " rows after)", latencies, 50);
    }

    private static void report(String what, long[] latencies, double targetMillis) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        double p95 = millis(sorted, 95);
        System.out.printf(Locale.ROOT, "%-75s n=%d  p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms  (target %.0f ms: %s)%n",
                what, sorted.length, millis(sorted, 50), p95, millis(sorted, 99), sorted[sorted.length - 1] / 1e6, targetMillis,
                p95 <= targetMillis ? "met" : "MISSED");
    }

    private static double millis(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
