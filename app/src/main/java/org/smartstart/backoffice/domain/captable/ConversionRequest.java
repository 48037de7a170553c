package org.smartstart.backoffice.domain.captable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * BZ-4: {@code userId} spends {@code buzAmount} BUZ of their wallet for {@code equityPercent} of the
 * venture from {@code effectiveOn}; the other holders are diluted pro rata.
 *
 * @param equityPercent at most three decimals: it becomes a cap table row
 */
public record ConversionRequest(UUID userId, long buzAmount, BigDecimal equityPercent, LocalDate effectiveOn) {
}
