package org.smartstart.backoffice.domain.tokens;

import java.time.Instant;
import java.util.UUID;

/**
 * One BUZ transaction of a wallet as it is stored: its signed amount (credits positive, debits negative)
 * and its place in the wallet's hash chain (BZ-5).
 *
 * @param contributionEventId the contribution an earn pays for; null when none
 * @param memo                why the BUZ moved; null when nobody said
 */
public record WalletTransaction(UUID id, UUID ventureId, BuzTxType type, long amount, UUID contributionEventId, String memo,
                                Instant createdAt, String prevTxHash, String txHash) {
}
