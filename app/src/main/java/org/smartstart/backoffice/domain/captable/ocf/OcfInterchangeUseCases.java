package org.smartstart.backoffice.domain.captable.ocf;

import org.smartstart.backoffice.domain.access.Actor;
import org.smartstart.backoffice.domain.access.Permission;
import org.smartstart.backoffice.domain.audit.AuditEntry;
import org.smartstart.backoffice.domain.audit.AuditRecorder;
import org.smartstart.backoffice.domain.captable.Holder;
import org.smartstart.backoffice.domain.captable.LedgerRow;
import org.smartstart.backoffice.domain.captable.VestingPolicy;
import org.smartstart.backoffice.domain.usecase.FieldProblem;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Rejection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The interchange use cases on an {@link OcfInterchangeStore} inside the transaction the adapter opened:
 * permission (ID-3), the plan ({@link OcfImport}), then the writes and the one audit entry (AU-1). Any
 * problem is an outcome, and the adapter rolls back everything that is not Done: all or nothing.
 */
public final class OcfInterchangeUseCases {

    private final OcfInterchangeStore store;

    public OcfInterchangeUseCases(OcfInterchangeStore store) {
        this.store = store;
    }

    public Outcome<OcfImportTarget> importTarget(Actor actor, UUID ventureId) {
        Optional<Outcome<OcfImportTarget>> denied = actor.require(Permission.EDIT_CAP_TABLE, ventureId);
        if (denied.isPresent()) {
            return denied.get();
        }
        return store.target(ventureId).<Outcome<OcfImportTarget>>map(Outcome::done).orElseGet(() -> Outcome.notFound("venture", ventureId));
    }

    public Outcome<OcfImportResult> importOcf(Actor actor, UUID ventureId, OcfPackage pkg, Instant now, AuditRecorder audit) {
        Optional<Outcome<OcfImportResult>> denied = actor.require(Permission.EDIT_CAP_TABLE, ventureId);
        if (denied.isPresent()) {
            return denied.get();
        }
        if (pkg == null || pkg.files().isEmpty()) {
            return Outcome.invalid("ocfPackage", "is empty: choose a folder or zip with " + OcfPackage.MANIFEST + " and the files it names");
        }
        if (store.target(ventureId).isEmpty()) {
            return Outcome.notFound("venture", ventureId);
        }
        store.lockCapTable(ventureId);
        OcfImportTarget target = store.target(ventureId).orElseThrow();
        OcfImport.Plan plan = OcfImport.plan(pkg, target);
        List<OcfProblem> problems = plan.preview().problems();
        if (!problems.isEmpty()) {
            return refusal(problems);
        }

        // people: the owner, the platform, existing users by e-mail, else new pending users
        Set<String> emails = new HashSet<>();
        plan.stakeholders().values().forEach(p -> {
            if (p.becomes() == OcfImport.Becomes.PERSON && p.email() != null) {
                emails.add(p.email());
            }
        });
        Map<String, UUID> existing = store.usersByEmail(emails);
        Map<String, Holder> holders = new HashMap<>();
        List<OcfInterchangeStore.NewAccount> accounts = new ArrayList<>();
        int matched = 0;
        for (OcfImport.Planned p : plan.stakeholders().values()) {
            switch (p.becomes()) {
                case PLATFORM -> holders.put(p.stakeholderId(), Holder.alice());
                case OWNER -> holders.put(p.stakeholderId(), Holder.user(target.ownerUserId()));
                case PERSON -> {
                    UUID user = p.email() == null ? null : existing.get(p.email().toLowerCase(Locale.ROOT));
                    if (user != null) {
                        matched++;
                    } else {
                        user = UUID.randomUUID();
                        accounts.add(new OcfInterchangeStore.NewAccount(user, displayName(p.name()),
                                p.email() != null ? p.email() : placeholderEmail(ventureId, p.stakeholderId())));
                    }
                    holders.put(p.stakeholderId(), Holder.user(user));
                }
            }
        }
        Set<UUID> distinct = new HashSet<>();
        for (Holder h : holders.values()) {
            if (h.userId() != null && !distinct.add(h.userId())) {
                return Outcome.rejected("EQ-4", "Two stakeholders of the package are the same user of " + target.ventureName()
                        + " (one of them has the owner's or another stakeholder's e-mail); one person is one holder (EQ-4).");
            }
        }
        if (!accounts.isEmpty()) {
            store.openPendingAccounts(ventureId, accounts, now);
        }

        // vesting policies: an existing one with the same schedule, else a new one
        Map<String, UUID> policyIds = new HashMap<>();
        int policiesCreated = 0;
        for (OcfImport.Planned p : plan.stakeholders().values()) {
            VestingPolicy schedule = p.vesting();
            if (schedule == null) {
                continue;
            }
            String key = VestingFits.policyName(schedule);
            if (!policyIds.containsKey(key)) {
                Optional<UUID> found = store.vestingPolicyLike(ventureId, schedule);
                if (found.isEmpty()) {
                    policiesCreated++;
                }
                policyIds.put(key, found.orElseGet(() -> store.createVestingPolicy(new VestingPolicy(null, ventureId, key,
                        schedule.cliffMonths(), schedule.durationMonths(), schedule.frequency()))));
            }
        }

        // the ledger: close what is open, add the imported rows
        for (LedgerRow open : plan.rowsToClose()) {
            if (!store.close(open.id(), plan.firstDate().minusDays(1))) {
                return new Outcome.Conflict<>("The cap table of " + target.ventureName() + " changed while the import was "
                        + "being written; nothing was saved. Try again.");
            }
        }
        List<LedgerRow> rows = new ArrayList<>(plan.rows().size());
        for (OcfImport.PlannedRow r : plan.rows()) {
            OcfImport.Planned p = plan.stakeholders().get(r.stakeholderId());
            UUID policy = p.vesting() == null ? null : policyIds.get(VestingFits.policyName(p.vesting()));
            rows.add(new LedgerRow(UUID.randomUUID(), holders.get(r.stakeholderId()), r.percent(), r.from(), r.to(), policy,
                    now, actor.userId()));
        }
        store.insertRows(ventureId, rows);

        List<OcfImportPreview.Dated> dates = plan.preview().dates();
        LocalDate first = dates.get(0).date();
        LocalDate last = dates.get(dates.size() - 1).date();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("source", pkg.source());
        data.put("package_sha256", sha256(pkg));
        data.put("issuer", plan.preview().issuer());
        data.put("as_of", plan.preview().asOf() == null ? null : plan.preview().asOf().toString());
        data.put("files", plan.preview().files());
        data.put("stakeholders", plan.preview().stakeholders());
        data.put("transactions", plan.preview().transactions());
        data.put("change_dates", dates.size());
        data.put("first_date", first.toString());
        data.put("last_date", last.toString());
        data.put("rows_written", rows.size());
        data.put("rows_closed", plan.rowsToClose().size());
        data.put("users_matched", matched);
        data.put("users_created", accounts.size());
        data.put("vesting_policies_created", policiesCreated);
        data.put("notes", plan.preview().notes().size());
        audit.record(new AuditEntry(actor.userId(), "OCF_IMPORTED", "venture", ventureId, ventureId, data));
        return Outcome.done(new OcfImportResult(ventureId, rows.size(), plan.rowsToClose().size(), matched, accounts.size(),
                policiesCreated, first, last, dates.size(), plan.preview().notes()));
    }

    public Outcome<OcfPackage> exportOcf(Actor actor, UUID ventureId, Instant now) {
        Optional<Outcome<OcfPackage>> denied = actor.require(Permission.EDIT_CAP_TABLE, ventureId);
        if (denied.isPresent()) {
            return denied.get();
        }
        Optional<OcfImportTarget> target = store.target(ventureId);
        if (target.isEmpty()) {
            return Outcome.notFound("venture", ventureId);
        }
        List<LedgerRow> ledger = target.get().ledger();
        if (ledger.isEmpty()) {
            return Outcome.invalid("ventureId", "The cap table of " + target.get().ventureName() + " has no rows yet; there is nothing to export");
        }
        Set<UUID> users = new HashSet<>();
        Set<UUID> policies = new HashSet<>();
        for (LedgerRow r : ledger) {
            if (r.holder().userId() != null) {
                users.add(r.holder().userId());
            }
            if (r.vestingPolicyId() != null) {
                policies.add(r.vestingPolicyId());
            }
        }
        return Outcome.done(OcfExport.export(target.get().facts(), ledger, store.people(users), store.vestingPolicies(policies),
                store.ownerCountry(ventureId).orElse(null), now.atOffset(ZoneOffset.UTC).toLocalDate(), now));
    }

    /** Rule problems alone are a rejection under those rules; anything else makes the package invalid, every problem listed. */
    static <T> Outcome<T> refusal(List<OcfProblem> problems) {
        if (problems.stream().allMatch(p -> !p.rule().isEmpty())) {
            return Outcome.rejected(problems.stream().map(p -> new Rejection(p.rule(), p.describe())).toList());
        }
        List<FieldProblem> fields = new ArrayList<>();
        for (OcfProblem p : problems) {
            fields.add(new FieldProblem(p.where(), p.message()));
        }
        return new Outcome.Invalid<>(fields);
    }

    private static String displayName(String name) {
        String n = name.strip();
        return n.length() <= 80 ? n : n.substring(0, 79) + "…";
    }

    /**
     * users.email is required and unique; a stakeholder without one gets an address in the reserved
     * .invalid domain (RFC 2606), which says plainly that no mail can reach it until someone fills it in.
     */
    static String placeholderEmail(UUID ventureId, String stakeholderId) {
        String slug = stakeholderId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        slug = slug.length() > 40 ? slug.substring(0, 40) : slug;
        String hash = HexFormat.of().formatHex(digest((ventureId + ":" + stakeholderId).getBytes(StandardCharsets.UTF_8)), 0, 5);
        return (slug.isEmpty() ? "stakeholder" : slug) + "." + hash + "@ocf-import.invalid";
    }

    private static String sha256(OcfPackage pkg) {
        StringBuilder all = new StringBuilder();
        pkg.files().forEach((name, text) -> all.append(name).append('\u0000').append(text).append('\u0000'));
        return HexFormat.of().formatHex(digest(all.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
