package org.smartstart.backoffice.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Claimers that start at the same moment and claim over and over (a closed loop: each claims again as soon as its
 * last claim returns): the latency of every claim, how many documents were handed out twice, and the CPU the run
 * took on both sides. Shared by {@link KycQueueBenchmark} and {@link ClaimFloorBenchmark} so both measure alike.
 */
final class ConcurrentClaims {

    /** One claim by claimer {@code thread}, its {@code i}-th: the id of what it got. */
    @FunctionalInterface
    interface Claimer {
        UUID claim(int thread, int i) throws Exception;
    }

    /** @param sortedNanos every claim's latency, sorted; @param cpuMillis as {@link CpuMeter#millisSinceStart()} */
    record Result(long[] sortedNanos, double seconds, long doubles, double[] cpuMillis) {

        int claims() {
            return sortedNanos.length;
        }

        double perSecond() {
            return claims() / seconds;
        }

        double p(double percentile) {
            return CpuMeter.millis(sortedNanos, percentile);
        }

        double maxMillis() {
            return sortedNanos[sortedNanos.length - 1] / 1e6;
        }

        /** CPU milliseconds per claim of part {@code index} of {@link #cpuMillis}. */
        double cpuPerClaim(int index) {
            return cpuMillis[index] / claims();
        }
    }

    private ConcurrentClaims() {
    }

    static Result run(int threads, int perThread, String threadName, CpuMeter cpu, Claimer claimer) throws Exception {
        Set<UUID> handedOut = ConcurrentHashMap.newKeySet();
        AtomicLong doubles = new AtomicLong();
        long[][] latencies = new long[threads][perThread];
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread th = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        long begin = System.nanoTime();
                        UUID id = claimer.claim(thread, i);
                        latencies[thread][i] = System.nanoTime() - begin;
                        if (id == null) {
                            throw new IllegalStateException("claimer " + thread + " got nothing at claim " + i);
                        }
                        if (!handedOut.add(id)) {
                            doubles.incrementAndGet();
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, threadName + "-" + t);
            started.add(th);
            th.start();
        }
        cpu.start();
        long begin = System.nanoTime();
        start.countDown();
        for (Thread t : started) {
            t.join();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        double[] used = cpu.millisSinceStart();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("A claim failed", failures.get(0));
        }
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(all, seconds, doubles.get(), used);
    }
}
