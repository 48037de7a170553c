package org.smartstart.backoffice.domain.captable.ocf;

import org.smartstart.backoffice.domain.usecase.Command;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Param;
import org.smartstart.backoffice.domain.usecase.Query;

import java.util.UUID;

/**
 * Cap table interchange in the Open Cap Format (OCF): import a package into a venture's ledger, all or
 * nothing, and export a venture's ledger as a package. Both need the right to edit the cap table (ID-3:
 * the venture's owner or an admin), because a package carries the holders' e-mail addresses.
 */
public interface CapTableInterchange {

    /** What an import into the venture must know: its rule facts, the owner's e-mail and the ledger so far. */
    @Query("/ventures/{ventureId}/ocf/import-target")
    Outcome<OcfImportTarget> ocfImportTarget(@Param("ventureId") UUID ventureId);

    /**
     * Checks and replays {@code ocfPackage} into {@code ventureId}'s ledger without writing anything: the
     * cap table on every change date, every problem, and what the ledger cannot represent. Runs where it
     * is called (the package never travels for a preview); {@link #importOcf} runs the same plan again.
     */
    default Outcome<OcfImportPreview> previewOcfImport(UUID ventureId, OcfPackage ocfPackage) {
        return ocfImportTarget(ventureId).map(target -> OcfImport.plan(ocfPackage, target).preview());
    }

    /**
     * Imports {@code ocfPackage} into the venture's ledger in one transaction: ledger rows with their
     * effective dates, stakeholders matched to users by e-mail or opened as pending users, fitting vesting
     * terms as vesting policies. Any problem (schema, reference, date, EQ-1..EQ-5, EQ-7) writes nothing and
     * lists every problem with its file, object id and field. Audit: OCF_IMPORTED.
     */
    @Command("/ventures/{ventureId}/ocf/imports")
    Outcome<OcfImportResult> importOcf(@Param("ventureId") UUID ventureId, @Param("ocfPackage") OcfPackage ocfPackage);

    /** The venture's cap table as an OCF package whose transactions reproduce the ledger's history. */
    @Query("/ventures/{ventureId}/ocf/export")
    Outcome<OcfPackage> exportOcf(@Param("ventureId") UUID ventureId);
}
