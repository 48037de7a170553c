package org.smartstart.backoffice.ui.shell;

/**
 * Opens this computer's database and everything that runs with it; runs off the FX thread while the
 * sign-in window says "Starting the database…".
 */
@FunctionalInterface
public interface DesktopStartup {
    DesktopServices open() throws Exception;
}
