package org.smartstart.backoffice.bench;

import org.smartstart.backoffice.domain.identity.ClientInfo;
import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.identity.SignInResult;
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.domain.usecase.BackOfficeConnector;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.persistence.db.BackOfficeDatabase;
import org.smartstart.backoffice.persistence.db.DataFolder;
import org.smartstart.backoffice.persistence.db.EmbeddedPostgresServer;
import org.smartstart.backoffice.persistence.demo.DemoDataLoader;
import org.smartstart.backoffice.persistence.usecase.LocalConnector;
import org.smartstart.backoffice.persistence.usecase.LocalServices;
import org.smartstart.backoffice.remote.client.RemoteConnector;
import org.smartstart.backoffice.remote.client.RemoteOptions;
import org.smartstart.backoffice.remote.server.ApiServer;
import org.smartstart.backoffice.remote.server.ApiServerOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Issue 3 benchmark: the same use cases through the local adapter (in process, on the database) and
 * through the HTTP API on loopback (a real {@link ApiServer} called by the OkHttp {@link RemoteConnector}),
 * with 1 and 8 concurrent clients, on a fresh embedded PostgreSQL with durable commits and the demo data.
 * Local and remote alternate in 2-second slices so the shared machine's drifting load hits both alike;
 * the server and the local adapter share one {@link LocalServices}, so the only difference measured is
 * HTTP, JSON and the client.
 *
 * <p>Workloads: {@link Workloads}. Arguments: seconds per workload, adapter and client count (default 10),
 * then optionally the workload names to run.
 */
public final class LocalVsRemoteBenchmark {

    private static final int SLICE_SECONDS = 2;
    private static final int[] CLIENT_COUNTS = {1, 8};

    /** One measured use case: set up once, then called by many clients at once; any non-Done outcome fails the run. */
    interface Workload {
        String name();

        /** Prepares data and answers the session the calls run as. */
        Session prepare(BenchEnvironment env) throws Exception;

        /** One call; {@code client} and {@code n} let a workload pick distinct objects per client and call. */
        Outcome<?> call(BackOffice backOffice, int client, long n);
    }

    /** What workloads get to prepare with. */
    record BenchEnvironment(BackOfficeDatabase database, LocalConnector local) {
        Session signIn(String email) {
            SignInResult result = local.signIn(email, DEMO_PASSWORD.toCharArray(), new ClientInfo("bench", "LocalVsRemoteBenchmark"));
            if (result instanceof SignInResult.SignedIn signedIn) {
                return signedIn.session();
            }
            throw new IllegalStateException("Cannot sign in as " + email + ": " + result);
        }
    }

    /** The demo accounts' published password (README, docs/demo-accounts.md): demo data only, never a real account. */
    private static final String DEMO_PASSWORD = "demo-password-2026";

    record Result(String workload, String adapter, int clients, long calls, double seconds, long[] latenciesNanos) {
        double perSecond() {
            return calls / seconds;
        }

        double percentileMillis(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.max(0, Math.min(index, latenciesNanos.length - 1))] / 1_000_000.0;
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<String> only = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : List.of();
        Path root = Files.createTempDirectory("api-bench");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(new DataFolder(root),
                Map.of("synchronous_commit", "on", "fsync", "on"));
             BackOfficeDatabase db = BackOfficeDatabase.attach(server.settings())) {
            db.migrate();
            DemoDataLoader.load(db);
            LocalServices services = LocalServices.open(db, Clock.systemUTC());
            LocalConnector local = new LocalConnector(services, () -> { });
            ApiServer api = ApiServer.start(services, ApiServerOptions.http("127.0.0.1", 0));
            RemoteConnector remote = new RemoteConnector(api.uri(), RemoteOptions.defaults().withAttempts(1));
            System.out.printf(Locale.ROOT, "API on %s; %d s per workload, adapter and client count, %d s slices, alternating%n",
                    api.uri(), seconds, SLICE_SECONDS);
            BenchEnvironment env = new BenchEnvironment(db, local);
            List<Result> results = new ArrayList<>();
            try {
                for (Workload workload : Workloads.all()) {
                    if (!only.isEmpty() && !only.contains(workload.name())) {
                        continue;
                    }
                    Session session = workload.prepare(env);
                    Map<String, BackOfficeConnector> adapters = new LinkedHashMap<>();
                    adapters.put("local", local);
                    adapters.put("remote", remote);
                    for (int clients : CLIENT_COUNTS) {
                        // warm-up: JIT, pools, HTTP connections
                        for (Map.Entry<String, BackOfficeConnector> adapter : adapters.entrySet()) {
                            slice(workload, adapter.getKey(), adapter.getValue().open(session), clients, 1);
                        }
                        Map<String, List<Result>> slices = new LinkedHashMap<>();
                        for (int s = 0; s < Math.max(1, seconds / SLICE_SECONDS); s++) {
                            for (Map.Entry<String, BackOfficeConnector> adapter : adapters.entrySet()) {
                                slices.computeIfAbsent(adapter.getKey(), k -> new ArrayList<>())
                                        .add(slice(workload, adapter.getKey(), adapter.getValue().open(session), clients, SLICE_SECONDS));
                            }
                        }
                        Result localResult = merge(slices.get("local"));
                        Result remoteResult = merge(slices.get("remote"));
                        results.add(localResult);
                        results.add(remoteResult);
                        System.out.printf(Locale.ROOT, "%-20s %d client(s): local %,8.0f/s p95 %6.2f ms | remote %,8.0f/s p95 %6.2f ms | remote/local %3.0f%%%n",
                                workload.name(), clients, localResult.perSecond(), localResult.percentileMillis(95),
                                remoteResult.perSecond(), remoteResult.percentileMillis(95),
                                100 * remoteResult.perSecond() / localResult.perSecond());
                    }
                }
            } finally {
                remote.close();
                api.close();
                services.close();
            }
            printTable(results);
        }
    }

    private static Result slice(Workload workload, String adapter, BackOffice backOffice, int clients, int seconds)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        List<long[]> latencies = new ArrayList<>();
        long[] counts = new long[clients];
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            long[][] mine = {new long[4096]};
            synchronized (latencies) {
                latencies.add(null);
            }
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    long n = 0;
                    while (!stop.get()) {
                        long t0 = System.nanoTime();
                        Outcome<?> outcome = workload.call(backOffice, client, n);
                        long took = System.nanoTime() - t0;
                        if (!(outcome instanceof Outcome.Done<?>)) {
                            throw new IllegalStateException(workload.name() + " through " + adapter + " answered " + outcome);
                        }
                        if (n == mine[0].length) {
                            mine[0] = Arrays.copyOf(mine[0], mine[0].length * 2);
                        }
                        mine[0][(int) n++] = took;
                    }
                    counts[client] = n;
                    synchronized (latencies) {
                        latencies.set(client, Arrays.copyOf(mine[0], (int) n));
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "bench-" + adapter + "-" + c);
            threads.add(thread);
            thread.start();
        }
        long t0 = System.nanoTime();
        start.countDown();
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        if (!failures.isEmpty()) {
            throw new IllegalStateException("A benchmark client failed", failures.get(0));
        }
        long total = Arrays.stream(counts).sum();
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).toArray();
        return new Result(workload.name(), adapter, clients, total, elapsed, all);
    }

    private static Result merge(List<Result> slices) {
        long calls = 0;
        double seconds = 0;
        List<long[]> parts = new ArrayList<>();
        for (Result r : slices) {
            calls += r.calls();
            seconds += r.seconds();
            parts.add(r.latenciesNanos());
        }
        long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        Result first = slices.get(0);
        return new Result(first.workload(), first.adapter(), first.clients(), calls, seconds, all);
    }

    private static void printTable(List<Result> results) {
        System.out.println();
        System.out.println("| workload | clients | adapter | calls/s | p50 ms | p95 ms | p99 ms | remote / local |");
        System.out.println("|---|---:|---|---:|---:|---:|---:|---:|");
        for (int i = 0; i + 1 < results.size(); i += 2) {
            Result l = results.get(i);
            Result r = results.get(i + 1);
            for (Result x : List.of(l, r)) {
                System.out.printf(Locale.ROOT, "| %s | %d | %s | %,.0f | %.2f | %.2f | %.2f | %s |%n", x.workload(), x.clients(),
                        x.adapter(), x.perSecond(), x.percentileMillis(50), x.percentileMillis(95), x.percentileMillis(99),
                        x == r ? String.format(Locale.ROOT, "**%.0f%%**", 100 * r.perSecond() / l.perSecond()) : "");
            }
        }
    }
}
