package org.smartstart.backoffice.ui.shell;

import javafx.application.Application;
import org.slf4j.LoggerFactory;
import org.smartstart.backoffice.persistence.db.DataFolder;
import org.smartstart.backoffice.persistence.db.DatabaseSettings;

/**
 * Opens the desktop app and returns when it closes; {@code backoffice} with no command calls this.
 * Deliberately not an {@code Application} (a packaged JavaFX main class must not be).
 *
 * <p>The sign-in window comes up at once; this computer's database is started only when the user
 * chooses it there (settings naming a database choose it for them), and is closed here after the
 * toolkit has stopped.
 */
public final class DesktopLauncher {

    private DesktopLauncher() {
    }

    public static void launch(DatabaseSettings settings, String[] args) {
        DataFolder folder = DataFolder.forCurrentUser();
        // Read before the first window so a dark-theme user never sees a light flash.
        UiPreferences preferences = UiPreferences.load(folder.settingsFile());
        launch(DesktopWiring.places(settings, folder, preferences), preferences, args);
    }

    /** For wiring elsewhere (e.g. the CLI building its own {@link BackOfficePlaces}). */
    public static void launch(BackOfficePlaces places, UiPreferences preferences, String[] args) {
        BackOfficeApp.current = new BackOfficeApp.Launch(places, preferences);
        try {
            Application.launch(BackOfficeApp.class, args);
        } finally {
            try {
                places.close();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(DesktopLauncher.class).warn("Closing the database failed", e);
            }
        }
    }
}
