package org.smartstart.backoffice.domain.legalholds;

import org.smartstart.backoffice.domain.usecase.Command;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Param;
import org.smartstart.backoffice.domain.usecase.Query;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Legal holds: list, preview, impose and release (LH-1..LH-3). Every action is for global compliance
 * staff only (ID-3, LH-1). While a hold is active the cap table rules refuse equity writes (EQ-7) and
 * the BUZ rules refuse transactions (BZ-6) of its venture.
 * One method per user action; each returns an {@code Outcome} and is served alike by the local adapter,
 * by the HTTP API and by the remote client (see {@code Query} and {@code Command}).
 */
public interface LegalHolds {

    /** Holds, newest first, with who imposed and released them and why; of one venture when given. */
    @Query("/legal-holds")
    Outcome<List<LegalHold>> holds(@Param("ventureId") Optional<UUID> ventureId, @Param("activeOnly") boolean activeOnly);

    /** What a hold of {@code appliesTo} on the venture would freeze, counted from today's data. */
    @Query("/ventures/{ventureId}/legal-holds/preview")
    Outcome<FreezePreview> freezePreview(@Param("ventureId") UUID ventureId, @Param("appliesTo") HoldScope appliesTo);

    /** Imposes a hold on the venture; a reason is required (Invalid "reason"). Audit: HOLD_IMPOSED. */
    @Command("/ventures/{ventureId}/legal-holds")
    Outcome<LegalHold> impose(@Param("ventureId") UUID ventureId, @Param("hold") HoldRequest hold);

    /**
     * Releases an active hold, recording the releaser, the time and the reason (LH-1); a released hold
     * is never edited again (LH-2). Audit: HOLD_RELEASED.
     */
    @Command("/legal-holds/{holdId}/release")
    Outcome<LegalHold> release(@Param("holdId") UUID holdId, @Param("release") HoldRelease release);
}
