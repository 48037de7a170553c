package org.smartstart.backoffice.ui.shell;

import javafx.application.Application;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartstart.backoffice.ui.tasks.BackgroundTask;
import org.smartstart.backoffice.ui.tasks.FxTaskExecutor;
import org.smartstart.backoffice.ui.tasks.TaskExecutor;

import java.time.ZoneId;

/**
 * The JavaFX application. Started only by {@link DesktopLauncher}, which hands it the places the back
 * office may be and closes what was opened there after the toolkit has stopped. Shows the sign-in window
 * at once: nothing is opened before the user has said where the back office is.
 */
public final class BackOfficeApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(BackOfficeApp.class);

    /** What one launch works with; Application.launch allows no constructor arguments. */
    record Launch(BackOfficePlaces places, UiPreferences preferences) {
    }

    static volatile Launch current;

    private TaskExecutor executor;

    @Override
    public void start(Stage stage) {
        Launch launch = current;
        launch.preferences().theme().apply();
        executor = new FxTaskExecutor(failure -> showError("Something went wrong", plainSentence(failure)));
        ThemeSwitch themeSwitch = new ThemeSwitch(launch.preferences().theme(), theme -> executor.execute(
                BackgroundTask.of("Remembering the theme…", () -> {
                    launch.preferences().saveTheme(theme);
                    return null;
                })));
        new DesktopShell(launch.places(), executor, themeSwitch, stage, ZoneId.systemDefault()).showSignIn();
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
    }

    /** One sentence for people: the startup exceptions carry one already; anything else its message. */
    static String plainSentence(Throwable failure) {
        String m = failure.getMessage();
        return m == null || m.isBlank() ? "An unexpected " + failure.getClass().getSimpleName() + " occurred; see the log." : m;
    }

    private static void showError(String header, String sentence) {
        LOG.error("{}: {}", header, sentence);
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle(DesktopShell.APP_TITLE);
        alert.setHeaderText(header);
        alert.setContentText(sentence);
        alert.getDialogPane().setMinWidth(480);
        alert.showAndWait();
    }
}
