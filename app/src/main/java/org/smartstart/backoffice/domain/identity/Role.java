package org.smartstart.backoffice.domain.identity;

import java.util.Locale;

/** The roles of ID-2, in the database's words ({@code role_name}). */
public enum Role {
    OWNER("Owner"),
    CONTRIBUTOR("Contributor"),
    REVIEWER("Reviewer"),
    ADMIN("Administrator"),
    COMPLIANCE("Compliance"),
    SUPPORT("Support");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
