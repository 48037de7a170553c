package org.smartstart.backoffice.domain.captable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A BUZ-to-equity conversion as written (BZ-4): the conversion row, the wallet debit and the cap table
 * from its effective date on.
 */
public record Conversion(UUID conversionId, UUID ventureId, UUID userId, long buzSpent, BigDecimal equityPercentGranted,
                         LocalDate effectiveOn, UUID issuanceRuleId, UUID buzTransactionId, String txHash,
                         long walletBalanceAfter, List<LedgerRow> rowsAdded, CapTable capTableAfter) {
    public Conversion {
        rowsAdded = List.copyOf(rowsAdded);
    }
}
