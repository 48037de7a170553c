package org.smartstart.backoffice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of the benchmark JVM and of one PostgreSQL server's processes, read from the JVM and /proc: on this
 * 2-core machine the client and the server share the cores, so a figure per operation says what a run is bound by.
 */
final class CpuMeter {

    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final long postgresPid;
    private long jvm0;
    private long jit0;
    private long[] postgres0;

    CpuMeter(long postgresPid) {
        this.postgresPid = postgresPid;
    }

    /** The postmaster of a data folder (first line of postmaster.pid). */
    static CpuMeter forDataFolder(Path postgresData) throws IOException {
        return new CpuMeter(Long.parseLong(Files.readAllLines(postgresData.resolve("postmaster.pid")).get(0).strip()));
    }

    void start() {
        jvm0 = jvmCpuNanos();
        jit0 = jitCompilerTicks();
        postgres0 = postgresCpuTicks();
    }

    /**
     * CPU milliseconds since {@link #start()}: [0] this JVM, [1] PostgreSQL sessions, [2] the server's other processes,
     * [3] the part of [0] spent by the JIT compiler threads (still compiling after a short warm-up: 1.7 s of C2 in a
     * 10 s run after 4,800 warm-up claims, measured 2026-12-02).
     */
    double[] millisSinceStart() {
        long[] pg = postgresCpuTicks();
        return new double[] {(jvmCpuNanos() - jvm0) / 1e6, (pg[0] - postgres0[0]) * 1000.0 / TICKS_PER_SECOND,
                (pg[1] - postgres0[1]) * 1000.0 / TICKS_PER_SECOND, (jitCompilerTicks() - jit0) * 1000.0 / TICKS_PER_SECOND};
    }

    /** utime + stime of this JVM's compiler threads ("C1 CompilerThre…", "C2 CompilerThre…") in clock ticks. */
    private static long jitCompilerTicks() {
        long ticks = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    if (Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                        String stat = Files.readString(task.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return ticks;
        }
        return ticks;
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * utime + stime of the postmaster's children in clock ticks: [0] the sessions (client backends), [1] the rest
     * (postmaster, WAL writer, checkpointer, autovacuum …).
     */
    private long[] postgresCpuTicks() {
        long[] ticks = new long[2];
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String stat = Files.readString(proc.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(proc.getFileName().toString());
                    if (pid == postgresPid || Long.parseLong(f[1]) == postgresPid) {
                        String title = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
                        boolean session = title.contains("(") && title.contains(")"); // "postgres: user db 127.0.0.1(port) idle"
                        ticks[session ? 0 : 1] += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return ticks;
        }
        return ticks;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The p-th percentile of sorted nanoseconds, in milliseconds. */
    static double millis(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }
}
