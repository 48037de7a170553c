package org.smartstart.backoffice.domain.disputes;

import org.smartstart.backoffice.domain.identity.Role;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the dispute use cases need from storage (a driven port), inside the use case's transaction. Every
 * update names the version it was based on and reports false when the dispute changed meanwhile
 * (optimistic lock), bumping the version and updated_at when it succeeds.
 */
public interface DisputeStore {

    /**
     * The object a dispute would name (DS-2), its venture, and the people it concerns: the assignee of a
     * task, the reviewer and the task's assignee of a review, the wallet's owner of a BUZ transaction, the
     * holder of an equity row.
     */
    record DisputedObject(UUID ventureId, String ventureName, Set<UUID> parties) {
        public DisputedObject {
            parties = Set.copyOf(parties);
        }
    }

    /** A user who might be given a dispute to work. */
    record Person(UUID id, String displayName, Set<Role> globalRoles) {
        public Person {
            globalRoles = Set.copyOf(globalRoles);
        }
    }

    Optional<DisputedObject> object(DisputeObjectType type, UUID objectId);

    /** Disputes matching the filter, oldest first; only those raised by {@code raisedBy} when given. */
    List<Dispute> disputes(DisputeFilter filter, UUID raisedBy, Instant now);

    /** The dispute as stored (breaches not yet judged: see {@link Dispute#at}). */
    Optional<Dispute> dispute(UUID disputeId);

    Optional<Person> person(UUID userId);

    UUID raise(UUID ventureId, NewDispute dispute, UUID raisedBy, Instant at);

    boolean assign(UUID disputeId, int version, UUID assignee, Instant at);

    /** open → in_review; records the first response and gives the dispute to {@code assignee}. */
    boolean startReview(UUID disputeId, int version, UUID assignee, Instant at);

    boolean decide(UUID disputeId, int version, DisputeStatus status, String resolution, UUID decidedBy, Instant at);

    /** decided → in_review with the appeal's reason; the decider and decision time are cleared for the new decision. */
    boolean appeal(UUID disputeId, int version, String reason, UUID appealedBy, Instant at);
}
