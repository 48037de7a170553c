package org.smartstart.backoffice.domain.ventures;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One line of the ventures overview. Region, status and hold scopes are the database's codes
 * ({@code venture_region}, {@code venture_status}, {@code hold_scope}); screens word them.
 *
 * @param ownerDisplayName null when the venture has no owner yet
 * @param activeHolds      applies_to of every unreleased legal hold, e.g. ["equity"]; empty when none
 */
public record VentureOverview(UUID id, String name, String region, String status, String ownerDisplayName,
                              List<String> activeHolds, Instant createdAt) {
    public VentureOverview {
        activeHolds = List.copyOf(activeHolds);
    }

    public boolean onHold() {
        return !activeHolds.isEmpty();
    }
}
