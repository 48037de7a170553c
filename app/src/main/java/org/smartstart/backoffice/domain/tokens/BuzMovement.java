package org.smartstart.backoffice.domain.tokens;

import java.util.UUID;

/** What an issue or a redemption did: the transaction written and the wallet before and after it. */
public record BuzMovement(UUID userId, UUID walletId, WalletTransaction transaction, long balanceBefore, long balanceAfter,
                          int walletVersion) {
}
