package org.smartstart.backoffice.domain.captable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One saved change of a venture's ledger as the audit trail recorded it (AU-1): who, when, why, which
 * rows it wrote and closed, and where it sits in the chain.
 *
 * @param seq        the entry's place in the chain; null while it waits in the outbox to be sealed
 * @param txHash     the entry's hash; null while unsealed
 * @param action     EQUITY_CHANGE, BUZ_CONVERTED or VESTING_ATTACHED
 * @param rowsAdded  ledger rows the change wrote
 * @param rowsClosed ledger rows the change closed (they stay, EQ-5)
 */
public record LedgerChangeRecord(UUID auditEntryId, Long seq, String txHash, Instant at, UUID actorUserId, String actorName,
                                 String action, String objectType, UUID objectId, String description,
                                 List<UUID> rowsAdded, List<UUID> rowsClosed) {
    public LedgerChangeRecord {
        rowsAdded = rowsAdded == null ? List.of() : List.copyOf(rowsAdded);
        rowsClosed = rowsClosed == null ? List.of() : List.copyOf(rowsClosed);
    }

    public boolean sealed() {
        return seq != null;
    }
}
