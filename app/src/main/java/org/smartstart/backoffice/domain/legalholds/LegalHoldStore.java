package org.smartstart.backoffice.domain.legalholds;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the legal hold use cases need from storage (a driven port), inside the use case's transaction.
 * It reads and writes; the rules are the use cases'.
 */
public interface LegalHoldStore {

    /** A venture a hold can be put on. */
    record Venture(UUID id, String name) {
    }

    /** Counts for a {@link FreezePreview}, straight from the data. */
    record FreezeFacts(int capTableHolders, int walletsWithBuz, int undecidedDisputes,
                       int undecidedOverEquity, int undecidedOverBuz) {
    }

    /** The venture, or empty when it does not exist (or is archived). */
    Optional<Venture> venture(UUID ventureId);

    /** Holds, newest first; of one venture when given; only unreleased ones when {@code activeOnly}. */
    List<LegalHold> holds(Optional<UUID> ventureId, boolean activeOnly);

    /** The hold, locked until the transaction ends so two releases take turns. */
    Optional<LegalHold> holdForUpdate(UUID holdId);

    FreezeFacts freezeFacts(UUID ventureId, LocalDate on);

    UUID impose(UUID ventureId, HoldScope appliesTo, String reason, UUID imposedBy, Instant at);

    /** Releases the hold if it still has {@code version}; false when someone changed it meanwhile. */
    boolean release(UUID holdId, int version, UUID releasedBy, String reason, Instant at);
}
