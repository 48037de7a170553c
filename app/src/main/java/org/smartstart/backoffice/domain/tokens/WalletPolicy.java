package org.smartstart.backoffice.domain.tokens;

import org.smartstart.backoffice.domain.usecase.Rejection;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The BUZ rules on one issue or redemption, pure: BZ-1 (a wallet never goes below zero), BZ-2 (only
 * KYC-verified people transact), BZ-3 (a venture's earn total per UTC calendar month stays within its
 * issuance rule's cap) and BZ-6 (no BUZ transaction under a BUZ or all-records legal hold). Every sentence
 * carries the figures; the database's triggers (V3) say the same with the same rule ids.
 */
public final class WalletPolicy {

    private WalletPolicy() {
    }

    /** @param earnedThisMonth the venture's earn total so far in {@code month} */
    public static List<Rejection> issue(WalletStore.Venture venture, WalletStore.Person person, long amount, YearMonth month,
                                        long earnedThisMonth) {
        List<Rejection> out = new ArrayList<>();
        kyc(person, "issuing " + amount + " BUZ").ifPresent(out::add);
        if (venture.monthlyIssueCap() == null) {
            out.add(new Rejection("BZ-3", venture.name() + " has no BUZ issuance rule, so no monthly cap; "
                    + amount + " BUZ cannot be issued (BZ-3)."));
        } else if (earnedThisMonth + amount > venture.monthlyIssueCap()) {
            out.add(new Rejection("BZ-3", "Issuing " + amount + " BUZ would bring " + venture.name() + "'s issuance in "
                    + month + " (UTC) to " + (earnedThisMonth + amount) + " BUZ, above its monthly cap of "
                    + venture.monthlyIssueCap() + " BUZ (" + earnedThisMonth + " BUZ already issued this month) (BZ-3)."));
        }
        hold(venture, "issuing " + amount + " BUZ").ifPresent(out::add);
        return out;
    }

    /** @param wallet null when the person has never held BUZ */
    public static List<Rejection> redeem(WalletStore.Venture venture, WalletStore.Person person, WalletStore.WalletState wallet,
                                         long amount) {
        List<Rejection> out = new ArrayList<>();
        long balance = wallet == null ? 0 : wallet.balance();
        if (balance < amount) {
            out.add(new Rejection("BZ-1", "The wallet of " + person.displayName() + " holds " + balance
                    + " BUZ; redeeming " + amount + " BUZ would leave it at " + (balance - amount)
                    + " BUZ, below zero (BZ-1)."));
        }
        kyc(person, "redeeming " + amount + " BUZ").ifPresent(out::add);
        hold(venture, "redeeming " + amount + " BUZ").ifPresent(out::add);
        return out;
    }

    private static java.util.Optional<Rejection> kyc(WalletStore.Person person, String what) {
        if (person.verified()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Rejection("BZ-2", person.displayName() + " is not KYC-verified (status "
                + person.kycStatus() + "); " + what + " is a BUZ transaction for their wallet, which needs a verified person (BZ-2)."));
    }

    private static java.util.Optional<Rejection> hold(WalletStore.Venture venture, String what) {
        if (!venture.buzHeld()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Rejection("BZ-6", venture.name() + " is under a legal hold on "
                + (venture.activeHolds().contains("all") ? "all its records" : "BUZ") + "; " + what
                + " is refused while it is active (BZ-6)."));
    }
}
