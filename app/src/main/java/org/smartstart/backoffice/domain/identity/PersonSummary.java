package org.smartstart.backoffice.domain.identity;

import java.util.List;
import java.util.UUID;

/** One line of the people list: who, their KYC status and the roles they hold now. */
public record PersonSummary(UUID id, String displayName, String email, KycState kycStatus, boolean archived,
                            List<Role> activeRoles) {
    public PersonSummary {
        activeRoles = List.copyOf(activeRoles);
    }
}
