package org.smartstart.backoffice.domain.identity;

import java.util.Set;
import java.util.UUID;

/** Who is at the keyboard, with the global roles that decide what the shell offers (ID-2, ID-3). */
public record SignedInUser(UUID id, String displayName, String email, Set<Role> globalRoles) {
    public SignedInUser {
        globalRoles = Set.copyOf(globalRoles);
    }

    public boolean has(Role role) {
        return globalRoles.contains(role);
    }
}
