package org.smartstart.backoffice.ui.shell;

import javafx.application.Application;
import org.slf4j.LoggerFactory;
import org.smartstart.backoffice.persistence.db.DataFolder;
import org.smartstart.backoffice.persistence.db.DatabaseSettings;

/**
 * Opens the desktop app on the given database and returns when it closes; {@code backoffice} with no
 * command calls this. Deliberately not an {@code Application} (a packaged JavaFX main class must not be).
 *
 * <p>If the database cannot be opened, the user has seen the reason in a dialog and this method throws
 * it, so the command line exits non-zero with the same sentence.
 */
public final class DesktopLauncher {

    private DesktopLauncher() {
    }

    public static void launch(DatabaseSettings settings, String[] args) {
        DataFolder folder = DataFolder.forCurrentUser();
        // Read before the first window so a dark-theme user never sees a light flash.
        UiPreferences preferences = UiPreferences.load(folder.settingsFile());
        launch(() -> DesktopWiring.open(settings, folder), preferences, args);
    }

    /** For wiring elsewhere (e.g. the CLI building its own {@link DesktopServices}). */
    public static void launch(DesktopStartup startup, UiPreferences preferences, String[] args) {
        BackOfficeApp.Launch launch = new BackOfficeApp.Launch(startup, preferences);
        BackOfficeApp.current = launch;
        try {
            Application.launch(BackOfficeApp.class, args);
        } finally {
            DesktopServices opened = launch.opened;
            if (opened != null) {
                try {
                    opened.close();
                } catch (Exception e) {
                    LoggerFactory.getLogger(DesktopLauncher.class).warn("Closing the database failed", e);
                }
            }
        }
        Throwable failure = launch.failure;
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure != null) {
            throw new IllegalStateException(BackOfficeApp.plainSentence(failure), failure);
        }
    }
}
