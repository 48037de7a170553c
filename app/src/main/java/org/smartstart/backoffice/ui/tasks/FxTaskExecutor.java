package org.smartstart.backoffice.ui.tasks;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs tasks on a small pool of named daemon threads and reports back on the FX thread. A task without
 * its own failure handler goes to {@code unhandledFailure} (the shell shows it); nothing is swallowed.
 */
public final class FxTaskExecutor implements TaskExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);

    private final ExecutorService executor;
    private final ObservableList<String> running = FXCollections.observableArrayList();
    private final Consumer<Throwable> unhandledFailure;

    public FxTaskExecutor(Consumer<Throwable> unhandledFailure) {
        this(2, unhandledFailure);
    }

    public FxTaskExecutor(int threads, Consumer<Throwable> unhandledFailure) {
        this.unhandledFailure = unhandledFailure;
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "backoffice-background-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = Executors.newFixedThreadPool(threads, factory);
    }

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        onFxThread(() -> running.add(task.title()));
        executor.execute(() -> {
            T value;
            try {
                value = task.call();
            } catch (Throwable failure) {
                onFxThread(() -> {
                    running.remove(task.title());
                    if (task.failed(failure)) {
                        // The screen shows it in words; the trace is for whoever reads the debug log.
                        LOG.info("Background task '{}' failed: {}", task.title(), failure.getMessage());
                        LOG.debug("Background task '{}' failed", task.title(), failure);
                    } else {
                        LOG.error("Background task '{}' failed", task.title(), failure);
                        unhandledFailure.accept(failure);
                    }
                });
                return;
            }
            onFxThread(() -> {
                running.remove(task.title());
                task.succeeded(value);
            });
        });
    }

    @Override
    public ObservableList<String> runningTasks() {
        return running;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Background work did not stop within 5 seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void onFxThread(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}
