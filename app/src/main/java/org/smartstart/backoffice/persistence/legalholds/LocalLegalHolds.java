package org.smartstart.backoffice.persistence.legalholds;

import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.legalholds.FreezePreview;
import org.smartstart.backoffice.domain.legalholds.HoldRelease;
import org.smartstart.backoffice.domain.legalholds.HoldRequest;
import org.smartstart.backoffice.domain.legalholds.HoldScope;
import org.smartstart.backoffice.domain.legalholds.LegalHold;
import org.smartstart.backoffice.domain.legalholds.LegalHoldUseCases;
import org.smartstart.backoffice.domain.legalholds.LegalHolds;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.persistence.usecase.LocalUseCases;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The legal holds port on the database: each call is one transaction of {@link LocalUseCases} running the
 * domain's {@link LegalHoldUseCases} on a JDBC store. The database checks LH-1 and LH-2 again (V3, V13).
 */
public final class LocalLegalHolds implements LegalHolds {

    private final LocalUseCases useCases;
    private final Session session;

    public LocalLegalHolds(LocalUseCases useCases, Session session) {
        this.useCases = useCases;
        this.session = session;
    }

    @Override
    public Outcome<List<LegalHold>> holds(Optional<UUID> ventureId, boolean activeOnly) {
        return useCases.query(session, (actor, tx) ->
                new LegalHoldUseCases(new JdbcLegalHoldStore(tx.connection())).holds(actor, ventureId, activeOnly));
    }

    @Override
    public Outcome<FreezePreview> freezePreview(UUID ventureId, HoldScope appliesTo) {
        return useCases.query(session, (actor, tx) ->
                new LegalHoldUseCases(new JdbcLegalHoldStore(tx.connection())).freezePreview(actor, ventureId, appliesTo, tx.now()));
    }

    @Override
    public Outcome<LegalHold> impose(UUID ventureId, HoldRequest hold) {
        return useCases.command(session, (actor, tx, audit) ->
                new LegalHoldUseCases(new JdbcLegalHoldStore(tx.connection())).impose(actor, ventureId, hold, tx.now(), audit));
    }

    @Override
    public Outcome<LegalHold> release(UUID holdId, HoldRelease release) {
        return useCases.command(session, (actor, tx, audit) ->
                new LegalHoldUseCases(new JdbcLegalHoldStore(tx.connection())).release(actor, holdId, release, tx.now(), audit));
    }
}
