package org.smartstart.backoffice.domain.ventures;

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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The ventures administration on a {@link VentureStore} inside one transaction: permission first, then the
 * input, then the rules, then the write and its one audit entry (AU-1). The database checks the same rules
 * again (V3: KY-6, SD-1; V25: VS-1, VS-2, KY-5 for owners, ID-3 "manage ventures").
 *
 * <p>Rules decided for ventures (DOMAIN.md names the statuses but gives no transition table; V25 says the same):
 * <ul>
 *   <li>VS-1 draft → active | suspended | archived; active → suspended | archived; suspended → active | archived.
 *       A venture never returns to draft and never leaves archived. Becoming active needs KY-6.</li>
 *   <li>VS-2 Archiving (soft delete) is final and refused while a legal hold on the venture is active (LH-3).</li>
 * </ul>
 */
public final class VentureAdminUseCases {

    /** Who may list and open every venture: the global staff (ID-5 lets them read every venture). */
    private static final Set<Role> READERS = EnumSet.of(Role.ADMIN, Role.SUPPORT, Role.COMPLIANCE);
    public static final BigDecimal MAX_ALICE_CAP = new BigDecimal("20.000");
    public static final int MAX_NAME = 255;
    public static final int MAX_REASON = 2_000;
    /** KY-6: the KYB documents a venture needs, verified, before it becomes active. */
    public static final List<String> NEEDED_FOR_ACTIVE = List.of("articles_of_inc", "tax_id");

    private final VentureStore store;

    public VentureAdminUseCases(VentureStore store) {
        this.store = store;
    }

    /** The statuses a venture in {@code from} may move to (VS-1), archiving included. */
    public static List<String> nextStatuses(String from) {
        return switch (from == null ? "draft" : from) {
            case "draft" -> List.of("active", "suspended", "archived");
            case "active" -> List.of("suspended", "archived");
            case "suspended" -> List.of("active", "archived");
            default -> List.of();
        };
    }

    /** The KYB document types KY-6 still misses among these verified-or-not documents. */
    public static List<String> missingForActive(List<VentureDetail.KybDocument> documents) {
        List<String> missing = new ArrayList<>();
        for (String needed : NEEDED_FOR_ACTIVE) {
            if (documents.stream().noneMatch(d -> needed.equals(d.docType()) && "verified".equals(d.status()))) {
                missing.add(needed);
            }
        }
        return missing;
    }

    public Outcome<List<VentureOverview>> search(Actor actor, VentureFilter filter) {
        Optional<Outcome<List<VentureOverview>>> denied = requireReader(actor);
        if (denied.isPresent()) {
            return denied.get();
        }
        VentureFilter f = filter == null ? VentureFilter.all() : filter;
        List<FieldProblem> problems = f.problems();
        if (!problems.isEmpty()) {
            return new Outcome.Invalid<>(problems);
        }
        return Outcome.done(List.copyOf(store.find(f)));
    }

    public Outcome<VentureDetail> venture(Actor actor, UUID ventureId) {
        Optional<Outcome<VentureDetail>> denied = requireReader(actor);
        if (denied.isPresent()) {
            return denied.get();
        }
        if (ventureId == null) {
            return Outcome.invalid("ventureId", "is missing: which venture to open");
        }
        return store.detail(ventureId).<Outcome<VentureDetail>>map(Outcome::done).orElseGet(() -> Outcome.notFound("venture", ventureId));
    }

    /**
     * Creates a venture as a draft (ID-3 "manage ventures": global admins). Its owner must be KYC-verified
     * (KY-5: owning a venture is holding its owner role), the platform's cap at most 20.000 (EQ-3), the name
     * unique. Audit: VENTURE_CREATED.
     */
    public Outcome<VentureDetail> create(Actor actor, NewVenture venture, Instant now, AuditRecorder audit) {
        Optional<Outcome<VentureDetail>> denied = actor.require(Permission.MANAGE_VENTURES);
        if (denied.isPresent()) {
            return denied.get();
        }
        if (venture == null) {
            return Outcome.invalid("venture", "is missing: name, region and owner");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String name = venture.name() == null ? "" : venture.name().strip();
        if (name.isEmpty()) {
            problems.add(new FieldProblem("name", "is missing: the venture's name"));
        } else if (name.length() > MAX_NAME) {
            problems.add(new FieldProblem("name", "is " + name.length() + " characters long; at most " + MAX_NAME));
        }
        String region = venture.region() == null ? "" : venture.region().strip();
        if (region.isEmpty()) {
            problems.add(new FieldProblem("region", "is missing: one of ca, us, eu, asia, other"));
        } else if (!VentureFilter.REGIONS.contains(region)) {
            problems.add(new FieldProblem("region", "\"" + region + "\" is not a region (ca, us, eu, asia, other)"));
        }
        BigDecimal cap = venture.aliceEquityCap() == null ? MAX_ALICE_CAP : venture.aliceEquityCap();
        if (cap.signum() < 0) {
            problems.add(new FieldProblem("aliceEquityCap", "is " + cap.toPlainString() + "%; it cannot be negative"));
        } else if (cap.compareTo(MAX_ALICE_CAP) > 0) {
            problems.add(new FieldProblem("aliceEquityCap", "is " + cap.toPlainString() + "%; the platform holds at most 20.000% of a venture (EQ-3)"));
        } else if (cap.stripTrailingZeros().scale() > 3) {
            problems.add(new FieldProblem("aliceEquityCap", "is " + cap.toPlainString() + "%; at most three decimals (0.001%)"));
        }
        Optional<VentureStore.Owner> owner = Optional.empty();
        if (venture.ownerUserId() == null) {
            problems.add(new FieldProblem("ownerUserId", "is missing: the person who owns the venture"));
        } else {
            owner = store.owner(venture.ownerUserId());
            if (owner.isEmpty()) {
                problems.add(new FieldProblem("ownerUserId", "names nobody: no person " + venture.ownerUserId() + " exists"));
            } else if (owner.get().archived()) {
                problems.add(new FieldProblem("ownerUserId", owner.get().displayName() + " is archived and cannot own a venture"));
            }
        }
        if (problems.isEmpty()) {
            Optional<UUID> holder = store.nameHolder(name);
            if (holder.isPresent()) {
                problems.add(new FieldProblem("name", "\"" + name + "\" is already the name of another venture; venture names are unique"));
            }
        }
        if (!problems.isEmpty()) {
            return new Outcome.Invalid<>(problems);
        }
        VentureStore.Owner o = owner.orElseThrow();
        if (!"verified".equals(o.kycStatus())) {
            return Outcome.rejected("KY-5", o.displayName() + " cannot own " + name + ": their KYC status is " + o.kycStatus()
                    + ", not verified (owning a venture is holding its owner role, KY-5).");
        }
        BigDecimal scaled = cap.setScale(3, java.math.RoundingMode.UNNECESSARY);
        UUID id = store.insertDraft(name, region, o.id(), scaled, now);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", name);
        data.put("region", region);
        data.put("owner_user_id", o.id().toString());
        data.put("alice_equity_cap", scaled.toPlainString());
        data.put("before", "none");
        data.put("after", "draft");
        audit.record(new AuditEntry(actor.userId(), "VENTURE_CREATED", "venture", id, id, data));
        return Outcome.done(store.detail(id).orElseThrow());
    }

    /**
     * Moves a venture to active or suspended (VS-1); becoming active needs verified articles_of_inc and tax_id
     * KYB documents (KY-6), and the refusal names the missing ones. Archiving is {@link #archive}. Audit:
     * VENTURE_STATUS_CHANGED.
     */
    public Outcome<VentureDetail> changeStatus(Actor actor, UUID ventureId, StatusChange change, Instant now, AuditRecorder audit) {
        Optional<Outcome<VentureDetail>> denied = actor.require(Permission.MANAGE_VENTURES);
        if (denied.isPresent()) {
            return denied.get();
        }
        if (change == null) {
            return Outcome.invalid("change", "is missing: the new status and why");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String status = change.status() == null ? "" : change.status().strip();
        if (status.isEmpty()) {
            problems.add(new FieldProblem("status", "is missing: active or suspended"));
        } else if ("archived".equals(status)) {
            problems.add(new FieldProblem("status", "cannot be set to archived here: archive the venture instead (it needs a reason and no active hold)"));
        } else if (!List.of("active", "suspended", "draft").contains(status)) {
            problems.add(new FieldProblem("status", "\"" + status + "\" is not a venture status (active, suspended)"));
        }
        String reason = change.reason() == null ? "" : change.reason().strip();
        if (reason.isEmpty()) {
            problems.add(new FieldProblem("reason", "is missing: say why the status changes (kept in the audit trail)"));
        } else if (reason.length() > MAX_REASON) {
            problems.add(new FieldProblem("reason", "is " + reason.length() + " characters long; at most " + MAX_REASON));
        }
        if (!problems.isEmpty()) {
            return new Outcome.Invalid<>(problems);
        }
        Optional<VentureDetail> found = store.lockForChange(ventureId);
        if (found.isEmpty()) {
            return Outcome.notFound("venture", ventureId);
        }
        VentureDetail v = found.get();
        if (change.expectedVersion() > 0 && change.expectedVersion() != v.version()) {
            return new Outcome.Conflict<>("Someone changed " + v.name() + " since you opened it; it is " + v.status()
                    + " now. Look again and retry.");
        }
        if (v.archived()) {
            return Outcome.rejected("VS-2", v.name() + " was archived; archiving is final and its status no longer changes (VS-2).");
        }
        if (status.equals(v.status())) {
            return Outcome.invalid("status", v.name() + " is already " + status);
        }
        if (!nextStatuses(v.status()).contains(status)) {
            return Outcome.rejected("VS-1", v.name() + " cannot go from " + v.status() + " to " + status + "; from " + v.status()
                    + " it may go to " + describe(nextStatuses(v.status())) + " (VS-1).");
        }
        if ("active".equals(status) && !v.missingForActive().isEmpty()) {
            return Outcome.rejected("KY-6", v.name() + " cannot become active: no verified "
                    + String.join(" and ", v.missingForActive()) + " KYB document (KY-6).");
        }
        if (!store.changeStatus(v.id(), status, v.version(), now)) {
            return new Outcome.Conflict<>("Someone changed " + v.name() + " a moment ago; nothing was changed. Look again and retry.");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", v.name());
        data.put("reason", reason);
        data.put("before", v.status());
        data.put("after", status);
        audit.record(new AuditEntry(actor.userId(), "VENTURE_STATUS_CHANGED", "venture", v.id(), v.id(), data));
        return Outcome.done(store.detail(v.id()).orElseThrow());
    }

    /**
     * Archives a venture: a soft delete (archived_at and status archived), never a DELETE (SD-1). Refused while
     * a legal hold on it is active (VS-2, LH-3), and final. Audit: VENTURE_ARCHIVED.
     */
    public Outcome<VentureDetail> archive(Actor actor, UUID ventureId, VentureArchive archive, Instant now, AuditRecorder audit) {
        Optional<Outcome<VentureDetail>> denied = actor.require(Permission.MANAGE_VENTURES);
        if (denied.isPresent()) {
            return denied.get();
        }
        String reason = archive == null || archive.reason() == null ? "" : archive.reason().strip();
        if (reason.isEmpty()) {
            return Outcome.invalid("reason", "is missing: say why the venture is archived (kept in the audit trail)");
        }
        if (reason.length() > MAX_REASON) {
            return Outcome.invalid("reason", "is " + reason.length() + " characters long; at most " + MAX_REASON);
        }
        Optional<VentureDetail> found = store.lockForChange(ventureId);
        if (found.isEmpty()) {
            return Outcome.notFound("venture", ventureId);
        }
        VentureDetail v = found.get();
        if (v.archived()) {
            return Outcome.rejected("VS-2", v.name() + " is already archived; archiving is final (VS-2).");
        }
        if (!v.activeHolds().isEmpty()) {
            List<Rejection> holds = new ArrayList<>();
            for (VentureDetail.Hold h : v.activeHolds()) {
                holds.add(new Rejection("VS-2", v.name() + " cannot be archived: the " + h.appliesTo() + " legal hold imposed "
                        + h.imposedAt().toString().substring(0, 10) + " (" + h.reason() + ") is active; compliance must release it first (LH-3)."));
            }
            return Outcome.rejected(holds);
        }
        if (!store.archive(v.id(), v.version(), now)) {
            return new Outcome.Conflict<>("Someone changed " + v.name() + " a moment ago; nothing was changed. Look again and retry.");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", v.name());
        data.put("reason", reason);
        data.put("before", v.status());
        data.put("after", "archived");
        audit.record(new AuditEntry(actor.userId(), "VENTURE_ARCHIVED", "venture", v.id(), v.id(), data));
        return Outcome.done(store.detail(v.id()).orElseThrow());
    }

    private static String describe(List<String> statuses) {
        return statuses.isEmpty() ? "nowhere" : String.join(" or ", statuses);
    }

    private static <T> Optional<Outcome<T>> requireReader(Actor actor) {
        if (READERS.stream().anyMatch(actor::has)) {
            return Optional.empty();
        }
        return Optional.of(new Outcome.Denied<>("administer ventures",
                "You may not list or open ventures in the administration: that takes the global admin, support or compliance role (ID-3, ID-5)."));
    }
}
