package org.smartstart.backoffice.domain.disputes;

import org.smartstart.backoffice.domain.usecase.Command;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Param;
import org.smartstart.backoffice.domain.usecase.Query;

import java.util.List;
import java.util.UUID;

/**
 * Disputes: raise, assign, review, decide with a remedy and appeal (DS-1..DS-4).
 * Support and admin staff work disputes (ID-3); any signed-in user may raise one over an object they
 * can see and follow and appeal the disputes they raised (see {@link DisputeUseCases}).
 * One method per user action; each returns an {@code Outcome} and is served alike by the local adapter,
 * by the HTTP API and by the remote client (see {@code Query} and {@code Command}).
 */
public interface Disputes {

    /** Disputes matching the filter, oldest first, with their deadlines and breaches now (DS-3). */
    @Query("/disputes")
    Outcome<List<Dispute>> disputes(@Param("filter") DisputeFilter filter);

    @Query("/disputes/{disputeId}")
    Outcome<Dispute> dispute(@Param("disputeId") UUID disputeId);

    /**
     * Raises a dispute over a task, review, BUZ transaction or cap table row (DS-2); its first-response
     * and resolution deadlines start now (DS-3). Audit: DISPUTE_RAISED.
     */
    @Command("/disputes")
    Outcome<Dispute> raise(@Param("dispute") NewDispute dispute);

    /** Gives the dispute to a support or admin staff member. Audit: DISPUTE_ASSIGNED. */
    @Command("/disputes/{disputeId}/assignment")
    Outcome<Dispute> assign(@Param("disputeId") UUID disputeId, @Param("assigneeUserId") UUID assigneeUserId);

    /** open → in_review: the first response (DS-3). Audit: DISPUTE_IN_REVIEW. */
    @Command("/disputes/{disputeId}/review")
    Outcome<Dispute> startReview(@Param("disputeId") UUID disputeId);

    /**
     * in_review → resolved | rejected with a resolution text, by someone other than the raiser (DS-1). A
     * resolution may carry a remedy (DS-4: a compensating BUZ transaction, or an equity correction, which
     * needs the owner or admin role as any cap table change does; or the disputed task reopened), written in the same transaction under
     * every rule; when a rule
     * refuses it (e.g. a hold, BZ-6) the outcome names that rule, nothing is written and the dispute stays
     * in review. Audit: DISPUTE_DECIDED, with the remedy's transaction.
     */
    @Command("/disputes/{disputeId}/decision")
    Outcome<Dispute> decide(@Param("disputeId") UUID disputeId, @Param("decision") Decision decision);

    /**
     * What a compensating BUZ transaction of {@code amount} (positive credits, negative debits) on
     * {@code userId}'s wallet would write if the dispute were resolved now, and the rules that would refuse it.
     */
    @Query("/disputes/{disputeId}/remedy-preview")
    Outcome<RemedyPreview> previewBuzRemedy(@Param("disputeId") UUID disputeId, @Param("userId") UUID userId,
                                            @Param("amount") long amount);

    /**
     * The disputed object among what surrounds it: a task with its reviews, a BUZ transaction with its
     * wallet's recent history, a ledger row with the cap table on its first day.
     */
    @Query("/disputes/{disputeId}/context")
    Outcome<DisputeContext> context(@Param("disputeId") UUID disputeId);

    /** The audit entries about the dispute, oldest first, each with its seq and tx_hash once sealed (AU-2). */
    @Query("/disputes/{disputeId}/timeline")
    Outcome<List<DisputeEvent>> timeline(@Param("disputeId") UUID disputeId);

    /** The files attached to the dispute, oldest first, with the sha256 of each one's bytes. */
    @Query("/disputes/{disputeId}/evidence")
    Outcome<List<DisputeEvidence>> evidence(@Param("disputeId") UUID disputeId);

    /**
     * Attaches a file (a PDF, PNG, JPEG, text or CSV file of at most 5 MB whose bytes are of that type) while
     * the dispute is open or in review, by support staff or the person who raised it; the bytes are stored
     * with their sha256. Audit: DISPUTE_EVIDENCE_ADDED.
     */
    @Command("/disputes/{disputeId}/evidence")
    Outcome<DisputeEvidence> attachEvidence(@Param("disputeId") UUID disputeId, @Param("file") EvidenceFile file);

    /** An evidence file's bytes, with the sha256 of the bytes read now checked against the one recorded. */
    @Query("/disputes/{disputeId}/evidence/{evidenceId}")
    Outcome<EvidenceContent> evidenceFile(@Param("disputeId") UUID disputeId, @Param("evidenceId") UUID evidenceId);

    /** The one appeal (DS-1): a decided dispute goes back to in_review with a fresh resolution deadline. Audit: DISPUTE_APPEALED. */
    @Command("/disputes/{disputeId}/appeal")
    Outcome<Dispute> appeal(@Param("disputeId") UUID disputeId, @Param("reason") String reason);
}
