package org.smartstart.backoffice.domain.access;

import org.smartstart.backoffice.domain.identity.Role;
import org.smartstart.backoffice.domain.usecase.Outcome;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who performs a use case, as the adapter found them at the start of its transaction: the user of a
 * valid session with their active role assignments (ID-2). The owner of a venture (ventures.owner_user_id)
 * counts as holding the owner role on it.
 *
 * @param ventureRoles active roles per venture; ventures without a role are absent
 */
public record Actor(UUID userId, String displayName, Set<Role> globalRoles, Map<UUID, Set<Role>> ventureRoles) {

    public Actor {
        globalRoles = Set.copyOf(globalRoles);
        Map<UUID, Set<Role>> copy = new HashMap<>();
        ventureRoles.forEach((venture, roles) -> copy.put(venture, Set.copyOf(roles)));
        ventureRoles = Map.copyOf(copy);
    }

    public boolean has(Role globalRole) {
        return globalRoles.contains(globalRole);
    }

    public Set<Role> rolesOn(UUID ventureId) {
        return ventureId == null ? Set.of() : ventureRoles.getOrDefault(ventureId, Set.of());
    }

    /** Whether ID-3 lets this actor do {@code permission} anywhere (global roles only). */
    public boolean may(Permission permission) {
        return permission.grantedGlobally(globalRoles);
    }

    /** Whether ID-3 lets this actor do {@code permission} on this venture. */
    public boolean may(Permission permission, UUID ventureId) {
        return may(permission) || permission.grantedOnVenture(rolesOn(ventureId));
    }

    /** Whether the actor may see this venture at all (any role on it, or a global role that reads every venture). */
    public boolean maySee(UUID ventureId) {
        return may(Permission.READ_CAP_TABLE, ventureId) || !rolesOn(ventureId).isEmpty();
    }

    /** Empty when allowed; otherwise the {@link Outcome.Denied} a use case returns as it is. */
    public <T> Optional<Outcome<T>> require(Permission permission, UUID ventureId) {
        if (may(permission, ventureId)) {
            return Optional.empty();
        }
        return Optional.of(new Outcome.Denied<>(permission.words(), denial(permission, ventureId != null)));
    }

    /** Empty when allowed by a global role; otherwise the {@link Outcome.Denied}. */
    public <T> Optional<Outcome<T>> require(Permission permission) {
        return require(permission, null);
    }

    private String denial(Permission permission, boolean onVenture) {
        StringBuilder who = new StringBuilder();
        permission.globalRoles().forEach(r -> who.append(who.isEmpty() ? "" : ", ").append(r.label().toLowerCase()));
        String global = "only " + who + (permission.globalRoles().size() > 1 ? " staff" : "") + " may";
        if (onVenture && !permission.ventureRoles().isEmpty()) {
            StringBuilder venture = new StringBuilder();
            permission.ventureRoles().forEach(r -> venture.append(venture.isEmpty() ? "" : " or ").append(r.label().toLowerCase()));
            return "You may not " + permission.words() + " of this venture: only its " + venture
                    + " or global " + who + " may (ID-3).";
        }
        return "You may not " + permission.words() + ": " + global + " (ID-3).";
    }
}
