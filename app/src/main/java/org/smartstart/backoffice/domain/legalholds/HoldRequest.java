package org.smartstart.backoffice.domain.legalholds;

/**
 * What imposing a hold asks for.
 *
 * @param appliesTo what the hold freezes
 * @param reason    the matter the hold preserves records for (required, LH-1)
 */
public record HoldRequest(HoldScope appliesTo, String reason) {
}
