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

    /** @param remedy what the remedy wrote (kept on the dispute as JSON); null for none */
    boolean decide(UUID disputeId, int version, DisputeStatus status, String resolution, UUID decidedBy, Instant at,
                   java.util.Map<String, Object> remedy);

    /** The task a dispute is about: the task itself, or the task of the disputed review. */
    record DisputedTask(UUID id, String title, String status, int version) {
    }

    Optional<DisputedTask> disputedTask(DisputeObjectType type, UUID objectId);

    /** decided task → open, if its version is still {@code version}. */
    boolean reopenTask(UUID taskId, int version);

    /** The disputed object among what surrounds it. */
    DisputeContext context(Dispute dispute);

    /** The audit entries about the dispute, oldest first. */
    List<DisputeEvent> events(UUID disputeId);

    /** The dispute's evidence, oldest first. */
    List<DisputeEvidence> evidence(UUID disputeId);

    Optional<DisputeEvidence> evidence(UUID disputeId, UUID evidenceId);

    /** The stored bytes of a sha256, if any. */
    Optional<byte[]> bytes(String sha256);

    /** Stores the bytes (once per sha256) and the evidence row naming them. */
    UUID attach(UUID disputeId, String fileName, String mediaType, String sha256, byte[] bytes, UUID addedBy, Instant at);

    /** decided → in_review with the appeal's reason; the decider and decision time are cleared for the new decision. */
    boolean appeal(UUID disputeId, int version, String reason, UUID appealedBy, Instant at);
}
