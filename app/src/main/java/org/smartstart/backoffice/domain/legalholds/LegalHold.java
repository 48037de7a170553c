package org.smartstart.backoffice.domain.legalholds;

import java.time.Instant;
import java.util.UUID;

/**
 * One legal hold as the compliance screen lists it (LH-1, LH-2): who imposed it and why, and, once
 * released, who released it, when and why. A hold is never edited; {@code active} is "not released".
 *
 * @param version the row's optimistic-lock version (a release based on an older one is a conflict)
 */
public record LegalHold(UUID id, UUID ventureId, String ventureName, HoldScope appliesTo, String reason,
                        UUID imposedBy, String imposedByName, Instant imposedAt,
                        boolean active, Instant releasedAt, UUID releasedBy, String releasedByName, String releaseReason,
                        int version) {
}
