package org.smartstart.backoffice.domain.legalholds;

/**
 * Releasing a hold: LH-1 needs a reason (the releaser and the time are recorded by the use case).
 *
 * @param reason why the hold is lifted, e.g. "Claim withdrawn by counsel on 2026-10-02"
 */
public record HoldRelease(String reason) {
}
