package org.smartstart.backoffice.ui.captable;

import org.smartstart.backoffice.domain.captable.CapTableHolder;
import org.smartstart.backoffice.domain.captable.Holder;
import org.smartstart.backoffice.domain.captable.LedgerRow;
import org.smartstart.backoffice.domain.captable.Percent;
import org.smartstart.backoffice.domain.captable.VestingPolicy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One line of the cap table as the screen shows it; the last line of a table is its totals.
 *
 * @param holder     null on the totals line
 * @param ledgerRows the ledger rows behind the line, worded ("60.000% from 2026-01-01, open")
 */
public record HolderLine(Holder holder, String name, BigDecimal percent, BigDecimal vestedPercent, String vesting,
                         String ledgerRows, List<UUID> ledgerRowIds, boolean platform, boolean total) {

    public HolderLine {
        ledgerRowIds = List.copyOf(ledgerRowIds);
    }

    static HolderLine of(CapTableHolder h, Map<UUID, LedgerRow> rows) {
        String behind = h.ledgerRowIds().stream().map(rows::get).filter(java.util.Objects::nonNull)
                .map(HolderLine::describe).collect(Collectors.joining("; "));
        return new HolderLine(h.holder(), h.displayName(), h.percent(), h.vestedPercent(), vesting(h.vestingPolicy()), behind,
                h.ledgerRowIds(), h.holder().platform(), false);
    }

    static HolderLine totals(BigDecimal total, BigDecimal vested, int holders) {
        return new HolderLine(null, "Total (" + holders + (holders == 1 ? " holder)" : " holders)"), total, vested, "", "",
                List.of(), false, true);
    }

    static String vesting(VestingPolicy p) {
        if (p == null) {
            return "Fully vested";
        }
        return p.name() + " (" + p.cliffMonths() + "-month cliff, " + p.durationMonths() + " months, "
                + (p.frequency() == null ? "monthly" : p.frequency().code()) + ")";
    }

    static String describe(LedgerRow r) {
        return Percent.format(r.percent()) + " from " + r.effectiveFrom() + (r.effectiveTo() == null ? ", open" : " to " + r.effectiveTo());
    }

    public String percentText() {
        return Percent.format(percent);
    }

    public String vestedText() {
        return Percent.format(vestedPercent);
    }
}
