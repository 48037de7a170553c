package org.smartstart.backoffice.domain.captable;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What the cap table rules need to know about a venture besides its ledger.
 *
 * @param ownerUserId null when the venture has no owner yet (then EQ-2 has no one to protect)
 * @param aliceCap    the platform's ceiling (EQ-3); the database's NULL means 20.000
 * @param activeHolds applies_to of every active legal hold: "equity", "buz", "all" (EQ-7, BZ-6)
 */
public record VentureFacts(UUID ventureId, String name, UUID ownerUserId, BigDecimal aliceCap, List<String> activeHolds) {

    public static final BigDecimal PLATFORM_CEILING = new BigDecimal("20.000");

    public VentureFacts {
        aliceCap = aliceCap == null ? PLATFORM_CEILING : aliceCap;
        activeHolds = List.copyOf(activeHolds);
    }

    /** EQ-7: an active hold on equity or on all records. */
    public boolean equityHeld() {
        return activeHolds.contains("equity") || activeHolds.contains("all");
    }

    /** BZ-6: an active hold on BUZ or on all records. */
    public boolean buzHeld() {
        return activeHolds.contains("buz") || activeHolds.contains("all");
    }
}
