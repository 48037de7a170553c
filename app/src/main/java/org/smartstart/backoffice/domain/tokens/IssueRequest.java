package org.smartstart.backoffice.domain.tokens;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Issue (earn) {@code amount} BUZ of a venture to {@code userId}'s wallet (BZ-2, BZ-3, BZ-6).
 *
 * @param amount              whole BUZ, more than 0
 * @param contributionEventId the contribution of {@code userId} the BUZ pays for; null when none
 * @param memo                why, at most 500 characters; null when not given
 * @param basedOnVersion      the wallet version the issuer saw; a different current version is a conflict.
 *                            Null: issue on whatever the wallet holds now (still never a lost update).
 */
public record IssueRequest(UUID userId, BigDecimal amount, UUID contributionEventId, String memo, Integer basedOnVersion) {
}
