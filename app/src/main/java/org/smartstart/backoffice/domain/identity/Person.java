package org.smartstart.backoffice.domain.identity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A person's profile as user administration sees it: identity, KYC status (KY-2), login state (ID-4)
 * and every role assignment, the active ones and the revoked history (ID-2).
 *
 * @param failedLogins  failed sign-ins since the last success (ID-4)
 * @param lockedUntil   when the lockout after too many failures ends; null when none was imposed
 * @param mustChangePassword the person still has the temporary password an administrator gave them (ID-4)
 */
public record Person(UUID id, String displayName, String email, KycState kycStatus, String countryCode,
                     BigDecimal trustScore, Instant createdAt, Instant archivedAt, boolean hasPassword,
                     int failedLogins, Instant lockedUntil, boolean mustChangePassword,
                     List<RoleAssignment> activeRoles, List<RoleAssignment> revokedRoles) {
    public Person {
        activeRoles = List.copyOf(activeRoles);
        revokedRoles = List.copyOf(revokedRoles);
    }

    /** Whether sign-in is refused right now because of the lockout. */
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
