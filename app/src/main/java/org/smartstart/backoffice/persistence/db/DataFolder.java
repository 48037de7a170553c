package org.smartstart.backoffice.persistence.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The per-user folder where the embedded database and the user's own files live.
 * Follows the XDG base directory convention so the data survives restarts and upgrades.
 */
public record DataFolder(Path root) {

    public static final String OVERRIDE_VARIABLE = "BACKOFFICE_DATA_DIR";

    public static DataFolder forCurrentUser() {
        return resolve(System.getenv(), System.getProperty("user.home"));
    }

    /** The folder for the given environment: {@code BACKOFFICE_DATA_DIR}, else XDG data home, else ~/.local/share. */
    public static DataFolder resolve(Map<String, String> env, String userHome) {
        String override = env.get(OVERRIDE_VARIABLE);
        if (override != null && !override.isBlank()) {
            return new DataFolder(Path.of(override).toAbsolutePath());
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = (xdg != null && !xdg.isBlank()) ? Path.of(xdg) : Path.of(userHome, ".local", "share");
        return new DataFolder(base.resolve("smartstart-backoffice").toAbsolutePath());
    }

    public Path postgresData() {
        return root.resolve("pgdata");
    }

    /** Extracted PostgreSQL binaries; kept between runs so a start does not unpack them again. */
    public Path postgresBinaries() {
        return root.resolve("pg-runtime");
    }

    public Path lockFile() {
        return root.resolve("backoffice.lock");
    }

    public Path settingsFile() {
        return root.resolve("settings.properties");
    }

    public Path ensureExists() {
        try {
            Files.createDirectories(root);
            return root;
        } catch (java.io.IOException e) {
            throw new DatabaseStartupException("Cannot create the data folder " + root + ": " + e.getMessage(), e);
        }
    }
}
