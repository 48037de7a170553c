package org.smartstart.backoffice.domain.identity;

import org.smartstart.backoffice.domain.audit.AuditEntry;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Where accounts, their lockout state and sessions are kept. A sign-in attempt is one unit of work: the
 * account is read and held against concurrent attempts, and whatever the attempt records (counter,
 * session, audit entry) is kept together or not at all, so a failure is never counted without its audit
 * entry nor the other way round.
 */
public interface CredentialStore {

    /** Runs {@code work} as one unit of work on the account with this e-mail (ignoring case). */
    <T> T attempt(String email, AttemptWork<T> work);

    /** Ends a session early (sign out) together with its audit entry. Ending an ended session changes nothing. */
    void endSession(UUID sessionId, Instant endedAt, AuditEntry entry);

    @FunctionalInterface
    interface AttemptWork<T> {
        T run(Attempt attempt);
    }

    /** One attempt's view of the account and what it may record. */
    interface Attempt {

        /** Empty when no user with credentials has this e-mail. */
        Optional<StoredCredentials> account();

        /** Stores the new failure count and, when it locks the account, until when. */
        void recordFailure(int failedAttempts, Instant lockedUntil);

        /** Clears the failure count and any past lockout. */
        void resetFailures();

        void startSession(NewSession session);

        void audit(AuditEntry entry);
    }
}
