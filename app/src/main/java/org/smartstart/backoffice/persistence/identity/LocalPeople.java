package org.smartstart.backoffice.persistence.identity;

import org.smartstart.backoffice.domain.access.Actor;
import org.smartstart.backoffice.domain.identity.People;
import org.smartstart.backoffice.domain.identity.PeopleFilter;
import org.smartstart.backoffice.domain.identity.PeopleUseCases;
import org.smartstart.backoffice.domain.identity.Person;
import org.smartstart.backoffice.domain.identity.PersonArchive;
import org.smartstart.backoffice.domain.identity.PersonSummary;
import org.smartstart.backoffice.domain.identity.RoleAssignment;
import org.smartstart.backoffice.domain.identity.RoleGrant;
import org.smartstart.backoffice.domain.identity.RoleRevocation;
import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.persistence.usecase.LocalUseCases;

import java.util.List;
import java.util.UUID;

/**
 * The people port on the database: each call is one transaction of {@link LocalUseCases} running the
 * domain's {@link PeopleUseCases} on a JDBC store. KY-5 and ID-2 (V3) and ID-3 (V14) are checked again by
 * the database's triggers; their refusals come back with the same rule ids.
 */
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

    @Override
    public Outcome<List<PersonSummary>> people(PeopleFilter filter) {
        return useCases.query(session, (actor, tx) -> new PeopleUseCases(new JdbcPeopleStore(tx.connection())).people(actor, filter));
    }

    @Override
    public Outcome<Person> person(UUID userId) {
        return useCases.query(session, (actor, tx) -> new PeopleUseCases(new JdbcPeopleStore(tx.connection())).person(actor, userId));
    }

    @Override
    public Outcome<RoleAssignment> grantRole(UUID userId, RoleGrant grant) {
        return useCases.command(session, (actor, tx, audit) ->
                new PeopleUseCases(new JdbcPeopleStore(tx.connection())).grantRole(actor, userId, grant, tx.now(), audit));
    }

    @Override
    public Outcome<RoleAssignment> revokeRole(UUID assignmentId, RoleRevocation revocation) {
        return useCases.command(session, (actor, tx, audit) ->
                new PeopleUseCases(new JdbcPeopleStore(tx.connection())).revokeRole(actor, assignmentId, revocation, tx.now(), audit));
    }

    @Override
    public Outcome<Person> unlockAccount(UUID userId) {
        return useCases.command(session, (actor, tx, audit) ->
                new PeopleUseCases(new JdbcPeopleStore(tx.connection())).unlockAccount(actor, userId, tx.now(), audit));
    }

    @Override
    public Outcome<Person> archivePerson(UUID userId, PersonArchive archive) {
        return useCases.command(session, (actor, tx, audit) ->
                new PeopleUseCases(new JdbcPeopleStore(tx.connection())).archivePerson(actor, userId, archive, tx.now(), audit));
    }
}
