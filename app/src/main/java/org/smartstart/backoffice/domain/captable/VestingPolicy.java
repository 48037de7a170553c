package org.smartstart.backoffice.domain.captable;

import java.util.UUID;

/**
 * A vesting schedule a cap table row may follow (EQ-6): nothing before the cliff, then per period until the duration.
 *
 * @param ventureId the venture whose owner defined it; null for a platform template every venture may use
 */
public record VestingPolicy(UUID id, UUID ventureId, String name, int cliffMonths, int durationMonths, VestingFrequency frequency) {

    /** "4y/1y monthly: 12-month cliff, 48 months, monthly", as the screens and reports word it. */
    public String describe() {
        return name + ": " + cliffMonths + "-month cliff, " + durationMonths + " months, " + frequency.code();
    }

    public boolean template() {
        return ventureId == null;
    }
}
