package org.smartstart.backoffice.domain.captable;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * One line of a cap table on a date.
 *
 * @param userId          null for the platform (AliceSolutions)
 * @param vestedPercent   the part of {@code percent} vested on that date (EQ-6); all of it without a policy
 * @param vestingPolicy   null when the stake does not vest
 * @param ledgerRowIds    the ledger rows behind this line (one, unless the ledger breaks EQ-4)
 */
public record CapTableHolder(HolderType holderType, UUID userId, String displayName, BigDecimal percent,
                             BigDecimal vestedPercent, VestingPolicy vestingPolicy, List<UUID> ledgerRowIds) {
    public CapTableHolder {
        ledgerRowIds = List.copyOf(ledgerRowIds);
    }

    public Holder holder() {
        return new Holder(holderType, userId);
    }
}
