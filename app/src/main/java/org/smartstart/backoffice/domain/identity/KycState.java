package org.smartstart.backoffice.domain.identity;

import java.util.Locale;

/** A person's KYC status (KY-2), in the database's words ({@code kyc_status}). */
public enum KycState {
    PENDING, VERIFIED, REJECTED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static KycState ofCode(String code) {
        return code == null ? PENDING : valueOf(code.toUpperCase(Locale.ROOT));
    }
}
