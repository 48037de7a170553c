package org.smartstart.backoffice.ui.captable;

import org.smartstart.backoffice.domain.captable.CapTableEdits;
import org.smartstart.backoffice.domain.captable.Holder;
import org.smartstart.backoffice.domain.captable.LedgerEdit;
import org.smartstart.backoffice.domain.captable.LedgerRow;
import org.smartstart.backoffice.domain.captable.Percent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One step of a cap table draft as the owner chose it. Steps are kept as intentions, not as ledger
 * edits, so a draft can be re-applied to a ledger that changed under it (after a conflict) and shown
 * again before it is saved.
 */
sealed interface DraftStep {

    /** The date from which the step counts (the preview jumps there). */
    LocalDate on();

    /** The ledger edits of this step on {@code ledger} (the ledger as the earlier steps left it). */
    List<LedgerEdit> edits(List<LedgerRow> ledger);

    /** What the step does, in words, with {@code names} for the holders. */
    String describe(HolderNames names);

    /** {@code from} gives {@code percent} of the cap table to {@code to} from {@code on}. */
    record Transfer(Holder from, Holder to, BigDecimal percent, LocalDate on) implements DraftStep {
        @Override
        public List<LedgerEdit> edits(List<LedgerRow> ledger) {
            return CapTableEdits.transfer(ledger, from, to, percent, on);
        }

        @Override
        public String describe(HolderNames names) {
            return "Transfer " + Percent.format(percent) + " from " + names.of(from) + " to " + names.of(to) + " from " + on;
        }
    }

    /** A new holder receives {@code percent} from {@code from} (usually the owner). */
    record AddHolder(Holder holder, BigDecimal percent, LocalDate on, Holder from) implements DraftStep {
        @Override
        public List<LedgerEdit> edits(List<LedgerRow> ledger) {
            return CapTableEdits.addHolder(ledger, holder, percent, on, from);
        }

        @Override
        public String describe(HolderNames names) {
            return "Add " + names.of(holder) + " with " + Percent.format(percent) + " from " + names.of(from) + " from " + on;
        }
    }

    /** The platform (AliceSolutions) holds {@code stake} from {@code on}; {@code counterparty} gives or takes the difference. */
    record PlatformStake(BigDecimal stake, LocalDate on, Holder counterparty) implements DraftStep {
        @Override
        public List<LedgerEdit> edits(List<LedgerRow> ledger) {
            return CapTableEdits.changePlatformStake(ledger, stake, on, counterparty);
        }

        @Override
        public String describe(HolderNames names) {
            return "Platform stake becomes " + Percent.format(stake) + " from " + on + " (difference with " + names.of(counterparty) + ")";
        }
    }

    /** The ledger row {@code rowId} ends: {@code lastDay} is its last effective day. */
    record CloseRow(UUID rowId, Holder holder, LocalDate lastDay) implements DraftStep {
        @Override
        public LocalDate on() {
            return lastDay.plusDays(1);
        }

        @Override
        public List<LedgerEdit> edits(List<LedgerRow> ledger) {
            return List.of(new LedgerEdit.Close(rowId, lastDay));
        }

        @Override
        public String describe(HolderNames names) {
            return "Close the row of " + names.of(holder) + " after " + lastDay;
        }
    }

    /** Display names of holders. */
    interface HolderNames {
        String of(Holder holder);
    }
}
