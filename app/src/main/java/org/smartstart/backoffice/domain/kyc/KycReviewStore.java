package org.smartstart.backoffice.domain.kyc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the review use cases read and write, inside the adapter's one transaction. */
public interface KycReviewStore {

    /** A document of either kind. */
    Optional<DocumentFacts> document(UUID documentId);

    /** The same, locked against concurrent decisions until the transaction ends. */
    Optional<DocumentFacts> lockDocument(UUID documentId);

    /** Up to {@code limit} documents matching the filter, in its order; {@code reviewer} is who "mine" means. */
    List<QueueItem> queue(QueueFilter filter, UUID reviewer, Instant now, int limit);

    ReviewCounts counts(Instant now);

    /**
     * Claims for {@code reviewer} until {@code until} the first claimable pending document of the kind asked
     * (either, when null) in the order asked, skipping rows other transactions hold (FOR UPDATE SKIP LOCKED):
     * unclaimed or claim expired at {@code now}, not awaiting a second approval, not the reviewer's own. The
     * choice and the claim are one step, so concurrent reviewers never get the same document (KY-3).
     */
    Optional<ClaimedDocument> claimNext(DocumentKind kind, QueueOrder order, UUID reviewer, Instant now, Instant until);

    void claim(DocumentFacts document, UUID reviewer, Instant until);

    void release(DocumentFacts document);

    /** The stored bytes of a sha256, if any. */
    Optional<byte[]> bytes(String sha256);

    List<DecisionRecord> history(UUID documentId);

    /** The final decision: verified or rejected. */
    void decide(DocumentFacts document, UUID reviewer, String reviewerName, Decision decision, Instant at);

    /** A risky approval awaiting the second officer (KY-4). */
    void firstApproval(DocumentFacts document, UUID reviewer, Decision decision, Instant at);

    void confirm(DocumentFacts document, UUID officer, String officerName, Instant at);

    void overturn(DocumentFacts document, UUID officer, Instant at);

    void recordStep(DocumentFacts document, String step, String outcome, UUID reviewer, Instant at, String reasonCode,
                    String internalComment, String applicantComment, String reviewedSha256);

    /** users.kyc_status of a person. */
    String kycStatus(UUID userId);

    /** The KYB document types the venture lacks verified for activation (KY-6): articles_of_inc, tax_id. */
    List<String> missingForActivation(UUID ventureId);

    /** ventures.status of a venture. */
    String ventureStatus(UUID ventureId);

    /** The applicant (KYC) or venture (KYB) of a document, with their other documents and, for KYC, devices. */
    ReviewSubject subject(DocumentFacts document);

    /** The audit entries about the document (sealed and still unsealed), oldest first. */
    List<AuditedStep> auditTrail(DocumentFacts document);

    /** The compliance officers (active global compliance role), by name. */
    List<Reviewer> reviewers();
}
