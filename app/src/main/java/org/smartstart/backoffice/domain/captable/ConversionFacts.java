package org.smartstart.backoffice.domain.captable;

import java.util.UUID;

/** What a conversion needs to know about the person converting: their KYC status (BZ-2) and wallet (BZ-1). */
public final class ConversionFacts {

    private ConversionFacts() {
    }

    /** @param kycStatus the database's kyc_status: pending, verified, rejected */
    public record Person(UUID userId, String displayName, String kycStatus) {
        public boolean verified() {
            return "verified".equals(kycStatus);
        }
    }

    /** A wallet as read: its spendable balance and the version a writer must move on by one (BZ-1). */
    public record Wallet(UUID walletId, UUID userId, long balance, long lockedBalance, int version) {
    }

    /** The BUZ transaction a conversion wrote: its id, its chained hash (BZ-5) and the balance after it. */
    public record Debit(UUID transactionId, String txHash, long balanceAfter) {
    }
}
