package org.smartstart.backoffice.persistence.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartstart.backoffice.domain.audit.AuditCheckpoint;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.Optional;

/**
 * Signed checkpoints made by the server on a schedule (AU-5): every period it verifies the chain and, when
 * entries were sealed since the last one, signs the last entry into {@code checkpoint-<seq>.json} in a folder.
 * Kept somewhere a database superuser cannot reach (another machine, write-once storage), those files expose a
 * wholesale rewrite of the chain made after them. A broken chain is not signed; it is logged, and tried again
 * next period.
 */
public final class ScheduledCheckpoints implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledCheckpoints.class);

    private final AuditCheckpoints checkpoints;
    private final KeyPair key;
    private final Path folder;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private long lastSeq;
    private Path lastFile;

    private ScheduledCheckpoints(DataSource ownerDataSource, KeyPair key, Path folder, Clock clock) {
        this.checkpoints = new AuditCheckpoints(ownerDataSource);
        this.key = Objects.requireNonNull(key, "key");
        this.folder = Objects.requireNonNull(folder, "folder");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "audit-checkpoints");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts signing every {@code period}, the first time at once. */
    public static ScheduledCheckpoints start(DataSource ownerDataSource, KeyPair key, Path folder, Duration period, Clock clock) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("The checkpoint period must be positive, not " + period);
        }
        ScheduledCheckpoints scheduled = new ScheduledCheckpoints(ownerDataSource, key, folder, clock);
        scheduled.timer.scheduleWithFixedDelay(scheduled::signIfNew, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return scheduled;
    }

    public Path folder() {
        return folder;
    }

    /** Waits until a checkpoint of an entry after {@code seq} is written; its file, or empty when the time ran out. */
    public synchronized Optional<Path> awaitCheckpointAfter(long seq, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lastSeq <= seq) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return Optional.empty();
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return Optional.of(lastFile);
    }

    private void signIfNew() {
        try {
            AuditCheckpoint checkpoint = checkpoints.create(key, clock.instant());
            synchronized (this) {
                if (checkpoint.seq() == lastSeq) {
                    return;
                }
            }
            Files.createDirectories(folder);
            Path file = folder.resolve("checkpoint-" + checkpoint.seq() + ".json");
            AuditCheckpoints.write(checkpoint, file);
            LOG.info("Signed audit checkpoint of seq {} (tx_hash {}) into {}", checkpoint.seq(), checkpoint.txHash(), file);
            synchronized (this) {
                lastSeq = checkpoint.seq();
                lastFile = file;
                notifyAll();
            }
        } catch (AuditCheckpoints.NothingToSignException e) {
            LOG.warn("{}", e.getMessage());
        } catch (Exception e) {
            // the next period tries again; a failure must not end the schedule
            LOG.error("An audit checkpoint could not be made", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
