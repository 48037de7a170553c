package org.smartstart.backoffice.ui.shell;

/** Opens everything the desktop needs; runs off the FX thread behind the "Opening the database…" window. */
@FunctionalInterface
public interface DesktopStartup {
    DesktopServices open() throws Exception;
}
