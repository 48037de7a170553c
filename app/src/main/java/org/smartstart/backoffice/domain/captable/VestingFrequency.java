package org.smartstart.backoffice.domain.captable;

import java.util.Locale;

/** How often a vesting policy vests after its cliff (EQ-6). */
public enum VestingFrequency {
    MONTHLY(1),
    QUARTERLY(3);

    private final int months;

    VestingFrequency(int months) {
        this.months = months;
    }

    /** Months per installment. */
    public int months() {
        return months;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static VestingFrequency ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
