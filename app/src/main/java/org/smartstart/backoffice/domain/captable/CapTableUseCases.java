package org.smartstart.backoffice.domain.captable;

import org.smartstart.backoffice.domain.access.Actor;
import org.smartstart.backoffice.domain.access.Permission;
import org.smartstart.backoffice.domain.audit.AuditEntry;
import org.smartstart.backoffice.domain.audit.AuditRecorder;
import org.smartstart.backoffice.domain.identity.Role;
import org.smartstart.backoffice.domain.usecase.FieldProblem;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Rejection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The cap table use cases, on a {@link CapTableStore} inside one transaction the adapter opened:
 * permission (ID-3), input, concurrency, the rules (EQ-1..EQ-7, BZ-1/2/4/6), then the writes and the one
 * audit entry (AU-1). Refusals are outcomes; the adapter rolls back anything that is not Done.
 */
public final class CapTableUseCases {

    private final CapTableStore store;

    public CapTableUseCases(CapTableStore store) {
        this.store = store;
    }

    public Outcome<CapTable> capTableOn(Actor actor, UUID ventureId, LocalDate asOf) {
        Optional<Outcome<CapTable>> denied = actor.require(Permission.READ_CAP_TABLE, ventureId);
        if (denied.isPresent()) {
            return denied.get();
        }
        if (asOf == null) {
            return Outcome.invalid("asOf", "must be a date (YYYY-MM-DD)");
        }
        if (outOfRange(asOf)) {
            return Outcome.invalid("asOf", dateRange(asOf));
        }
        // One date's rows and the ledger's digest, with the venture, names and policies, in one read: a ledger of
        // thousands of rows is not read for one date, and the read is one round trip to the database.
        Optional<CapTableStore.DayRead> read = store.capTableDay(ventureId, asOf);
        if (read.isEmpty()) {
            return Outcome.notFound("venture", ventureId);
        }
        CapTableStore.DayRead day = read.get();
        return Outcome.done(CapTable.on(day.venture(), day.rows(), day.names(), day.policies(), asOf,
                day.digest().changeDates(), day.digest().revision()));
    }

    public Outcome<List<LedgerRow>> ledger(Actor actor, UUID ventureId) {
        return readOfVenture(actor, Permission.READ_CAP_TABLE, ventureId, () -> List.copyOf(store.ledger(ventureId)));
    }

    public Outcome<CapTable> changeCapTable(Actor actor, UUID ventureId, CapTableChange change, Instant now, AuditRecorder audit) {
        Optional<Outcome<CapTable>> denied = actor.require(Permission.EDIT_CAP_TABLE, ventureId);
        if (denied.isPresent()) {
            return denied.get();
        }
        if (change == null) {
            return Outcome.invalid("change", "is missing");
        }
        List<FieldProblem> problems = formProblems(change);
        if (!problems.isEmpty()) {
            return new Outcome.Invalid<>(problems);
        }
        Optional<VentureFacts> found = store.venture(ventureId);
        if (found.isEmpty()) {
            return Outcome.notFound("venture", ventureId);
        }
        VentureFacts venture = found.get();
        store.lockCapTable(ventureId);
        // The revision the database keeps (V26) instead of hashing the whole ledger; then only the rows a
        // change from its first touched date can affect (the earlier cap table stays as it is, and valid).
        if (!store.ledgerDigest(ventureId).revision().equals(change.basedOnRevision())) {
            return new Outcome.Conflict<>(conflictMessage(venture, store.ledger(ventureId)));
        }
        LocalDate firstTouched = CapTableEdits.firstTouched(change.edits());
        Set<UUID> closedIds = new HashSet<>();
        change.edits().forEach(e -> {
            if (e instanceof LedgerEdit.Close close) {
                closedIds.add(close.rowId());
            }
        });
        List<LedgerRow> before = store.ledgerFrom(ventureId, firstTouched, closedIds);
        problems = referenceProblems(ventureId, change.edits(), before);
        if (!problems.isEmpty()) {
            return new Outcome.Invalid<>(problems);
        }
        List<LedgerRow> after = CapTableEdits.apply(before, change.edits(), now, actor.userId());
        List<Rejection> rejections = rulesBroken(venture, before, change.edits(), after, firstTouched);
        if (!rejections.isEmpty()) {
            return Outcome.rejected(rejections);
        }
        Written written = write(ventureId, before, after);
        if (written == null) {
            return new Outcome.Conflict<>(conflictMessage(venture, store.ledger(ventureId)));
        }
        CapTableStore.LedgerDigest digest = store.ledgerDigest(ventureId);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("description", change.description().strip());
        data.put("based_on_revision", change.basedOnRevision());
        data.put("revision_after", digest.revision());
        data.put("before", written.before());
        data.put("after", written.after());
        audit.record(new AuditEntry(actor.userId(), "EQUITY_CHANGE", "venture", ventureId, ventureId, data));
        // Every row in force on firstTouched is among "after" (it ends on or after that date).
        List<LedgerRow> shown = after.stream().filter(r -> r.effectiveOn(firstTouched)).toList();
        return Outcome.done(view(venture, shown, firstTouched, digest.changeDates(), digest.revision()));
    }

    /**
     * EQ-5/EQ-7 on the edits and EQ-1..EQ-4 from the first touched date on; holders' names are only looked
     * up to word a refusal, so a valid change does not fetch hundreds of them.
     */
    private List<Rejection> rulesBroken(VentureFacts venture, List<LedgerRow> before, List<LedgerEdit> edits,
                                        List<LedgerRow> after, LocalDate from) {
        CapTablePolicy unnamed = new CapTablePolicy(venture, Map.of());
        if (unnamed.checkEdits(before, edits).isEmpty() && unnamed.check(after, from).isEmpty()) {
            return List.of();
        }
        CapTablePolicy policy = new CapTablePolicy(venture, store.names(userIds(after, venture)));
        List<Rejection> rejections = new ArrayList<>(policy.checkEdits(before, edits));
        rejections.addAll(policy.check(after, from));
        return rejections;
    }

    public Outcome<Conversion> convertBuz(Actor actor, UUID ventureId, ConversionRequest request, Instant now, AuditRecorder audit) {
        Optional<Outcome<Conversion>> denied = actor.require(Permission.CONVERT_BUZ, ventureId);
        if (denied.isPresent()) {
            return denied.get();
        }
        if (request == null) {
            return Outcome.invalid("request", "is missing");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (request.userId() == null) {
            problems.add(new FieldProblem("userId", "is missing: whose BUZ are converted"));
        }
        if (request.buzAmount() <= 0) {
            problems.add(new FieldProblem("buzAmount", "must be a positive number of BUZ, not " + request.buzAmount()));
        }
        percentProblem("equityPercent", request.equityPercent()).ifPresent(problems::add);
        if (request.equityPercent() != null && request.equityPercent().compareTo(Percent.HUNDRED) >= 0) {
            problems.add(new FieldProblem("equityPercent", "must be less than 100.000, not " + request.equityPercent().toPlainString()));
        }
        if (request.effectiveOn() == null) {
            problems.add(new FieldProblem("effectiveOn", "is missing: the date the equity is granted"));
        } else if (outOfRange(request.effectiveOn())) {
            problems.add(new FieldProblem("effectiveOn", dateRange(request.effectiveOn())));
        }
        if (!problems.isEmpty()) {
            return new Outcome.Invalid<>(problems);
        }
        Optional<VentureFacts> found = store.venture(ventureId);
        if (found.isEmpty()) {
            return Outcome.notFound("venture", ventureId);
        }
        VentureFacts venture = found.get();
        Optional<ConversionFacts.Person> person = store.person(request.userId());
        if (person.isEmpty()) {
            return Outcome.invalid("userId", "no user " + request.userId() + " exists");
        }
        store.lockCapTable(ventureId);
        IssuanceRule rule = store.currentIssuanceRule(ventureId).orElse(null);
        ConversionFacts.Wallet wallet = store.wallet(request.userId()).orElse(null);
        List<Rejection> rejections = new ArrayList<>(ConversionPolicy.check(venture, rule, person.get(), wallet, request));

        List<LedgerRow> before = store.ledger(ventureId);
        Holder recipient = Holder.user(request.userId());
        List<LedgerEdit> edits = CapTableEdits.dilute(before, recipient, request.equityPercent(), request.effectiveOn());
        List<LedgerRow> after = CapTableEdits.apply(before, edits, now, actor.userId());
        CapTablePolicy policy = new CapTablePolicy(venture, store.names(userIds(after, venture)));
        for (Rejection r : policy.checkEdits(before, edits)) {
            if (!r.ruleId().equals("EQ-7")) { // the hold is already named once, as the conversion's
                rejections.add(r);
            }
        }
        rejections.addAll(policy.check(after));
        if (!rejections.isEmpty()) {
            return Outcome.rejected(rejections);
        }

        Optional<ConversionFacts.Debit> debit = store.debitForConversion(wallet, ventureId, request.buzAmount(), now);
        if (debit.isEmpty()) {
            return new Outcome.Conflict<>("The wallet of " + person.get().displayName()
                    + " changed while the conversion was being written; nothing was saved. Try again.");
        }
        UUID conversionId = UUID.randomUUID();
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("rule_id", rule.id().toString());
        snapshot.put("conversion_band_min", rule.bandMin().toPlainString());
        snapshot.put("conversion_band_max", rule.bandMax().toPlainString());
        snapshot.put("rate", ConversionPolicy.rate(request).stripTrailingZeros().toPlainString());
        snapshot.put("monthly_issue_cap", rule.monthlyIssueCap());
        snapshot.put("board_approved", rule.boardApproved());
        snapshot.put("rule_created_at", rule.createdAt() == null ? null : rule.createdAt().toString());
        Map<String, Object> approval = new LinkedHashMap<>();
        approval.put("user_id", actor.userId().toString());
        approval.put("role", actor.rolesOn(ventureId).contains(Role.OWNER) ? "owner" : "admin");
        approval.put("approved_at", now.toString());
        snapshot.put("approvals", List.of(approval));
        snapshot.put("buz_transaction_id", debit.get().transactionId().toString());
        snapshot.put("buz_tx_hash", debit.get().txHash());
        store.insertConversion(conversionId, ventureId, request.userId(), request.buzAmount(), request.equityPercent(),
                request.effectiveOn(), snapshot, now);
        Written written = write(ventureId, before, after);
        if (written == null) {
            return new Outcome.Conflict<>(conflictMessage(venture, store.ledger(ventureId)));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user_id", request.userId().toString());
        data.put("buz_spent", request.buzAmount());
        data.put("equity_percent_granted", Percent.of(request.equityPercent()).toPlainString());
        data.put("effective_on", request.effectiveOn().toString());
        data.put("policy_snapshot", snapshot);
        data.put("wallet_balance_after", debit.get().balanceAfter());
        data.put("before", written.before());
        data.put("after", written.after());
        audit.record(new AuditEntry(actor.userId(), "BUZ_CONVERTED", "equity_conversion", conversionId, ventureId, data));
        List<LedgerRow> added = after.subList(before.size(), after.size());
        return Outcome.done(new Conversion(conversionId, ventureId, request.userId(), request.buzAmount(),
                Percent.of(request.equityPercent()), request.effectiveOn(), rule.id(), debit.get().transactionId(),
                debit.get().txHash(), debit.get().balanceAfter(), added, view(venture, after, request.effectiveOn())));
    }

    public Outcome<List<LedgerChangeRecord>> ledgerHistory(Actor actor, UUID ventureId) {
        return readOfVenture(actor, Permission.READ_CAP_TABLE, ventureId, () -> List.copyOf(store.ledgerHistory(ventureId)));
    }

    /** A read of one venture's data: refused without the permission, "not found" for a venture that is not there. */
    private <T> Outcome<T> readOfVenture(Actor actor, Permission permission, UUID ventureId, java.util.function.Supplier<T> read) {
        Optional<Outcome<T>> denied = actor.require(permission, ventureId);
        if (denied.isPresent()) {
            return denied.get();
        }
        if (store.venture(ventureId).isEmpty()) {
            return Outcome.notFound("venture", ventureId);
        }
        return Outcome.done(read.get());
    }

    /** Shortest name prefix a search accepts: one letter would list a good part of the platform. */
    static final int MIN_NAME_PREFIX = 2;
    static final int MAX_CANDIDATES = 20;

    public Outcome<List<HolderCandidate>> holderCandidates(Actor actor, UUID ventureId, String search) {
        Optional<Outcome<List<HolderCandidate>>> denied = actor.require(Permission.EDIT_CAP_TABLE, ventureId);
        if (denied.isPresent()) {
            return denied.get();
        }
        String text = search == null ? "" : search.strip();
        if (text.length() < MIN_NAME_PREFIX || text.length() > 254) {
            return Outcome.invalid("search", "give an exact e-mail or the first " + MIN_NAME_PREFIX
                    + " or more letters of a name (at most 254 characters), not \"" + text + "\"");
        }
        if (store.venture(ventureId).isEmpty()) {
            return Outcome.notFound("venture", ventureId);
        }
        // An e-mail is matched exactly, never by prefix: owners find people they know, they do not browse addresses.
        boolean email = text.contains("@");
        return Outcome.done(List.copyOf(store.holderCandidates(email ? text : null, email ? null : text, MAX_CANDIDATES)));
    }

    public Outcome<List<VestingPolicy>> vestingPolicies(Actor actor, UUID ventureId) {
        return readOfVenture(actor, Permission.READ_CAP_TABLE, ventureId, () -> List.copyOf(store.vestingPoliciesOf(ventureId)));
    }

    static final int MAX_POLICY_MONTHS = 120;

    public Outcome<VestingPolicy> createVestingPolicy(Actor actor, UUID ventureId, NewVestingPolicy request, Instant now,
                                                      AuditRecorder audit) {
        Optional<Outcome<VestingPolicy>> denied = actor.require(Permission.EDIT_CAP_TABLE, ventureId);
        if (denied.isPresent()) {
            return denied.get();
        }
        if (request == null) {
            return Outcome.invalid("policy", "is missing");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String name = request.name() == null ? "" : request.name().strip();
        policyNameProblem(name).ifPresent(problems::add);
        Integer cliff = request.cliffMonths();
        Integer duration = request.durationMonths();
        if (cliff == null) {
            problems.add(new FieldProblem("cliffMonths", "is missing: months before anything vests (0 for no cliff)"));
        } else if (cliff < 0 || cliff > MAX_POLICY_MONTHS) {
            problems.add(new FieldProblem("cliffMonths", "must be 0 to " + MAX_POLICY_MONTHS + " months, not " + cliff));
        }
        if (duration == null) {
            problems.add(new FieldProblem("durationMonths", "is missing: months until the whole stake has vested"));
        } else if (duration < 1 || duration > MAX_POLICY_MONTHS) {
            problems.add(new FieldProblem("durationMonths", "must be 1 to " + MAX_POLICY_MONTHS + " months, not " + duration));
        }
        if (cliff != null && duration != null && cliff >= 0 && duration >= 1 && cliff > duration) {
            problems.add(new FieldProblem("cliffMonths", "must not be longer than the duration (" + cliff + " > " + duration + " months)"));
        }
        if (request.frequency() == null) {
            problems.add(new FieldProblem("frequency", "is missing: monthly or quarterly"));
        }
        if (!problems.isEmpty()) {
            return new Outcome.Invalid<>(problems);
        }
        Optional<VentureFacts> venture = store.venture(ventureId);
        if (venture.isEmpty()) {
            return Outcome.notFound("venture", ventureId);
        }
        store.lockCapTable(ventureId);
        if (store.vestingPoliciesOf(ventureId).stream()
                .anyMatch(p -> !p.template() && p.name().strip().equalsIgnoreCase(name))) {
            return Outcome.invalid("name", "\"" + name + "\" is already a vesting policy of " + venture.get().name() + "; pick another name");
        }
        VestingPolicy policy = new VestingPolicy(UUID.randomUUID(), ventureId, name, cliff, duration, request.frequency());
        store.insertVestingPolicy(policy, now, actor.userId());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", name);
        data.put("cliff_months", cliff);
        data.put("duration_months", duration);
        data.put("frequency", request.frequency().code());
        audit.record(new AuditEntry(actor.userId(), "VESTING_POLICY_CREATED", "vesting_policy", policy.id(), ventureId, data));
        return Outcome.done(policy);
    }

    public Outcome<CapTable> attachVestingPolicy(Actor actor, UUID ventureId, VestingAttachment attachment, Instant now,
                                                 AuditRecorder audit) {
        Optional<Outcome<CapTable>> denied = actor.require(Permission.EDIT_CAP_TABLE, ventureId);
        if (denied.isPresent()) {
            return denied.get();
        }
        if (attachment == null) {
            return Outcome.invalid("attachment", "is missing");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (attachment.rowId() == null) {
            problems.add(new FieldProblem("rowId", "is missing: which holding (ledger row) vests"));
        }
        if (attachment.vestingPolicyId() == null) {
            problems.add(new FieldProblem("vestingPolicyId", "is missing: which vesting policy applies"));
        }
        if (attachment.from() == null) {
            problems.add(new FieldProblem("from", "is missing: the day vesting starts"));
        }
        if (attachment.basedOnRevision() == null || attachment.basedOnRevision().isBlank()) {
            problems.add(new FieldProblem("basedOnRevision", "is missing: the revision of the cap table you saw"));
        }
        if (!problems.isEmpty()) {
            return new Outcome.Invalid<>(problems);
        }
        Optional<VentureFacts> found = store.venture(ventureId);
        if (found.isEmpty()) {
            return Outcome.notFound("venture", ventureId);
        }
        VentureFacts venture = found.get();
        store.lockCapTable(ventureId);
        List<LedgerRow> before = store.ledger(ventureId);
        if (!CapTable.revisionOf(before).equals(attachment.basedOnRevision())) {
            return new Outcome.Conflict<>(conflictMessage(venture, before));
        }
        LedgerRow row = before.stream().filter(r -> r.id().equals(attachment.rowId())).findFirst().orElse(null);
        VestingPolicy policy = store.vestingPolicies(Set.of(attachment.vestingPolicyId())).get(attachment.vestingPolicyId());
        if (row == null) {
            problems.add(new FieldProblem("rowId", "no row " + attachment.rowId() + " in the cap table of " + venture.name()));
        } else if (!row.open()) {
            problems.add(new FieldProblem("rowId", "the row ended on " + row.effectiveTo() + "; only an open holding can be put under a policy (EQ-5)"));
        } else if (!attachment.from().isAfter(row.effectiveFrom())) {
            problems.add(new FieldProblem("from", "must be after " + row.effectiveFrom() + ", the row's first day: the row is kept as it is"
                    + " (EQ-5) and a new one vests from this date"));
        } else if (attachment.vestingPolicyId().equals(row.vestingPolicyId())) {
            problems.add(new FieldProblem("vestingPolicyId", "the holding already vests by this policy"));
        }
        if (policy == null) {
            problems.add(new FieldProblem("vestingPolicyId", "no vesting policy " + attachment.vestingPolicyId() + " exists"));
        } else if (!usableBy(policy, ventureId)) {
            problems.add(new FieldProblem("vestingPolicyId", "vesting policy \"" + policy.name() + "\" belongs to another venture (EQ-6)"));
        }
        if (!problems.isEmpty()) {
            return new Outcome.Invalid<>(problems);
        }
        List<LedgerEdit> edits = List.of(
                new LedgerEdit.Close(row.id(), attachment.from().minusDays(1)),
                new LedgerEdit.Add(row.holder(), row.percent(), attachment.from(), null, policy.id()));
        List<LedgerRow> after = CapTableEdits.apply(before, edits, now, actor.userId());
        CapTablePolicy rules = new CapTablePolicy(venture, store.names(userIds(after, venture)));
        List<Rejection> rejections = new ArrayList<>(rules.checkEdits(before, edits));
        rejections.addAll(rules.check(after));
        if (!rejections.isEmpty()) {
            return Outcome.rejected(rejections);
        }
        Written written = write(ventureId, before, after);
        if (written == null) {
            return new Outcome.Conflict<>(conflictMessage(venture, store.ledger(ventureId)));
        }
        String holder = row.holder().platform() ? "AliceSolutions (platform)"
                : store.names(Set.of(row.holder().userId())).getOrDefault(row.holder().userId(), "user " + row.holder().userId());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("description", "The holding of " + holder + " (" + Percent.format(row.percent()) + ") vests by \""
                + policy.name() + "\" from " + attachment.from());
        data.put("vesting_policy_id", policy.id().toString());
        data.put("based_on_revision", attachment.basedOnRevision());
        data.put("revision_after", CapTable.revisionOf(after));
        data.put("before", written.before());
        data.put("after", written.after());
        audit.record(new AuditEntry(actor.userId(), "VESTING_ATTACHED", "venture", ventureId, ventureId, data));
        return Outcome.done(view(venture, after, attachment.from()));
    }

    private static Optional<FieldProblem> policyNameProblem(String name) {
        if (name.isEmpty()) {
            return Optional.of(new FieldProblem("name", "is missing: name the policy, e.g. \"4 years, 1-year cliff\""));
        }
        if (name.length() > 80) {
            return Optional.of(new FieldProblem("name", "has " + name.length() + " characters; at most 80"));
        }
        return Optional.empty();
    }

    public Outcome<VestingPolicy> renameVestingPolicy(Actor actor, UUID ventureId, UUID policyId, String newName, AuditRecorder audit) {
        Optional<Outcome<VestingPolicy>> denied = actor.require(Permission.EDIT_CAP_TABLE, ventureId);
        if (denied.isPresent()) {
            return denied.get();
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (policyId == null) {
            problems.add(new FieldProblem("policyId", "is missing: which vesting policy to rename"));
        }
        String name = newName == null ? "" : newName.strip();
        policyNameProblem(name).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            return new Outcome.Invalid<>(problems);
        }
        Optional<VentureFacts> venture = store.venture(ventureId);
        if (venture.isEmpty()) {
            return Outcome.notFound("venture", ventureId);
        }
        store.lockCapTable(ventureId);
        List<VestingPolicy> policies = store.vestingPoliciesOf(ventureId);
        VestingPolicy policy = policies.stream().filter(p -> p.id().equals(policyId)).findFirst().orElse(null);
        if (policy == null) {
            return Outcome.invalid("policyId", "no vesting policy " + policyId + " in " + venture.get().name());
        }
        if (policy.template()) {
            return Outcome.invalid("policyId", "\"" + policy.name() + "\" is a platform template, not a policy of "
                    + venture.get().name() + "; only the venture's own policies are renamed here");
        }
        if (policy.name().equals(name)) {
            return Outcome.invalid("name", "the policy is already named \"" + name + "\"");
        }
        if (policies.stream().anyMatch(p -> !p.template() && !p.id().equals(policyId) && p.name().strip().equalsIgnoreCase(name))) {
            return Outcome.invalid("name", "\"" + name + "\" is already a vesting policy of " + venture.get().name() + "; pick another name");
        }
        if (!store.renameVestingPolicy(ventureId, policyId, name)) {
            return Outcome.notFound("vesting policy", policyId);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name_before", policy.name());
        data.put("name", name);
        audit.record(new AuditEntry(actor.userId(), "VESTING_POLICY_RENAMED", "vesting_policy", policyId, ventureId, data));
        return Outcome.done(new VestingPolicy(policy.id(), policy.ventureId(), name, policy.cliffMonths(), policy.durationMonths(),
                policy.frequency()));
    }

    private static boolean usableBy(VestingPolicy policy, UUID ventureId) {
        return policy.template() || policy.ventureId().equals(ventureId);
    }

    // ---------------------------------------------------------------------------------------------

    private record Written(List<Map<String, Object>> before, List<Map<String, Object>> after) {
    }

    /** Writes the difference between two ledgers: closes, then new rows. Null when a row was no longer open. */
    private Written write(UUID ventureId, List<LedgerRow> before, List<LedgerRow> after) {
        List<Map<String, Object>> was = new ArrayList<>();
        List<Map<String, Object>> is = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            LedgerRow old = before.get(i);
            LedgerRow now = after.get(i);
            if (old.open() && !now.open()) {
                if (!store.close(old.id(), now.effectiveTo())) {
                    return null;
                }
                was.add(audit(old));
                is.add(audit(now));
            }
        }
        for (LedgerRow row : after.subList(before.size(), after.size())) {
            store.insert(ventureId, row);
            is.add(audit(row));
        }
        return new Written(was, is);
    }

    private CapTable view(VentureFacts venture, List<LedgerRow> ledger, LocalDate asOf) {
        return view(venture, ledger, asOf, CapTable.changeDates(ledger), CapTable.revisionOf(ledger));
    }

    private CapTable view(VentureFacts venture, List<LedgerRow> ledger, LocalDate asOf, List<LocalDate> changeDates, String revision) {
        Set<UUID> policyIds = new HashSet<>();
        ledger.forEach(r -> {
            if (r.vestingPolicyId() != null) {
                policyIds.add(r.vestingPolicyId());
            }
        });
        return CapTable.on(venture, ledger, store.names(userIds(ledger, venture)), store.vestingPolicies(policyIds), asOf,
                changeDates, revision);
    }

    private static Set<UUID> userIds(List<LedgerRow> ledger, VentureFacts venture) {
        Set<UUID> ids = new HashSet<>();
        for (LedgerRow r : ledger) {
            if (r.holder() != null && r.holder().userId() != null) {
                ids.add(r.holder().userId());
            }
            if (r.createdBy() != null) {
                ids.add(r.createdBy());
            }
        }
        if (venture.ownerUserId() != null) {
            ids.add(venture.ownerUserId());
        }
        return ids;
    }

    /** Who changed the ledger last, in words: the newest row names its writer and time. */
    private String conflictMessage(VentureFacts venture, List<LedgerRow> ledger) {
        Optional<LedgerRow> latest = ledger.stream().filter(r -> r.createdAt() != null)
                .max(Comparator.comparing(LedgerRow::createdAt));
        String by = "someone else";
        String at = "";
        if (latest.isPresent()) {
            UUID writer = latest.get().createdBy();
            if (writer != null) {
                by = store.names(Set.of(writer)).getOrDefault(writer, "user " + writer);
            }
            at = " at " + latest.get().createdAt();
        }
        return "The cap table of " + venture.name() + " was changed by " + by + at
                + " since you opened it; nothing was saved. Reload it and apply your draft again (it is kept).";
    }

    private static Map<String, Object> audit(LedgerRow row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", row.id().toString());
        m.put("holder_type", row.holder().type().code());
        m.put("holder_id", row.holder().userId() == null ? null : row.holder().userId().toString());
        m.put("percent", Percent.of(row.percent()).toPlainString());
        m.put("effective_from", row.effectiveFrom().toString());
        m.put("effective_to", row.effectiveTo() == null ? null : row.effectiveTo().toString());
        m.put("vesting_policy_id", row.vestingPolicyId() == null ? null : row.vestingPolicyId().toString());
        return m;
    }

    // The HTTP API refuses dates outside 0001..9999 when it reads them (Json, Scalars); the same bounds here keep the
    // local adapter from saving a row the remote one could not (found by the hostile-input tests, issue 8).
    private static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    private static boolean outOfRange(LocalDate day) {
        return day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY);
    }

    private static String dateRange(LocalDate day) {
        return "must lie between " + FIRST_DAY + " and " + LAST_DAY + ", not " + day;
    }

    /** Problems visible in the request alone. */
    private static List<FieldProblem> formProblems(CapTableChange change) {
        List<FieldProblem> problems = new ArrayList<>();
        if (change.description() == null || change.description().isBlank()) {
            problems.add(new FieldProblem("description", "is missing: say what the change is and why"));
        }
        if (change.basedOnRevision() == null || change.basedOnRevision().isBlank()) {
            problems.add(new FieldProblem("basedOnRevision", "is missing: the revision of the cap table the change was drafted on"));
        }
        if (change.edits().isEmpty()) {
            problems.add(new FieldProblem("edits", "is empty: a change closes or adds at least one row"));
        }
        for (int i = 0; i < change.edits().size(); i++) {
            String at = "edits[" + i + "]";
            LedgerEdit edit = change.edits().get(i);
            if (edit == null) {
                problems.add(new FieldProblem(at, "is missing"));
            } else if (edit instanceof LedgerEdit.Close close) {
                if (close.rowId() == null) {
                    problems.add(new FieldProblem(at + ".rowId", "is missing: which row to close"));
                }
                if (close.effectiveTo() == null) {
                    problems.add(new FieldProblem(at + ".effectiveTo", "is missing: the row's last effective day"));
                } else if (outOfRange(close.effectiveTo())) {
                    problems.add(new FieldProblem(at + ".effectiveTo", dateRange(close.effectiveTo())));
                }
            } else {
                LedgerEdit.Add add = (LedgerEdit.Add) edit;
                if (add.holder() == null || add.holder().type() == null) {
                    problems.add(new FieldProblem(at + ".holder", "is missing: a user or the platform"));
                } else if (add.holder().type() == HolderType.USER && add.holder().userId() == null) {
                    problems.add(new FieldProblem(at + ".holder.userId", "is missing: which user holds the row"));
                } else if (add.holder().type() == HolderType.ALICE && add.holder().userId() != null) {
                    problems.add(new FieldProblem(at + ".holder.userId", "must be empty for the platform (AliceSolutions)"));
                }
                percentProblem(at + ".percent", add.percent()).ifPresent(problems::add);
                if (add.effectiveFrom() == null) {
                    problems.add(new FieldProblem(at + ".effectiveFrom", "is missing: the first day the row counts"));
                } else if (outOfRange(add.effectiveFrom())) {
                    problems.add(new FieldProblem(at + ".effectiveFrom", dateRange(add.effectiveFrom())));
                }
                if (add.effectiveTo() != null && outOfRange(add.effectiveTo())) {
                    problems.add(new FieldProblem(at + ".effectiveTo", dateRange(add.effectiveTo())));
                }
            }
        }
        return problems;
    }

    private static Optional<FieldProblem> percentProblem(String field, BigDecimal percent) {
        if (percent == null) {
            return Optional.of(new FieldProblem(field, "is missing"));
        }
        if (percent.signum() <= 0 || percent.compareTo(Percent.HUNDRED) > 0) {
            return Optional.of(new FieldProblem(field, "must be more than 0 and at most 100, not " + percent.toPlainString()));
        }
        if (percent.stripTrailingZeros().scale() > 3) {
            return Optional.of(new FieldProblem(field, "has more than three decimals: " + percent.toPlainString()));
        }
        return Optional.empty();
    }

    /** Problems that need the ledger: rows, users and vesting policies the edits name must exist. */
    private List<FieldProblem> referenceProblems(UUID ventureId, List<LedgerEdit> edits, List<LedgerRow> ledger) {
        Set<UUID> rowIds = new HashSet<>();
        ledger.forEach(r -> rowIds.add(r.id()));
        Set<UUID> users = new HashSet<>();
        Set<UUID> policies = new HashSet<>();
        for (LedgerEdit e : edits) {
            if (e instanceof LedgerEdit.Add add) {
                if (add.holder().userId() != null) {
                    users.add(add.holder().userId());
                }
                if (add.vestingPolicyId() != null) {
                    policies.add(add.vestingPolicyId());
                }
            }
        }
        Map<UUID, String> known = store.names(users);
        Map<UUID, VestingPolicy> knownPolicies = store.vestingPolicies(policies);
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < edits.size(); i++) {
            String at = "edits[" + i + "]";
            LedgerEdit e = edits.get(i);
            if (e instanceof LedgerEdit.Close close) {
                if (!rowIds.contains(close.rowId())) {
                    problems.add(new FieldProblem(at + ".rowId", "no row " + close.rowId() + " in this venture's cap table"));
                }
            } else {
                LedgerEdit.Add add = (LedgerEdit.Add) e;
                if (add.holder().userId() != null && !known.containsKey(add.holder().userId())) {
                    problems.add(new FieldProblem(at + ".holder.userId", "no user " + add.holder().userId() + " exists"));
                }
                if (add.vestingPolicyId() != null && !knownPolicies.containsKey(add.vestingPolicyId())) {
                    problems.add(new FieldProblem(at + ".vestingPolicyId", "no vesting policy " + add.vestingPolicyId() + " exists"));
                } else if (add.vestingPolicyId() != null && !usableBy(knownPolicies.get(add.vestingPolicyId()), ventureId)) {
                    problems.add(new FieldProblem(at + ".vestingPolicyId", "vesting policy \"" + knownPolicies.get(add.vestingPolicyId()).name()
                            + "\" belongs to another venture (EQ-6)"));
                }
            }
        }
        return problems;
    }
}
