package org.smartstart.backoffice.domain.disputes;

import org.smartstart.backoffice.domain.access.Actor;
import org.smartstart.backoffice.domain.access.Permission;
import org.smartstart.backoffice.domain.audit.AuditEntry;
import org.smartstart.backoffice.domain.audit.AuditRecorder;
import org.smartstart.backoffice.domain.usecase.FieldProblem;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Rejection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The dispute use cases on a {@link DisputeStore} inside one transaction: who may (ID-3), input, the
 * rules (DS-1..DS-3), then the write and its one audit entry (AU-1).
 *
 * <p>Who may do what:
 * <ul>
 *   <li>support and admin staff (global, "work disputes") see every dispute, assign, start the review and decide;</li>
 *   <li>any signed-in user may raise a dispute over an object they can see: one of a venture they may see
 *       (a role on it, or a global role that reads every venture), or one that concerns them (their task,
 *       their review, their BUZ transaction, their cap table row). An object they cannot see gets the same
 *       DS-2 answer as one that does not exist (ID-5);</li>
 *   <li>the person who raised a dispute sees it and may appeal its decision once; to anyone else who does
 *       not work disputes it does not exist.</li>
 * </ul>
 * Every update is based on the version read and is a conflict when another one got there first.
 */
public final class DisputeUseCases {

    private final DisputeStore store;

    public DisputeUseCases(DisputeStore store) {
        this.store = store;
    }

    public Outcome<List<Dispute>> disputes(Actor actor, DisputeFilter filter, Instant now) {
        DisputeFilter f = filter == null ? DisputeFilter.all() : filter;
        UUID onlyRaisedBy = actor.may(Permission.WORK_DISPUTES) ? null : actor.userId();
        return Outcome.done(store.disputes(f, onlyRaisedBy, now).stream().map(d -> d.at(now)).toList());
    }

    public Outcome<Dispute> dispute(Actor actor, UUID disputeId, Instant now) {
        return visible(actor, disputeId).map(d -> d.at(now));
    }

    public Outcome<Dispute> raise(Actor actor, NewDispute request, Instant now, AuditRecorder audit) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request == null || request.objectType() == null) {
            problems.add(new FieldProblem("objectType", "is missing: TASK, REVIEW, BUZ_TX or EQUITY"));
        }
        if (request == null || request.objectId() == null) {
            problems.add(new FieldProblem("objectId", "is missing: which task, review, BUZ transaction or cap table row"));
        }
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            problems.add(new FieldProblem("reason", "is missing: say what is wrong"));
        }
        if (!problems.isEmpty()) {
            return new Outcome.Invalid<>(problems);
        }
        Optional<DisputeStore.DisputedObject> object = store.object(request.objectType(), request.objectId());
        if (object.isEmpty() || !(actor.maySee(object.get().ventureId()) || object.get().parties().contains(actor.userId()))) {
            return Outcome.rejected("DS-2", "DS-2: A dispute must name an existing " + request.objectType().code()
                    + " you can see; there is no " + request.objectType().code() + " " + request.objectId() + " for you.");
        }
        NewDispute clean = new NewDispute(request.objectType(), request.objectId(), request.reason().strip());
        UUID id = store.raise(object.get().ventureId(), clean, actor.userId(), now);
        Dispute raised = store.dispute(id).orElseThrow().at(now);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("object_type", clean.objectType().code());
        data.put("object_id", clean.objectId().toString());
        data.put("reason", clean.reason());
        data.put("first_response_due_at", String.valueOf(raised.firstResponseDueAt()));
        data.put("resolution_due_at", String.valueOf(raised.resolutionDueAt()));
        audit.record(new AuditEntry(actor.userId(), "DISPUTE_RAISED", "dispute", id, raised.ventureId(), data));
        return Outcome.done(raised);
    }

    public Outcome<Dispute> assign(Actor actor, UUID disputeId, UUID assigneeUserId, Instant now, AuditRecorder audit) {
        Optional<Outcome<Dispute>> denied = actor.require(Permission.WORK_DISPUTES);
        if (denied.isPresent()) {
            return denied.get();
        }
        if (assigneeUserId == null) {
            return Outcome.invalid("assigneeUserId", "is missing: who works the dispute");
        }
        Optional<Dispute> found = store.dispute(disputeId);
        if (found.isEmpty()) {
            return Outcome.notFound("dispute", disputeId);
        }
        Optional<DisputeStore.Person> assignee = store.person(assigneeUserId);
        if (assignee.isEmpty()) {
            return Outcome.invalid("assigneeUserId", "no user " + assigneeUserId + " exists");
        }
        if (assignee.get().globalRoles().stream().noneMatch(Permission.WORK_DISPUTES.globalRoles()::contains)) {
            return Outcome.invalid("assigneeUserId", assignee.get().displayName()
                    + " does not work disputes: that takes the global support or admin role (ID-3)");
        }
        Dispute d = found.get();
        Optional<Outcome<Dispute>> refused = refuse(DisputePolicy.checkAssign(d));
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!store.assign(disputeId, d.version(), assigneeUserId, now)) {
            return conflict(d, d.version());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("before", d.assignedTo() == null ? null : d.assignedTo().toString());
        data.put("after", assigneeUserId.toString());
        return written(actor, d, "DISPUTE_ASSIGNED", data, now, audit);
    }

    public Outcome<Dispute> startReview(Actor actor, UUID disputeId, Instant now, AuditRecorder audit) {
        Optional<Outcome<Dispute>> denied = actor.require(Permission.WORK_DISPUTES);
        if (denied.isPresent()) {
            return denied.get();
        }
        Optional<Dispute> found = store.dispute(disputeId);
        if (found.isEmpty()) {
            return Outcome.notFound("dispute", disputeId);
        }
        Dispute d = found.get();
        Optional<Outcome<Dispute>> refused = refuse(DisputePolicy.checkStartReview(d));
        if (refused.isPresent()) {
            return refused.get();
        }
        // Whoever starts the review works it unless someone was assigned already.
        UUID assignee = d.assignedTo() != null ? d.assignedTo() : actor.userId();
        if (!store.startReview(disputeId, d.version(), assignee, now)) {
            return conflict(d, d.version());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("before", d.status().code());
        data.put("after", DisputeStatus.IN_REVIEW.code());
        data.put("assigned_to", assignee.toString());
        data.put("first_response_breached", DisputeDeadlines.firstResponseBreached(d.firstResponseDueAt(), now, now));
        return written(actor, d, "DISPUTE_IN_REVIEW", data, now, audit);
    }

    public Outcome<Dispute> decide(Actor actor, UUID disputeId, Decision decision, Instant now, AuditRecorder audit) {
        Optional<Outcome<Dispute>> denied = actor.require(Permission.WORK_DISPUTES);
        if (denied.isPresent()) {
            return denied.get();
        }
        if (decision == null || decision.outcome() == null) {
            return Outcome.invalid("outcome", "is missing: RESOLVED or REJECTED");
        }
        Optional<Dispute> found = store.dispute(disputeId);
        if (found.isEmpty()) {
            return Outcome.notFound("dispute", disputeId);
        }
        Dispute d = found.get();
        if (decision.expectedVersion() != null && decision.expectedVersion() != d.version()) {
            return conflict(d, decision.expectedVersion());
        }
        Optional<Outcome<Dispute>> refused = refuse(DisputePolicy.checkDecide(d, decision.outcome(), decision.resolution(),
                actor.userId(), actor.displayName()));
        if (refused.isPresent()) {
            return refused.get();
        }
        // DS-4: a remedy will run here, in this transaction and under every rule, before the decision is
        // written; when it is refused, its rejection is returned and the dispute stays undecided.
        String resolution = decision.resolution().strip();
        if (!store.decide(disputeId, d.version(), decision.outcome().status(), resolution, actor.userId(), now)) {
            return conflict(d, d.version());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("before", d.status().code());
        data.put("after", decision.outcome().status().code());
        data.put("resolution", resolution);
        data.put("appeal_count", d.appealCount());
        data.put("resolution_breached", DisputeDeadlines.resolutionBreached(d.resolutionDueAt(), decision.outcome().status(), now, now));
        return written(actor, d, "DISPUTE_DECIDED", data, now, audit);
    }

    public Outcome<Dispute> appeal(Actor actor, UUID disputeId, String reason, Instant now, AuditRecorder audit) {
        if (reason == null || reason.isBlank()) {
            return Outcome.invalid("reason", "is missing: say why the decision is wrong");
        }
        Outcome<Dispute> seen = visible(actor, disputeId);
        if (!(seen instanceof Outcome.Done<Dispute> done)) {
            return seen;
        }
        Dispute d = done.value();
        Optional<Outcome<Dispute>> refused = refuse(DisputePolicy.checkAppeal(d));
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!store.appeal(disputeId, d.version(), reason.strip(), actor.userId(), now)) {
            return conflict(d, d.version());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("before", d.status().code());
        data.put("after", DisputeStatus.IN_REVIEW.code());
        data.put("appeal_count", d.appealCount() + 1);
        data.put("reason", reason.strip());
        data.put("appealed_decision", d.resolution());
        return written(actor, d, "DISPUTE_APPEALED", data, now, audit);
    }

    // ---------------------------------------------------------------------------------------------

    /** The dispute if the actor works disputes or raised it; otherwise, as for an unknown id, NotFound (ID-5). */
    private Outcome<Dispute> visible(Actor actor, UUID disputeId) {
        Optional<Dispute> found = store.dispute(disputeId);
        if (found.isEmpty() || !(actor.may(Permission.WORK_DISPUTES) || found.get().raisedBy().equals(actor.userId()))) {
            return Outcome.notFound("dispute", disputeId);
        }
        return Outcome.done(found.get());
    }

    private static Optional<Outcome<Dispute>> refuse(List<Rejection> rejections) {
        return rejections.isEmpty() ? Optional.empty() : Optional.of(Outcome.rejected(rejections));
    }

    private Outcome<Dispute> written(Actor actor, Dispute before, String action, Map<String, Object> data, Instant now,
                                     AuditRecorder audit) {
        audit.record(new AuditEntry(actor.userId(), action, "dispute", before.id(), before.ventureId(), data));
        return Outcome.done(store.dispute(before.id()).orElseThrow().at(now));
    }

    /** Someone changed the dispute after the version the actor's action was based on. */
    private Outcome<Dispute> conflict(Dispute read, int basedOn) {
        Dispute current = store.dispute(read.id()).orElse(read);
        return new Outcome.Conflict<>("The dispute on " + read.ventureName() + " was changed since you opened it (version "
                + basedOn + ", now " + current.version() + ", " + current.status().code() + "); nothing was saved. Reload it and try again.");
    }

}
