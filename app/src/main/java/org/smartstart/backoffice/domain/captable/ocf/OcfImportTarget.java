package org.smartstart.backoffice.domain.captable.ocf;

import org.smartstart.backoffice.domain.captable.LedgerRow;
import org.smartstart.backoffice.domain.captable.VentureFacts;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What an import needs to know about the venture it writes into: its rules' facts (owner for EQ-2, the
 * platform cap for EQ-3, holds for EQ-7), the owner's e-mail (the stakeholder with it becomes the owner's
 * stake) and the ledger so far (an import continues it after its last change).
 */
public record OcfImportTarget(UUID ventureId, String ventureName, UUID ownerUserId, String ownerEmail, BigDecimal aliceCap,
                              List<String> activeHolds, List<LedgerRow> ledger) {
    public OcfImportTarget {
        activeHolds = List.copyOf(activeHolds);
        ledger = List.copyOf(ledger);
    }

    public VentureFacts facts() {
        return new VentureFacts(ventureId, ventureName, ownerUserId, aliceCap, activeHolds);
    }
}
