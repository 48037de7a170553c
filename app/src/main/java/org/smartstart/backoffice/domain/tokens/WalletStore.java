package org.smartstart.backoffice.domain.tokens;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the wallet use cases read and write, inside the one transaction the adapter opened. Failures of the
 * database (rule refusals included) surface as unchecked exceptions the adapter maps to outcomes.
 */
public interface WalletStore {

    /** A wallet's owner as BZ-2 needs them. */
    record Person(UUID userId, String displayName, String kycStatus) {
        public boolean verified() {
            return "verified".equals(kycStatus);
        }
    }

    /**
     * A venture as BUZ issuance needs it.
     *
     * @param activeHolds     applies_to of every active legal hold ("equity", "buz", "all")
     * @param monthlyIssueCap the cap of its current issuance rule; null when it has none (BZ-3)
     */
    record Venture(UUID ventureId, String name, List<String> activeHolds, Long monthlyIssueCap) {
        public Venture {
            activeHolds = List.copyOf(activeHolds);
        }

        /** BZ-6: an active hold on BUZ or on all records. */
        public boolean buzHeld() {
            return activeHolds.contains("buz") || activeHolds.contains("all");
        }
    }

    /** The balances and version of a wallet as read. */
    record WalletState(UUID walletId, long balance, long lockedBalance, int version) {
    }

    /** A contribution an earn can pay for; {@code ventureId} is the venture of its task (null when unknown). */
    record Contribution(UUID id, UUID userId, UUID ventureId) {
    }

    /** A wallet's transactions newest first, and whether its BZ-5 chain checks out. */
    record Chain(List<WalletTransaction> newestFirst, boolean intact) {
        public Chain {
            newestFirst = List.copyOf(newestFirst);
        }
    }

    Optional<Person> person(UUID userId);

    Optional<Venture> venture(UUID ventureId);

    /** Takes the lock the database's BZ-3 check takes, so the month's total read next stays true until commit. */
    void lockIssuance(UUID ventureId);

    /** The venture's 'earn' total in one calendar month (UTC). */
    long earnedIn(UUID ventureId, YearMonth month);

    Optional<Contribution> contribution(UUID contributionEventId);

    Optional<WalletState> wallet(UUID userId);

    /** The user's wallet, opened empty (version 1) when they have none; concurrent openers get the same one. */
    WalletState openWallet(UUID userId);

    /**
     * Changes the balance by {@code amount} (signed) and raises the version by one, if the wallet is still at
     * {@code from}'s version, and appends the chained transaction. Empty when the version moved (a conflict).
     */
    Optional<WalletTransaction> move(WalletState from, UUID ventureId, BuzTxType type, long amount, UUID contributionEventId,
                                     String memo, Instant at);

    Chain chain(UUID walletId);

    /** Every version of the venture's issuance rule, newest first. */
    List<IssuanceRules.Version> issuanceRules(UUID ventureId);
}
