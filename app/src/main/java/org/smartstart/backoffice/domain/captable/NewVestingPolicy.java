package org.smartstart.backoffice.domain.captable;

/**
 * A vesting policy as an owner defines it for their venture (EQ-6). Terms are fixed once written: ledger
 * rows vest by them on every past date, so a different schedule is a new policy.
 *
 * @param cliffMonths    0..120, at most the duration
 * @param durationMonths 1..120
 */
public record NewVestingPolicy(String name, Integer cliffMonths, Integer durationMonths, VestingFrequency frequency) {
}
