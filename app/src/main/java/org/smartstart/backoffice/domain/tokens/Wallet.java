package org.smartstart.backoffice.domain.tokens;

import java.util.List;
import java.util.UUID;

/**
 * A user's BUZ wallet: balances, the optimistic-lock version every change raises by one (BZ-1), and its
 * transactions newest first.
 *
 * @param walletId    null while the user has never held BUZ (then balances are 0 and version 0)
 * @param chainIntact BZ-5: the transactions link from 64 zeros without a gap and every tx_hash recomputes
 */
public record Wallet(UUID userId, String displayName, UUID walletId, long balance, long lockedBalance, int version,
                     boolean chainIntact, List<WalletTransaction> transactions) {
    public Wallet {
        transactions = List.copyOf(transactions);
    }
}
