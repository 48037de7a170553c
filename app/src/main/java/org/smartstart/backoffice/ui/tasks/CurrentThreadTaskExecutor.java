package org.smartstart.backoffice.ui.tasks;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs each task at once on the caller's thread: view models can be tested without the FX toolkit and
 * without waiting. Failures without a handler of their own are collected for the test to check.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    private final ObservableList<String> running = FXCollections.observableArrayList();
    private final List<Throwable> unhandled = new ArrayList<>();
    private final List<String> titles = new ArrayList<>();

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        titles.add(task.title());
        running.add(task.title());
        T value;
        try {
            value = task.call();
        } catch (Exception failure) {
            running.remove(task.title());
            if (!task.failed(failure)) {
                unhandled.add(failure);
            }
            return;
        }
        running.remove(task.title());
        task.succeeded(value);
    }

    @Override
    public ObservableList<String> runningTasks() {
        return running;
    }

    /** Every task title ever executed, in order. */
    public List<String> executedTitles() {
        return List.copyOf(titles);
    }

    public List<Throwable> unhandledFailures() {
        return List.copyOf(unhandled);
    }

    @Override
    public void close() {
    }
}
