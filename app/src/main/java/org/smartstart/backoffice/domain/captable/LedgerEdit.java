package org.smartstart.backoffice.domain.captable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One step of a cap table change. The ledger is never rewritten (EQ-5), so there are only two steps:
 * close an open row (its last effective day), and add a row. A transfer, a new holder, a new platform
 * stake or a backdated correction are combinations of both ({@link CapTableEdits} builds them).
 */
public sealed interface LedgerEdit {

    /** Closes the open row {@code rowId}: {@code effectiveTo} is its last effective day. */
    record Close(UUID rowId, LocalDate effectiveTo) implements LedgerEdit {
    }

    /**
     * Adds a row: {@code holder} holds {@code percent} from {@code effectiveFrom} until {@code effectiveTo}
     * (null: open), vesting per {@code vestingPolicyId} (null: fully vested).
     */
    record Add(Holder holder, BigDecimal percent, LocalDate effectiveFrom, LocalDate effectiveTo, UUID vestingPolicyId)
            implements LedgerEdit {
    }
}
