package org.smartstart.backoffice.ui.shell;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartstart.backoffice.ui.signin.Location;
import org.smartstart.backoffice.ui.signin.SignInChoice;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The desktop's own settings in the data folder's settings.properties (other keys in that file are
 * kept as they are): the theme, and where the back office is (this computer or a server, and the
 * server's address). Read and written off the FX thread.
 */
public final class UiPreferences {

    private static final Logger LOG = LoggerFactory.getLogger(UiPreferences.class);
    static final String THEME_KEY = "ui.theme";
    static final String LOCATION_KEY = "ui.sign-in.location";
    static final String SERVER_URL_KEY = "ui.sign-in.server-url";

    private final Path file;
    private volatile Theme theme;
    private volatile SignInChoice signInChoice;

    private UiPreferences(Path file, Theme theme, SignInChoice signInChoice) {
        this.file = file;
        this.theme = theme;
        this.signInChoice = signInChoice;
    }

    /** A missing or unreadable file gives the defaults (light, this computer); the app still starts. */
    public static UiPreferences load(Path file) {
        Properties p = read(file);
        Theme theme = "dark".equalsIgnoreCase(p.getProperty(THEME_KEY)) ? Theme.DARK : Theme.LIGHT;
        Location location = "server".equalsIgnoreCase(p.getProperty(LOCATION_KEY)) ? Location.SERVER : Location.THIS_COMPUTER;
        return new UiPreferences(file, theme, new SignInChoice(location, p.getProperty(SERVER_URL_KEY, "")));
    }

    public Theme theme() {
        return theme;
    }

    /** Where the back office was at the last sign-in attempt. */
    public SignInChoice signInChoice() {
        return signInChoice;
    }

    public synchronized void saveTheme(Theme newTheme) {
        theme = newTheme;
        save(Map.of(THEME_KEY, newTheme.name().toLowerCase(Locale.ROOT)), "the theme");
    }

    public synchronized void saveSignInChoice(SignInChoice choice) {
        signInChoice = choice;
        save(Map.of(LOCATION_KEY, choice.location() == Location.SERVER ? "server" : "this-computer",
                SERVER_URL_KEY, choice.serverUrl()), "where the back office is");
    }

    private void save(Map<String, String> values, String what) {
        Properties p = read(file);
        values.forEach(p::setProperty);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "SmartStart Back Office settings");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("Could not remember " + what + " in " + file + ": " + e.getMessage(), e);
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
