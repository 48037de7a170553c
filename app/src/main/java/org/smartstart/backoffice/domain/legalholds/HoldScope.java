package org.smartstart.backoffice.domain.legalholds;

import java.util.Locale;

/** What a legal hold freezes (legal_holds.applies_to): equity (EQ-7), BUZ (BZ-6) or both. */
public enum HoldScope {
    EQUITY, BUZ, ALL;

    /** The database's word: "equity", "buz", "all". */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HoldScope ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** EQ-7: no equity row and no conversion may be written for the venture. */
    public boolean freezesEquity() {
        return this != BUZ;
    }

    /** BZ-6: no BUZ transaction may be written for the venture. */
    public boolean freezesBuz() {
        return this != EQUITY;
    }
}
