package org.smartstart.backoffice.domain.captable.ocf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What an import would write, shown before anything is written: who holds what on every date on which
 * the cap table changes, the problems that forbid the import (any one aborts it) and notes on what the
 * ledger cannot represent (options and warrants kept aside, vesting terms without a matching policy).
 *
 * @param holders every stakeholder that holds stock on some date, with who they become in the ledger
 * @param dates   the cap table on each change date, largest holder first
 */
public record OcfImportPreview(String issuer, LocalDate asOf, int files, int stakeholders, int transactions,
                               List<Holder> holders, List<Dated> dates, List<OcfProblem> problems, List<String> notes) {

    public OcfImportPreview {
        holders = List.copyOf(holders);
        dates = List.copyOf(dates);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    /** Whether the import may go ahead (it still re-checks everything when it writes). */
    public boolean importable() {
        return problems.isEmpty() && !dates.isEmpty();
    }

    /**
     * A stakeholder as a holder of the ledger.
     *
     * @param becomes       "owner" (the venture's owner, matched by e-mail), "platform" (AliceSolutions) or "person"
     *                      (an existing user with that e-mail, else a new pending user)
     * @param vestingPolicy a description of the vesting policy the rows follow, or empty
     */
    public record Holder(String stakeholderId, String name, String email, String becomes, String vestingPolicy) {
    }

    /** One stakeholder's stake on a date: shares held and the ledger's percent (three decimals). */
    public record Stake(String stakeholderId, String name, BigDecimal shares, BigDecimal percent) {
    }

    /** The cap table on one change date; the stakes total exactly 100.000. */
    public record Dated(LocalDate date, BigDecimal totalShares, List<Stake> stakes) {
        public Dated {
            stakes = List.copyOf(stakes);
        }
    }
}
