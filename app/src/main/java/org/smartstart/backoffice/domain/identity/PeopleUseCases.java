package org.smartstart.backoffice.domain.identity;

import org.smartstart.backoffice.domain.access.Actor;
import org.smartstart.backoffice.domain.access.Permission;
import org.smartstart.backoffice.domain.audit.AuditEntry;
import org.smartstart.backoffice.domain.audit.AuditRecorder;
import org.smartstart.backoffice.domain.audit.PersonalDataTokenizer;
import org.smartstart.backoffice.domain.usecase.FieldProblem;
import org.smartstart.backoffice.domain.usecase.Outcome;

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
 * The people use cases on a {@link PeopleStore} inside one transaction: permission first (so a refusal is
 * {@link Outcome.Denied} whatever row-level security hides), input, the rules (KY-5, ID-2), then the write
 * and its one audit entry (AU-1). The database checks KY-5, ID-2 and ID-3 again.
 */
public final class PeopleUseCases {

    /** Roles held on one venture; the others are held globally (ID-2, ID-3). */
    public static final Set<Role> VENTURE_ROLES = EnumSet.of(Role.OWNER, Role.CONTRIBUTOR, Role.REVIEWER);

    private static final Set<Role> STAFF = EnumSet.of(Role.ADMIN, Role.COMPLIANCE, Role.SUPPORT);
    private static final int MAX_REASON = 2_000;

    private static final int MAX_EMAIL = 255;
    private static final Set<String> COUNTRIES = Set.of(java.util.Locale.getISOCountries());

    private final PeopleStore store;
    private final PasswordHasher hasher;
    private final PersonalDataTokenizer tokenizer;

    /** For the use cases that neither hash passwords nor write personal data into the audit trail. */
    public PeopleUseCases(PeopleStore store) {
        this(store, null, null);
    }

    public PeopleUseCases(PeopleStore store, PasswordHasher hasher, PersonalDataTokenizer tokenizer) {
        this.store = store;
        this.hasher = hasher;
        this.tokenizer = tokenizer;
    }

    /**
     * Opens an account for someone (ID-3 "manage users": global admins only): KYC pending, no roles, and a
     * temporary password that must be changed at the first sign-in (ID-4). Audit: USER_CREATED, with the
     * e-mail tokenized and never the password.
     */
    public Outcome<Person> createPerson(Actor actor, NewPerson person, Instant now, AuditRecorder audit) {
        Optional<Outcome<Person>> denied = actor.require(Permission.MANAGE_USERS);
        if (denied.isPresent()) {
            return denied.get();
        }
        if (person == null) {
            return Outcome.invalid("person", "is missing: display name, e-mail, country and temporary password");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String name = person.displayName() == null ? "" : person.displayName().strip();
        if (name.isEmpty()) {
            problems.add(new FieldProblem("displayName", "is missing: the name shown on every screen (ID-1)"));
        } else if (name.length() > 80) {
            problems.add(new FieldProblem("displayName", "is " + name.length() + " characters long; at most 80 (ID-1)"));
        }
        String email = person.email() == null ? "" : person.email().strip();
        if (email.isEmpty()) {
            problems.add(new FieldProblem("email", "is missing: the address the person signs in with"));
        } else if (email.length() > MAX_EMAIL) {
            problems.add(new FieldProblem("email", "is " + email.length() + " characters long; at most " + MAX_EMAIL));
        } else if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.add(new FieldProblem("email", "\"" + email + "\" is not an e-mail address (name@example.org)"));
        }
        String country = person.countryCode() == null || person.countryCode().isBlank() ? null
                : person.countryCode().strip().toUpperCase(java.util.Locale.ROOT);
        if (country != null && !COUNTRIES.contains(country)) {
            problems.add(new FieldProblem("countryCode", "\"" + person.countryCode().strip()
                    + "\" is not an ISO 3166-1 alpha-2 country code (two letters such as CA, US, DE) (ID-1)"));
        }
        PasswordRule.problem("temporaryPassword", person.temporaryPassword(), email).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            return new Outcome.Invalid<>(problems);
        }
        Optional<String> holder = store.emailHolder(email);
        if (holder.isPresent()) {
            return Outcome.invalid("email", email + " is already used by " + holder.get() + " (e-mail addresses are unique ignoring case, ID-1)");
        }
        UUID id = store.insertPerson(new NewPerson(name, email, country, null), hasher.hash(person.temporaryPassword().toCharArray()), now);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user_id", id.toString());
        data.put("email_token", tokenizer.token(email.toLowerCase(java.util.Locale.ROOT)));
        data.put("country_code", country == null ? "none" : country);
        data.put("kyc_status", KycState.PENDING.code());
        data.put("must_change_password", true);
        data.put("before", "none");
        data.put("after", "active");
        audit.record(new AuditEntry(actor.userId(), "USER_CREATED", "user", id, null, data));
        return Outcome.done(store.person(id).orElseThrow());
    }

    private static final Set<String> KYC_DOC_TYPES = Set.of("passport", "id_card", "drivers_license", "proof_of_address");

    public Outcome<PersonDetails.KycDocument> uploadKycDocument(Actor actor, UUID userId, KycUpload upload, Instant now,
                                                              AuditRecorder audit) {
        Optional<Outcome<PersonDetails.KycDocument>> denied = actor.require(Permission.MANAGE_USERS);
        if (denied.isPresent()) {
            return denied.get();
        }
        if (upload == null) {
            return Outcome.invalid("upload", "is missing: the document's type and file");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (upload.docType() == null || !KYC_DOC_TYPES.contains(upload.docType())) {
            problems.add(new FieldProblem("docType", "must be one of passport, id_card, drivers_license, proof_of_address"));
        }
        String filename = upload.originalFilename() == null ? "" : upload.originalFilename().strip();
        if (filename.isEmpty()) {
            problems.add(new FieldProblem("originalFilename", "is missing: the file's name, for the reviewer"));
        } else if (filename.length() > 255) {
            problems.add(new FieldProblem("originalFilename", "is " + filename.length() + " characters long; at most 255"));
        }
        byte[] bytes = null;
        if (upload.base64() == null || upload.base64().isEmpty()) {
            problems.add(new FieldProblem("file", "is missing or empty"));
        } else if (upload.base64().length() > (KycUpload.MAX_BYTES / 3 + 1) * 4 + 4) {
            problems.add(new FieldProblem("file", "is larger than " + KycUpload.limitInWords() + "; scan it at a lower resolution"));
        } else {
            try {
                bytes = java.util.Base64.getDecoder().decode(upload.base64());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("file", "is not valid base64"));
            }
        }
        String mediaType = null;
        if (bytes != null) {
            if (bytes.length == 0) {
                problems.add(new FieldProblem("file", "is empty"));
            } else if (bytes.length > KycUpload.MAX_BYTES) {
                problems.add(new FieldProblem("file", "is " + bytes.length / 1024 + " KB; at most " + KycUpload.limitInWords()
                        + " (scan it at a lower resolution)"));
            } else {
                mediaType = DocumentFile.mediaType(bytes).orElse(null);
                if (mediaType == null) {
                    problems.add(new FieldProblem("file", "is neither a PDF nor a PNG or JPEG image"));
                }
            }
        }
        if (!problems.isEmpty()) {
            return new Outcome.Invalid<>(problems);
        }
        Optional<Person> person = store.person(userId);
        if (person.isEmpty()) {
            return Outcome.notFound("user", userId);
        }
        if (person.get().archivedAt() != null) {
            return Outcome.invalid("userId", person.get().displayName() + " is archived; no documents are taken for them");
        }
        String sha256 = DocumentFile.sha256(bytes);
        UUID id = store.insertKycDocument(userId, upload.docType(), filename, mediaType, bytes, sha256, now);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user_id", userId.toString());
        data.put("doc_type", upload.docType());
        data.put("media_type", mediaType);
        data.put("size_bytes", bytes.length);
        data.put("evidence_sha256", sha256);
        data.put("submitted_by", "administrator on the person's behalf");
        data.put("before", "none");
        data.put("after", "pending");
        audit.record(new AuditEntry(actor.userId(), "KYC_DOCUMENT_SUBMITTED", "kyc_document", id, null, data));
        return Outcome.done(store.details(userId).orElseThrow().kycDocuments().stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow());
    }

    /**
     * The signed-in person replaces their own password (ID-4): the current one must be right and the new
     * one must meet {@link PasswordRule}; "must change password" is cleared with it. This is the one use
     * case a session signed in with a temporary password may call. Audit: PASSWORD_CHANGED (never a password).
     */
    public Outcome<PasswordChanged> changePassword(Actor actor, PasswordChange change, Instant now, AuditRecorder audit) {
        if (change == null) {
            return Outcome.invalid("change", "is missing: the current password and the new one");
        }
        if (change.currentPassword() == null || change.currentPassword().isEmpty()) {
            return Outcome.invalid("currentPassword", "is missing: type the password you signed in with");
        }
        Optional<String> stored = store.passwordHash(actor.userId());
        if (stored.isEmpty()) {
            return Outcome.invalid("currentPassword", "cannot be checked: your account has no password to change");
        }
        if (!hasher.matches(change.currentPassword().toCharArray(), stored.get())) {
            return Outcome.invalid("currentPassword", "is wrong: type the password you signed in with");
        }
        Optional<FieldProblem> weak = PasswordRule.problem(change.newPassword(), change.newPassword(), null, change.currentPassword());
        if (weak.isPresent()) {
            return new Outcome.Invalid<>(List.of(weak.get()));
        }
        Optional<FieldProblem> nameInside = PasswordRule.problem("newPassword", change.newPassword(), store.person(actor.userId())
                .map(Person::email).orElse(null));
        if (nameInside.isPresent()) {
            return new Outcome.Invalid<>(List.of(nameInside.get()));
        }
        if (!store.changePassword(actor.userId(), hasher.hash(change.newPassword().toCharArray()), now)) {
            return new Outcome.Conflict<>("Your account lost its password a moment ago; nothing was changed.");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user_id", actor.userId().toString());
        data.put("before", "temporary or old password");
        data.put("after", "own new password");
        audit.record(new AuditEntry(actor.userId(), "PASSWORD_CHANGED", "user", actor.userId(), null, data));
        return Outcome.done(new PasswordChanged(actor.userId(), now));
    }

    public Outcome<List<PersonSummary>> people(Actor actor, PeopleFilter filter) {
        Optional<Outcome<List<PersonSummary>>> denied = requireStaff(actor);
        if (denied.isPresent()) {
            return denied.get();
        }
        PeopleFilter f = filter == null ? PeopleFilter.all() : filter;
        List<FieldProblem> problems = f.problems();
        if (!problems.isEmpty()) {
            return new Outcome.Invalid<>(problems);
        }
        return Outcome.done(List.copyOf(store.find(f)));
    }

    public Outcome<Person> person(Actor actor, UUID userId) {
        Optional<Outcome<Person>> denied = requireStaff(actor);
        if (denied.isPresent()) {
            return denied.get();
        }
        return store.person(userId).<Outcome<Person>>map(Outcome::done).orElseGet(() -> Outcome.notFound("user", userId));
    }

    public Outcome<PersonDetails> personDetails(Actor actor, UUID userId) {
        Optional<Outcome<PersonDetails>> denied = requireStaff(actor);
        if (denied.isPresent()) {
            return denied.get();
        }
        return store.details(userId).<Outcome<PersonDetails>>map(Outcome::done).orElseGet(() -> Outcome.notFound("user", userId));
    }

    public Outcome<RoleAssignment> grantRole(Actor actor, UUID userId, RoleGrant grant, Instant now, AuditRecorder audit) {
        Optional<Outcome<RoleAssignment>> denied = actor.require(Permission.MANAGE_USERS);
        if (denied.isPresent()) {
            return denied.get();
        }
        if (grant == null) {
            return Outcome.invalid("grant", "is missing: which role, where and why");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (grant.role() == null) {
            problems.add(new FieldProblem("role", "is missing: one of owner, contributor, reviewer, admin, compliance, support"));
        } else if (VENTURE_ROLES.contains(grant.role()) && grant.ventureId() == null) {
            problems.add(new FieldProblem("ventureId", "is missing: the " + grant.role().label() + " role is held on a venture"));
        } else if (!VENTURE_ROLES.contains(grant.role()) && grant.ventureId() != null) {
            problems.add(new FieldProblem("ventureId", "must be left out: the " + grant.role().label() + " role is held globally"));
        }
        reasonProblem(grant.reason()).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            return new Outcome.Invalid<>(problems);
        }
        Optional<Person> person = store.person(userId);
        if (person.isEmpty()) {
            return Outcome.notFound("user", userId);
        }
        String where = "on the platform";
        if (grant.ventureId() != null) {
            Optional<String> venture = store.ventureName(grant.ventureId());
            if (venture.isEmpty()) {
                return Outcome.notFound("venture", grant.ventureId());
            }
            where = "on " + venture.get();
        }
        Person p = person.get();
        if (p.archivedAt() != null) {
            return Outcome.invalid("userId", p.displayName() + " is archived and cannot be given roles");
        }
        if (p.kycStatus() != KycState.VERIFIED) {
            return Outcome.rejected("KY-5", "KY-5: " + p.displayName() + " is not KYC-verified (status " + p.kycStatus().code()
                    + "); the " + grant.role().label() + " role " + where + " cannot be assigned.");
        }
        Optional<RoleAssignment> existing = store.activeAssignment(userId, grant.ventureId(), grant.role());
        if (existing.isPresent()) {
            return Outcome.rejected("ID-2", "ID-2: " + p.displayName() + " already holds the " + grant.role().label() + " role " + where
                    + " (granted " + existing.get().grantedAt() + "); one active assignment per user, venture and role.");
        }
        RoleAssignment granted = store.insertAssignment(userId, new RoleGrant(grant.role(), grant.ventureId(), grant.reason().strip()),
                actor.userId(), now);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user_id", userId.toString());
        data.put("role", grant.role().code());
        data.put("scope", grant.ventureId() == null ? "global" : "venture");
        data.put("reason", grant.reason().strip());
        data.put("before", "none");
        data.put("after", "active");
        audit.record(new AuditEntry(actor.userId(), "ROLE_GRANTED", "role_assignment", granted.id(), grant.ventureId(), data));
        return Outcome.done(granted);
    }

    public Outcome<RoleAssignment> revokeRole(Actor actor, UUID assignmentId, RoleRevocation revocation, Instant now, AuditRecorder audit) {
        Optional<Outcome<RoleAssignment>> denied = actor.require(Permission.MANAGE_USERS);
        if (denied.isPresent()) {
            return denied.get();
        }
        if (revocation == null) {
            return Outcome.invalid("revocation", "is missing: why the role is revoked");
        }
        Optional<FieldProblem> reason = reasonProblem(revocation.reason());
        if (reason.isPresent()) {
            return new Outcome.Invalid<>(List.of(reason.get()));
        }
        Optional<RoleAssignment> found = store.assignment(assignmentId);
        if (found.isEmpty()) {
            return Outcome.notFound("role_assignment", assignmentId);
        }
        RoleAssignment before = found.get();
        if (!before.active()) {
            return Outcome.rejected("ID-2", "ID-2: " + before.describe() + " was already revoked on " + before.revokedAt()
                    + " by " + before.revokedByName() + "; revoked assignments stay as history and are not revoked again.");
        }
        if (!store.revoke(assignmentId, actor.userId(), revocation.reason().strip(), now)) {
            return new Outcome.Conflict<>("Someone else revoked " + before.describe() + " a moment ago; nothing was changed.");
        }
        RoleAssignment after = store.assignment(assignmentId).orElseThrow();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user_id", before.userId().toString());
        data.put("role", before.role().code());
        data.put("scope", before.global() ? "global" : "venture");
        data.put("reason", revocation.reason().strip());
        data.put("before", "active");
        data.put("after", "revoked");
        audit.record(new AuditEntry(actor.userId(), "ROLE_REVOKED", "role_assignment", assignmentId, before.ventureId(), data));
        return Outcome.done(after);
    }

    public Outcome<Person> unlockAccount(Actor actor, UUID userId, Instant now, AuditRecorder audit) {
        Optional<Outcome<Person>> denied = actor.require(Permission.MANAGE_USERS);
        if (denied.isPresent()) {
            return denied.get();
        }
        Optional<Person> found = store.person(userId);
        if (found.isEmpty()) {
            return Outcome.notFound("user", userId);
        }
        Person before = found.get();
        if (!store.unlock(userId)) {
            return Outcome.invalid("userId", before.displayName() + " has no password to sign in with, so there is no account to unlock");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user_id", userId.toString());
        data.put("before", Map.of("failed_attempts", before.failedLogins(), "locked", before.lockedAt(now),
                "locked_until", before.lockedUntil() == null ? "none" : before.lockedUntil().toString()));
        data.put("after", Map.of("failed_attempts", 0, "locked", false));
        audit.record(new AuditEntry(actor.userId(), "ACCOUNT_UNLOCKED", "user", userId, null, data));
        return Outcome.done(store.person(userId).orElseThrow());
    }

    public Outcome<Person> archivePerson(Actor actor, UUID userId, PersonArchive archive, Instant now, AuditRecorder audit) {
        Optional<Outcome<Person>> denied = actor.require(Permission.MANAGE_USERS);
        if (denied.isPresent()) {
            return denied.get();
        }
        if (archive == null) {
            return Outcome.invalid("archive", "is missing: why the person is archived");
        }
        if (archive.reason() == null || archive.reason().isBlank()) {
            return Outcome.invalid("reason", "is missing: say why the person is archived, it is kept in the audit trail");
        }
        Optional<FieldProblem> reason = reasonProblem(archive.reason());
        if (reason.isPresent()) {
            return new Outcome.Invalid<>(List.of(reason.get()));
        }
        Optional<Person> found = store.person(userId);
        if (found.isEmpty()) {
            return Outcome.notFound("user", userId);
        }
        Person before = found.get();
        if (userId.equals(actor.userId())) {
            return Outcome.invalid("userId", "is you: an administrator does not archive their own account; ask another administrator");
        }
        if (before.archivedAt() != null) {
            return Outcome.invalid("userId", before.displayName() + " was already archived on " + before.archivedAt());
        }
        if (!store.archive(userId, now)) {
            return new Outcome.Conflict<>("Someone else archived " + before.displayName() + " a moment ago; nothing was changed.");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user_id", userId.toString());
        data.put("reason", archive.reason().strip());
        data.put("active_roles", before.activeRoles().size());
        data.put("before", "active");
        data.put("after", "archived");
        audit.record(new AuditEntry(actor.userId(), "USER_ARCHIVED", "user", userId, null, data));
        return Outcome.done(store.person(userId).orElseThrow());
    }

    private static <T> Optional<Outcome<T>> requireStaff(Actor actor) {
        if (STAFF.stream().anyMatch(actor::has)) {
            return Optional.empty();
        }
        return Optional.of(new Outcome.Denied<>("look up people",
                "You may not look up people: that takes the global admin, compliance or support role (ID-3)."));
    }

    private static Optional<FieldProblem> reasonProblem(String reason) {
        if (reason == null || reason.isBlank()) {
            return Optional.of(new FieldProblem("reason", "is missing: say why, it is kept with the assignment"));
        }
        if (reason.length() > MAX_REASON) {
            return Optional.of(new FieldProblem("reason", "is " + reason.length() + " characters long; at most " + MAX_REASON));
        }
        return Optional.empty();
    }
}
