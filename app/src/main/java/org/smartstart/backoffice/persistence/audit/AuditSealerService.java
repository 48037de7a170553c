package org.smartstart.backoffice.persistence.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Keeps the audit chain sealed in the background: one daemon thread that seals whenever it is woken
 * ({@link #sealNow()}, called by whoever just committed a change) and otherwise polls the outbox
 * every {@code pollInterval}, which also picks up entries committed by other processes on the same
 * database. Several processes may each run one: the head lock makes them take turns, and a sealer
 * that finds nothing does nothing.
 */
public final class AuditSealerService implements AutoCloseable {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(50);
    /**
     * Shortest pause between two passes, however often {@link #sealNow()} is called: sealing each
     * commit on its own would spend a transaction per entry; a short pause lets entries gather into
     * one batch, and the chain still trails the last commit by about a tenth of a second at most.
     */
    public static final Duration DEFAULT_MIN_GAP = Duration.ofMillis(100);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(AuditSealerService.class);

    private final AuditSealer sealer;
    private final long pollNanos;
    private final long gapNanos;
    private final Object lock = new Object();
    private final Thread thread;

    // guarded by lock: a request is served by the first pass that starts after it
    private long requested;
    private long served;
    private Exception lastFailure;
    private boolean running = true;
    private long sealedTotal;

    private AuditSealerService(AuditSealer sealer, Duration pollInterval, Duration minGap) {
        this.sealer = sealer;
        this.pollNanos = pollInterval.toNanos();
        this.gapNanos = minGap.toNanos();
        this.thread = new Thread(this::run, "audit-sealer");
        this.thread.setDaemon(true);
    }

    public static AuditSealerService start(DataSource dataSource) {
        return start(new AuditSealer(dataSource), DEFAULT_POLL_INTERVAL, DEFAULT_MIN_GAP);
    }

    /**
     * @param pollInterval how often to look for entries nobody asked to seal (other processes' commits)
     * @param minGap       shortest pause between passes, so that entries committed close together share a batch
     */
    public static AuditSealerService start(AuditSealer sealer, Duration pollInterval, Duration minGap) {
        AuditSealerService service = new AuditSealerService(sealer, pollInterval, minGap);
        service.thread.start();
        return service;
    }

    /** Asks for a sealing pass soon; does not wait. Call it after committing a change. */
    public long sealNow() {
        synchronized (lock) {
            if (!running) throw new IllegalStateException("The audit sealer has been stopped");
            requested++;
            lock.notifyAll();
            return requested;
        }
    }

    /**
     * Waits until every entry committed before this call is sealed (by this sealer or another process's).
     *
     * @throws IllegalStateException if the sealing pass failed (the cause says why) or the sealer stopped
     */
    public void awaitSealed(Duration timeout) throws InterruptedException, TimeoutException {
        long ticket = sealNow();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (served < ticket) {
                if (!running) throw new IllegalStateException("The audit sealer stopped before the entries were sealed");
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("Audit entries were not sealed within " + timeout.toMillis() + " ms");
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            if (lastFailure != null) {
                throw new IllegalStateException("Sealing the audit chain failed: " + lastFailure.getMessage(), lastFailure);
            }
        }
    }

    /** Entries this service has sealed since it started. */
    public long sealedTotal() {
        synchronized (lock) {
            return sealedTotal;
        }
    }

    private void run() {
        long nextPoll = System.nanoTime();
        long earliestPass = System.nanoTime();
        while (true) {
            long ticket;
            boolean asked;
            synchronized (lock) {
                while (running) {
                    long now = System.nanoTime();
                    boolean pending = requested != served;
                    if (now - nextPoll >= 0 || (pending && now - earliestPass >= 0)) break;
                    long until = pending && earliestPass - nextPoll < 0 ? earliestPass : nextPoll;
                    try {
                        lock.wait(Math.max(1, (until - now) / 1_000_000));
                    } catch (InterruptedException e) {
                        running = false;
                    }
                }
                if (!running) {
                    lock.notifyAll();
                    return;
                }
                ticket = requested;
                asked = requested != served;
            }
            Exception failure = null;
            long sealed = 0;
            try {
                if (asked || sealer.hasPending()) {
                    sealed = sealer.sealPending();
                }
            } catch (Exception e) {
                failure = e;
                LOG.warn("Sealing the audit chain failed; retrying in {} s", RETRY_AFTER_FAILURE.toSeconds(), e);
            }
            long now = System.nanoTime();
            nextPoll = now + (failure == null ? pollNanos : RETRY_AFTER_FAILURE.toNanos());
            earliestPass = now + (failure == null ? gapNanos : RETRY_AFTER_FAILURE.toNanos());
            synchronized (lock) {
                served = ticket;
                lastFailure = failure;
                sealedTotal += sealed;
                lock.notifyAll();
            }
        }
    }

    /** Stops after the pass in progress, if any; entries left in the outbox stay there for the next sealer. */
    @Override
    public void close() {
        synchronized (lock) {
            running = false;
            lock.notifyAll();
        }
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
