package org.smartstart.backoffice.domain.audit;

import org.smartstart.backoffice.domain.access.Actor;
import org.smartstart.backoffice.domain.access.Permission;
import org.smartstart.backoffice.domain.usecase.Outcome;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Who may read which part of the audit trail (ID-3, BROWSE_AUDIT). Global compliance and admin staff
 * read everything. A venture's owner reads only the entries of their own ventures: a filter without
 * a venture is narrowed to those ventures, and asking for another venture is refused with
 * {@link Outcome.Denied} (not answered with an empty page, which would look like "nothing happened
 * there"). The chain's head and its verification concern the whole log, so they are for global staff only.
 */
public final class AuditAccess {

    private AuditAccess() {
    }

    /**
     * The ventures whose entries the actor may browse with this filter: empty for "every entry"
     * (global staff), otherwise the ventures the query must be limited to; or why not at all.
     */
    public static Outcome<Optional<Set<UUID>>> scope(Actor actor, AuditFilter filter) {
        if (actor.may(Permission.BROWSE_AUDIT)) {
            return Outcome.done(Optional.empty());
        }
        if (filter.ventureId() != null) {
            Optional<Outcome<Optional<Set<UUID>>>> denied = actor.require(Permission.BROWSE_AUDIT, filter.ventureId());
            if (denied.isPresent()) {
                return denied.get();
            }
            return Outcome.done(Optional.of(Set.of(filter.ventureId())));
        }
        Set<UUID> own = ownVentures(actor);
        if (own.isEmpty()) {
            return actor.<Optional<Set<UUID>>>require(Permission.BROWSE_AUDIT).orElseThrow();
        }
        return Outcome.done(Optional.of(own));
    }

    /** Whether the actor may read an entry of this venture (null: an entry of no venture). */
    public static boolean maySee(Actor actor, UUID ventureId) {
        return actor.may(Permission.BROWSE_AUDIT) || (ventureId != null && actor.may(Permission.BROWSE_AUDIT, ventureId));
    }

    /** Empty when the actor may browse at least some entries; otherwise the denial. */
    public static <T> Optional<Outcome<T>> requireSome(Actor actor) {
        if (actor.may(Permission.BROWSE_AUDIT) || !ownVentures(actor).isEmpty()) {
            return Optional.empty();
        }
        return actor.require(Permission.BROWSE_AUDIT);
    }

    /** Empty for global compliance or admin staff (the whole log: head, verification); otherwise the denial. */
    public static <T> Optional<Outcome<T>> requireWholeLog(Actor actor) {
        return actor.require(Permission.BROWSE_AUDIT);
    }

    private static Set<UUID> ownVentures(Actor actor) {
        Set<UUID> own = new TreeSet<>();
        actor.ventureRoles().forEach((venture, roles) -> {
            if (actor.may(Permission.BROWSE_AUDIT, venture)) {
                own.add(venture);
            }
        });
        return own;
    }
}
