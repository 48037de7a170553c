package org.smartstart.backoffice.domain.disputes;

import java.util.Locale;

/** DS-1: open → in_review → resolved | rejected; one appeal returns a decided dispute to in_review. */
public enum DisputeStatus {
    OPEN, IN_REVIEW, RESOLVED, REJECTED;

    /** The database's word: "open", "in_review", "resolved", "rejected". */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DisputeStatus ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    public boolean decided() {
        return this == RESOLVED || this == REJECTED;
    }
}
