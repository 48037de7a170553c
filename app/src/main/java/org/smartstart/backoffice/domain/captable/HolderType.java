package org.smartstart.backoffice.domain.captable;

import java.util.Locale;

/** Who a cap table row belongs to: a person, or the platform AliceSolutions (the database's {@code holder_type}). */
public enum HolderType {
    USER,
    ALICE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HolderType ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
