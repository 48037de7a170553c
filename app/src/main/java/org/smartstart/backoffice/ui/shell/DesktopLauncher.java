package org.smartstart.backoffice.ui.shell;

import org.smartstart.backoffice.persistence.db.DatabaseSettings;

/**
 * Opens the desktop app on the given database and returns when it closes. Placeholder until the
 * JavaFX shell arrives; {@code backoffice} with no command calls this.
 */
public final class DesktopLauncher {

    private DesktopLauncher() {
    }

    public static void launch(DatabaseSettings settings, String[] args) {
        throw new UnsupportedOperationException("The desktop arrives with the ui branch");
    }
}
