package org.smartstart.backoffice.domain.captable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A venture's current BUZ issuance rule (the one not replaced): its conversion band, in percent of the
 * venture per BUZ (BZ-4), and whether the board approved it.
 */
public record IssuanceRule(UUID id, long monthlyIssueCap, BigDecimal bandMin, BigDecimal bandMax, boolean boardApproved,
                           Instant createdAt) {
}
