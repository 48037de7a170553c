package org.smartstart.backoffice.domain.ventures;

import java.util.List;
import java.util.UUID;

/** The ventures the acting user may see (ID-5), for the overview, ordered by name. */
@FunctionalInterface
public interface VenturesOverviewQuery {

    List<VentureOverview> list(UUID actingUser);
}
