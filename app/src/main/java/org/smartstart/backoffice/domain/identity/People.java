package org.smartstart.backoffice.domain.identity;

import org.smartstart.backoffice.domain.access.Actor;
import org.smartstart.backoffice.domain.usecase.Command;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Param;
import org.smartstart.backoffice.domain.usecase.Query;

import java.util.List;
import java.util.UUID;

/**
 * People and their roles: who is signed in, look up users, grant and revoke roles (ID-1..ID-3, KY-5).
 * One method per user action; each returns an {@code Outcome} and is served alike by the local adapter,
 * by the HTTP API and by the remote client (see {@code Query} and {@code Command}).
 *
 * <p>Who may do what: looking people up ({@link #people}, {@link #person}) is for the global staff —
 * admin, compliance and support — who need it to work KYC reviews, disputes and accounts; everyone else is
 * {@link Outcome.Denied}. Granting and revoking roles and unlocking accounts is "manage users, roles"
 * (ID-3): global admins only, and so is archiving a person. Each of those commands writes one audit entry
 * (ROLE_GRANTED, ROLE_REVOKED, ACCOUNT_UNLOCKED, USER_ARCHIVED).
 */
public interface People {

    /** The signed-in user with their current roles, as every use case sees them. */
    @Query("/me")
    Outcome<Actor> me();

    /**
     * People matching the filter, by display name. A limit outside 1..{@value PeopleFilter#MAX_LIMIT} is
     * {@link Outcome.Invalid} naming "limit".
     */
    @Query("/people")
    Outcome<List<PersonSummary>> people(@Param("filter") PeopleFilter filter);

    /** One person's profile, KYC status, login state and role assignments, active and revoked. */
    @Query("/people/{userId}")
    Outcome<Person> person(@Param("userId") UUID userId);

    /**
     * Grants a role, globally (no venture) or on one venture. Refused with KY-5 unless the person is
     * KYC-verified, with ID-2 if they already hold that role there. Audit: ROLE_GRANTED.
     */
    @Command("/people/{userId}/roles")
    Outcome<RoleAssignment> grantRole(@Param("userId") UUID userId, @Param("grant") RoleGrant grant);

    /**
     * Revokes an active role assignment; it stays as history with who revoked it and why (ID-2).
     * Audit: ROLE_REVOKED.
     */
    @Command("/role-assignments/{assignmentId}/revocation")
    Outcome<RoleAssignment> revokeRole(@Param("assignmentId") UUID assignmentId, @Param("revocation") RoleRevocation revocation);

    /** Ends the lockout after failed sign-ins (ID-4) and forgets the failures. Audit: ACCOUNT_UNLOCKED. */
    @Command("/people/{userId}/unlock")
    Outcome<Person> unlockAccount(@Param("userId") UUID userId);

    /**
     * Archives a person: a soft delete, never a hard delete. They can no longer sign in or be given roles;
     * their records, wallet and role history stay. Administrators do not archive themselves.
     * Audit: USER_ARCHIVED.
     */
    @Command("/people/{userId}/archive")
    Outcome<Person> archivePerson(@Param("userId") UUID userId, @Param("archive") PersonArchive archive);
}
