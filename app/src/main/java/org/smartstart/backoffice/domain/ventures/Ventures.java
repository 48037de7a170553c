package org.smartstart.backoffice.domain.ventures;

import org.smartstart.backoffice.domain.usecase.Command;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Param;
import org.smartstart.backoffice.domain.usecase.Query;

import java.util.List;
import java.util.UUID;

/**
 * Ventures as the acting user may see them (ID-5). One method per user action; each returns an
 * {@code Outcome} and is served alike by the local adapter, by the HTTP API and by the remote client.
 */
public interface Ventures {

    /** The ventures the acting user may see, ordered by name, with their owner and active holds. */
    @Query("/ventures")
    Outcome<List<VentureOverview>> overview();

    /**
     * The administration's search over every venture (soft-deleted ones only when the status asked for is
     * archived), by name. The global staff only (admin, support, compliance: ID-3, ID-5); a bad status or region
     * is {@link Outcome.Invalid} naming the field.
     */
    @Query("/ventures/search")
    Outcome<List<VentureOverview>> search(@Param("filter") VentureFilter filter);

    /** One venture with owner, cap, IT pack, billing and invoices, active holds and KYB documents (read-only). */
    @Query("/ventures/{ventureId}")
    Outcome<VentureDetail> venture(@Param("ventureId") UUID ventureId);

    /**
     * Creates a venture as a draft. Global admins only (ID-3 "manage ventures"); the owner must be KYC-verified
     * (KY-5), the platform cap at most 20.000 (EQ-3). Audit: VENTURE_CREATED.
     */
    @Command("/ventures")
    Outcome<VentureDetail> createVenture(@Param("venture") NewVenture venture);

    /**
     * Moves a venture to active or suspended per VS-1; becoming active needs verified articles_of_inc and tax_id
     * KYB documents (KY-6). Audit: VENTURE_STATUS_CHANGED.
     */
    @Command("/ventures/{ventureId}/status")
    Outcome<VentureDetail> changeStatus(@Param("ventureId") UUID ventureId, @Param("change") StatusChange change);

    /**
     * Archives a venture (soft delete: archived_at, never DELETE), refused while a legal hold on it is active
     * (VS-2, LH-3). Final. Audit: VENTURE_ARCHIVED.
     */
    @Command("/ventures/{ventureId}/archive")
    Outcome<VentureDetail> archiveVenture(@Param("ventureId") UUID ventureId, @Param("archive") VentureArchive archive);
}
