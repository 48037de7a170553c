package org.smartstart.backoffice.domain.ventures;

import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Query;

import java.util.List;

/**
 * Ventures as the acting user may see them (ID-5). One method per user action; each returns an
 * {@code Outcome} and is served alike by the local adapter, by the HTTP API and by the remote client.
 */
public interface Ventures {

    /** The ventures the acting user may see, ordered by name, with their owner and active holds. */
    @Query("/ventures")
    Outcome<List<VentureOverview>> overview();
}
