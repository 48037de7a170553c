package org.smartstart.backoffice.ui.captable;

import org.smartstart.backoffice.domain.captable.CapTableEdits;
import org.smartstart.backoffice.domain.captable.LedgerEdit;
import org.smartstart.backoffice.domain.captable.LedgerRow;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The owner's unsaved change to a cap table: its steps with undo and redo. The steps are applied one
 * after another to the saved ledger; what is saved is the net difference (closes of saved rows, new
 * rows that survive the later steps), so a holder touched twice still gets one new row per period.
 */
final class CapTableDraft {

    private List<DraftStep> steps = List.of();
    private final Deque<List<DraftStep>> undo = new ArrayDeque<>();
    private final Deque<List<DraftStep>> redo = new ArrayDeque<>();

    List<DraftStep> steps() {
        return steps;
    }

    boolean isEmpty() {
        return steps.isEmpty();
    }

    void add(DraftStep step) {
        List<DraftStep> next = new ArrayList<>(steps);
        next.add(Objects.requireNonNull(step));
        change(next);
    }

    void remove(int index) {
        List<DraftStep> next = new ArrayList<>(steps);
        next.remove(index);
        change(next);
    }

    void clear() {
        if (!steps.isEmpty()) {
            change(List.of());
        }
    }

    /** Forgets the draft and its history (after a save). */
    void reset() {
        steps = List.of();
        undo.clear();
        redo.clear();
    }

    boolean canUndo() {
        return !undo.isEmpty();
    }

    boolean canRedo() {
        return !redo.isEmpty();
    }

    void undo() {
        if (canUndo()) {
            redo.push(steps);
            steps = undo.pop();
        }
    }

    void redo() {
        if (canRedo()) {
            undo.push(steps);
            steps = redo.pop();
        }
    }

    private void change(List<DraftStep> next) {
        undo.push(steps);
        redo.clear();
        steps = List.copyOf(next);
    }

    /** The ledger edits that turn {@code saved} into what the steps make of it. */
    List<LedgerEdit> edits(List<LedgerRow> saved) {
        return difference(saved, applied(saved));
    }

    /** The ledger after every step, rows of the draft with ids of their own. */
    List<LedgerRow> applied(List<LedgerRow> saved) {
        List<LedgerRow> ledger = saved;
        for (DraftStep step : steps) {
            ledger = CapTableEdits.apply(ledger, step.edits(ledger), Instant.EPOCH, null);
        }
        return ledger;
    }

    /**
     * Saved rows whose end changed become closes; new rows become adds, in the order they were made.
     * A new row that a later step closed before it began never counted and is left out.
     */
    static List<LedgerEdit> difference(List<LedgerRow> saved, List<LedgerRow> after) {
        Map<UUID, LedgerRow> before = new HashMap<>();
        saved.forEach(r -> before.put(r.id(), r));
        List<LedgerEdit> edits = new ArrayList<>();
        List<LedgerEdit> adds = new ArrayList<>();
        for (LedgerRow row : after) {
            LedgerRow old = before.get(row.id());
            if (old != null) {
                if (!Objects.equals(old.effectiveTo(), row.effectiveTo())) {
                    edits.add(new LedgerEdit.Close(row.id(), row.effectiveTo()));
                }
            } else if (row.effectiveTo() == null || !row.effectiveTo().isBefore(row.effectiveFrom())) {
                adds.add(new LedgerEdit.Add(row.holder(), row.percent(), row.effectiveFrom(), row.effectiveTo(), row.vestingPolicyId()));
            }
        }
        edits.addAll(adds);
        return edits;
    }
}
