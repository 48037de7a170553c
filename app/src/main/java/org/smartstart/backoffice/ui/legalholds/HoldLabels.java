package org.smartstart.backoffice.ui.legalholds;

import org.smartstart.backoffice.domain.legalholds.HoldScope;
import org.smartstart.backoffice.domain.legalholds.LegalHold;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** Holds in the compliance officer's words, for lists, banners and messages. */
public final class HoldLabels {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private HoldLabels() {
    }

    public static String scope(HoldScope scope) {
        return switch (scope) {
            case EQUITY -> "equity";
            case BUZ -> "BUZ";
            case ALL -> "all records";
        };
    }

    /** What the scope stops, with the rules. */
    public static String freezes(HoldScope scope) {
        return switch (scope) {
            case EQUITY -> "cap table changes and conversions are refused (EQ-7)";
            case BUZ -> "BUZ transactions are refused (BZ-6)";
            case ALL -> "cap table changes, conversions (EQ-7) and BUZ transactions (BZ-6) are refused";
        };
    }

    /** "the BUZ hold on Helios Grid imposed 2026-09-10 14:00 UTC". */
    public static String describe(LegalHold h) {
        return "the " + scope(h.appliesTo()) + " hold on " + h.ventureName() + " imposed " + at(h.imposedAt());
    }

    public static String at(Instant at) {
        return at == null ? "—" : UTC.format(at);
    }

    /**
     * The banner shown wherever a venture under hold appears: empty when none is active, else e.g.
     * "Helios Grid is under a legal hold on BUZ (Litigation 26-14): BUZ transactions are refused (BZ-6)."
     */
    public static String banner(String ventureName, List<LegalHold> activeHolds) {
        if (activeHolds.isEmpty()) {
            return "";
        }
        return activeHolds.stream()
                .map(h -> ventureName + " is under a legal hold on " + scope(h.appliesTo()) + " (" + h.reason() + "): "
                        + freezes(h.appliesTo()) + ".")
                .collect(Collectors.joining("\n"));
    }
}
