package org.smartstart.backoffice.persistence.captable;

import org.smartstart.backoffice.domain.captable.ocf.CapTableInterchange;
import org.smartstart.backoffice.domain.captable.ocf.OcfImportResult;
import org.smartstart.backoffice.domain.captable.ocf.OcfImportTarget;
import org.smartstart.backoffice.domain.captable.ocf.OcfInterchangeUseCases;
import org.smartstart.backoffice.domain.captable.ocf.OcfPackage;
import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.persistence.usecase.LocalUseCases;

import java.util.UUID;

/**
 * The OCF interchange port on the database: each call is one transaction of {@link LocalUseCases}; an
 * import that is not Done rolls back whole, so a refused package leaves no row, user or policy behind.
 */
public final class LocalCapTableInterchange implements CapTableInterchange {

    private final LocalUseCases useCases;
    private final Session session;

    public LocalCapTableInterchange(LocalUseCases useCases, Session session) {
        this.useCases = useCases;
        this.session = session;
    }

    @Override
    public Outcome<OcfImportTarget> ocfImportTarget(UUID ventureId) {
        return useCases.query(session, (actor, tx) ->
                new OcfInterchangeUseCases(new JdbcOcfInterchangeStore(tx.connection())).importTarget(actor, ventureId));
    }

    @Override
    public Outcome<OcfImportResult> importOcf(UUID ventureId, OcfPackage ocfPackage) {
        return useCases.command(session, (actor, tx, audit) ->
                new OcfInterchangeUseCases(new JdbcOcfInterchangeStore(tx.connection())).importOcf(actor, ventureId, ocfPackage,
                        tx.now(), audit));
    }

    @Override
    public Outcome<OcfPackage> exportOcf(UUID ventureId) {
        return useCases.query(session, (actor, tx) ->
                new OcfInterchangeUseCases(new JdbcOcfInterchangeStore(tx.connection())).exportOcf(actor, ventureId, tx.now()));
    }
}
