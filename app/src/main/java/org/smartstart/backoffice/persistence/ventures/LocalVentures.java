package org.smartstart.backoffice.persistence.ventures;

import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.ventures.NewVenture;
import org.smartstart.backoffice.domain.ventures.StatusChange;
import org.smartstart.backoffice.domain.ventures.VentureAdminUseCases;
import org.smartstart.backoffice.domain.ventures.VentureArchive;
import org.smartstart.backoffice.domain.ventures.VentureDetail;
import org.smartstart.backoffice.domain.ventures.VentureFilter;
import org.smartstart.backoffice.domain.ventures.VentureOverview;
import org.smartstart.backoffice.domain.ventures.Ventures;
import org.smartstart.backoffice.persistence.usecase.LocalTx;
import org.smartstart.backoffice.persistence.usecase.LocalUseCases;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The ventures port on the database. The overview is one query; row-level security (ID-5) decides
 * which ventures the acting user sees. Soft-deleted ventures (archived_at set) are left out; a venture
 * whose status is 'archived' is shown.
 */
public final class LocalVentures implements Ventures {

    private static final String OVERVIEW = JdbcVentureStore.OVERVIEW_FROM + """
             WHERE v.archived_at IS NULL
             GROUP BY v.id, u.display_name
             ORDER BY lower(v.name)""";

    private final LocalUseCases useCases;
    private final Session session;

    public LocalVentures(LocalUseCases useCases, Session session) {
        this.useCases = useCases;
        this.session = session;
    }

    @Override
    public Outcome<List<VentureOverview>> overview() {
        return useCases.query(session, (actor, tx) -> {
            List<VentureOverview> rows = new ArrayList<>();
            try (PreparedStatement p = tx.connection().prepareStatement(OVERVIEW); ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    UUID id = r.getObject("id", UUID.class);
                    // Row-level security (ID-5) also shows a venture to someone who only took part in it
                    // (a task, a holding); the overview lists the ventures the actor has a role on.
                    if (!actor.maySee(id)) {
                        continue;
                    }
                    rows.add(JdbcVentureStore.overview(r));
                }
            }
            return Outcome.done(List.copyOf(rows));
        });
    }

    private static VentureAdminUseCases admin(LocalTx tx) {
        return new VentureAdminUseCases(new JdbcVentureStore(tx.connection()));
    }

    @Override
    public Outcome<List<VentureOverview>> search(VentureFilter filter) {
        return useCases.query(session, (actor, tx) -> admin(tx).search(actor, filter));
    }

    @Override
    public Outcome<VentureDetail> venture(UUID ventureId) {
        return useCases.query(session, (actor, tx) -> admin(tx).venture(actor, ventureId));
    }

    @Override
    public Outcome<VentureDetail> createVenture(NewVenture venture) {
        return useCases.command(session, (actor, tx, audit) -> admin(tx).create(actor, venture, tx.now(), audit));
    }

    @Override
    public Outcome<VentureDetail> changeStatus(UUID ventureId, StatusChange change) {
        return useCases.command(session, (actor, tx, audit) -> admin(tx).changeStatus(actor, ventureId, change, tx.now(), audit));
    }

    @Override
    public Outcome<VentureDetail> archiveVenture(UUID ventureId, VentureArchive archive) {
        return useCases.command(session, (actor, tx, audit) -> admin(tx).archive(actor, ventureId, archive, tx.now(), audit));
    }
}
