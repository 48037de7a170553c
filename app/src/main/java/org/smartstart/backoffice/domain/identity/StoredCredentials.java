package org.smartstart.backoffice.domain.identity;

import java.time.Instant;
import java.util.Optional;

/**
 * An account as sign-in sees it: the user, the password hash and the lockout state.
 *
 * @param failedAttempts consecutive failures since the last success (or since a lockout began)
 * @param lockedUntil    set while (and after) a lockout; the account is locked only before this instant
 */
public record StoredCredentials(SignedInUser user, String passwordHash, int failedAttempts,
                                Optional<Instant> lockedUntil, boolean mustChangePassword, boolean archived) {

    @Override
    public String toString() {
        return "StoredCredentials[user=" + user.id() + ", failedAttempts=" + failedAttempts + ", lockedUntil=" + lockedUntil + "]";
    }
}
