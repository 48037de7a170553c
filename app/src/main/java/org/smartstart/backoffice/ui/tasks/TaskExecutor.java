package org.smartstart.backoffice.ui.tasks;

import javafx.collections.ObservableList;

/**
 * The one place screens hand work that must not run on the FX thread (database, files, crypto). The
 * running tasks are observable, so the status bar shows progress for all of them.
 */
public interface TaskExecutor extends AutoCloseable {

    <T> void execute(BackgroundTask<T> task);

    /** Titles of the tasks running now, changed on the FX thread only. */
    ObservableList<String> runningTasks();

    /** Stops taking work; running work is interrupted. */
    @Override
    void close();
}
