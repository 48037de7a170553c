package org.smartstart.backoffice.domain.kyc;

import org.smartstart.backoffice.domain.access.Actor;
import org.smartstart.backoffice.domain.access.Permission;
import org.smartstart.backoffice.domain.audit.AuditEntry;
import org.smartstart.backoffice.domain.audit.AuditRecorder;
import org.smartstart.backoffice.domain.usecase.FieldProblem;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Rejection;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The review use cases on a {@link KycReviewStore} inside one transaction the adapter opened: permission
 * (ID-3: global compliance), input, the rules (KY-1, KY-3, KY-4, KY-7), then the writes, the history step
 * and the one audit entry (AU-1). KY-2 is the database's derivation; the result reports it.
 */
public final class KycReviewUseCases {

    /** How long a claim keeps other reviewers off a document (KY-3). */
    public static final Duration CLAIM_DURATION = Duration.ofMinutes(30);

    public static final Set<String> DOC_TYPES = Set.of("passport", "id_card", "drivers_license", "proof_of_address",
            "articles_of_inc", "incumbency", "bank_letter", "tax_id");

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

    private final KycReviewStore store;

    public KycReviewUseCases(KycReviewStore store) {
        this.store = store;
    }

    public Outcome<QueuePage> queue(Actor actor, QueueFilter filter, Instant now) {
        Optional<Outcome<QueuePage>> denied = actor.require(Permission.DECIDE_KYC);
        if (denied.isPresent()) {
            return denied.get();
        }
        QueueFilter f = filter == null ? QueueFilter.any() : filter;
        List<FieldProblem> problems = new ArrayList<>();
        if (f.limit() != null && (f.limit() < 1 || f.limit() > QueueFilter.MAX_LIMIT)) {
            problems.add(new FieldProblem("limit", "must be 1 to " + QueueFilter.MAX_LIMIT + ", not " + f.limit()));
        }
        if (f.docType() != null && !DOC_TYPES.contains(f.docType())) {
            problems.add(new FieldProblem("docType", "is not a document type: " + f.docType() + " (one of " + String.join(", ", DOC_TYPES.stream().sorted().toList()) + ")"));
        }
        if (f.country() != null && !COUNTRY.matcher(f.country().strip()).matches()) {
            problems.add(new FieldProblem("country", "must be an ISO 3166 alpha-2 country code of two letters, e.g. DE, not \""
                    + f.country() + "\""));
        }
        if (f.minRisk() != null && (f.minRisk() < 1 || f.minRisk() > 100)) {
            problems.add(new FieldProblem("minRisk", "must be a risk score from 1 to 100, not " + f.minRisk()));
        }
        if (f.maxRisk() != null && (f.maxRisk() < 1 || f.maxRisk() > 100)) {
            problems.add(new FieldProblem("maxRisk", "must be a risk score from 1 to 100, not " + f.maxRisk()));
        }
        if (f.minRisk() != null && f.maxRisk() != null && f.minRisk() > f.maxRisk()) {
            problems.add(new FieldProblem("maxRisk", "must not be below minRisk: " + f.maxRisk() + " < " + f.minRisk()));
        }
        if (f.minAgeDays() != null && (f.minAgeDays() < 0 || f.minAgeDays() > QueueFilter.MAX_AGE_DAYS)) {
            problems.add(new FieldProblem("minAgeDays", "must be 0 to " + QueueFilter.MAX_AGE_DAYS + " days, not " + f.minAgeDays()));
        }
        if (!problems.isEmpty()) {
            return new Outcome.Invalid<>(problems);
        }
        if (f.country() != null) {
            f = f.withCountry(f.country().strip().toUpperCase(Locale.ROOT));
        }
        int limit = f.effectiveLimit();
        List<QueueItem> items = store.queue(f, actor.userId(), now, limit + 1);
        boolean more = items.size() > limit;
        return Outcome.done(new QueuePage(more ? items.subList(0, limit) : items, limit, more));
    }

    public Outcome<List<Reviewer>> reviewers(Actor actor) {
        Optional<Outcome<List<Reviewer>>> denied = actor.require(Permission.DECIDE_KYC);
        return denied.orElseGet(() -> Outcome.done(store.reviewers()));
    }

    public Outcome<ReviewCounts> counts(Actor actor, Instant now) {
        Optional<Outcome<ReviewCounts>> denied = actor.require(Permission.DECIDE_KYC);
        return denied.orElseGet(() -> Outcome.done(store.counts(now)));
    }

    public Outcome<Claim> claimNext(Actor actor, ClaimNext request, Instant now, AuditRecorder audit) {
        Optional<Outcome<Claim>> denied = actor.require(Permission.DECIDE_KYC);
        if (denied.isPresent()) {
            return denied.get();
        }
        ClaimNext r = request == null ? new ClaimNext(null, null) : request;
        QueueOrder order = r.order() == null ? QueueOrder.OLDEST_FIRST : r.order();
        Instant until = stored(now.plus(CLAIM_DURATION));
        Optional<ClaimedDocument> next = store.claimNext(r.kind(), order, actor.userId(), now, until);
        if (next.isEmpty()) {
            return new Outcome.NotFound<>("review_queue", r.kind() == null ? "any" : r.kind().name(),
                    "No " + (r.kind() == null ? "" : r.kind() + " ") + "document is waiting unclaimed in the review queue"
                            + " (documents you submitted or own are never handed to you).");
        }
        return recordClaim(actor, next.get(), until, audit, "next");
    }

    public Outcome<Claim> claim(Actor actor, UUID documentId, Instant now, AuditRecorder audit) {
        return officersDocument(actor, documentId, true).flatMap(document -> {
            List<Rejection> rejections = KycReviewPolicy.checkClaim(document, actor.userId(), actor.displayName());
            if (!rejections.isEmpty()) {
                return Outcome.rejected(rejections);
            }
            if (document.claimActive(now) && !actor.userId().equals(document.claimedBy())) {
                return new Outcome.Conflict<>(document.words() + " is claimed by " + document.claimedByName() + " until "
                        + document.claimedUntil() + "; take another document or wait until the claim expires.");
            }
            return writeClaim(actor, document, now, audit, "chosen");
        });
    }

    /** The document for a compliance officer (ID-3: decide KYC), locked for a change or only read; otherwise Denied or NotFound. */
    private Outcome<DocumentFacts> officersDocument(Actor actor, UUID documentId, boolean lock) {
        Optional<Outcome<DocumentFacts>> denied = actor.require(Permission.DECIDE_KYC);
        if (denied.isPresent()) {
            return denied.get();
        }
        Optional<DocumentFacts> found = lock ? store.lockDocument(documentId) : store.document(documentId);
        return found.map(Outcome::done).orElseGet(() -> Outcome.notFound("document", documentId));
    }

    private Outcome<Claim> writeClaim(Actor actor, DocumentFacts document, Instant now, AuditRecorder audit, String how) {
        Instant until = stored(now.plus(CLAIM_DURATION));
        store.claim(document, actor.userId(), until);
        return recordClaim(actor, new ClaimedDocument(document.id(), document.kind(), document.docType(), document.ventureId(),
                document.claimedBy(), document.claimedUntil()), until, audit, how);
    }

    /** The claim's audit entry (AU-1), naming the claim it replaced, if any. */
    private static Outcome<Claim> recordClaim(Actor actor, ClaimedDocument document, Instant until, AuditRecorder audit, String how) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("doc_type", document.docType());
        data.put("how", how);
        data.put("claimed_until", until.toString());
        data.put("previous_claim_by", document.previousClaimBy() == null ? null : document.previousClaimBy().toString());
        data.put("previous_claim_until", document.previousClaimUntil() == null ? null : document.previousClaimUntil().toString());
        audit.record(new AuditEntry(actor.userId(), document.kind() + "_CLAIMED", objectType(document.kind()), document.id(),
                document.ventureId(), data));
        return Outcome.done(new Claim(document.id(), document.kind(), document.docType(), actor.userId(), until));
    }

    public Outcome<Claim> releaseClaim(Actor actor, UUID documentId, Instant now, AuditRecorder audit) {
        return officersDocument(actor, documentId, true).flatMap(document -> {
            if (!document.claimedBy(actor.userId(), now)) {
                String held = document.claimActive(now) ? "it is claimed by " + document.claimedByName() + " until " + document.claimedUntil()
                        : "no unexpired claim is held on it";
                return new Outcome.Conflict<>("You hold no claim on " + lower(document.words()) + " to release: " + held + ".");
            }
            store.release(document);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("doc_type", document.docType());
            data.put("claimed_until", document.claimedUntil().toString());
            audit.record(entry(actor, document, "_CLAIM_RELEASED", data));
            return Outcome.done(new Claim(document.id(), document.kind(), document.docType(), null, null));
        });
    }

    public Outcome<DocumentDetail> document(Actor actor, UUID documentId, Instant now) {
        return officersDocument(actor, documentId, false).flatMap(d -> {
            boolean claimed = d.claimActive(now);
            List<DecisionRecord> history = store.history(d.id());
            return Outcome.done(new DocumentDetail(d.id(), d.kind(), d.docType(), d.reviewStatus(), d.subjectId(), d.subjectName(),
                    d.riskScore(), d.submittedAt(), d.dueAt(), d.originalFilename(), d.mediaType(), d.sha256(),
                    claimed ? d.claimedBy() : null, claimed ? d.claimedUntil() : null, d.firstApprovedBy(), d.reviewedBy(),
                    d.decidedAt(), d.reasonCode(), d.reviewerComment(), d.applicantComment(), d.rejectionFinal(),
                    history, store.subject(d), objectType(d), trail(store.auditTrail(d), history)));
        });
    }

    /** How the audit trail names a document (the entries of {@link #entry}). */
    public static String objectType(DocumentKind kind) {
        return kind == DocumentKind.KYC ? "kyc_document" : "kyb_document";
    }

    private static String objectType(DocumentFacts d) {
        return objectType(d.kind());
    }

    /**
     * The audit entries as history steps, each decision step beside the entry that recorded it. Both are
     * written once per successful decision, in the same transaction (AU-1), so the n-th decision entry of a
     * reviewer is their n-th decision step; a step without an entry (data loaded around the use cases) is
     * still shown after the entries, without a link. The entries keep the chain's order (a test clock may
     * date the steps apart from the entries' times).
     */
    static List<ReviewEvent> trail(List<AuditedStep> entries, List<DecisionRecord> history) {
        List<DecisionRecord> unmatched = new ArrayList<>(history);
        List<ReviewEvent> events = new ArrayList<>();
        for (AuditedStep e : entries) {
            DecisionRecord decision = null;
            boolean decides = e.action().endsWith("_DECISION");
            boolean seconds = e.action().endsWith("_SECOND_APPROVAL");
            if (decides || seconds) {
                for (DecisionRecord r : unmatched) {
                    boolean sameKind = seconds == (r.step().equals("confirm") || r.step().equals("overturn"));
                    if (sameKind && Objects.equals(r.reviewerId(), e.actorId())) {
                        decision = r;
                        break;
                    }
                }
                unmatched.remove(decision);
            }
            events.add(new ReviewEvent(e.action(), e.actorId(), e.actorName(), occurredAt(e), e.seq(), e.txHash(), summary(e), decision));
        }
        for (DecisionRecord r : unmatched) {
            events.add(new ReviewEvent(null, r.reviewerId(), r.reviewerName(), r.decidedAt(), null, null,
                    r.step().replace('_', ' ') + ": " + r.outcome().replace('_', ' ') + " (no audit entry)", r));
        }
        return events;
    }

    /** When the step happened: an entry written after the fact (demo data, imports) names it as occurred_at. */
    private static Instant occurredAt(AuditedStep e) {
        String occurred = e.data().get("occurred_at");
        if (occurred != null) {
            try {
                return Instant.parse(occurred);
            } catch (java.time.format.DateTimeParseException ignored) {
                // not an instant: the entry's own time stands
            }
        }
        return e.at();
    }

    /** "Claimed until 2026-12-01T17:30:00Z", "Decision: approve (DOC_OK)". */
    private static String summary(AuditedStep e) {
        String action = e.action().substring(e.action().indexOf('_') + 1);
        Map<String, String> d = e.data();
        return switch (action) {
            case "SUBMITTED" -> "Submitted" + (d.containsKey("risk_score") ? " at risk " + d.get("risk_score") : "");
            case "CLAIMED" -> "Claimed" + (d.containsKey("claimed_until") ? " until " + d.get("claimed_until") : "")
                    + ("next".equals(d.get("how")) ? " (claim next)" : "");
            case "CLAIM_RELEASED" -> "Claim released";
            case "DECISION" -> "Decision: " + d.getOrDefault("decision", "?").replace('_', ' ')
                    + (d.containsKey("reason_code") ? " (" + d.get("reason_code") + ")" : "");
            case "SECOND_APPROVAL" -> "Second approval: " + d.getOrDefault("opinion", "?");
            default -> action.replace('_', ' ').toLowerCase(Locale.ROOT);
        };
    }

    public Outcome<DocumentContent> content(Actor actor, UUID documentId) {
        return officersDocument(actor, documentId, false).flatMap(d -> {
            Optional<byte[]> bytes = d.sha256() == null ? Optional.empty() : store.bytes(d.sha256());
            if (bytes.isEmpty()) {
                return new Outcome.NotFound<>("document_content", documentId.toString(),
                        d.words() + " has no stored bytes" + (d.sha256() == null ? "." : " (sha256 " + d.sha256() + ")."));
            }
            return Outcome.done(new DocumentContent(d.id(), d.mediaType(), d.originalFilename(), d.sha256(),
                    Base64.getEncoder().encodeToString(bytes.get())));
        });
    }

    public Outcome<DecisionResult> decide(Actor actor, UUID documentId, Decision decision, Instant now, AuditRecorder audit) {
        Optional<Outcome<DecisionResult>> denied = actor.require(Permission.DECIDE_KYC);
        if (denied.isPresent()) {
            return denied.get();
        }
        List<FieldProblem> problems = problems(decision);
        if (!problems.isEmpty()) {
            return new Outcome.Invalid<>(problems);
        }
        Optional<DocumentFacts> found = store.lockDocument(documentId);
        if (found.isEmpty()) {
            return Outcome.notFound("document", documentId);
        }
        DocumentFacts document = found.get();
        List<Rejection> rejections = KycReviewPolicy.checkDecision(document, actor.userId(), actor.displayName(), decision, now);
        if (!rejections.isEmpty()) {
            return Outcome.rejected(rejections);
        }
        Instant at = stored(now);
        String before = document.kind() == DocumentKind.KYC ? store.kycStatus(document.subjectId()) : null;
        boolean fourEyes = decision.outcome() == DecisionOutcome.APPROVE && KycReviewPolicy.needsSecondApproval(document);
        String outcome = decision.outcome().name().toLowerCase(Locale.ROOT);
        ReviewStatus status;
        if (fourEyes) {
            store.firstApproval(document, actor.userId(), decision, at);
            store.recordStep(document, "first_approval", outcome, actor.userId(), at, decision.reasonCode(),
                    decision.internalComment(), decision.applicantComment(), decision.reviewedSha256().toLowerCase(Locale.ROOT));
            status = ReviewStatus.AWAITING_SECOND_APPROVAL;
        } else {
            store.decide(document, actor.userId(), actor.displayName(), decision, at);
            store.recordStep(document, "decision", outcome, actor.userId(), at, decision.reasonCode(),
                    decision.internalComment(), decision.applicantComment(), decision.reviewedSha256().toLowerCase(Locale.ROOT));
            status = decision.outcome() == DecisionOutcome.APPROVE ? ReviewStatus.VERIFIED : ReviewStatus.REJECTED;
        }
        String after = document.kind() == DocumentKind.KYC ? store.kycStatus(document.subjectId()) : null;
        List<String> effects = effects(document, status, before, after, fourEyes);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("doc_type", document.docType());
        data.put("decision", fourEyes ? "first_approval" : outcome);
        data.put("reason_code", decision.reasonCode().strip());
        data.put("rejection_final", decision.outcome() == DecisionOutcome.APPROVE ? null : decision.outcome() == DecisionOutcome.REJECT_FINAL);
        data.put("reviewed_sha256", decision.reviewedSha256().toLowerCase(Locale.ROOT));
        data.put("stored_sha256", document.sha256());
        data.put("risk_score", document.riskScore());
        data.put("four_eyes", fourEyes ? "awaiting second approval" : "not required");
        data.put("status_after", status.name().toLowerCase(Locale.ROOT));
        if (document.kind() == DocumentKind.KYC) {
            data.put("kyc_status_before", before);
            data.put("kyc_status_after", after);
        }
        audit.record(entry(actor, document, "_DECISION", data));
        return Outcome.done(new DecisionResult(document.id(), document.kind(), status, before, after, effects));
    }

    public Outcome<DecisionResult> secondApproval(Actor actor, UUID documentId, SecondOpinion opinion, String comment,
                                                  Instant now, AuditRecorder audit) {
        Optional<Outcome<DecisionResult>> denied = actor.require(Permission.DECIDE_KYC);
        if (denied.isPresent()) {
            return denied.get();
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (opinion == null) {
            problems.add(new FieldProblem("opinion", "is missing: CONFIRM or OVERTURN"));
        }
        if (comment == null || comment.isBlank()) {
            problems.add(new FieldProblem("comment", "is missing: say why the approval stands or not"));
        }
        if (!problems.isEmpty()) {
            return new Outcome.Invalid<>(problems);
        }
        Optional<DocumentFacts> found = store.lockDocument(documentId);
        if (found.isEmpty()) {
            return Outcome.notFound("document", documentId);
        }
        DocumentFacts document = found.get();
        List<Rejection> rejections = KycReviewPolicy.checkSecondApproval(document, actor.userId(), actor.displayName());
        if (!rejections.isEmpty()) {
            return Outcome.rejected(rejections);
        }
        Instant at = stored(now);
        String before = document.kind() == DocumentKind.KYC ? store.kycStatus(document.subjectId()) : null;
        ReviewStatus status;
        String step = opinion.name().toLowerCase(Locale.ROOT);
        if (opinion == SecondOpinion.CONFIRM) {
            store.confirm(document, actor.userId(), actor.displayName(), at);
            status = ReviewStatus.VERIFIED;
        } else {
            store.overturn(document, actor.userId(), at);
            status = ReviewStatus.PENDING;
        }
        store.recordStep(document, step, step, actor.userId(), at, null, comment.strip(), null, null);
        String after = document.kind() == DocumentKind.KYC ? store.kycStatus(document.subjectId()) : null;
        List<String> effects = effects(document, status, before, after, false);
        if (status == ReviewStatus.PENDING) {
            effects = new ArrayList<>(effects);
            effects.add(0, document.words() + " is back in the review queue, pending a new decision.");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("doc_type", document.docType());
        data.put("opinion", step);
        data.put("first_approved_by", document.firstApprovedBy() == null ? null : document.firstApprovedBy().toString());
        data.put("risk_score", document.riskScore());
        data.put("stored_sha256", document.sha256());
        data.put("status_after", status.name().toLowerCase(Locale.ROOT));
        if (document.kind() == DocumentKind.KYC) {
            data.put("kyc_status_before", before);
            data.put("kyc_status_after", after);
        }
        audit.record(entry(actor, document, "_SECOND_APPROVAL", data));
        return Outcome.done(new DecisionResult(document.id(), document.kind(), status, before, after, effects));
    }

    // ---------------------------------------------------------------------------------------------

    /** KY-2 and KY-6 as sentences: what the decision means for the applicant. */
    private List<String> effects(DocumentFacts document, ReviewStatus status, String before, String after, boolean fourEyes) {
        List<String> effects = new ArrayList<>();
        if (fourEyes) {
            effects.add(document.words() + " has risk score " + document.riskScore() + " (>= " + KycReviewPolicy.FOUR_EYES_RISK
                    + "): it awaits the second approval of a different compliance officer (KY-4).");
        }
        if (document.kind() == DocumentKind.KYC) {
            if (before != null && !before.equals(after)) {
                effects.add("The KYC status of " + document.subjectName() + " changed from " + before + " to " + after + " (KY-2).");
            } else {
                effects.add("The KYC status of " + document.subjectName() + " stays " + after + " (KY-2).");
            }
        } else if (status == ReviewStatus.VERIFIED) {
            List<String> missing = store.missingForActivation(document.ventureId());
            String ventureStatus = store.ventureStatus(document.ventureId());
            if (missing.isEmpty() && !"active".equals(ventureStatus)) {
                effects.add(document.subjectName() + " now has verified articles_of_inc and tax_id documents and may be activated (KY-6).");
            } else if (!missing.isEmpty()) {
                effects.add(document.subjectName() + " still needs verified " + String.join(" and ", missing) + " to be activated (KY-6).");
            }
        }
        return effects;
    }

    /** The database keeps microseconds: a time handed back is the time stored. */
    private static Instant stored(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    private static List<FieldProblem> problems(Decision decision) {
        List<FieldProblem> problems = new ArrayList<>();
        if (decision == null) {
            problems.add(new FieldProblem("decision", "is missing"));
            return problems;
        }
        if (decision.outcome() == null) {
            problems.add(new FieldProblem("outcome", "is missing: APPROVE, REJECT_FINAL or REJECT_RESUBMIT"));
        }
        if (decision.reasonCode() == null || decision.reasonCode().isBlank()) {
            problems.add(new FieldProblem("reasonCode", "is missing: the reason code of the decision"));
        } else if (decision.reasonCode().strip().length() > 64) {
            problems.add(new FieldProblem("reasonCode", "is longer than 64 characters"));
        }
        if (decision.internalComment() == null || decision.internalComment().isBlank()) {
            problems.add(new FieldProblem("internalComment", "is missing: what compliance should know about the decision"));
        }
        if (decision.outcome() != null && decision.outcome() != DecisionOutcome.APPROVE
                && (decision.applicantComment() == null || decision.applicantComment().isBlank())) {
            problems.add(new FieldProblem("applicantComment", "is missing: a rejection tells the applicant why"));
        }
        if (decision.reviewedSha256() == null || !SHA256.matcher(decision.reviewedSha256()).matches()) {
            problems.add(new FieldProblem("reviewedSha256", "must be the 64 hex digits of the sha256 of the bytes reviewed, not "
                    + (decision.reviewedSha256() == null ? "nothing" : "\"" + decision.reviewedSha256() + "\"")));
        }
        return problems;
    }

    private static AuditEntry entry(Actor actor, DocumentFacts document, String suffix, Map<String, Object> data) {
        return new AuditEntry(actor.userId(), document.kind() + suffix, objectType(document), document.id(), document.ventureId(), data);
    }

    private static String lower(String sentence) {
        return Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
    }
}
