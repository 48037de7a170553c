package org.smartstart.backoffice.domain.kyc;

import org.smartstart.backoffice.domain.usecase.Command;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Param;
import org.smartstart.backoffice.domain.usecase.Query;

import java.util.UUID;

/**
 * The KYC/KYB review queue: claim, decide, four eyes (KY-1..KY-7).
 * One method per user action; each returns an {@code Outcome} and is served alike by the local adapter,
 * by the HTTP API and by the remote client (see {@code Query} and {@code Command}).
 * Every action takes the global compliance role (ID-3: decide KYC/KYB documents).
 */
public interface KycReview {

    /** Documents of the queue matching the filter, one page. */
    @Query("/kyc/queue")
    Outcome<QueuePage> queue(@Param("filter") QueueFilter filter);

    /** The compliance officers who may hold claims: the choices of the queue's assignee filter. */
    @Query("/kyc/reviewers")
    Outcome<java.util.List<Reviewer>> reviewers();

    /** How many documents are in each review status. */
    @Query("/kyc/counts")
    Outcome<ReviewCounts> counts();

    /**
     * Claims the next unclaimed (or expired-claim) pending document the reviewer may decide, never one
     * that a concurrent reviewer gets too (KY-3). Nothing waiting: NotFound. Audit: KYC_CLAIMED / KYB_CLAIMED.
     */
    @Command("/kyc/claims/next")
    Outcome<Claim> claimNext(@Param("request") ClaimNext request);

    /** Claims this pending document, or renews one's own claim (KY-3). Audit: KYC_CLAIMED / KYB_CLAIMED. */
    @Command("/kyc/documents/{documentId}/claim")
    Outcome<Claim> claim(@Param("documentId") UUID documentId);

    /** Gives back one's own claim so another reviewer may take the document. Audit: KYC_CLAIM_RELEASED. */
    @Command("/kyc/documents/{documentId}/claim/release")
    Outcome<Claim> releaseClaim(@Param("documentId") UUID documentId);

    /**
     * The document with its stored sha256, claim, latest decision and review history; the applicant (country,
     * trust score, devices' posture) or venture (status, owner) beside it with their other documents; and every
     * claim, decision and second approval with its audit entry (seq, tx_hash).
     */
    @Query("/kyc/documents/{documentId}")
    Outcome<DocumentDetail> document(@Param("documentId") UUID documentId);

    /** The stored bytes of the document and their sha256 (KY-7). */
    @Query("/kyc/documents/{documentId}/content")
    Outcome<DocumentContent> content(@Param("documentId") UUID documentId);

    /**
     * Decides a document one holds an unexpired claim on, never one's own (KY-1, KY-3), naming the sha256
     * of the bytes reviewed (KY-7). Approving at risk score ≥ 70 waits for a second officer (KY-4). The
     * applicant's KYC status follows (KY-2). Audit: KYC_DECISION / KYB_DECISION.
     */
    @Command("/kyc/documents/{documentId}/decision")
    Outcome<DecisionResult> decide(@Param("documentId") UUID documentId, @Param("decision") Decision decision);

    /**
     * A different compliance officer confirms (→ verified) or overturns (→ pending, back in the queue) a
     * risky approval (KY-4). Audit: KYC_SECOND_APPROVAL / KYB_SECOND_APPROVAL.
     */
    @Command("/kyc/documents/{documentId}/second-approval")
    Outcome<DecisionResult> secondApproval(@Param("documentId") UUID documentId, @Param("opinion") SecondOpinion opinion,
                                           @Param("comment") String comment);
}
