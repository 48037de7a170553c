package org.smartstart.backoffice.domain.captable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One row of a venture's equity ledger: a holder's percent from a date, until a date or open
 * (effectiveTo null). Rows are never rewritten (EQ-5); the only change is closing an open row.
 *
 * @param vestingPolicyId null when the stake does not vest
 * @param createdAt       null for a row of a draft not yet written
 */
public record LedgerRow(UUID id, Holder holder, BigDecimal percent, LocalDate effectiveFrom, LocalDate effectiveTo,
                        UUID vestingPolicyId, Instant createdAt, UUID createdBy) {

    /** Whether the row counts on {@code day}: effective_from ≤ day and (open or day ≤ effective_to). */
    public boolean effectiveOn(LocalDate day) {
        return !effectiveFrom.isAfter(day) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }

    public boolean open() {
        return effectiveTo == null;
    }

    /** The same row closed on {@code day} (its last effective day). */
    public LedgerRow closedOn(LocalDate day) {
        return new LedgerRow(id, holder, percent, effectiveFrom, day, vestingPolicyId, createdAt, createdBy);
    }
}
