package org.smartstart.backoffice.domain.tokens;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Redeem (spend) {@code amount} BUZ from {@code userId}'s wallet in a venture (BZ-1, BZ-2, BZ-6).
 *
 * @param amount         whole BUZ, more than 0
 * @param memo           why, at most 500 characters; null when not given
 * @param basedOnVersion the wallet version the user saw; a different current version is a conflict.
 *                       Null: redeem from whatever the wallet holds now (still never a lost update).
 */
public record RedeemRequest(UUID userId, BigDecimal amount, String memo, Integer basedOnVersion) {
}
