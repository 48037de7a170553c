package org.smartstart.backoffice.domain.captable;

import java.util.List;

/**
 * A change to a venture's cap table as the owner drafted it: a description (the audit entry's human
 * text), the ledger revision the draft was based on ({@link CapTable#revision()}, for optimistic
 * concurrency), and its edits. It is the whole draft, so a refused or conflicting change loses no input.
 */
public record CapTableChange(String description, String basedOnRevision, List<LedgerEdit> edits) {
    public CapTableChange {
        edits = edits == null ? List.of() : List.copyOf(edits);
    }
}
