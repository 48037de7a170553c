package org.smartstart.backoffice.domain.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the people use cases read and write, inside the one transaction of the use case. */
public interface PeopleStore {

    List<PersonSummary> find(PeopleFilter filter);

    Optional<Person> person(UUID userId);

    Optional<RoleAssignment> assignment(UUID assignmentId);

    /** The venture's name, if it exists and is not archived. */
    Optional<String> ventureName(UUID ventureId);

    /** The active assignment of this role to this person there (venture null: globally), if any. */
    Optional<RoleAssignment> activeAssignment(UUID userId, UUID ventureId, Role role);

    RoleAssignment insertAssignment(UUID userId, RoleGrant grant, UUID grantedBy, Instant at);

    /** Revokes the assignment if it is still active; false when someone else revoked it first. */
    boolean revoke(UUID assignmentId, UUID revokedBy, String reason, Instant at);

    /** Clears the failed sign-ins and the lockout; false when the person has no password. */
    boolean unlock(UUID userId);

    /** Marks the person archived at {@code at}; false when they were archived already (by someone else meanwhile). */
    boolean archive(UUID userId, Instant at);

    /** The display name of whoever uses this e-mail address already (ignoring case, archived people too). */
    Optional<String> emailHolder(String email);

    /**
     * Opens the account: the user (KYC pending) and their credentials with the temporary password's hash,
     * marked to be changed at the first sign-in (ID-4). Answers the new user's id.
     */
    UUID insertPerson(NewPerson person, String temporaryPasswordHash, Instant at);

    /** The stored password hash of the person, if they have a password. */
    Optional<String> passwordHash(UUID userId);

    /** Stores the person's own new password hash and clears "must change password"; false when they have none. */
    boolean changePassword(UUID userId, String passwordHash, Instant at);

    /** KYC documents, devices, skills, earned badges and sign-in history; empty when no such person. */
    Optional<PersonDetails> details(UUID userId);

    /**
     * Stores the bytes under their sha256 (once: the same file uploaded twice is one blob) and a pending KYC
     * document naming them, which enters the review queue. Answers the document's id.
     */
    UUID insertKycDocument(UUID userId, String docType, String originalFilename, String mediaType, byte[] bytes, String sha256,
                           Instant at);
}
