package org.smartstart.backoffice.domain.captable;

import org.smartstart.backoffice.domain.usecase.Rejection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The token side of a BUZ-to-equity conversion, pure: the venture's current issuance rule must be
 * board approved and the rate (percent per BUZ) lie within its band (BZ-4); the person must be KYC
 * verified (BZ-2); no BUZ hold (BZ-6) and no equity hold (EQ-7); the wallet must cover the amount
 * (BZ-1). The cap table side (EQ-1..EQ-3 after dilution) is {@link CapTablePolicy}'s.
 */
public final class ConversionPolicy {

    private ConversionPolicy() {
    }

    /** The rate a request asks for: percent of the venture per BUZ. */
    public static BigDecimal rate(ConversionRequest request) {
        return request.equityPercent().divide(BigDecimal.valueOf(request.buzAmount()), 9, RoundingMode.HALF_UP);
    }

    /**
     * @param rule   the venture's current issuance rule, null when it has none
     * @param wallet the person's wallet, null when they have none
     */
    public static List<Rejection> check(VentureFacts venture, IssuanceRule rule, ConversionFacts.Person person,
                                        ConversionFacts.Wallet wallet, ConversionRequest request) {
        List<Rejection> out = new ArrayList<>();
        String conversion = request.buzAmount() + " BUZ for " + Percent.format(request.equityPercent());
        if (rule == null) {
            out.add(new Rejection("BZ-4", venture.name() + " has no BUZ issuance rule, so no conversion band; converting "
                    + conversion + " is not possible (BZ-4)."));
        } else {
            if (!rule.boardApproved()) {
                out.add(new Rejection("BZ-4", "The BUZ issuance rule of " + venture.name()
                        + " is not board approved; converting " + conversion + " needs an approved rule (BZ-4)."));
            }
            // Compared by multiplication: exact, no rounding of the rate.
            BigDecimal amount = BigDecimal.valueOf(request.buzAmount());
            if (request.equityPercent().compareTo(rule.bandMin().multiply(amount)) < 0
                    || request.equityPercent().compareTo(rule.bandMax().multiply(amount)) > 0) {
                out.add(new Rejection("BZ-4", "Converting " + conversion + " in " + venture.name() + " is a rate of "
                        + plain(rate(request)) + "% per BUZ, outside the conversion band of " + plain(rule.bandMin()) + " to "
                        + plain(rule.bandMax()) + "% per BUZ (BZ-4)."));
            }
        }
        if (!person.verified()) {
            out.add(new Rejection("BZ-2", person.displayName() + " is not KYC-verified (status " + person.kycStatus()
                    + "); no BUZ transaction for their wallet (BZ-2)."));
        }
        if (venture.buzHeld()) {
            out.add(new Rejection("BZ-6", venture.name() + " is under a legal hold on "
                    + (venture.activeHolds().contains("all") ? "all its records" : "BUZ")
                    + "; no BUZ transaction may be written while it is active (BZ-6)."));
        }
        if (venture.equityHeld()) {
            out.add(new CapTablePolicy(venture, java.util.Map.of()).holdRejection("equity conversion"));
        }
        if (wallet == null) {
            out.add(new Rejection("BZ-1", person.displayName() + " has no BUZ wallet; converting " + conversion
                    + " needs " + request.buzAmount() + " BUZ (BZ-1)."));
        } else if (wallet.balance() < request.buzAmount()) {
            out.add(new Rejection("BZ-1", "The wallet of " + person.displayName() + " holds " + wallet.balance()
                    + " BUZ; converting " + request.buzAmount() + " BUZ would leave it below zero (BZ-1)."));
        }
        return out;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
