package org.smartstart.backoffice.ui.ventures;

import java.util.Locale;

/** The database's codes in the words the screen uses. */
public final class VentureLabels {

    private VentureLabels() {
    }

    public static String region(String code) {
        if (code == null) return "";
        return switch (code) {
            case "ca" -> "Canada";
            case "us" -> "United States";
            case "eu" -> "Europe";
            case "asia" -> "Asia";
            case "other" -> "Other";
            default -> code;
        };
    }

    public static String status(String code) {
        if (code == null || code.isEmpty()) return "";
        return code.substring(0, 1).toUpperCase(Locale.ROOT) + code.substring(1);
    }

    /** "Hold: equity", "Hold: BUZ", "Hold: everything". */
    public static String hold(String scope) {
        return switch (scope) {
            case "buz" -> "Hold: BUZ";
            case "all" -> "Hold: everything";
            default -> "Hold: " + scope;
        };
    }
}
