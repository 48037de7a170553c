package org.smartstart.backoffice.ui.tasks;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A piece of work for the background with what to do on the screen afterwards. The callbacks run on the
 * FX thread (or, with {@link CurrentThreadTaskExecutor}, on the caller's thread in tests).
 *
 * @param <T> what the work produces
 */
public final class BackgroundTask<T> {

    private final String title;
    private final Callable<T> work;
    private Consumer<? super T> onSuccess = value -> { };
    private Consumer<Throwable> onFailure;
    private Runnable onFinished = () -> { };

    private BackgroundTask(String title, Callable<T> work) {
        this.title = Objects.requireNonNull(title);
        this.work = Objects.requireNonNull(work);
    }

    /** @param title shown in the status bar while the task runs, e.g. "Loading ventures…" */
    public static <T> BackgroundTask<T> of(String title, Callable<T> work) {
        return new BackgroundTask<>(title, work);
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> action) {
        this.onSuccess = Objects.requireNonNull(action);
        return this;
    }

    /** Without one, the executor's own failure handler shows the failure. */
    public BackgroundTask<T> onFailure(Consumer<Throwable> action) {
        this.onFailure = Objects.requireNonNull(action);
        return this;
    }

    /** Runs after success or failure, e.g. to clear a busy flag. */
    public BackgroundTask<T> onFinished(Runnable action) {
        this.onFinished = Objects.requireNonNull(action);
        return this;
    }

    public String title() {
        return title;
    }

    T call() throws Exception {
        return work.call();
    }

    void succeeded(T value) {
        try {
            onSuccess.accept(value);
        } finally {
            onFinished.run();
        }
    }

    /** @return false when the task has no failure handler of its own */
    boolean failed(Throwable failure) {
        try {
            if (onFailure == null) {
                return false;
            }
            onFailure.accept(failure);
            return true;
        } finally {
            onFinished.run();
        }
    }
}
