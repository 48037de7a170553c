package org.smartstart.backoffice.persistence.db;

import java.util.Map;
import java.util.Optional;

/**
 * Where the database is: an external PostgreSQL given by URL, or (when no URL is given)
 * the embedded one in the user's data folder.
 */
public record DatabaseSettings(Optional<String> url, String user, String password) {

    public static final String URL_VARIABLE = "BACKOFFICE_DB_URL";
    public static final String USER_VARIABLE = "BACKOFFICE_DB_USER";
    public static final String PASSWORD_VARIABLE = "BACKOFFICE_DB_PASSWORD";

    public DatabaseSettings {
        url = url.filter(u -> !u.isBlank());
    }

    public static DatabaseSettings embedded() {
        return new DatabaseSettings(Optional.empty(), "postgres", "");
    }

    /** Command-line options win over environment variables; both may be absent. */
    public static DatabaseSettings from(String urlOption, String userOption, String passwordOption, Map<String, String> env) {
        String url = firstNonBlank(urlOption, env.get(URL_VARIABLE));
        String user = firstNonBlank(userOption, env.get(USER_VARIABLE));
        String password = firstNonBlank(passwordOption, env.get(PASSWORD_VARIABLE));
        if (url != null && !url.startsWith("jdbc:")) {
            url = "jdbc:" + url;
        }
        return new DatabaseSettings(Optional.ofNullable(url), user == null ? "postgres" : user, password == null ? "" : password);
    }

    public boolean isEmbedded() {
        return url.isEmpty();
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) return a;
        if (b != null && !b.isBlank()) return b;
        return null;
    }
}
