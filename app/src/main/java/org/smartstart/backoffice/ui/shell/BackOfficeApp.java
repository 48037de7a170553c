package org.smartstart.backoffice.ui.shell;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartstart.backoffice.ui.tasks.BackgroundTask;
import org.smartstart.backoffice.ui.tasks.FxTaskExecutor;
import org.smartstart.backoffice.ui.tasks.TaskExecutor;

import java.time.ZoneId;

/**
 * The JavaFX application. Started only by {@link DesktopLauncher}, which hands it what to open and
 * collects what it opened, so the launcher can close the database after the toolkit has stopped.
 */
public final class BackOfficeApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(BackOfficeApp.class);

    /** What one launch opens and what became of it; Application.launch allows no constructor arguments. */
    static final class Launch {
        final DesktopStartup startup;
        final UiPreferences preferences;
        volatile DesktopServices opened;
        volatile Throwable failure;

        Launch(DesktopStartup startup, UiPreferences preferences) {
            this.startup = startup;
            this.preferences = preferences;
        }
    }

    static volatile Launch current;

    private TaskExecutor executor;

    @Override
    public void start(Stage stage) {
        Launch launch = current;
        launch.preferences.theme().apply();
        executor = new FxTaskExecutor(failure -> showError("Something went wrong", plainSentence(failure)));
        ThemeSwitch themeSwitch = new ThemeSwitch(launch.preferences.theme(), theme -> executor.execute(
                BackgroundTask.of("Remembering the theme…", () -> {
                    launch.preferences.saveTheme(theme);
                    return null;
                })));

        stage.setTitle(DesktopShell.APP_TITLE);
        stage.setScene(DesktopShell.scene(openingView()));
        // Closing now would leave the database half opened; the wait is short.
        stage.setOnCloseRequest(javafx.event.Event::consume);
        stage.show();

        executor.execute(BackgroundTask.of("Opening the database…", launch.startup::open)
                .onSuccess(services -> {
                    launch.opened = services;
                    stage.setOnCloseRequest(null);
                    new DesktopShell(services, executor, themeSwitch, stage, ZoneId.systemDefault()).showSignIn();
                })
                .onFailure(failure -> {
                    launch.failure = failure;
                    stage.hide();
                    showError("The database could not be opened", plainSentence(failure));
                    Platform.exit();
                }));
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
    }

    private static VBox openingView() {
        ProgressIndicator indicator = new ProgressIndicator();
        indicator.setPrefSize(48, 48);
        Label text = new Label("Opening the database…");
        text.getStyleClass().add("title-4");
        Label note = new Label("The first start sets up the database; this can take a minute.");
        note.getStyleClass().add("text-muted");
        VBox box = new VBox(14, indicator, text, note);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("opening-window");
        box.setPrefSize(440, 240);
        return box;
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
