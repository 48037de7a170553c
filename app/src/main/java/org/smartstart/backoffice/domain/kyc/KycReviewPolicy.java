package org.smartstart.backoffice.domain.kyc;

import org.smartstart.backoffice.domain.usecase.Rejection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** KY-1, KY-3, KY-4 and KY-7 in Java: why a reviewer may not claim, decide or second-approve a document. */
public final class KycReviewPolicy {

    /** KY-4: approving a document this risky takes a second, different compliance officer. */
    public static final int FOUR_EYES_RISK = 70;

    private KycReviewPolicy() {
    }

    public static boolean needsSecondApproval(DocumentFacts document) {
        return document.riskScore() >= FOUR_EYES_RISK;
    }

    /** Whether the reviewer may claim (or renew a claim on) the document; a claim held by another is a conflict, not a rule. */
    public static List<Rejection> checkClaim(DocumentFacts document, UUID reviewer, String reviewerName) {
        List<Rejection> rejections = new ArrayList<>();
        ReviewStatus status = document.reviewStatus();
        if (status != ReviewStatus.PENDING) {
            rejections.add(new Rejection("KY-1", document.words() + " is " + words(status)
                    + "; only pending documents are claimed for a decision."));
        }
        own(document, reviewer, reviewerName, "claim").ifPresent(rejections::add);
        return rejections;
    }

    public static List<Rejection> checkDecision(DocumentFacts document, UUID reviewer, String reviewerName, Decision decision, Instant now) {
        List<Rejection> rejections = new ArrayList<>();
        ReviewStatus status = document.reviewStatus();
        if (status != ReviewStatus.PENDING) {
            String why = status == ReviewStatus.AWAITING_SECOND_APPROVAL
                    ? " awaits the second approval of a different compliance officer (KY-4), not another decision."
                    : " on " + document.decidedAt() + "; a decided document goes from pending to verified or rejected only once.";
            rejections.add(new Rejection("KY-1", document.words() + " is already " + words(status) + why));
        }
        own(document, reviewer, reviewerName, "decide").ifPresent(rejections::add);
        if (!document.claimedBy(reviewer, now)) {
            String held;
            if (document.claimedBy() == null) {
                held = "nobody holds a claim on it";
            } else if (!document.claimActive(now)) {
                held = "the claim of " + document.claimedByName() + " expired at " + document.claimedUntil();
            } else {
                held = "it is claimed by " + document.claimedByName() + " until " + document.claimedUntil();
            }
            rejections.add(new Rejection("KY-3", reviewerName + " may decide " + lower(document.words())
                    + " only while holding an unexpired claim on it; " + held + " (now " + now + ")."));
        }
        if (document.sha256() == null || !document.sha256().equalsIgnoreCase(decision.reviewedSha256())) {
            rejections.add(new Rejection("KY-7", document.words() + ": the reviewed bytes have sha256 " + decision.reviewedSha256()
                    + " but the stored document has sha256 " + (document.sha256() == null ? "none" : document.sha256())
                    + "; decide on the bytes that are stored."));
        }
        return rejections;
    }

    public static List<Rejection> checkSecondApproval(DocumentFacts document, UUID officer, String officerName) {
        List<Rejection> rejections = new ArrayList<>();
        if (document.reviewStatus() != ReviewStatus.AWAITING_SECOND_APPROVAL) {
            rejections.add(new Rejection("KY-4", document.words() + " is " + words(document.reviewStatus())
                    + ", not awaiting a second approval."));
        } else if (officer.equals(document.firstApprovedBy())) {
            rejections.add(new Rejection("KY-4", document.words() + " (risk score " + document.riskScore() + " >= " + FOUR_EYES_RISK
                    + ") was first approved by " + officerName + "; the second approval must come from a different compliance officer."));
        }
        own(document, officer, officerName, "second-approve").ifPresent(rejections::add);
        return rejections;
    }

    private static java.util.Optional<Rejection> own(DocumentFacts document, UUID reviewer, String reviewerName, String verb) {
        if (!reviewer.equals(document.ownerId())) {
            return java.util.Optional.empty();
        }
        String why = document.kind() == DocumentKind.KYC ? "it is their own KYC document"
                : "they own the venture " + document.subjectName();
        return java.util.Optional.of(new Rejection("KY-3", reviewerName + " cannot " + verb + " " + lower(document.words()) + ": " + why + "."));
    }

    static String words(ReviewStatus status) {
        return status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private static String lower(String sentence) {
        return Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
    }
}
