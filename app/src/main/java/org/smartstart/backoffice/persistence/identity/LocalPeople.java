package org.smartstart.backoffice.persistence.identity;

import org.smartstart.backoffice.domain.access.Actor;
import org.smartstart.backoffice.domain.identity.People;
import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.persistence.usecase.LocalUseCases;

/** The people port on the database. */
public final class LocalPeople implements People {

    private final LocalUseCases useCases;
    private final Session session;

    public LocalPeople(LocalUseCases useCases, Session session) {
        this.useCases = useCases;
        this.session = session;
    }

    @Override
    public Outcome<Actor> me() {
        return useCases.query(session, (actor, tx) -> Outcome.done(actor));
    }
}
