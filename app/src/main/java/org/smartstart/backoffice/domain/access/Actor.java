package org.smartstart.backoffice.domain.access;

import org.smartstart.backoffice.domain.identity.Role;
import org.smartstart.backoffice.domain.usecase.Outcome;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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

    private static String denial(Permission permission, boolean onVenture) {
        String global = "the global " + roles(permission.globalRoles()) + " role";
        if (onVenture && !permission.ventureRoles().isEmpty()) {
            return "You may not " + permission.words() + " of this venture: that takes its "
                    + roles(permission.ventureRoles()) + " role or " + global + " (ID-3).";
        }
        return "You may not " + permission.words() + ": that takes " + global + " (ID-3).";
    }

    /** "owner", "owner or contributor", "owner, contributor or reviewer". */
    private static String roles(Set<Role> roles) {
        List<String> names = roles.stream().sorted().map(r -> r.label().toLowerCase(Locale.ROOT)).toList();
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
