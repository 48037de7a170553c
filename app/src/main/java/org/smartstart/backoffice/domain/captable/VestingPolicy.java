package org.smartstart.backoffice.domain.captable;

import java.util.UUID;

/** A vesting schedule a cap table row may follow (EQ-6): nothing before the cliff, then per period until the duration. */
public record VestingPolicy(UUID id, String name, int cliffMonths, int durationMonths, VestingFrequency frequency) {
}
