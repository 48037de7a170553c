package org.smartstart.backoffice.domain.tokens;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A venture's BUZ issuance rule with its history: every version, newest first, the current one (not replaced)
 * among them, and how much this month's issues used of the current cap (BZ-3).
 *
 * @param month           the calendar month (UTC) {@code issuedThisMonth} counts
 * @param issuedThisMonth the venture's 'earn' total in that month
 */
public record IssuanceRules(UUID ventureId, String ventureName, YearMonth month, long issuedThisMonth, List<Version> versions) {

    public IssuanceRules {
        versions = List.copyOf(versions);
    }

    /** The rule in force; empty when the venture has none (it cannot issue BUZ then). */
    public Optional<Version> current() {
        return versions.stream().filter(Version::current).findFirst();
    }

    /**
     * One version of the rule: monthly cap (BZ-3), conversion band in percent of the venture per BUZ and the
     * board's approval (BZ-4), from {@code createdAt} until {@code replacedAt} (null: still in force).
     */
    public record Version(UUID id, long monthlyIssueCap, BigDecimal bandMin, BigDecimal bandMax, boolean boardApproved,
                          Instant createdAt, Instant replacedAt) {

        public boolean current() {
            return replacedAt == null;
        }
    }
}
