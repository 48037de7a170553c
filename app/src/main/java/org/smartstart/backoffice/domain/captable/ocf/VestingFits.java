package org.smartstart.backoffice.domain.captable.ocf;

import com.fasterxml.jackson.databind.JsonNode;
import org.smartstart.backoffice.domain.captable.VestingFrequency;
import org.smartstart.backoffice.domain.captable.VestingPolicy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.Map;

/**
 * Whether OCF vesting terms fit a vesting policy of the ledger (EQ-6: nothing before the cliff, at the
 * cliff the elapsed share, then equal monthly or quarterly installments until the duration). That is the
 * chain "vesting start → optional cliff of C months vesting C/D → N installments of P months vesting P/D
 * each", with P 1 or 3 and C + N·P = D. Event-based, absolute-date, back-loaded or branching terms do
 * not fit, and the import says why.
 */
final class VestingFits {

    private VestingFits() {
    }

    record Fit(VestingPolicy policy, String whyNot) {
    }

    static OcfImportFit fit(String id, JsonNode terms) {
        Fit f = fitOf(terms);
        return new OcfImportFit(id, f.policy() == null ? null : new VestingPolicy(null, null, policyName(f.policy()),
                f.policy().cliffMonths(), f.policy().durationMonths(), f.policy().frequency()), f.whyNot());
    }

    static String policyName(VestingPolicy p) {
        return p.durationMonths() + " months, " + p.cliffMonths() + "-month cliff, " + p.frequency().code();
    }

    static String describe(VestingPolicy p) {
        return "the vesting policy \"" + policyName(p) + "\"";
    }

    private static Fit fitOf(JsonNode terms) {
        Map<String, JsonNode> byId = new HashMap<>();
        JsonNode start = null;
        for (JsonNode c : terms.path("vesting_conditions")) {
            byId.put(c.path("id").asText(), c);
            if (c.path("trigger").path("type").asText().equals("VESTING_START_DATE")) {
                if (start != null) {
                    return no("it has more than one vesting start");
                }
                start = c;
            }
        }
        if (start == null) {
            return no("it has no vesting start (it vests on events or fixed dates)");
        }
        if (portion(start).signum() != 0) {
            return no("part of it vests at the vesting start itself");
        }
        JsonNode first = next(start, byId);
        if (first == null) {
            return no("nothing vests after its start");
        }
        if (first.isMissingNode()) {
            return no("it branches into several conditions (events or alternatives)");
        }
        JsonNode cliff = null;
        JsonNode periodic = first;
        if (months(first) > 0 && occurrences(first) == 1 && next(first, byId) != null) {
            cliff = first;
            periodic = next(first, byId);
            if (periodic.isMissingNode()) {
                return no("it branches after its cliff");
            }
        }
        if (next(periodic, byId) != null) {
            return no("it has more stages than a cliff and one schedule of equal installments");
        }
        int period = months(periodic);
        int occurrences = occurrences(periodic);
        if (period != 1 && period != 3) {
            return no("its installments come every " + (period <= 0 ? "non-monthly period" : period + " months")
                    + ", not monthly or quarterly");
        }
        int cliffMonths = cliff == null ? 0 : months(cliff);
        int duration = cliffMonths + period * occurrences;
        if (occurrences <= 0 || duration <= 0) {
            return no("its schedule has no installments");
        }
        MathContext mc = MathContext.DECIMAL64;
        BigDecimal perInstallment = BigDecimal.valueOf(period).divide(BigDecimal.valueOf(duration), mc);
        if (portion(periodic).round(mc).compareTo(perInstallment) != 0) {
            return no("its installments are not equal shares of " + duration + " months (back-loaded or uneven)");
        }
        if (cliff != null && portion(cliff).round(mc).compareTo(BigDecimal.valueOf(cliffMonths).divide(BigDecimal.valueOf(duration), mc)) != 0) {
            return no("its cliff vests a share other than the months elapsed");
        }
        VestingFrequency frequency = period == 1 ? VestingFrequency.MONTHLY : VestingFrequency.QUARTERLY;
        return new Fit(new VestingPolicy(null, null, null, cliffMonths, duration, frequency), null);
    }

    private static Fit no(String why) {
        return new Fit(null, why);
    }

    /** The one next condition; null when none; a missing node when several (a branch). */
    private static JsonNode next(JsonNode c, Map<String, JsonNode> byId) {
        JsonNode ids = c.path("next_condition_ids");
        if (ids.size() == 0) {
            return null;
        }
        if (ids.size() > 1) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        JsonNode n = byId.get(ids.get(0).asText());
        return n == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : n;
    }

    private static int months(JsonNode c) {
        JsonNode trigger = c.path("trigger");
        if (!trigger.path("type").asText().equals("VESTING_SCHEDULE_RELATIVE")
                || !trigger.path("period").path("type").asText().equals("MONTHS")) {
            return -1;
        }
        return trigger.path("period").path("length").asInt(-1);
    }

    private static int occurrences(JsonNode c) {
        return c.path("trigger").path("period").path("occurrences").asInt(-1);
    }

    private static BigDecimal portion(JsonNode c) {
        if (c.has("portion")) {
            try {
                BigDecimal n = new BigDecimal(c.path("portion").path("numerator").asText());
                BigDecimal d = new BigDecimal(c.path("portion").path("denominator").asText());
                return d.signum() == 0 ? BigDecimal.ONE.negate() : n.divide(d, MathContext.DECIMAL64);
            } catch (NumberFormatException e) {
                return BigDecimal.ONE.negate();
            }
        }
        if (c.has("quantity")) {
            try {
                return new BigDecimal(c.path("quantity").asText()).signum() == 0 ? BigDecimal.ZERO : BigDecimal.ONE.negate();
            } catch (NumberFormatException e) {
                return BigDecimal.ONE.negate();
            }
        }
        return BigDecimal.ZERO;
    }
}
