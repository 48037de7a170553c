package org.smartstart.backoffice.domain.legalholds;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What imposing a hold of {@code appliesTo} on a venture would freeze, counted from the data on
 * {@code asOf} (the use case's day, UTC), so the compliance officer sees the reach before imposing.
 *
 * <p>Conversions have no pending state: a conversion is written in one transaction (BZ-4), so the
 * preview names them among {@code blocked} instead of counting them.
 *
 * @param blocked                      the actions the hold refuses, in words with their rule ids
 * @param capTableHolders              holders of the venture's cap table on {@code asOf} (EQ-7 freezes their rows)
 * @param walletsAffected              wallets with BUZ transactions of the venture (BZ-6 stops their BUZ of it)
 * @param undecidedDisputes            open or in-review disputes of the venture
 * @param disputesWithBlockedRemedies  of those, the ones over a frozen kind of object (equity rows under
 *                                     EQ-7, BUZ transactions under BZ-6), whose remedy (DS-4) could not be written
 * @param activeHolds                  holds already active on the venture (several matters may hold it at once)
 */
public record FreezePreview(UUID ventureId, String ventureName, HoldScope appliesTo, LocalDate asOf,
                            List<String> blocked, int capTableHolders, int walletsAffected,
                            int undecidedDisputes, int disputesWithBlockedRemedies, List<LegalHold> activeHolds) {
    public FreezePreview {
        blocked = List.copyOf(blocked);
        activeHolds = List.copyOf(activeHolds);
    }
}
