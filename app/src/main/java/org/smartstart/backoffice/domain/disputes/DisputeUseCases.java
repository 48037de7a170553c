package org.smartstart.backoffice.domain.disputes;

import org.smartstart.backoffice.domain.access.Actor;
import org.smartstart.backoffice.domain.access.Permission;
import org.smartstart.backoffice.domain.audit.AuditEntry;
import org.smartstart.backoffice.domain.audit.AuditRecorder;
import org.smartstart.backoffice.domain.captable.CapTable;
import org.smartstart.backoffice.domain.captable.CapTableStore;
import org.smartstart.backoffice.domain.captable.CapTableUseCases;
import org.smartstart.backoffice.domain.tokens.BuzTxType;
import org.smartstart.backoffice.domain.tokens.WalletPolicy;
import org.smartstart.backoffice.domain.tokens.WalletStore;
import org.smartstart.backoffice.domain.tokens.WalletTransaction;
import org.smartstart.backoffice.domain.tokens.WalletUseCases;
import org.smartstart.backoffice.domain.usecase.FieldProblem;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Rejection;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The dispute use cases on a {@link DisputeStore} inside one transaction: who may (ID-3), input, the
 * rules (DS-1..DS-3), the remedy if any (DS-4: written first, under the wallet rules, in this transaction),
 * then the write and its one audit entry (AU-1).
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
    private final WalletStore wallets;
    private final CapTableStore capTables;

    /** Without wallets: decisions without a remedy only (a BUZ remedy is then Invalid "remedy"). */
    public DisputeUseCases(DisputeStore store) {
        this(store, null, null);
    }

    public DisputeUseCases(DisputeStore store, WalletStore wallets) {
        this(store, wallets, null);
    }

    /**
     * @param wallets the wallet store of the same transaction, through which a BUZ remedy is written (the
     *                same store, writer and rules as the Wallets port)
     */
    public DisputeUseCases(DisputeStore store, WalletStore wallets, CapTableStore capTables) {
        this.store = store;
        this.wallets = wallets;
        this.capTables = capTables;
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
        Map<String, Object> remedyData = null;
        if (decision.remedy() != null) {
            if (decision.outcome() != DisputeOutcome.RESOLVED) {
                return Outcome.invalid("remedy", "only a resolved dispute has a remedy; a rejected one puts nothing right");
            }
            // DS-4: the remedy runs first, in this transaction and under every rule; when a rule refuses it the
            // refusal is returned, the adapter rolls back and the dispute stays in review.
            Outcome<Map<String, Object>> remedied = decision.remedy() instanceof Remedy.EquityCorrection equity
                    ? correctEquity(actor, d, equity, now)
                    : decision.remedy() instanceof Remedy.TaskReopen reopen ? reopenTask(d, reopen) : remedy(d, decision.remedy(), now);
            if (!(remedied instanceof Outcome.Done<Map<String, Object>> done)) {
                return remedied.failure();
            }
            remedyData = done.value();
        }
        String resolution = decision.resolution().strip();
        if (!store.decide(disputeId, d.version(), decision.outcome().status(), resolution, actor.userId(), now, remedyData)) {
            return conflict(d, d.version());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("before", d.status().code());
        data.put("after", decision.outcome().status().code());
        data.put("resolution", resolution);
        data.put("appeal_count", d.appealCount());
        data.put("resolution_breached", DisputeDeadlines.resolutionBreached(d.resolutionDueAt(), decision.outcome().status(), now, now));
        data.put("remedy", remedyData);
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

    /** What the remedy would write if the dispute were resolved now, and which rules would refuse it (DS-4). */
    public Outcome<RemedyPreview> previewRemedy(Actor actor, UUID disputeId, Remedy remedy, Instant now) {
        Optional<Outcome<RemedyPreview>> denied = actor.require(Permission.WORK_DISPUTES);
        if (denied.isPresent()) {
            return denied.get();
        }
        Optional<Dispute> found = store.dispute(disputeId);
        if (found.isEmpty()) {
            return Outcome.notFound("dispute", disputeId);
        }
        Outcome<BuzPlan> planned = plan(found.get(), remedy, now, false);
        if (!(planned instanceof Outcome.Done<BuzPlan> done)) {
            return planned.failure();
        }
        BuzPlan p = done.value();
        return Outcome.done(new RemedyPreview(disputeId, p.describe(), p.person().userId(), p.person().displayName(),
                p.balanceBefore(), p.balanceBefore() + p.amount(), p.refusals()));
    }

    // ---------------------------------------------------------------------------------------------

    /** A BUZ compensation worked out against the data of this transaction, with the rules' refusals. */
    private record BuzPlan(WalletStore.Venture venture, WalletStore.Person person, WalletStore.WalletState wallet,
                           long amount, String memo, List<Rejection> refusals) {
        long balanceBefore() {
            return wallet == null ? 0 : wallet.balance();
        }

        String describe() {
            return (amount > 0 ? "Credit " + amount + " BUZ of " + venture.name() + " to " : "Debit " + (-amount) + " BUZ of "
                    + venture.name() + " from ") + person.displayName() + "'s wallet ("
                    + (amount > 0 ? "an earn" : "a redemption") + "): " + balanceBefore() + " → " + (balanceBefore() + amount) + " BUZ";
        }
    }

    /**
     * Checks a remedy as the Wallets port would check the same transaction (WalletPolicy: BZ-1, BZ-2, BZ-3,
     * BZ-6). {@code forWriting} takes the issuance lock BZ-3 needs and opens the wallet for a credit.
     */
    private Outcome<BuzPlan> plan(Dispute d, Remedy remedy, Instant now, boolean forWriting) {
        if (remedy == null) {
            return Outcome.invalid("remedy", "is missing");
        }
        if (wallets == null) {
            return Outcome.invalid("remedy", "cannot be written here: this adapter has no wallets");
        }
        if (!(remedy instanceof Remedy.BuzCompensation buz)) {
            return Outcome.invalid("remedy", "an equity correction is previewed on the cap table, not as a BUZ remedy");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (buz.userId() == null) {
            problems.add(new FieldProblem("remedy.userId", "is missing: whose wallet is compensated"));
        }
        if (buz.amount() == 0) {
            problems.add(new FieldProblem("remedy.amount", "must not be 0 BUZ: positive credits the wallet, negative debits it"));
        } else if (buz.amount() == Long.MIN_VALUE || Math.abs(buz.amount()) > WalletUseCases.MAX_AMOUNT) { // abs(MIN_VALUE) is negative
            problems.add(new FieldProblem("remedy.amount", "must be at most " + WalletUseCases.MAX_AMOUNT + " BUZ either way"));
        }
        if (buz.memo() != null && buz.memo().strip().length() > WalletUseCases.MAX_MEMO) {
            problems.add(new FieldProblem("remedy.memo", "has " + buz.memo().strip().length() + " characters; at most " + WalletUseCases.MAX_MEMO));
        }
        if (!problems.isEmpty()) {
            return new Outcome.Invalid<>(problems);
        }
        Optional<WalletStore.Venture> venture = wallets.venture(d.ventureId());
        if (venture.isEmpty()) {
            return Outcome.notFound("venture", d.ventureId());
        }
        Optional<WalletStore.Person> person = wallets.person(buz.userId());
        if (person.isEmpty()) {
            return Outcome.invalid("remedy.userId", "no user " + buz.userId() + " exists");
        }
        String memo = buz.memo() == null || buz.memo().isBlank()
                ? "Remedy of the dispute " + d.id() + " (DS-4)" : buz.memo().strip();
        long amount = buz.amount();
        List<Rejection> refusals;
        WalletStore.WalletState wallet;
        if (amount > 0) {
            YearMonth month = YearMonth.from(now.atOffset(ZoneOffset.UTC));
            if (forWriting) {
                wallets.lockIssuance(d.ventureId());
            }
            refusals = WalletPolicy.issue(venture.get(), person.get(), amount, month, wallets.earnedIn(d.ventureId(), month));
            wallet = wallets.wallet(buz.userId()).orElse(null);
            if (refusals.isEmpty() && forWriting) {
                wallet = wallets.openWallet(buz.userId());
            }
        } else {
            wallet = wallets.wallet(buz.userId()).orElse(null);
            refusals = WalletPolicy.redeem(venture.get(), person.get(), wallet, -amount);
        }
        return Outcome.done(new BuzPlan(venture.get(), person.get(), wallet, amount, memo, refusals));
    }

    /**
     * An equity correction through the cap table use cases, as the decider (ADR 0016: ID-3 lets only the
     * venture's owner or a global admin write equity, so support staff are denied). Its audit entry is not
     * recorded on its own: its data goes into the decision's one entry (AU-1).
     */
    private Outcome<Map<String, Object>> correctEquity(Actor actor, Dispute d, Remedy.EquityCorrection equity, Instant now) {
        if (capTables == null) {
            return Outcome.invalid("remedy", "cannot be written here: this adapter has no cap tables");
        }
        if (equity.change() == null) {
            return Outcome.invalid("remedy.change", "is missing: the cap table change that corrects the equity");
        }
        List<AuditEntry> captured = new ArrayList<>();
        Outcome<CapTable> changed = new CapTableUseCases(capTables).changeCapTable(actor, d.ventureId(), equity.change(), now, captured::add);
        if (changed instanceof Outcome.Rejected<CapTable> rejected) {
            return Outcome.rejected(rejected.rejections().stream().map(r -> new Rejection(r.ruleId(),
                    "DS-4: The equity correction cannot be written, so the dispute on " + d.ventureName() + " stays in review: "
                            + r.message())).toList());
        }
        if (!(changed instanceof Outcome.Done<CapTable>)) {
            return changed.failure();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", "equity_correction");
        data.put("cap_table_change", captured.isEmpty() ? null : captured.get(0).data());
        return Outcome.done(data);
    }

    /**
     * Reopens the disputed task (DS-4): only a decided (approved or rejected) task goes back to open. The
     * database checks the same at commit, and that the task is reopened only with this decision (V20).
     */
    private Outcome<Map<String, Object>> reopenTask(Dispute d, Remedy.TaskReopen reopen) {
        if (d.objectType() != DisputeObjectType.TASK && d.objectType() != DisputeObjectType.REVIEW) {
            return Outcome.invalid("remedy", "a task is reopened only for a dispute over a task or one of its reviews; this one is over "
                    + d.objectType().code());
        }
        Optional<DisputeStore.DisputedTask> found = store.disputedTask(d.objectType(), d.objectId());
        if (found.isEmpty()) {
            return Outcome.notFound("task", d.objectId());
        }
        DisputeStore.DisputedTask task = found.get();
        if (reopen.taskId() != null && !reopen.taskId().equals(task.id())) {
            return Outcome.invalid("remedy.taskId", "must be the disputed task \"" + task.title() + "\" (" + task.id()
                    + "); a dispute puts right only what it is about");
        }
        if (!task.status().equals("approved") && !task.status().equals("rejected")) {
            return Outcome.rejected("DS-4", "DS-4: The task \"" + task.title() + "\" of " + d.ventureName() + " is " + task.status()
                    + ", not approved or rejected: there is no decision to reopen, so the dispute stays in review.");
        }
        if (!store.reopenTask(task.id(), task.version())) {
            return new Outcome.Conflict<>("The task \"" + task.title() + "\" changed while it was being reopened; nothing was saved "
                    + "and the dispute stays in review. Reload it and try again.");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", "task_reopen");
        data.put("task_id", task.id().toString());
        data.put("task", task.title());
        data.put("before", task.status());
        data.put("after", "open");
        return Outcome.done(data);
    }

    /** The disputed object among what surrounds it (for those who see the dispute). */
    public Outcome<DisputeContext> context(Actor actor, UUID disputeId) {
        return visible(actor, disputeId).map(store::context);
    }

    /** The audit entries about the dispute, oldest first (for those who see the dispute). */
    public Outcome<List<DisputeEvent>> timeline(Actor actor, UUID disputeId) {
        return visible(actor, disputeId).map(d -> store.events(d.id()));
    }

    public Outcome<List<DisputeEvidence>> evidence(Actor actor, UUID disputeId) {
        return visible(actor, disputeId).map(d -> store.evidence(d.id()));
    }

    /**
     * Attaches a file as evidence while the dispute is undecided, by support staff or the person who raised
     * it: its bytes are stored with their sha256 (size and type limited, and the bytes must be of the type
     * named). Audit: DISPUTE_EVIDENCE_ADDED with the file's name, type, size and sha256.
     */
    public Outcome<DisputeEvidence> attachEvidence(Actor actor, UUID disputeId, EvidenceFile file, Instant now, AuditRecorder audit) {
        Outcome<Dispute> seen = visible(actor, disputeId);
        if (!(seen instanceof Outcome.Done<Dispute> done)) {
            return seen.failure();
        }
        Dispute d = done.value();
        List<FieldProblem> problems = new ArrayList<>();
        String name = file == null || file.fileName() == null ? "" : file.fileName().strip();
        if (name.isEmpty()) {
            problems.add(new FieldProblem("file.fileName", "is missing: the file's name"));
        } else if (name.length() > DisputeEvidence.MAX_FILE_NAME) {
            problems.add(new FieldProblem("file.fileName", "has " + name.length() + " characters; at most " + DisputeEvidence.MAX_FILE_NAME));
        } else if (name.contains("/") || name.contains("\\")) {
            problems.add(new FieldProblem("file.fileName", "must be a file's name without folders, not " + name));
        }
        String type = file == null || file.mediaType() == null ? "" : file.mediaType().strip().toLowerCase(java.util.Locale.ROOT);
        if (!DisputeEvidence.MEDIA_TYPES.contains(type)) {
            problems.add(new FieldProblem("file.mediaType", (type.isEmpty() ? "is missing" : "is " + type)
                    + ": evidence is a PDF, PNG or JPEG image, plain text or CSV file (" + String.join(", ", DisputeEvidence.MEDIA_TYPES) + ")"));
        }
        byte[] bytes = null;
        if (file == null || file.base64() == null || file.base64().isBlank()) {
            problems.add(new FieldProblem("file.base64", "is missing: the file's bytes, base64-encoded"));
        } else {
            try {
                bytes = java.util.Base64.getMimeDecoder().decode(file.base64());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("file.base64", "is not base64: " + e.getMessage()));
            }
        }
        if (bytes != null) {
            if (bytes.length == 0) {
                problems.add(new FieldProblem("file.base64", "holds an empty file; attach a file with content"));
            } else if (bytes.length > DisputeEvidence.MAX_BYTES) {
                problems.add(new FieldProblem("file.base64", "holds " + megabytes(bytes.length) + "; an evidence file has at most "
                        + megabytes(DisputeEvidence.MAX_BYTES)));
            } else if (DisputeEvidence.MEDIA_TYPES.contains(type) && !EvidenceTypes.looksLike(type, bytes)) {
                problems.add(new FieldProblem("file.mediaType", "is " + type + " but the bytes of " + name + " are not: "
                        + EvidenceTypes.expectation(type)));
            }
        }
        if (!problems.isEmpty()) {
            return new Outcome.Invalid<>(problems);
        }
        if (d.status().decided()) {
            return Outcome.rejected("DS-1", "DS-1: The dispute on " + d.ventureName() + " is " + d.status().code()
                    + "; evidence is added while it is open or in review (an appeal reopens its review)");
        }
        String sha256 = EvidenceTypes.sha256(bytes);
        UUID id = store.attach(d.id(), name, type, sha256, bytes, actor.userId(), now);
        DisputeEvidence added = store.evidence(d.id(), id).orElseThrow();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("evidence_id", id.toString());
        data.put("file_name", name);
        data.put("media_type", type);
        data.put("size_bytes", bytes.length);
        data.put("sha256", sha256);
        audit.record(new AuditEntry(actor.userId(), "DISPUTE_EVIDENCE_ADDED", "dispute", d.id(), d.ventureId(), data));
        return Outcome.done(added);
    }

    /** An evidence file's bytes, with the sha256 of the bytes read now checked against the recorded one. */
    public Outcome<EvidenceContent> evidenceFile(Actor actor, UUID disputeId, UUID evidenceId) {
        Outcome<Dispute> seen = visible(actor, disputeId);
        if (!(seen instanceof Outcome.Done<Dispute>)) {
            return seen.failure();
        }
        Optional<DisputeEvidence> found = store.evidence(disputeId, evidenceId);
        if (found.isEmpty()) {
            return Outcome.notFound("evidence", evidenceId);
        }
        DisputeEvidence e = found.get();
        Optional<byte[]> bytes = store.bytes(e.sha256());
        if (bytes.isEmpty()) {
            return Outcome.rejected("DS-2", "The evidence " + e.fileName() + " has no stored bytes (sha256 " + e.sha256() + ").");
        }
        String computed = EvidenceTypes.sha256(bytes.get());
        return Outcome.done(new EvidenceContent(e, java.util.Base64.getEncoder().encodeToString(bytes.get()), computed,
                computed.equals(e.sha256())));
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** Writes the remedy (DS-4); its facts go into the decision's one audit entry (AU-1). */
    private Outcome<Map<String, Object>> remedy(Dispute d, Remedy remedy, Instant now) {
        Outcome<BuzPlan> planned = plan(d, remedy, now, true);
        if (!(planned instanceof Outcome.Done<BuzPlan> done)) {
            return planned.failure();
        }
        BuzPlan p = done.value();
        if (!p.refusals().isEmpty()) {
            List<Rejection> named = p.refusals().stream().map(r -> new Rejection(r.ruleId(),
                    "DS-4: The remedy cannot be written, so the dispute on " + d.ventureName() + " stays in review: " + r.message()))
                    .toList();
            return Outcome.rejected(named);
        }
        BuzTxType type = p.amount() > 0 ? BuzTxType.EARN : BuzTxType.REDEEM;
        Optional<WalletTransaction> written = wallets.move(p.wallet(), d.ventureId(), type, p.amount(), null, p.memo(), now);
        if (written.isEmpty()) {
            return new Outcome.Conflict<>("The wallet of " + p.person().displayName() + " changed while the remedy was being "
                    + "written; nothing was saved and the dispute stays in review. Reload it and try again.");
        }
        WalletTransaction tx = written.get();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", "buz_compensation");
        data.put("user_id", p.person().userId().toString());
        data.put("wallet_id", p.wallet().walletId().toString());
        data.put("buz_transaction_id", tx.id().toString());
        data.put("type", type.code());
        data.put("amount", p.amount());
        data.put("balance_before", p.balanceBefore());
        data.put("balance_after", p.balanceBefore() + p.amount());
        data.put("tx_hash", tx.txHash());
        return Outcome.done(data);
    }

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
