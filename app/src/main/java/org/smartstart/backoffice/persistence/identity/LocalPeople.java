package org.smartstart.backoffice.persistence.identity;

import org.smartstart.backoffice.domain.access.Actor;
import org.smartstart.backoffice.domain.audit.PersonalDataTokenizer;
import org.smartstart.backoffice.domain.identity.KycUpload;
import org.smartstart.backoffice.domain.identity.NewPerson;
import org.smartstart.backoffice.domain.identity.PasswordChange;
import org.smartstart.backoffice.domain.identity.PasswordChanged;
import org.smartstart.backoffice.domain.identity.PasswordHasher;
import org.smartstart.backoffice.domain.identity.People;
import org.smartstart.backoffice.domain.identity.PeopleFilter;
import org.smartstart.backoffice.domain.identity.PeopleUseCases;
import org.smartstart.backoffice.domain.identity.Person;
import org.smartstart.backoffice.domain.identity.PersonArchive;
import org.smartstart.backoffice.domain.identity.PersonDetails;
import org.smartstart.backoffice.domain.identity.PersonSummary;
import org.smartstart.backoffice.domain.identity.RoleAssignment;
import org.smartstart.backoffice.domain.identity.RoleGrant;
import org.smartstart.backoffice.domain.identity.RoleRevocation;
import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.persistence.usecase.LocalTx;
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
    private final PasswordHasher hasher;
    private final PersonalDataTokenizer tokenizer;

    public LocalPeople(LocalUseCases useCases, Session session, PasswordHasher hasher, PersonalDataTokenizer tokenizer) {
        this.useCases = useCases;
        this.session = session;
        this.hasher = hasher;
        this.tokenizer = tokenizer;
    }

    private PeopleUseCases people(LocalTx tx) {
        return new PeopleUseCases(new JdbcPeopleStore(tx.connection()), hasher, tokenizer);
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
    public Outcome<PersonDetails> personDetails(UUID userId) {
        return useCases.query(session, (actor, tx) -> people(tx).personDetails(actor, userId));
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

    @Override
    public Outcome<Person> createPerson(NewPerson person) {
        return useCases.command(session, (actor, tx, audit) -> people(tx).createPerson(actor, person, tx.now(), audit));
    }

    @Override
    public Outcome<PasswordChanged> changePassword(PasswordChange change) {
        return useCases.commandBeforePasswordChange(session, (actor, tx, audit) -> people(tx).changePassword(actor, change, tx.now(), audit));
    }

    @Override
    public Outcome<PersonDetails.KycDocument> uploadKycDocument(UUID userId, KycUpload upload) {
        return useCases.command(session, (actor, tx, audit) -> people(tx).uploadKycDocument(actor, userId, upload, tx.now(), audit));
    }
}
