package org.smartstart.backoffice.domain.captable.ocf;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What an import wrote: ledger rows (and open rows closed), people matched or opened as pending users. */
public record OcfImportResult(UUID ventureId, int rowsWritten, int rowsClosed, int usersMatched, int usersCreated,
                              int vestingPoliciesCreated, LocalDate firstDate, LocalDate lastDate, int changeDates,
                              List<String> notes) {
    public OcfImportResult {
        notes = List.copyOf(notes);
    }
}
