package org.smartstart.backoffice.ui.shell;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The desktop's own settings in the data folder's settings.properties (other keys in that file are
 * kept as they are). Read and written off the FX thread.
 */
public final class UiPreferences {

    private static final Logger LOG = LoggerFactory.getLogger(UiPreferences.class);
    static final String THEME_KEY = "ui.theme";

    private final Path file;
    private volatile Theme theme;

    private UiPreferences(Path file, Theme theme) {
        this.file = file;
        this.theme = theme;
    }

    /** A missing or unreadable file gives the defaults; the app still starts. */
    public static UiPreferences load(Path file) {
        Properties p = read(file);
        Theme theme = "dark".equalsIgnoreCase(p.getProperty(THEME_KEY)) ? Theme.DARK : Theme.LIGHT;
        return new UiPreferences(file, theme);
    }

    public Theme theme() {
        return theme;
    }

    public synchronized void saveTheme(Theme newTheme) {
        theme = newTheme;
        Properties p = read(file);
        p.setProperty(THEME_KEY, newTheme.name().toLowerCase(java.util.Locale.ROOT));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "SmartStart Back Office settings");
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("The theme could not be remembered in " + file + ": " + e.getMessage(), e);
        }
    }

    private static Properties read(Path file) {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                LOG.warn("Could not read {}; using the default settings", file, e);
            }
        }
        return p;
    }
}
