package org.smartstart.backoffice.domain.legalholds;

import org.smartstart.backoffice.domain.access.Actor;
import org.smartstart.backoffice.domain.access.Permission;
import org.smartstart.backoffice.domain.audit.AuditEntry;
import org.smartstart.backoffice.domain.audit.AuditRecorder;
import org.smartstart.backoffice.domain.usecase.FieldProblem;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Rejection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The legal hold use cases on a {@link LegalHoldStore} inside one transaction: permission (ID-3: only
 * global compliance, LH-1), input, the rules (LH-1, LH-2), then the write and its one audit entry (AU-1).
 *
 * <p>Several active holds on one venture, even of the same scope, are allowed on purpose: each stands for
 * its own legal matter, and releasing one must leave the others in force. The preview lists the holds
 * already active so the officer sees them before imposing another.
 */
public final class LegalHoldUseCases {

    private final LegalHoldStore store;

    public LegalHoldUseCases(LegalHoldStore store) {
        this.store = store;
    }

    public Outcome<List<LegalHold>> holds(Actor actor, Optional<UUID> ventureId, boolean activeOnly) {
        Optional<Outcome<List<LegalHold>>> denied = actor.require(Permission.MANAGE_LEGAL_HOLDS);
        if (denied.isPresent()) {
            return denied.get();
        }
        Optional<UUID> venture = ventureId == null ? Optional.empty() : ventureId;
        if (venture.isPresent() && store.venture(venture.get()).isEmpty()) {
            return Outcome.notFound("venture", venture.get());
        }
        return Outcome.done(List.copyOf(store.holds(venture, activeOnly)));
    }

    public Outcome<FreezePreview> freezePreview(Actor actor, UUID ventureId, HoldScope appliesTo, Instant now) {
        Optional<Outcome<FreezePreview>> denied = actor.require(Permission.MANAGE_LEGAL_HOLDS);
        if (denied.isPresent()) {
            return denied.get();
        }
        if (appliesTo == null) {
            return Outcome.invalid("appliesTo", "is missing: equity, buz or all");
        }
        Optional<LegalHoldStore.Venture> venture = store.venture(ventureId);
        if (venture.isEmpty()) {
            return Outcome.notFound("venture", ventureId);
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LegalHoldStore.FreezeFacts facts = store.freezeFacts(ventureId, today);
        List<String> blocked = new ArrayList<>();
        if (appliesTo.freezesEquity()) {
            blocked.add("changes to the cap table of " + venture.get().name() + " (EQ-7)");
            blocked.add("conversions of BUZ to equity in " + venture.get().name() + " (EQ-7)");
        }
        if (appliesTo.freezesBuz()) {
            blocked.add("every BUZ transaction of " + venture.get().name() + ": earning, locking, redeeming and converting (BZ-6)");
        }
        int blockedRemedies = (appliesTo.freezesEquity() ? facts.undecidedOverEquity() : 0)
                + (appliesTo.freezesBuz() ? facts.undecidedOverBuz() : 0);
        return Outcome.done(new FreezePreview(ventureId, venture.get().name(), appliesTo, today, blocked,
                facts.capTableHolders(), appliesTo.freezesBuz() ? facts.walletsWithBuz() : 0,
                facts.undecidedDisputes(), blockedRemedies, store.holds(Optional.of(ventureId), true)));
    }

    public Outcome<LegalHold> impose(Actor actor, UUID ventureId, HoldRequest request, Instant now, AuditRecorder audit) {
        Optional<Outcome<LegalHold>> denied = actor.require(Permission.MANAGE_LEGAL_HOLDS);
        if (denied.isPresent()) {
            return denied.get();
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (request == null || request.appliesTo() == null) {
            problems.add(new FieldProblem("appliesTo", "is missing: equity, buz or all"));
        }
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            problems.add(new FieldProblem("reason", "is missing: name the matter the hold preserves records for (LH-1)"));
        }
        if (!problems.isEmpty()) {
            return new Outcome.Invalid<>(problems);
        }
        Optional<LegalHoldStore.Venture> venture = store.venture(ventureId);
        if (venture.isEmpty()) {
            return Outcome.notFound("venture", ventureId);
        }
        String reason = request.reason().strip();
        UUID id = store.impose(ventureId, request.appliesTo(), reason, actor.userId(), now);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("applies_to", request.appliesTo().code());
        data.put("reason", reason);
        data.put("imposed_at", now.toString());
        audit.record(new AuditEntry(actor.userId(), "HOLD_IMPOSED", "legal_hold", id, ventureId, data));
        return Outcome.done(store.holds(Optional.of(ventureId), false).stream().filter(h -> h.id().equals(id))
                .findFirst().orElseThrow(() -> new IllegalStateException("The hold " + id + " just imposed cannot be read back")));
    }

    public Outcome<LegalHold> release(Actor actor, UUID holdId, HoldRelease release, Instant now, AuditRecorder audit) {
        Optional<Outcome<LegalHold>> denied = actor.require(Permission.MANAGE_LEGAL_HOLDS);
        if (denied.isPresent()) {
            return denied.get();
        }
        Optional<LegalHold> found = store.holdForUpdate(holdId);
        if (found.isEmpty()) {
            return Outcome.notFound("legal_hold", holdId);
        }
        LegalHold hold = found.get();
        String reason = release == null ? null : release.reason();
        List<Rejection> rejections = LegalHoldPolicy.checkRelease(hold, reason);
        if (!rejections.isEmpty()) {
            return Outcome.rejected(rejections);
        }
        if (!store.release(holdId, hold.version(), actor.userId(), reason.strip(), now)) {
            return new Outcome.Conflict<>(LegalHoldPolicy.describe(hold)
                    + " was changed by someone else while you released it; nothing was saved. Reload and try again.");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("applies_to", hold.appliesTo().code());
        data.put("imposed_at", hold.imposedAt() == null ? null : hold.imposedAt().toString());
        data.put("release_reason", reason.strip());
        data.put("released_at", now.toString());
        audit.record(new AuditEntry(actor.userId(), "HOLD_RELEASED", "legal_hold", holdId, hold.ventureId(), data));
        return Outcome.done(store.holdForUpdate(holdId).orElseThrow());
    }
}
