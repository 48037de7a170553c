package org.smartstart.backoffice.persistence.demo;

import org.smartstart.backoffice.persistence.tokens.BuzTransactionWriter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.smartstart.backoffice.persistence.audit.AuditSealer;
import org.smartstart.backoffice.persistence.audit.PersonalDataTokens;
import org.smartstart.backoffice.persistence.db.BackOfficeDatabase;
import org.smartstart.backoffice.persistence.db.Transactions;
import org.smartstart.backoffice.persistence.demo.DemoPeople.Kyc;
import org.smartstart.backoffice.persistence.demo.DemoPeople.Person;
import org.smartstart.backoffice.persistence.demo.DemoVentures.Contract;
import org.smartstart.backoffice.persistence.demo.DemoVentures.EquityEvent;
import org.smartstart.backoffice.persistence.demo.DemoVentures.Holding;
import org.smartstart.backoffice.persistence.demo.DemoVentures.Task;
import org.smartstart.backoffice.persistence.demo.DemoVentures.Venture;
import org.smartstart.backoffice.persistence.identity.Argon2idPasswordHasher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Loads the demo data set: about 30 people covering every role, four ventures (one under an equity hold,
 * one draft waiting for KYB), KYC/KYB evidence with real generated documents, cap table histories, BUZ
 * wallets, tasks, contracts, disputes in every state, and one audit entry per change.
 *
 * <p>Everything is written in one transaction through the application role, acting as the demo person
 * who would have made each change, so every database rule applies exactly as it does in the app; either
 * the whole set is there or nothing is. Ids are name-based, so a second run finds every row and changes
 * nothing. Story times are fixed (2025-01 .. 2026-11); only the audit entries' own time stamps are the
 * real time of loading (the story time is in their data as {@code occurred_at}), and e-mails appear in the
 * audit data only as this database's tokens. The entries are sealed into the chain right after commit.
 */
public final class DemoDataLoader {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] ID_TYPES = {"passport", "id_card", "drivers_license"};

    private final DemoWriter w;
    private final Map<String, String> passwordHashes;
    /** Current open ledger row per venture and holder while replaying the cap table events. */
    private final Map<String, UUID> openRows = new HashMap<>();
    private final Map<String, LocalDate> openRowFrom = new HashMap<>();

    private DemoDataLoader(Connection connection, Map<String, String> passwordHashes) {
        this.w = new DemoWriter(connection);
        this.passwordHashes = passwordHashes;
    }

    /** Loads whatever part of the demo data set is missing; returns what was created (nothing on a re-run). */
    public static DemoDataSummary load(BackOfficeDatabase database) throws SQLException {
        long started = System.nanoTime();
        Transactions transactions = new Transactions(database.dataSource());
        Set<UUID> existing = transactions.inTransaction(null, DemoDataLoader::existingDemoUsers);
        Map<String, String> hashes = hashPasswords(DemoPeople.ALL.stream().filter(p -> !existing.contains(p.id())).toList());
        DemoDataSummary summary = transactions.inTransaction(null, c -> new DemoDataLoader(c, hashes).run());
        if (!summary.nothingChanged()) {
            sealAuditEntries(database);
        }
        LOG.info("Demo data: {} rows created in {} ms", summary.total(), (System.nanoTime() - started) / 1_000_000);
        return summary;
    }

    /**
     * Chains the entries just committed (AU-2), so the command line, which exits right away, leaves a sealed
     * log. Sealers take turns on the chain head, so this is safe beside the app's own background sealer; if it
     * fails, the data stays committed and the entries wait in the outbox for the next sealer.
     */
    private static void sealAuditEntries(BackOfficeDatabase database) {
        try {
            new AuditSealer(database.dataSource()).sealPending();
        } catch (SQLException e) {
            LOG.warn("Demo data loaded; its audit entries wait to be sealed: {}", e.getMessage());
        }
    }

    /** First start of an empty database: loads the demo data only when there are no users at all. */
    public static Optional<DemoDataSummary> loadIfEmpty(BackOfficeDatabase database) throws SQLException {
        boolean empty = new Transactions(database.dataSource()).inTransaction(null, c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT NOT EXISTS (SELECT 1 FROM users)");
                 ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
        return empty ? Optional.of(load(database)) : Optional.empty();
    }

    private static Set<UUID> existingDemoUsers(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM users WHERE id = ANY (?)")) {
            p.setArray(1, c.createArrayOf("uuid", DemoPeople.ALL.stream().map(Person::id).toArray()));
            try (ResultSet rs = p.executeQuery()) {
                Set<UUID> ids = ConcurrentHashMap.newKeySet();
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
                return ids;
            }
        }
    }

    /** Argon2id is slow on purpose: each person gets an own salt, hashed in parallel before the transaction opens. */
    private static Map<String, String> hashPasswords(List<Person> people) {
        Argon2idPasswordHasher hasher = new Argon2idPasswordHasher();
        return people.parallelStream().collect(Collectors.toConcurrentMap(Person::key,
                p -> hasher.hash(DemoPeople.DEMO_PASSWORD.toCharArray())));
    }

    private DemoDataSummary run() throws SQLException {
        users();
        kyc();
        globalRoles();
        catalogues();
        for (Venture venture : DemoVentures.ALL) {
            venture(venture);
        }
        for (Venture venture : DemoVentures.ALL) {
            kyb(venture);
        }
        ventureRoles();
        contracts();
        equity();
        tasks();
        buz();
        skillsAndDevices();
        disputes();
        holds();
        w.flush();
        return w.summary();
    }

    // =============================================================================================
    // People and logins
    // =============================================================================================

    private void users() throws SQLException {
        PersonalDataTokens tokens = null;
        for (Person p : DemoPeople.ALL) {
            if (w.exists("users", p.id())) {
                continue;
            }
            if (tokens == null) {
                tokens = PersonalDataTokens.load(w.connection());
            }
            // staff accounts are opened by the admin; everyone else signs up themselves
            UUID creator = p.key().equals(DemoPeople.ADMIN) ? null
                    : p.email().endsWith("@example.com") ? DemoPeople.id(DemoPeople.ADMIN) : p.id();
            w.actAs(creator);
            w.insert("users", "INSERT INTO users (id, display_name, email, kyc_status, trust_score, country_code, created_at, updated_at) "
                    + "VALUES (?, ?, ?, 'pending', ?, ?, ?, ?)", p.id(), p.name(), p.email(), p.trustScore(), p.country(), p.createdAt(), p.createdAt());
            String hash = passwordHashes.get(p.key());
            if (hash == null) {
                throw new IllegalStateException("No password hash prepared for " + p.name());
            }
            w.insertKeyed("user_credentials", "user_id", p.id(), "INSERT INTO user_credentials (user_id, password_hash, password_changed_at) VALUES (?, ?, ?)",
                    p.id(), hash, p.createdAt());
            // AU-1: the e-mail only as its token
            w.audit(creator, "USER_CREATED", "user", p.id(), null, data(
                    "display_name", p.name(), "email", tokens.email(p.email()), "country_code", p.country(), "trust_score", p.trust(), "kyc_status", "pending",
                    "occurred_at", p.createdAt()));
            w.audit(creator, "CREDENTIALS_ISSUED", "user_credentials", p.id(), null, data(
                    "user", p.name(), "hash", "argon2id", "occurred_at", p.createdAt()));
        }
    }

    // =============================================================================================
    // KYC (KY-1..KY-4, KY-7): submissions with evidence bytes, then the compliance decisions
    // =============================================================================================

    /** One KYC/KYB document's story. outcome: pending, awaiting_second, verified, rejected_final, rejected_resubmit. */
    record Doc(UUID id, String ownerKey, String docType, String outcome, int risk, Instant submittedAt, Instant decidedAt,
               String reviewer, String secondReviewer, String reasonCode, String reviewerComment, String applicantComment,
               String claimedBy, Instant claimedUntil) {
    }

    private List<Doc> kycDocs() {
        List<Doc> docs = new ArrayList<>();
        int i = 0;
        for (Person p : DemoPeople.ALL) {
            i++;
            if (p.kyc() == Kyc.VERIFIED) {
                String idType = ID_TYPES[i % 3];
                int idRisk = 8 + (i * 37) % 84;
                int addressRisk = 5 + (i * 53) % 60;
                String first = officerFor(p.key(), i, null);
                String second = officerFor(p.key(), i + 1, first);
                Instant submitted = p.createdAt().plus(Duration.ofHours(3));
                Instant decided = p.createdAt().plus(Duration.ofHours(20 + i));
                docs.add(verified(p.key(), 1, idType, idRisk, submitted, decided, first, idRisk >= 70 ? second : null));
                docs.add(verified(p.key(), 2, "proof_of_address", addressRisk, submitted.plusSeconds(600), decided.plusSeconds(1800),
                        first, addressRisk >= 70 ? second : null));
            }
        }
        // The review queue and the refusals.
        docs.add(doc("hannah.kim", 1, "passport", "pending", 35, "2026-10-28T09:00:00Z", null, null, null, null, null, null));
        docs.add(doc("hannah.kim", 2, "proof_of_address", "pending", 20, "2026-10-28T09:05:00Z", null, null, null, null, null, null));
        docs.add(doc("mateo.garcia", 1, "id_card", "awaiting_second", 82, "2026-10-30T14:00:00Z", "2026-11-03T10:00:00Z",
                DemoPeople.COMPLIANCE_1, null, "first_approval", "Name and photo match; card issued six weeks ago, second look needed.", null));
        docs.add(doc("mateo.garcia", 2, "proof_of_address", "pending", 74, "2026-10-30T14:05:00Z", null, null, null, null, null, null));
        docs.add(doc("aisha.bello", 1, "drivers_license", "verified", 40, "2026-10-12T15:00:00Z", "2026-10-14T09:00:00Z",
                DemoPeople.COMPLIANCE_2, null, "verified_clear", "Licence valid, photo consistent.", "Your driver's licence was accepted."));
        docs.add(doc("aisha.bello", 2, "proof_of_address", "pending", 71, "2026-10-12T15:10:00Z", null, null, null, null, null, null));
        docs.add(doc("tom.novak", 1, "passport", "rejected_resubmit", 45, "2026-09-25T10:00:00Z", "2026-09-29T13:00:00Z",
                DemoPeople.COMPLIANCE_3, null, "IMAGE_UNREADABLE", "Glare covers the MRZ; cannot read document number.",
                "The photo of your passport is not readable. Please upload a new photo without glare."));
        docs.add(doc("tom.novak", 2, "passport", "pending", 45, "2026-10-02T18:00:00Z", null, null, null, null, null, null));
        docs.add(doc("tom.novak", 3, "proof_of_address", "verified", 18, "2026-09-25T10:05:00Z", "2026-09-29T13:20:00Z",
                DemoPeople.COMPLIANCE_3, null, "verified_clear", "Utility bill under three months old.", "Your proof of address was accepted."));
        docs.add(new Doc(DemoIds.of("kyc", "sara.lindqvist:1"), "sara.lindqvist", "id_card", "pending", 15, Instant.parse("2026-11-14T10:00:00Z"),
                null, null, null, null, null, null, DemoPeople.COMPLIANCE_2, Instant.parse("2026-11-15T10:30:00Z")));
        docs.add(doc("sara.lindqvist", 2, "proof_of_address", "pending", 10, "2026-11-14T10:02:00Z", null, null, null, null, null, null));
        docs.add(doc("victor.drago", 1, "passport", "rejected_final", 95, "2026-08-04T22:00:00Z", "2026-08-06T08:00:00Z",
                DemoPeople.COMPLIANCE_1, null, "DOCUMENT_TAMPERED", "Font of the document number differs from the MRZ; issuing authority confirms no such passport.",
                "We cannot verify your identity with the document provided. This decision is final."));
        docs.add(doc("ian.murphy", 1, "drivers_license", "rejected_resubmit", 30, "2026-09-09T12:00:00Z", "2026-09-11T15:00:00Z",
                DemoPeople.COMPLIANCE_2, null, "DOCUMENT_EXPIRED", "Licence expired on 2026-06-30.",
                "Your driver's licence has expired. Please upload a valid identity document."));
        docs.add(doc("ian.murphy", 2, "proof_of_address", "verified", 22, "2026-09-09T12:05:00Z", "2026-09-11T15:10:00Z",
                DemoPeople.COMPLIANCE_2, null, "verified_clear", "Bank statement, address matches.", "Your proof of address was accepted."));
        return docs;
    }

    private static String officerFor(String personKey, int seed, String not) {
        for (int k = 0; k < 3; k++) {
            String officer = DemoPeople.COMPLIANCE.get((seed + k) % 3);
            if (!officer.equals(personKey) && !officer.equals(not)) {
                return officer;
            }
        }
        throw new IllegalStateException("no officer for " + personKey);
    }

    private static Doc verified(String person, int n, String type, int risk, Instant submitted, Instant decided, String officer, String second) {
        String comment = type.equals("proof_of_address") ? "Address matches the profile; document under three months old."
                : "Photo, MRZ and check digits consistent; document valid.";
        String applicant = type.equals("proof_of_address") ? "Your proof of address was accepted." : "Your identity document was accepted.";
        return new Doc(DemoIds.of("kyc", person + ":" + n), person, type, "verified", risk, submitted, decided,
                second == null ? officer : second, second == null ? null : officer, "verified_clear", comment, applicant,
                second == null ? officer : second, decided.plus(Duration.ofMinutes(15)));
    }

    private static Doc doc(String person, int n, String type, String outcome, int risk, String submitted, String decided,
                           String reviewer, String second, String reasonCode, String reviewerComment, String applicantComment) {
        Instant decidedAt = decided == null ? null : Instant.parse(decided);
        return new Doc(DemoIds.of("kyc", person + ":" + n), person, type, outcome, risk, Instant.parse(submitted), decidedAt,
                reviewer, second, reasonCode, reviewerComment, applicantComment, reviewer, decidedAt == null ? null : decidedAt.plus(Duration.ofMinutes(15)));
    }

    private void kyc() throws SQLException {
        Map<String, List<Doc>> changed = new LinkedHashMap<>();
        for (Doc d : kycDocs()) {
            if (w.exists("kyc_documents", d.id())) {
                continue;
            }
            Person p = DemoPeople.get(d.ownerKey());
            boolean png = !d.docType().equals("proof_of_address");
            byte[] bytes = png ? DemoDocuments.idCardPng(idCard(p, d)) : DemoDocuments.letterPdf(addressLetter(p, d));
            String mediaType = png ? DemoDocuments.PNG : DemoDocuments.PDF;
            String sha = blob(bytes, mediaType, d.submittedAt());
            String file = d.docType().replace('_', '-') + "-" + p.key().replace('.', '-') + (png ? ".png" : ".pdf");
            w.actAs(p.id());
            w.insert("kyc_documents", "INSERT INTO kyc_documents (id, user_id, doc_type, status, evidence_uri, evidence_sha256, original_filename, "
                            + "media_type, risk_score, submitted_at) VALUES (?, ?, ?::kyc_doc_type, 'pending', ?, ?, ?, ?, ?, ?)",
                    d.id(), p.id(), d.docType(), "blob:sha256:" + sha, sha, file, mediaType, d.risk(), d.submittedAt());
            w.audit(p.id(), "KYC_SUBMITTED", "kyc_document", d.id(), null, data(
                    "user", p.name(), "doc_type", d.docType(), "evidence_sha256", sha, "risk_score", d.risk(), "occurred_at", d.submittedAt()));
            decide("kyc_documents", "KYC", d, sha, null);
            changed.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(d);
        }
        // KY-2: the person's status follows from their documents
        List<Doc> all = kycDocs();
        for (String key : changed.keySet()) {
            Person p = DemoPeople.get(key);
            List<Doc> mine = all.stream().filter(d -> d.ownerKey().equals(key)).toList();
            boolean idOk = mine.stream().anyMatch(d -> !d.docType().equals("proof_of_address") && d.outcome().equals("verified"));
            boolean addressOk = mine.stream().anyMatch(d -> d.docType().equals("proof_of_address") && d.outcome().equals("verified"));
            boolean finalRejection = mine.stream().anyMatch(d -> d.outcome().equals("rejected_final"));
            String status = finalRejection ? "rejected" : idOk && addressOk ? "verified" : "pending";
            if (!status.equals(p.kyc().name().toLowerCase(Locale.ROOT))) {
                throw new IllegalStateException("Demo KYC story of " + p.name() + " gives " + status + ", expected " + p.kyc());
            }
            if (status.equals("pending")) {
                continue;
            }
            Doc last = mine.stream().filter(d -> d.decidedAt() != null).max(Comparator.comparing(Doc::decidedAt)).orElseThrow();
            UUID officer = DemoPeople.id(last.reviewer());
            w.actAs(officer);
            // the V12 trigger already derived the status at the decision (KY-2); the demo only dates it
            w.update("UPDATE users SET updated_at = ?, version = version + 1 WHERE id = ?", last.decidedAt(), p.id());
            w.audit(officer, "KYC_STATUS_CHANGED", "user", p.id(), null, data(
                    "user", p.name(), "before", "pending", "after", status, "occurred_at", last.decidedAt()));
        }
    }

    /** The compliance decision on a just-submitted document (KY-1, KY-3 claim, KY-4 four eyes, KY-7 sha256). */
    private void decide(String table, String family, Doc d, String sha, UUID ventureId) throws SQLException {
        if (d.outcome().equals("pending")) {
            if (d.claimedBy() != null) {
                UUID officer = DemoPeople.id(d.claimedBy());
                w.actAs(officer);
                w.update("UPDATE " + table + " SET claimed_by = ?, claimed_until = ?, version = version + 1 WHERE id = ?", officer, d.claimedUntil(), d.id());
                w.audit(officer, family + "_CLAIMED", table.substring(0, table.length() - 1), d.id(), ventureId, data(
                        "doc_type", d.docType(), "claimed_until", d.claimedUntil(), "occurred_at", d.claimedUntil().minus(Duration.ofMinutes(15))));
            }
            return;
        }
        UUID reviewer = DemoPeople.id(d.reviewer());
        String objectType = table.substring(0, table.length() - 1);
        if (d.outcome().equals("awaiting_second")) {
            w.actAs(reviewer);
            w.update("UPDATE " + table + " SET claimed_by = ?, claimed_until = ?, first_approved_by = ?, first_approved_at = ?, "
                    + "second_approval_status = 'awaiting', reason_code = ?, reviewer_comment = ?, applicant_comment = '', reviewed_sha256 = ?, "
                    + "version = version + 1 WHERE id = ?", reviewer, d.claimedUntil(), reviewer, d.decidedAt(), d.reasonCode(),
                    d.reviewerComment(), sha, d.id());
            w.audit(reviewer, family + "_DECISION", objectType, d.id(), ventureId, data(
                    "doc_type", d.docType(), "decision", "first_approval", "evidence_sha256", sha, "risk_score", d.risk(),
                    "four_eyes", "awaiting second approval", "occurred_at", d.decidedAt()));
            return;
        }
        UUID first = d.secondReviewer() == null ? null : DemoPeople.id(d.secondReviewer());
        if (first != null) {
            Instant firstAt = d.decidedAt().minus(Duration.ofHours(2));
            w.actAs(first);
            w.update("UPDATE " + table + " SET claimed_by = ?, claimed_until = ?, first_approved_by = ?, first_approved_at = ?, "
                    + "second_approval_status = 'awaiting', reviewed_sha256 = ?, version = version + 1 WHERE id = ?",
                    first, firstAt.plus(Duration.ofMinutes(15)), first, firstAt, sha, d.id());
            w.audit(first, family + "_DECISION", objectType, d.id(), ventureId, data(
                    "doc_type", d.docType(), "decision", "first_approval", "evidence_sha256", sha, "risk_score", d.risk(),
                    "four_eyes", "awaiting second approval", "occurred_at", d.decidedAt().minus(Duration.ofHours(2))));
        }
        String status = d.outcome().equals("verified") ? "verified" : "rejected";
        Boolean rejectionFinal = status.equals("rejected") ? d.outcome().equals("rejected_final") : null;
        w.actAs(reviewer);
        w.update("UPDATE " + table + " SET status = ?::doc_status, verifier = ?, verified_at = ?, reason_code = ?, reviewer_comment = ?, "
                        + "applicant_comment = ?, reviewed_by = ?, rejection_final = ?, claimed_by = ?, claimed_until = ?, "
                        + "second_approval_status = ?, second_approved_by = ?, second_approved_at = ?, decided_at = ?, reviewed_sha256 = ?, "
                        + "version = version + 1 WHERE id = ?",
                status, DemoPeople.get(d.reviewer()).name(), status.equals("verified") ? d.decidedAt() : null, d.reasonCode(), d.reviewerComment(),
                d.applicantComment(), reviewer, rejectionFinal, reviewer, d.claimedUntil(), first == null ? null : "confirmed",
                first == null ? null : reviewer, first == null ? null : d.decidedAt(), d.decidedAt(), sha, d.id());
        w.audit(reviewer, family + "_DECISION", objectType, d.id(), ventureId, data(
                "doc_type", d.docType(), "decision", d.outcome(), "reason_code", d.reasonCode(), "evidence_sha256", sha,
                "risk_score", d.risk(), "four_eyes", first == null ? "not required" : "confirmed",
                "occurred_at", d.decidedAt()));
    }

    private String blob(byte[] bytes, String mediaType, Instant storedAt) throws SQLException {
        String sha = BuzTransactionWriter.sha256Hex(bytes);
        if (bytes.length > 100_000) {
            throw new IllegalStateException("Demo document too large: " + bytes.length + " bytes");
        }
        if (!w.exists("document_blobs", "sha256", sha)) {
            w.insertKeyed("document_blobs", "sha256", sha, "INSERT INTO document_blobs (sha256, media_type, bytes, stored_at) VALUES (?, ?, ?, ?)",
                    sha, mediaType, bytes, storedAt);
        }
        return sha;
    }

    private static DemoDocuments.IdCard idCard(Person p, Doc d) {
        String iso3 = new Locale("", p.country()).getISO3Country();
        String country = new Locale("", p.country()).getDisplayCountry(Locale.ENGLISH);
        int h = Math.abs(p.key().hashCode());
        String number = p.country() + String.format("%07d", (h + d.id().hashCode() & 0x7fffffff) % 10_000_000);
        int year = 1968 + h % 34;
        String birth = String.format("%04d-%02d-%02d", year, 1 + h % 12, 1 + h % 28);
        LocalDate expiry = d.submittedAt().atZone(ZoneOffset.UTC).toLocalDate().plusYears(3 + h % 6).withDayOfMonth(1 + h % 27);
        String title = switch (d.docType()) {
            case "passport" -> "Passport / Passeport";
            case "id_card" -> "Identity card";
            default -> "Driving licence";
        };
        String code = d.docType().equals("passport") ? "P<" : d.docType().equals("id_card") ? "ID" : "DL";
        String line1 = DemoDocuments.mrz(code + iso3 + p.surname() + "<<" + p.givenNames().replace(' ', '<'), 44);
        String line2 = DemoDocuments.mrz(number + "<" + iso3 + birth.substring(2).replace("-", "") + "<"
                + expiry.toString().substring(2).replace("-", "") + "<DEMO", 44);
        java.awt.Color accent = switch (d.docType()) {
            case "passport" -> new java.awt.Color(0x7A1F2B);
            case "id_card" -> new java.awt.Color(0x1F4E7A);
            default -> new java.awt.Color(0x2E6B3A);
        };
        return new DemoDocuments.IdCard(title, country, p.surname().toUpperCase(Locale.ROOT), p.givenNames(), iso3, birth, number,
                expiry.toString(), line1, line2, accent);
    }

    private static DemoDocuments.Letter addressLetter(Person p, Doc d) {
        String country = new Locale("", p.country()).getDisplayCountry(Locale.ENGLISH);
        LocalDate issued = d.submittedAt().atZone(ZoneOffset.UTC).toLocalDate().minusDays(12);
        int h = Math.abs(p.key().hashCode());
        String account = String.format("%04d-%06d", h % 10_000, (h / 7) % 1_000_000);
        List<String> second = h % 3 == 0 ? List.of(
                "Consumption history (kWh)",
                "  " + issued.minusMonths(3).getMonth() + ": " + (180 + h % 90),
                "  " + issued.minusMonths(2).getMonth() + ": " + (170 + h % 80),
                "  " + issued.minusMonths(1).getMonth() + ": " + (190 + h % 70),
                "",
                "Questions about this statement? Call the number on page 1.") : null;
        return new DemoDocuments.Letter(p.city() + " Energy Co-operative", "Customer service 0800 000 000  |  energy.example.net",
                "Electricity statement", List.of(p.name(), p.street(), p.postcode() + " " + p.city(), country), issued.toString(),
                List.of("Account number: " + account,
                        "Billing period: " + issued.minusMonths(1) + " to " + issued,
                        "Supply address: " + p.street() + ", " + p.city(),
                        "Amount due: " + (40 + h % 120) + "." + String.format("%02d", h % 100),
                        "",
                        "Thank you for your payment by direct debit."), second);
    }

    // =============================================================================================
    // Roles (ID-2, KY-5: only for verified people)
    // =============================================================================================

    private void globalRoles() throws SQLException {
        UUID admin = DemoPeople.id(DemoPeople.ADMIN);
        role("global:ann.lee:admin", DemoPeople.ADMIN, null, "admin", null, "2025-01-05T09:00:00Z", "Platform administrator at launch");
        role("global:grace.okafor:compliance", DemoPeople.COMPLIANCE_1, null, "compliance", admin, "2025-01-05T10:00:00Z", "Head of compliance");
        role("global:lukas.meyer:compliance", DemoPeople.COMPLIANCE_2, null, "compliance", admin, "2025-01-05T10:05:00Z", "Compliance officer (EU)");
        role("global:mei.tanaka:compliance", DemoPeople.COMPLIANCE_3, null, "compliance", admin, "2025-01-08T00:30:00Z", "Compliance officer (APAC)");
        role("global:diego.alvarez:support", DemoPeople.SUPPORT_1, null, "support", admin, "2025-01-10T15:00:00Z", "Support team");
        role("global:sofia.rossi:support", DemoPeople.SUPPORT_2, null, "support", admin, "2025-01-11T08:00:00Z", "Support team");
        UUID revoked = role("global:priya.nair:admin", DemoPeople.SUPPORT_3, null, "admin", admin, "2025-01-12T06:00:00Z", "Interim administrator during launch");
        if (revoked != null) {
            Instant at = Instant.parse("2025-08-01T09:00:00Z");
            w.actAs(admin);
            w.update("UPDATE role_assignments SET revoked_at = ?, revoked_by = ?, revoke_reason = ?, version = version + 1 WHERE id = ?",
                    at, admin, "Launch finished; moved to the support team", revoked);
            w.audit(admin, "ROLE_REVOKED", "role_assignment", revoked, null, data(
                    "user", DemoPeople.get(DemoPeople.SUPPORT_3).name(), "role", "admin", "scope", "global",
                    "reason", "Launch finished; moved to the support team", "occurred_at", at));
        }
        role("global:priya.nair:support", DemoPeople.SUPPORT_3, null, "support", admin, "2025-08-01T09:05:00Z", "Joined the support team");
    }

    private void ventureRoles() throws SQLException {
        UUID admin = DemoPeople.id(DemoPeople.ADMIN);
        for (Venture v : DemoVentures.ALL) {
            Instant at = v.createdAt().plus(Duration.ofHours(1));
            role(v.key() + ":owner", v.owner(), v, "owner", admin, at.toString(), "Founder and owner of " + v.name());
            if (v.reviewer() != null) {
                role(v.key() + ":reviewer", v.reviewer(), v, "reviewer", admin, at.plus(Duration.ofDays(10)).toString(), "Reviews contributions to " + v.name());
            }
            for (Contract c : DemoVentures.CONTRACTS) {
                if (c.venture().equals(v.key()) && (c.type().equals("contributor") || c.type().equals("founder_agreement"))) {
                    for (String signer : c.signers()) {
                        if (!signer.equals(v.owner()) && v.contributors().contains(signer)) {
                            role(v.key() + ":contributor:" + signer, signer, v, "contributor", admin,
                                    c.signedAt().plus(Duration.ofHours(2)).toString(), "Signed the " + c.type().replace('_', ' ') + " of " + v.name());
                        }
                    }
                }
            }
        }
    }

    /** Grants a role unless it exists; returns the new assignment's id, or null when it was already there. */
    private UUID role(String key, String person, Venture venture, String role, UUID grantedBy, String at, String reason) throws SQLException {
        UUID id = DemoIds.of("role", key);
        if (w.exists("role_assignments", id)) {
            return null;
        }
        Person p = DemoPeople.get(person);
        if (p.kyc() != Kyc.VERIFIED) {
            throw new IllegalStateException("KY-5: " + p.name() + " is not verified");
        }
        w.actAs(grantedBy);
        w.insert("role_assignments", "INSERT INTO role_assignments (id, user_id, venture_id, role, scope, granted_by, granted_at, reason) "
                        + "VALUES (?, ?, ?, ?::role_name, ?::role_scope, ?, ?, ?)",
                id, p.id(), venture == null ? null : venture.id(), role, venture == null ? "global" : "venture", grantedBy, Instant.parse(at), reason);
        w.audit(grantedBy, "ROLE_GRANTED", "role_assignment", id, venture == null ? null : venture.id(), data(
                "user", p.name(), "role", role, "scope", venture == null ? "global" : "venture", "reason", reason, "occurred_at", Instant.parse(at)));
        return id;
    }

    // =============================================================================================
    // Catalogues: vesting policies, skills, badges
    // =============================================================================================

    private void catalogues() throws SQLException {
        UUID admin = DemoPeople.id(DemoPeople.ADMIN);
        w.actAs(admin);
        Object[][] policies = {
                {DemoVentures.VEST_4Y, "4 years, 1-year cliff, monthly", 12, 48, "monthly"},
                {DemoVentures.VEST_2Y, "2 years, quarterly, no cliff", 0, 24, "quarterly"},
                {DemoVentures.VEST_3Y, "3 years, 6-month cliff, monthly", 6, 36, "monthly"},
        };
        for (Object[] v : policies) {
            UUID id = DemoIds.of("vesting", (String) v[0]);
            if (!w.exists("vesting_policies", id)) {
                w.insert("vesting_policies", "INSERT INTO vesting_policies (id, name, cliff_months, duration_months, frequency) VALUES (?, ?, ?, ?, ?::vesting_frequency)",
                        id, v[1], v[2], v[3], v[4]);
                w.audit(admin, "VESTING_POLICY_CREATED", "vesting_policy", id, null, data(
                        "name", v[1], "cliff_months", v[2], "duration_months", v[3], "frequency", v[4]));
            }
        }
        for (String[] s : SKILLS) {
            UUID id = DemoIds.of("skill", s[0]);
            if (!w.exists("skills", id)) {
                w.insert("skills", "INSERT INTO skills (id, slug, name, category) VALUES (?, ?, ?, ?::skill_category)", id, s[0], s[1], s[2]);
                w.audit(admin, "SKILL_CREATED", "skill", id, null, data("slug", s[0], "name", s[1], "category", s[2]));
            }
        }
        String[][] badges = {
                {"first-contribution", "First contribution", "{\"approved_tasks\": {\"min\": 1}}"},
                {"five-contributions", "Five contributions", "{\"approved_tasks\": {\"min\": 5}}"},
                {"security-champion", "Security champion", "{\"approved_tasks\": {\"min\": 1, \"type\": \"security\", \"criticality\": \"critical\"}}"},
                {"verified-identity", "Verified identity", "{\"kyc_status\": \"verified\"}"},
                {"steady-reviewer", "Steady reviewer", "{\"reviews\": {\"min\": 5, \"avg_quality_score\": {\"min\": 80}}}"},
        };
        for (String[] b : badges) {
            UUID id = DemoIds.of("badge", b[0]);
            if (!w.exists("badges", id)) {
                w.insert("badges", "INSERT INTO badges (id, slug, name, criteria) VALUES (?, ?, ?, ?::jsonb)", id, b[0], b[1], b[2]);
                w.audit(admin, "BADGE_CREATED", "badge", id, null, data("slug", b[0], "name", b[1]));
            }
        }
    }

    private static final String[][] SKILLS = {
            {"java", "Java", "engineering"},
            {"embedded-c", "Embedded C", "engineering"},
            {"react", "React", "engineering"},
            {"figma", "Figma", "design"},
            {"kubernetes", "Kubernetes", "ops"},
            {"incident-response", "Incident response", "ops"},
            {"threat-modeling", "Threat modeling", "security"},
            {"contract-law", "Contract law", "legal"},
            {"financial-modeling", "Financial modeling", "finance"},
            {"sales-outreach", "Sales outreach", "bizdev"},
    };

    // =============================================================================================
    // Ventures: the venture, its IT pack, billing, security policies and BUZ issuance rule
    // =============================================================================================

    private void venture(Venture v) throws SQLException {
        UUID owner = DemoPeople.id(v.owner());
        UUID admin = DemoPeople.id(DemoPeople.ADMIN);
        if (!w.exists("ventures", v.id())) {
            w.actAs(owner);
            w.insert("ventures", "INSERT INTO ventures (id, name, region, status, owner_user_id, alice_equity_cap, created_at, updated_at) "
                            + "VALUES (?, ?, ?::venture_region, 'draft', ?, ?, ?, ?)",
                    v.id(), v.name(), v.region(), owner, new BigDecimal(v.aliceCap()), v.createdAt(), v.createdAt());
            w.audit(owner, "VENTURE_CREATED", "venture", v.id(), v.id(), data(
                    "name", v.name(), "region", v.region(), "owner", DemoPeople.get(v.owner()).name(), "alice_equity_cap", v.aliceCap(),
                    "status", "draft", "occurred_at", v.createdAt()));
        }
        if (!w.exists("venture_it_pack", "venture_id", v.id())) {
            w.actAs(admin);
            Instant provisioned = v.active() ? v.activatedAt().plus(Duration.ofDays(2)) : null;
            w.insertKeyed("venture_it_pack", "venture_id", v.id(), "INSERT INTO venture_it_pack (venture_id, m365_tenant_id, email_address, github_org, "
                            + "render_service_id, backup_policy_id, provisioned_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?::it_pack_status)",
                    v.id(), v.active() ? DemoIds.of("m365", v.key()).toString() : null, "team@" + v.domain() + ".example.com",
                    v.active() ? v.domain() : null, v.active() ? "srv-" + v.domain() + "-api" : null,
                    v.active() ? "bkp-daily-35d" : null, provisioned, v.active() ? "active" : "pending");
            w.audit(admin, v.active() ? "IT_PACK_PROVISIONED" : "IT_PACK_REQUESTED", "venture_it_pack", v.id(), v.id(), data(
                    "venture", v.name(), "status", v.active() ? "active" : "pending", "occurred_at", provisioned == null ? v.createdAt() : provisioned));
        }
        billing(v, owner);
        securityPolicies(v, admin);
        issuanceRules(v, owner);
    }

    private void billing(Venture v, UUID owner) throws SQLException {
        UUID account = DemoIds.of("billing", v.key());
        if (!w.exists("billing_accounts", account)) {
            w.actAs(owner);
            w.insert("billing_accounts", "INSERT INTO billing_accounts (id, venture_id, pricing_tier, payment_method, status, next_invoice_at) "
                            + "VALUES (?, ?, ?::pricing_tier, ?::payment_method, ?::billing_status, ?)",
                    account, v.id(), v.tier(), v.paymentMethod(), v.billingStatus(), Instant.parse("2026-12-01T00:00:00Z"));
            w.audit(owner, "BILLING_ACCOUNT_CREATED", "billing_account", account, v.id(), data(
                    "venture", v.name(), "pricing_tier", v.tier(), "payment_method", v.paymentMethod(), "status", v.billingStatus(),
                    "occurred_at", v.createdAt()));
        }
        BigDecimal price = new BigDecimal(v.tier().substring(1)).setScale(2);
        BigDecimal fee = price.multiply(new BigDecimal("0.029")).add(new BigDecimal("0.30")).setScale(2, RoundingMode.HALF_UP);
        List<LocalDate> months = new ArrayList<>();
        if (v.active()) {
            for (int m = 5; m <= 11; m++) {
                months.add(LocalDate.of(2026, m, 1));
            }
        } else {
            months.add(LocalDate.of(2026, 11, 1));
        }
        for (LocalDate start : months) {
            UUID id = DemoIds.of("invoice", v.key() + ":" + start);
            if (w.exists("invoices", id)) {
                continue;
            }
            String status = invoiceStatus(v, start);
            LocalDate end = start.plusMonths(1).minusDays(1);
            Instant issued = start.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(6));
            String pdfUri = null;
            if (!status.equals("draft")) {
                byte[] pdf = DemoDocuments.letterPdf(new DemoDocuments.Letter("SmartStart Venture OS", "Billing  |  billing.example.com",
                        "Invoice " + v.domain().toUpperCase(Locale.ROOT) + "-" + start.toString().substring(0, 7),
                        List.of(v.legalName(), "Attn: " + DemoPeople.get(v.owner()).name(), v.jurisdiction()), start.toString(),
                        List.of("Plan: Venture OS " + v.tier().substring(1) + " (IT pack, legal pack, token ledger)",
                                "Period: " + start + " to " + end,
                                "Amount due: " + price + " " + v.currency(),
                                "Payment method: " + v.paymentMethod(),
                                "Due by: " + start.plusDays(14)), null));
                pdfUri = "blob:sha256:" + blob(pdf, DemoDocuments.PDF, issued);
            }
            w.actAs(null);
            w.insert("invoices", "INSERT INTO invoices (id, billing_account_id, period_start, period_end, amount_due, currency, status, stripe_fee, "
                            + "issued_at, due_at, pdf_uri) VALUES (?, ?, ?, ?, ?, ?, ?::invoice_status, ?, ?, ?, ?)",
                    id, account, start, end, price, v.currency(), status, status.equals("draft") ? BigDecimal.ZERO.setScale(2) : fee,
                    issued, start.plusDays(14).atStartOfDay(ZoneOffset.UTC).toInstant(), pdfUri);
            w.audit(null, "INVOICE_ISSUED", "invoice", id, v.id(), data(
                    "venture", v.name(), "period_start", start.toString(), "amount_due", price.toPlainString(), "currency", v.currency(),
                    "status", status, "occurred_at", issued));
        }
    }

    private static String invoiceStatus(Venture v, LocalDate start) {
        if (start.getMonthValue() == 11) {
            return "draft";
        }
        if (v.key().equals(DemoVentures.HELIOS) && start.getMonthValue() >= 9) {
            return "open"; // overdue: the account is past_due
        }
        if (start.getMonthValue() == 10) {
            return "open";
        }
        if (v.key().equals(DemoVentures.NORTHWIND) && start.getMonthValue() == 6) {
            return "refunded";
        }
        if (v.key().equals(DemoVentures.PRAIRIE) && start.getMonthValue() == 7) {
            return "void";
        }
        return "paid";
    }

    private void securityPolicies(Venture v, UUID admin) throws SQLException {
        String[][] policies = {
                {"mfa", "{\"required\": true, \"methods\": [\"totp\", \"webauthn\"], \"grace_period_days\": 7}"},
                {"password", "{\"min_length\": 12, \"max_age_days\": 365, \"breached_password_check\": true}"},
                {"device_posture", "{\"require_encrypted_disk\": true, \"require_healthy_av\": true, \"max_report_age_days\": 14}"},
        };
        for (String[] policy : policies) {
            UUID id = DemoIds.of("security-policy", v.key() + ":" + policy[0]);
            if (w.exists("security_policies", id)) {
                continue;
            }
            boolean enforced = v.active() || policy[0].equals("mfa");
            Instant at = (v.active() ? v.activatedAt() : v.createdAt()).plus(Duration.ofDays(1));
            w.actAs(admin);
            w.insert("security_policies", "INSERT INTO security_policies (id, venture_id, policy_name, settings, enforced, effective_at) VALUES (?, ?, ?, ?::jsonb, ?, ?)",
                    id, v.id(), policy[0], policy[1], enforced, at);
            w.audit(admin, "SECURITY_POLICY_SET", "security_policy", id, v.id(), data(
                    "venture", v.name(), "policy", policy[0], "enforced", enforced, "occurred_at", at));
        }
    }

    private void issuanceRules(Venture v, UUID owner) throws SQLException {
        if (v.key().equals(DemoVentures.NORTHWIND)) {
            // Northwind's first rule, replaced when the board raised the cap: kept as history.
            UUID old = DemoIds.of("buz-rule", v.key() + ":2025-01");
            if (!w.exists("buz_issuance_rules", old)) {
                Instant created = v.activatedAt();
                Instant replaced = Instant.parse("2025-06-01T00:00:00Z");
                w.actAs(owner);
                w.insert("buz_issuance_rules", "INSERT INTO buz_issuance_rules (id, venture_id, monthly_issue_cap, conversion_band_min, conversion_band_max, "
                                + "board_approved, created_at, replaced_at) VALUES (?, ?, ?, ?, ?, true, ?, ?)",
                        old, v.id(), 40_000L, new BigDecimal(v.bandMin()), new BigDecimal(v.bandMax()), created, replaced);
                w.audit(owner, "BUZ_RULE_SET", "buz_issuance_rule", old, v.id(), data(
                        "venture", v.name(), "monthly_issue_cap", 40_000, "conversion_band_min", v.bandMin(), "conversion_band_max", v.bandMax(),
                        "board_approved", true, "replaced_at", replaced, "occurred_at", created));
            }
        }
        UUID id = currentRuleId(v);
        if (w.exists("buz_issuance_rules", id)) {
            return;
        }
        Instant created = v.key().equals(DemoVentures.NORTHWIND) ? Instant.parse("2025-06-01T00:00:00Z")
                : (v.active() ? v.activatedAt() : v.createdAt()).plus(Duration.ofHours(4));
        w.actAs(owner);
        w.insert("buz_issuance_rules", "INSERT INTO buz_issuance_rules (id, venture_id, monthly_issue_cap, conversion_band_min, conversion_band_max, "
                        + "board_approved, created_at) VALUES (?, ?, ?, ?, ?, true, ?)",
                id, v.id(), v.monthlyCap(), new BigDecimal(v.bandMin()), new BigDecimal(v.bandMax()), created);
        w.audit(owner, "BUZ_RULE_SET", "buz_issuance_rule", id, v.id(), data(
                "venture", v.name(), "monthly_issue_cap", v.monthlyCap(), "conversion_band_min", v.bandMin(), "conversion_band_max", v.bandMax(),
                "board_approved", true, "occurred_at", created));
    }

    private static UUID currentRuleId(Venture v) {
        return DemoIds.of("buz-rule", v.key() + ":current");
    }

    // =============================================================================================
    // KYB (KY-6): a venture becomes active only with verified articles_of_inc and tax_id
    // =============================================================================================

    private List<Doc> kybDocs(Venture v) {
        List<Doc> docs = new ArrayList<>();
        String owner = v.owner();
        if (v.active()) {
            Instant submitted = v.createdAt().plus(Duration.ofHours(5));
            Instant decided = v.activatedAt().minus(Duration.ofHours(3));
            String officer = v.key().equals(DemoVentures.HELIOS) ? DemoPeople.COMPLIANCE_2 : DemoPeople.COMPLIANCE_1;
            String second = DemoPeople.COMPLIANCE_3;
            docs.add(kyb(v, 1, "articles_of_inc", "verified", 30, submitted, decided, officer, null, owner));
            docs.add(kyb(v, 2, "tax_id", "verified", v.key().equals(DemoVentures.NORTHWIND) ? 72 : 25, submitted.plusSeconds(300), decided.plusSeconds(600),
                    officer, v.key().equals(DemoVentures.NORTHWIND) ? second : null, owner));
            if (v.key().equals(DemoVentures.HELIOS)) {
                docs.add(new Doc(DemoIds.of("kyb", v.key() + ":3"), owner, "bank_letter", "rejected_resubmit", 40, submitted.plusSeconds(900),
                        decided.plusSeconds(900), officer, null, "NAME_MISMATCH", "Account holder is 'Helios Grid UG', the registered name is 'Helios Grid GmbH'.",
                        "The bank letter names a different company. Please upload a letter for Helios Grid GmbH.", officer, decided.plusSeconds(1800)));
                docs.add(kyb(v, 4, "bank_letter", "verified", 20, decided.plus(Duration.ofDays(3)), decided.plus(Duration.ofDays(4)), officer, null, owner));
            } else {
                docs.add(kyb(v, 3, "bank_letter", "verified", 15, submitted.plusSeconds(900), decided.plusSeconds(900), officer, null, owner));
            }
            if (v.key().equals(DemoVentures.NORTHWIND)) {
                docs.add(kyb(v, 5, "incumbency", "verified", 20, submitted.plusSeconds(1200), decided.plusSeconds(1200), officer, null, owner));
            }
        } else {
            docs.add(kyb(v, 1, "articles_of_inc", "pending", 55, Instant.parse("2026-10-01T03:00:00Z"), null, null, null, owner));
            docs.add(kyb(v, 2, "tax_id", "pending", 72, Instant.parse("2026-10-01T03:10:00Z"), null, null, null, owner));
            docs.add(new Doc(DemoIds.of("kyb", v.key() + ":3"), owner, "bank_letter", "rejected_resubmit", 35, Instant.parse("2026-10-01T03:20:00Z"),
                    Instant.parse("2026-10-06T07:00:00Z"), DemoPeople.COMPLIANCE_3, null, "DOCUMENT_OUTDATED",
                    "Letter dated more than 90 days before submission.", "Please upload a bank letter issued within the last 90 days.",
                    DemoPeople.COMPLIANCE_3, Instant.parse("2026-10-06T07:15:00Z")));
        }
        return docs;
    }

    private static Doc kyb(Venture v, int n, String type, String outcome, int risk, Instant submitted, Instant decided, String officer,
                           String secondOfficer, String owner) {
        boolean verified = outcome.equals("verified");
        // for four-eyes documents the second officer decides and the first one approved before
        return new Doc(DemoIds.of("kyb", v.key() + ":" + n), owner, type, outcome, risk, submitted, decided,
                secondOfficer != null ? secondOfficer : officer, secondOfficer != null ? officer : null,
                verified ? "verified_clear" : null, verified ? "Registry extract matches the submitted document." : null,
                verified ? "Your document was accepted." : null,
                decided == null ? null : (secondOfficer != null ? secondOfficer : officer), decided == null ? null : decided.plus(Duration.ofMinutes(15)));
    }

    private void kyb(Venture v) throws SQLException {
        for (Doc d : kybDocs(v)) {
            if (w.exists("kyb_documents", d.id())) {
                continue;
            }
            byte[] pdf = DemoDocuments.letterPdf(kybLetter(v, d));
            String sha = blob(pdf, DemoDocuments.PDF, d.submittedAt());
            UUID owner = DemoPeople.id(v.owner());
            w.actAs(owner);
            w.insert("kyb_documents", "INSERT INTO kyb_documents (id, venture_id, doc_type, status, evidence_uri, evidence_sha256, original_filename, "
                            + "media_type, risk_score, submitted_at) VALUES (?, ?, ?::kyb_doc_type, 'pending', ?, ?, ?, ?, ?, ?)",
                    d.id(), v.id(), d.docType(), "blob:sha256:" + sha, sha, d.docType().replace('_', '-') + "-" + v.domain() + ".pdf",
                    DemoDocuments.PDF, d.risk(), d.submittedAt());
            w.audit(owner, "KYB_SUBMITTED", "kyb_document", d.id(), v.id(), data(
                    "venture", v.name(), "doc_type", d.docType(), "evidence_sha256", sha, "risk_score", d.risk(), "occurred_at", d.submittedAt()));
            decide("kyb_documents", "KYB", d, sha, v.id());
        }
        if (v.active()) {
            UUID admin = DemoPeople.id(DemoPeople.ADMIN);
            w.actAs(admin);
            if (w.update("UPDATE ventures SET status = 'active', updated_at = ?, version = version + 1 WHERE id = ? AND status = 'draft'",
                    v.activatedAt(), v.id()) == 1) {
                w.audit(admin, "VENTURE_ACTIVATED", "venture", v.id(), v.id(), data(
                        "venture", v.name(), "before", "draft", "after", "active", "kyb", "articles_of_inc and tax_id verified",
                        "occurred_at", v.activatedAt()));
            }
        }
    }

    private static DemoDocuments.Letter kybLetter(Venture v, Doc d) {
        String owner = DemoPeople.get(v.owner()).name();
        String date = d.submittedAt().atZone(ZoneOffset.UTC).toLocalDate().minusDays(20).toString();
        int h = Math.abs((v.key() + d.docType()).hashCode());
        List<String> addressee = List.of(v.legalName(), "c/o " + owner, v.jurisdiction());
        return switch (d.docType()) {
            case "articles_of_inc" -> new DemoDocuments.Letter("Registry of Companies", v.jurisdiction() + "  |  registry.example.org",
                    "Certificate and Articles of Incorporation", addressee, date,
                    List.of("This certifies that " + v.legalName() + " is incorporated under the laws of " + v.jurisdiction() + ".",
                            "Registration number: " + String.format("%09d", h % 1_000_000_000),
                            "Registered office: " + v.jurisdiction(),
                            "First director: " + owner),
                    List.of("Article 1. The name of the corporation is " + v.legalName() + ".",
                            "Article 2. The corporation may issue an unlimited number of common shares.",
                            "Article 3. The board consists of one to five directors.",
                            "Article 4. Transfers of shares require the approval of the board."));
            case "tax_id" -> new DemoDocuments.Letter("Revenue Agency", "Business registration  |  tax.example.org",
                    "Confirmation of business tax number", addressee, date,
                    List.of("Business tax number: " + String.format("%03d-%03d-%03d", h % 1000, (h / 1000) % 1000, (h / 1_000_000) % 1000),
                            "Effective from: " + v.createdAt().atZone(ZoneOffset.UTC).toLocalDate(),
                            "Filing frequency: quarterly"), null);
            case "bank_letter" -> new DemoDocuments.Letter("First Example Bank", "Business banking  |  bank.example.net",
                    "Bank confirmation letter", addressee, date,
                    List.of("We confirm that " + (d.outcome().startsWith("rejected") && v.key().equals(DemoVentures.HELIOS) ? "Helios Grid UG" : v.legalName())
                                    + " holds a business account with us.",
                            "Account: ****" + String.format("%04d", h % 10_000),
                            "Account opened: " + v.createdAt().atZone(ZoneOffset.UTC).toLocalDate().plusDays(3)), null);
            default -> new DemoDocuments.Letter("Registry of Companies", v.jurisdiction() + "  |  registry.example.org",
                    "Certificate of Incumbency", addressee, date,
                    List.of("Directors: " + owner, "Officers: " + owner + " (president)", "Shareholders of record: see the cap table"), null);
        };
    }

    // =============================================================================================
    // Contracts (LG-1)
    // =============================================================================================

    private void contracts() throws SQLException {
        for (Contract c : DemoVentures.CONTRACTS) {
            if (w.exists("contracts", c.id())) {
                continue;
            }
            Venture v = DemoVentures.get(c.venture());
            List<Map<String, Object>> signers = new ArrayList<>();
            List<String> names = new ArrayList<>();
            int n = 0;
            for (String key : c.signers()) {
                Person p = DemoPeople.get(key);
                Map<String, Object> signer = new LinkedHashMap<>();
                signer.put("user_id", p.id().toString());
                signer.put("name", p.name());
                signer.put("email", p.email());
                signer.put("signed_at", c.signedAt().minus(Duration.ofMinutes(30L * (c.signers().size() - 1 - n))).toString());
                signers.add(signer);
                names.add(p.name());
                n++;
            }
            String title = switch (c.type()) {
                case "founder_agreement" -> "Founders' Agreement";
                case "equity_split" -> "Equity Split Agreement";
                case "contributor" -> "Contributor Agreement";
                case "ip" -> "Intellectual Property Assignment";
                default -> "Mutual Non-Disclosure Agreement";
            };
            byte[] pdf = DemoDocuments.letterPdf(new DemoDocuments.Letter(v.legalName(), "Legal pack  |  SmartStart Venture OS", title,
                    List.of("Between " + v.legalName(), "and " + String.join(", ", names)), c.signedAt().atZone(ZoneOffset.UTC).toLocalDate().toString(),
                    List.of("1. The parties agree to the terms of the SmartStart " + title.toLowerCase(Locale.ROOT) + ", version 1.",
                            "2. Work product created for " + v.name() + " is assigned to the venture.",
                            "3. Confidential information stays confidential for five years.",
                            "",
                            "Signed electronically by: " + String.join(", ", names)), null));
            String sha = blob(pdf, DemoDocuments.PDF, c.signedAt());
            UUID owner = DemoPeople.id(v.owner());
            w.actAs(owner);
            w.insert("contracts", "INSERT INTO contracts (id, venture_id, type, signing_hash, signed_at, signers, storage_uri) "
                            + "VALUES (?, ?, ?::contract_type, ?, ?, ?::jsonb, ?)",
                    c.id(), v.id(), c.type(), sha, c.signedAt(), json(signers), "blob:sha256:" + sha);
            w.audit(owner, "CONTRACT_SIGNED", "contract", c.id(), v.id(), data(
                    "venture", v.name(), "type", c.type(), "signing_hash", sha, "signers", names, "occurred_at", c.signedAt()));
        }
    }

    // =============================================================================================
    // Cap tables (EQ-1..EQ-5): close rows the day before, then add the new rows; never rewrite
    // =============================================================================================

    private void equity() throws SQLException {
        for (EquityEvent e : DemoVentures.EQUITY) {
            Venture v = DemoVentures.get(e.venture());
            UUID owner = DemoPeople.id(v.owner());
            LocalDate closeOn = e.date().minusDays(1);
            boolean apply = !w.exists("equity_ledger", DemoVentures.ledgerRowId(v.key(), e.adds().get(0).holder(), e.date()));
            List<Map<String, Object>> closed = new ArrayList<>();
            List<Map<String, Object>> added = new ArrayList<>();
            if (apply) {
                w.actAs(owner);
            }
            for (String holder : e.closes()) {
                UUID row = openRows.remove(v.key() + ":" + holder);
                if (row == null) {
                    throw new IllegalStateException("No open row of " + holder + " in " + v.name() + " to close on " + closeOn);
                }
                if (apply && w.update("UPDATE equity_ledger SET effective_to = ?, version = version + 1 WHERE id = ? AND effective_to IS NULL", closeOn, row) == 1) {
                    closed.add(data("row", row.toString(), "holder", holderName(holder), "effective_to", closeOn.toString()));
                }
            }
            BigDecimal total = BigDecimal.ZERO;
            for (Holding h : e.adds()) {
                UUID row = DemoVentures.ledgerRowId(v.key(), h.holder(), e.date());
                openRows.put(v.key() + ":" + h.holder(), row);
                total = total.add(h.amount());
                if (apply && !w.exists("equity_ledger", row)) {
                    boolean alice = h.holder().equals(DemoVentures.ALICE);
                    w.insert("equity_ledger", "INSERT INTO equity_ledger (id, venture_id, holder_type, holder_id, percent, vesting_policy_id, "
                                    + "effective_from, created_at, created_by) VALUES (?, ?, ?::holder_type, ?, ?, ?, ?, ?, ?)",
                            row, v.id(), alice ? "alice" : "user", alice ? null : DemoPeople.id(h.holder()), h.amount(),
                            h.vesting() == null ? null : DemoIds.of("vesting", h.vesting()), e.date(), changeTime(e), owner);
                    added.add(data("row", row.toString(), "holder", holderName(h.holder()), "percent", h.percent(),
                            "vesting_policy", h.vesting(), "effective_from", e.date().toString()));
                }
            }
            if (e.closes().size() + e.adds().size() > 0 && apply && !e.byConversion()) {
                w.audit(owner, "EQUITY_CHANGE", "venture", v.id(), v.id(), data(
                        "venture", v.name(), "effective_from", e.date().toString(), "description", e.description(),
                        "closed", closed, "added", added, "occurred_at", changeTime(e)));
            }
            checkTotals(v, e, total);
        }
    }

    /** EQ-1 and EQ-2 checked here too, so a typo in the story fails with a sentence, not at commit. */
    private void checkTotals(Venture v, EquityEvent e, BigDecimal addedTotal) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal ownerShare = BigDecimal.ZERO;
        for (EquityEvent earlier : DemoVentures.EQUITY) {
            if (!earlier.venture().equals(v.key()) || earlier.date().isAfter(e.date())) {
                continue;
            }
            for (Holding h : earlier.adds()) {
                if (openRows.get(v.key() + ":" + h.holder()) != null
                        && openRows.get(v.key() + ":" + h.holder()).equals(DemoVentures.ledgerRowId(v.key(), h.holder(), earlier.date()))) {
                    total = total.add(h.amount());
                    if (h.holder().equals(v.owner())) {
                        ownerShare = ownerShare.add(h.amount());
                    }
                }
            }
        }
        if (total.compareTo(new BigDecimal("100.000")) != 0 || ownerShare.compareTo(new BigDecimal("35.000")) < 0 || addedTotal.signum() <= 0) {
            throw new IllegalStateException("Demo cap table of " + v.name() + " on " + e.date() + " totals " + total + "% with the owner at " + ownerShare + "%");
        }
    }

    private static Instant changeTime(EquityEvent e) {
        return e.byConversion() ? DemoVentures.CONVERSION_AT : e.date().atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(9));
    }

    private static String holderName(String holder) {
        return holder.equals(DemoVentures.ALICE) ? "SmartStart platform (alice)" : DemoPeople.get(holder).name();
    }

    // =============================================================================================
    // Tasks, reviews, contribution events (LG-1: contributor contract signed before approval)
    // =============================================================================================

    private void tasks() throws SQLException {
        for (Task t : DemoVentures.TASKS) {
            if (w.exists("tasks", t.id())) {
                continue;
            }
            Venture v = DemoVentures.get(t.venture());
            UUID owner = DemoPeople.id(v.owner());
            UUID assignee = DemoPeople.id(t.assignee());
            String artifact = t.submittedAt() == null ? null : artifactHash(t);
            w.actAs(owner);
            w.insert("tasks", "INSERT INTO tasks (id, venture_id, title, type, weight, criticality, status, created_by_user_id, assignee_user_id, created_at) "
                            + "VALUES (?, ?, ?, ?::task_type, ?, ?::task_criticality, 'open', ?, ?, ?)",
                    t.id(), v.id(), t.title(), t.type(), new BigDecimal(t.weight()), t.criticality(), owner, assignee, t.createdAt());
            w.audit(owner, "TASK_CREATED", "task", t.id(), v.id(), data(
                    "venture", v.name(), "title", t.title(), "type", t.type(), "criticality", t.criticality(), "weight", t.weight(),
                    "assignee", DemoPeople.get(t.assignee()).name(), "occurred_at", t.createdAt()));
            if (t.submittedAt() == null) {
                continue;
            }
            w.actAs(assignee);
            w.update("UPDATE tasks SET status = 'in_review', artifact_hash = ?, version = version + 1 WHERE id = ?", artifact, t.id());
            w.audit(assignee, "TASK_SUBMITTED", "task", t.id(), v.id(), data(
                    "venture", v.name(), "title", t.title(), "artifact_hash", artifact, "occurred_at", t.submittedAt()));
            if (t.decidedAt() == null) {
                continue;
            }
            UUID reviewer = DemoPeople.id(v.reviewer());
            int n = 1;
            if (t.changesRequestedFirst() || t.status().equals("in_review")) {
                Instant at = t.status().equals("in_review") ? t.decidedAt() : t.submittedAt().plus(Duration.ofDays(1));
                String comment = t.status().equals("in_review") ? t.comment() : "Close; please address the inline comments and resubmit.";
                review(t, v, reviewer, n++, "changes_requested", t.status().equals("in_review") ? t.quality() : t.quality() - 15, comment, at, "in_review");
            }
            if (t.status().equals("in_review")) {
                continue;
            }
            String decision = t.status().equals("approved") ? "approve" : "reject";
            review(t, v, reviewer, n, decision, t.quality(), t.comment(), t.decidedAt(), t.status());
            if (t.status().equals("approved")) {
                contribution(t, v, reviewer);
            }
        }
    }

    private void review(Task t, Venture v, UUID reviewer, int n, String decision, int quality, String comment, Instant at, String taskStatus) throws SQLException {
        UUID id = t.reviewId(n);
        w.actAs(reviewer);
        w.insert("reviews", "INSERT INTO reviews (id, task_id, reviewer_user_id, quality_score, comments, decision, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?::review_decision, ?)", id, t.id(), reviewer, quality, comment, decision, at);
        if (!taskStatus.equals("in_review")) {
            w.update("UPDATE tasks SET status = ?::task_status, version = version + 1 WHERE id = ?", taskStatus, t.id());
        }
        w.audit(reviewer, "REVIEW_SUBMITTED", "review", id, v.id(), data(
                "venture", v.name(), "task", t.title(), "decision", decision, "quality_score", quality, "task_status", taskStatus,
                "occurred_at", at));
    }

    private void contribution(Task t, Venture v, UUID reviewer) throws SQLException {
        UUID id = DemoIds.of("contribution", t.key());
        BigDecimal impact = switch (t.criticality()) {
            case "low" -> new BigDecimal("0.600");
            case "med" -> new BigDecimal("1.000");
            case "high" -> new BigDecimal("1.400");
            default -> new BigDecimal("1.800");
        };
        BigDecimal timeliness = t.changesRequestedFirst() ? new BigDecimal("0.900") : new BigDecimal("1.100");
        BigDecimal quality = BigDecimal.valueOf(t.quality()).divide(BigDecimal.valueOf(50), 3, RoundingMode.HALF_UP);
        BigDecimal cred = new BigDecimal("1.200");
        BigDecimal cs = new BigDecimal(t.weight()).multiply(impact).multiply(timeliness).multiply(quality).multiply(cred).setScale(4, RoundingMode.HALF_UP);
        w.actAs(reviewer);
        w.insert("contribution_events", "INSERT INTO contribution_events (id, task_id, user_id, impact, timeliness, quality, reviewer_cred, cs_delta, "
                        + "buz_awarded, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, t.id(), DemoPeople.id(t.assignee()), impact, timeliness, quality, cred, cs, t.buz(), t.decidedAt());
        w.audit(reviewer, "CONTRIBUTION_RECORDED", "contribution_event", id, v.id(), data(
                "venture", v.name(), "task", t.title(), "contributor", DemoPeople.get(t.assignee()).name(), "cs_delta", cs.toPlainString(),
                "buz_awarded", t.buz(), "occurred_at", t.decidedAt()));
    }

    private static String artifactHash(Task t) {
        return BuzTransactionWriter.sha256Hex(("smartstart-demo:artifact:" + t.key() + ":" + t.title()).getBytes(StandardCharsets.UTF_8));
    }

    // =============================================================================================
    // BUZ (BZ-1..BZ-6): wallets, chained transactions, balances equal to the sums, one conversion
    // =============================================================================================

    record Tx(UUID id, String holder, String venture, String type, long amount, String artifact, Instant at, String why) {
    }

    private void buz() throws SQLException {
        List<Tx> txs = new ArrayList<>();
        for (Task t : DemoVentures.TASKS) {
            if (t.status().equals("approved")) {
                txs.add(new Tx(DemoVentures.earnId(t), t.assignee(), t.venture(), "earn", t.buz(), artifactHash(t),
                        t.decidedAt().plus(Duration.ofHours(1)), t.title()));
            }
        }
        for (DemoVentures.BuzMove m : DemoVentures.MOVES) {
            txs.add(new Tx(m.id(), m.holder(), m.venture(), m.type(), m.amount(), null, m.at(), null));
        }
        checkIssuanceCaps(txs);
        Map<String, List<Tx>> byHolder = txs.stream().sorted(Comparator.comparing(Tx::at))
                .collect(Collectors.groupingBy(Tx::holder, LinkedHashMap::new, Collectors.toList()));
        for (Person p : DemoPeople.ALL) {
            if (p.kyc() != Kyc.VERIFIED) {
                continue;
            }
            UUID wallet = walletId(p.key());
            Instant opened = p.createdAt().plus(Duration.ofDays(2));
            if (!w.exists("user_wallets", wallet)) {
                w.actAs(p.id());
                w.insert("user_wallets", "INSERT INTO user_wallets (id, user_id, buz_balance, locked_balance) VALUES (?, ?, 0, 0)", wallet, p.id());
                w.audit(p.id(), "WALLET_CREATED", "user_wallet", wallet, null, data("user", p.name(), "occurred_at", opened));
            }
            String previous = BuzTransactionWriter.GENESIS;
            long balance = 0;
            long locked = 0;
            for (Tx tx : byHolder.getOrDefault(p.key(), List.of())) {
                Venture v = DemoVentures.get(tx.venture());
                String canonical = BuzTransactionWriter.canonicalJson(new BuzTransactionWriter.Content(
                        tx.id(), wallet, v.id(), tx.type(), tx.amount(), tx.artifact(), null, null, tx.at()));
                String prev = previous;
                String hash = BuzTransactionWriter.txHash(prev, canonical);
                previous = hash;
                balance += tx.amount();
                if (tx.type().equals("lock") || tx.type().equals("unlock")) {
                    locked -= tx.amount();
                }
                if (balance < 0 || locked < 0) {
                    throw new IllegalStateException("BZ-1: demo wallet of " + p.name() + " would go below zero");
                }
                if (w.exists("buz_transactions", tx.id())) {
                    continue;
                }
                UUID actor = tx.type().equals("earn") ? DemoPeople.id(v.reviewer()) : p.id();
                w.actAs(actor);
                w.insert("buz_transactions", "INSERT INTO buz_transactions (id, wallet_id, venture_id, type, amount, artifact_hash, prev_tx_hash, tx_hash, created_at) "
                                + "VALUES (?, ?, ?, ?::buz_tx_type, ?, ?, ?, ?, ?)",
                        tx.id(), wallet, v.id(), tx.type(), tx.amount(), tx.artifact(), prev, hash, tx.at());
                w.update("UPDATE user_wallets SET buz_balance = ?, locked_balance = ?, version = version + 1 WHERE id = ?", balance, locked, wallet);
                if (tx.type().equals("convert")) {
                    conversion(p, v, tx, hash);
                    continue;
                }
                String action = switch (tx.type()) {
                    case "earn" -> "BUZ_EARNED";
                    case "redeem" -> "BUZ_REDEEMED";
                    case "lock" -> "BUZ_LOCKED";
                    default -> "BUZ_UNLOCKED";
                };
                w.audit(actor, action, "buz_transaction", tx.id(), v.id(), data(
                        "venture", v.name(), "holder", p.name(), "type", tx.type(), "amount", tx.amount(), "artifact_hash", tx.artifact(),
                        "tx_hash", hash, "balance_after", balance, "locked_after", locked, "for", tx.why(), "occurred_at", tx.at()));
            }
        }
    }

    /** BZ-3: the earns of a venture in one UTC month stay within its monthly cap. */
    private static void checkIssuanceCaps(List<Tx> txs) {
        Map<String, Long> perMonth = new HashMap<>();
        for (Tx tx : txs) {
            if (tx.type().equals("earn")) {
                String month = tx.venture() + ":" + tx.at().toString().substring(0, 7);
                long sum = perMonth.merge(month, tx.amount(), Long::sum);
                long cap = tx.venture().equals(DemoVentures.NORTHWIND) && tx.at().isBefore(Instant.parse("2025-06-01T00:00:00Z"))
                        ? 40_000 : DemoVentures.get(tx.venture()).monthlyCap();
                if (sum > cap) {
                    throw new IllegalStateException("BZ-3: demo earns of " + month + " exceed " + cap);
                }
            }
        }
    }

    /** BZ-4: the BUZ debit, the conversion row and the diluting ledger rows (written by the cap table story) belong together. */
    private void conversion(Person p, Venture v, Tx tx, String txHash) throws SQLException {
        UUID id = DemoIds.of("conversion", DemoVentures.CONVERSION_KEY);
        UUID ruleId = currentRuleId(v);
        BigDecimal percent = new BigDecimal(DemoVentures.CONVERSION_PERCENT);
        BigDecimal rate = percent.divide(BigDecimal.valueOf(DemoVentures.CONVERSION_BUZ), 9, RoundingMode.HALF_UP);
        if (rate.compareTo(new BigDecimal(v.bandMin())) < 0 || rate.compareTo(new BigDecimal(v.bandMax())) > 0) {
            throw new IllegalStateException("BZ-4: demo conversion rate " + rate + " is outside the band of " + v.name());
        }
        Map<String, Object> snapshot = data(
                "rule_id", ruleId.toString(), "conversion_band_min", v.bandMin(), "conversion_band_max", v.bandMax(),
                "rate", rate.stripTrailingZeros().toPlainString(), "monthly_issue_cap", v.monthlyCap(), "board_approved", true,
                "approvals", List.of(
                        data("user_id", DemoPeople.id(v.owner()).toString(), "name", DemoPeople.get(v.owner()).name(), "role", "owner",
                                "approved_at", tx.at().minus(Duration.ofDays(3)).toString()),
                        data("user_id", DemoPeople.id(DemoPeople.ADMIN).toString(), "name", DemoPeople.get(DemoPeople.ADMIN).name(), "role", "admin",
                                "approved_at", tx.at().minus(Duration.ofDays(2)).toString())),
                "buz_transaction_id", tx.id().toString(), "buz_tx_hash", txHash);
        LocalDate effective = tx.at().atZone(ZoneOffset.UTC).toLocalDate();
        w.insert("equity_conversions", "INSERT INTO equity_conversions (id, venture_id, user_id, buz_spent, equity_percent_granted, effective_date, "
                        + "policy_snapshot, created_at) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?)",
                id, v.id(), p.id(), DemoVentures.CONVERSION_BUZ, percent, effective, json(snapshot), tx.at());
        List<String> rows = DemoVentures.EQUITY.stream().filter(e -> e.byConversion() && e.venture().equals(v.key()))
                .flatMap(e -> e.adds().stream().map(h -> holderName(h.holder()) + " " + h.percent())).toList();
        w.audit(p.id(), "BUZ_CONVERTED", "equity_conversion", id, v.id(), data(
                "venture", v.name(), "holder", p.name(), "buz_spent", DemoVentures.CONVERSION_BUZ, "equity_percent_granted", percent.toPlainString(),
                "effective_date", effective.toString(), "rule_id", ruleId.toString(), "buz_transaction", tx.id().toString(), "tx_hash", txHash,
                "cap_table_after", rows, "occurred_at", tx.at()));
    }

    static UUID walletId(String personKey) {
        return DemoIds.of("wallet", personKey);
    }

    // =============================================================================================
    // Skills and device posture
    // =============================================================================================

    private void skillsAndDevices() throws SQLException {
        String[][] userSkills = {
                {"noah.martin", "embedded-c", "expert", "olivia.brown"}, {"noah.martin", "java", "advanced", null},
                {"chloe.gagnon", "figma", "expert", "olivia.brown"}, {"chloe.gagnon", "threat-modeling", "intermediate", "olivia.brown"},
                {"ravi.kumar", "kubernetes", "advanced", "fatima.zahra"}, {"ravi.kumar", "financial-modeling", "novice", null},
                {"ravi.kumar", "java", "intermediate", "fatima.zahra"},
                {"jonas.berg", "java", "advanced", "marco.bianchi"}, {"jonas.berg", "sales-outreach", "intermediate", null},
                {"elena.petrova", "figma", "advanced", "marco.bianchi"}, {"elena.petrova", "incident-response", "intermediate", null},
                {"james.wilson", "financial-modeling", "expert", "fatima.zahra"}, {"james.wilson", "java", "advanced", "fatima.zahra"},
                {"lucas.silva", "contract-law", "advanced", "fatima.zahra"}, {"lucas.silva", "react", "novice", null},
                {"yuki.nakamura", "react", "intermediate", null},
                {"liam.tremblay", "embedded-c", "advanced", null}, {"anna.schmidt", "sales-outreach", "expert", null},
                {"emily.carter", "financial-modeling", "advanced", null}, {"kenji.sato", "kubernetes", "expert", null},
                {"olivia.brown", "threat-modeling", "expert", null}, {"fatima.zahra", "contract-law", "expert", null},
        };
        for (String[] s : userSkills) {
            UUID user = DemoPeople.id(s[0]);
            UUID skill = DemoIds.of("skill", s[1]);
            String key = user + "/" + skill;
            if (w.exists("user_skills", "user_id::text || '/' || skill_id::text", key)) {
                continue;
            }
            UUID verifier = s[3] == null ? null : DemoPeople.id(s[3]);
            w.actAs(verifier == null ? user : verifier);
            w.insertKeyed("user_skills", "user_id::text || '/' || skill_id::text", key,
                    "INSERT INTO user_skills (user_id, skill_id, level, verified, verifier_user_id) VALUES (?, ?, ?::skill_level, ?, ?)",
                    user, skill, s[2], verifier != null, verifier);
            w.audit(verifier == null ? user : verifier, verifier == null ? "USER_SKILL_ADDED" : "USER_SKILL_VERIFIED", "user_skill", user, null, data(
                    "user", DemoPeople.get(s[0]).name(), "skill", s[1], "level", s[2]));
        }
        Object[][] devices = {
                {"ann.lee", "SS-LT-0001", "macOS 15.1", true, "healthy", "2026-11-19T08:00:00Z"},
                {"grace.okafor", "SS-LT-0007", "Windows 11 24H2", true, "healthy", "2026-11-20T07:30:00Z"},
                {"lukas.meyer", "SS-LT-0011", "Ubuntu 24.04 LTS", true, "healthy", "2026-11-20T06:45:00Z"},
                {"mei.tanaka", "SS-LT-0014", "macOS 14.7", true, "healthy", "2026-11-18T23:10:00Z"},
                {"diego.alvarez", "SS-LT-0020", "Windows 11 23H2", true, "outdated", "2026-11-17T15:00:00Z"},
                {"sofia.rossi", "SS-LT-0021", "macOS 15.0", true, "healthy", "2026-11-20T08:20:00Z"},
                {"priya.nair", "SS-DT-0003", "Windows 10 22H2", false, "disabled", "2026-10-30T04:00:00Z"},
                {"liam.tremblay", "NW-LT-0001", "macOS 15.1", true, "healthy", "2026-11-19T14:00:00Z"},
                {"noah.martin", "NW-LT-0002", "Fedora 40", true, "outdated", "2026-11-12T19:00:00Z"},
                {"chloe.gagnon", "NW-LT-0003", "macOS 15.1", true, "healthy", "2026-11-20T13:00:00Z"},
                {"anna.schmidt", "HG-LT-0001", "Windows 11 24H2", true, "healthy", "2026-11-19T09:00:00Z"},
                {"jonas.berg", "HG-LT-0002", "Ubuntu 22.04 LTS", false, "healthy", "2026-11-15T10:00:00Z"},
                {"emily.carter", "PL-LT-0001", "macOS 15.1", true, "healthy", "2026-11-20T16:00:00Z"},
                {"james.wilson", "PL-LT-0002", "Windows 11 23H2", true, "healthy", "2026-11-18T20:00:00Z"},
                {"lucas.silva", "PL-LT-0003", "Windows 11 23H2", false, "disabled", "2026-11-02T13:00:00Z"},
        };
        for (Object[] d : devices) {
            UUID id = DemoIds.of("device", (String) d[1]);
            if (w.exists("device_posture_reports", id)) {
                continue;
            }
            UUID user = DemoPeople.id((String) d[0]);
            Instant seen = Instant.parse((String) d[5]);
            w.actAs(user);
            w.insert("device_posture_reports", "INSERT INTO device_posture_reports (id, user_id, device_id, os, encrypted_disk, av_status, last_seen_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?::av_status, ?)", id, user, d[1], d[2], d[3], d[4], seen);
            boolean compliant = (Boolean) d[3] && d[4].equals("healthy");
            w.audit(user, "DEVICE_POSTURE_REPORTED", "device_posture_report", id, null, data(
                    "device_id", d[1], "os", d[2], "encrypted_disk", d[3], "av_status", d[4], "compliant", compliant, "occurred_at", seen));
        }
    }

    // =============================================================================================
    // Disputes (DS-1..DS-3): every state, over a task, a review, a BUZ transaction and equity rows
    // =============================================================================================

    record Dispute(String key, String venture, String raisedBy, String objectType, UUID objectId, Instant raisedAt,
                   String assignee, Instant firstResponseDue, Instant resolutionDue, Instant firstRespondedAt,
                   String finalStatus, String decider, Instant decidedAt, String resolution, Instant appealedAt, String appealAssignee) {
        UUID id() {
            return DemoIds.of("dispute", key);
        }
    }

    private List<Dispute> disputeStories() {
        String nw = DemoVentures.NORTHWIND;
        Task n7 = task("N7");
        Task n6 = task("N6");
        return List.of(
                new Dispute("northwind:task-n7", nw, "ravi.kumar", "task", n7.id(), i("2026-11-03T10:00:00Z"),
                        DemoPeople.SUPPORT_1, i("2026-11-04T10:00:00Z"), i("2026-11-10T10:00:00Z"), null,
                        "open", null, null, null, null, null),
                new Dispute("northwind:review-n6", nw, "noah.martin", "review", n6.reviewId(1), i("2026-11-18T09:00:00Z"),
                        DemoPeople.SUPPORT_2, i("2026-11-19T09:00:00Z"), i("2026-11-25T09:00:00Z"), i("2026-11-18T15:30:00Z"),
                        "in_review", null, null, null, null, null),
                new Dispute("northwind:noah-lock", nw, "noah.martin", "buz_tx", DemoIds.of("buz", "northwind:noah:lock"), i("2026-10-21T08:00:00Z"),
                        DemoPeople.SUPPORT_1, i("2026-10-22T08:00:00Z"), i("2026-10-28T08:00:00Z"), i("2026-10-21T13:00:00Z"),
                        "resolved", DemoPeople.SUPPORT_1, i("2026-10-26T16:00:00Z"),
                        "The lock secures 2,000 BUZ while the export-control review of task N8 is open; it is lifted automatically when the memo is approved. "
                                + "Noah was notified by e-mail; no compensation due.", null, null),
                new Dispute("northwind:ravi-transfer", nw, "chloe.gagnon", "equity", DemoVentures.ledgerRowId(nw, "ravi.kumar", LocalDate.parse("2026-02-01")),
                        i("2026-02-10T11:00:00Z"), DemoPeople.SUPPORT_2, i("2026-02-11T11:00:00Z"), i("2026-02-17T11:00:00Z"), i("2026-02-11T09:00:00Z"),
                        "rejected", DemoPeople.SUPPORT_2, i("2026-02-20T10:00:00Z"),
                        "The right of first refusal was waived by the board resolution of 2026-01-20 (attached); the transfer stands.", null, null),
                new Dispute("northwind:ravi-dilution", nw, "ravi.kumar", "equity", DemoVentures.ledgerRowId(nw, "ravi.kumar", LocalDate.parse("2026-06-01")),
                        i("2026-06-05T09:00:00Z"), DemoPeople.SUPPORT_1, i("2026-06-06T09:00:00Z"), i("2026-06-12T09:00:00Z"), i("2026-06-05T14:00:00Z"),
                        "rejected", DemoPeople.SUPPORT_1, i("2026-06-11T17:00:00Z"),
                        "Dilution is pro rata to all holders (factor 0.99) as BZ-4 requires; 5.000% x 0.99 = 4.950%.",
                        i("2026-06-15T08:00:00Z"), DemoPeople.SUPPORT_3));
    }

    /** Why each story's dispute was raised, in the raiser's words. */
    private static String disputeReason(String key) {
        return switch (key) {
            case "northwind:task-n7" -> "Task N7 was closed as duplicate, but my pull request is the one that was merged.";
            case "northwind:review-n6" -> "The review of N6 scored the work 40 without looking at the test report attached to it.";
            case "northwind:noah-lock" -> "2,000 BUZ of my wallet were locked without any notice or reason.";
            case "northwind:ravi-transfer" -> "The transfer to Ravi ignored the right of first refusal of the other holders.";
            case "northwind:ravi-dilution" -> "My stake was diluted more than pro rata by the June conversion.";
            default -> throw new IllegalArgumentException("No reason written for the dispute story " + key);
        };
    }

    private static Task task(String key) {
        return DemoVentures.TASKS.stream().filter(t -> t.key().equals(key)).findFirst().orElseThrow();
    }

    private static Instant i(String s) {
        return Instant.parse(s);
    }

    private void disputes() throws SQLException {
        for (Dispute d : disputeStories()) {
            if (w.exists("disputes", d.id())) {
                continue;
            }
            Venture v = DemoVentures.get(d.venture());
            UUID raiser = DemoPeople.id(d.raisedBy());
            w.actAs(raiser);
            // DS-3: the database sets the deadlines from created_at (V13); the stories' figures are the same
            w.insert("disputes", "INSERT INTO disputes (id, venture_id, raised_by_user_id, object_type, object_id, reason, status, created_at, updated_at, "
                            + "assigned_to, first_response_due_at, resolution_due_at) VALUES (?, ?, ?, ?::dispute_object_type, ?, ?, 'open', ?, ?, ?, ?, ?)",
                    d.id(), v.id(), raiser, d.objectType(), d.objectId(), disputeReason(d.key()), d.raisedAt(), d.raisedAt(), DemoPeople.id(d.assignee()),
                    d.firstResponseDue(), d.resolutionDue());
            w.audit(raiser, "DISPUTE_RAISED", "dispute", d.id(), v.id(), data(
                    "venture", v.name(), "object_type", d.objectType(), "object_id", d.objectId().toString(), "reason", disputeReason(d.key()),
                    "assigned_to", DemoPeople.get(d.assignee()).name(), "first_response_due_at", d.firstResponseDue(),
                    "resolution_due_at", d.resolutionDue(), "occurred_at", d.raisedAt()));
            if (d.key().equals("northwind:ravi-transfer")) {
                byte[] pdf = DemoDocuments.letterPdf(new DemoDocuments.Letter(v.legalName(), "Board of directors", "Board resolution 2026-01",
                        List.of("Board of " + v.legalName()), "2026-01-20",
                        List.of("Resolved: the right of first refusal on the transfer of 5.000% from Noah Martin",
                                "to Ravi Kumar, effective 2026-02-01, is waived by all holders.",
                                "", "Approved unanimously."), null));
                String sha = blob(pdf, DemoDocuments.PDF, d.firstRespondedAt());
                UUID evidence = DemoIds.of("dispute-evidence", d.key() + ":1");
                UUID support = DemoPeople.id(d.assignee());
                w.actAs(support);
                w.insert("dispute_evidence", "INSERT INTO dispute_evidence (id, dispute_id, file_name, media_type, sha256, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        evidence, d.id(), "board-resolution-2026-01.pdf", DemoDocuments.PDF, sha, support, d.firstRespondedAt());
                w.audit(support, "DISPUTE_EVIDENCE_ADDED", "dispute", d.id(), v.id(), data(
                        "file_name", "board-resolution-2026-01.pdf", "sha256", sha, "occurred_at", d.firstRespondedAt()));
            }
            if (d.finalStatus().equals("open")) {
                continue;
            }
            UUID assignee = DemoPeople.id(d.assignee());
            w.actAs(assignee);
            w.update("UPDATE disputes SET status = 'in_review', first_responded_at = ?, updated_at = ?, version = version + 1 WHERE id = ?",
                    d.firstRespondedAt(), d.firstRespondedAt(), d.id());
            w.audit(assignee, "DISPUTE_IN_REVIEW", "dispute", d.id(), v.id(), data(
                    "before", "open", "after", "in_review", "occurred_at", d.firstRespondedAt()));
            if (d.finalStatus().equals("in_review")) {
                continue;
            }
            UUID decider = DemoPeople.id(d.decider());
            w.actAs(decider);
            w.update("UPDATE disputes SET status = ?::dispute_status, resolution = ?, decided_by = ?, decided_at = ?, updated_at = ?, version = version + 1 WHERE id = ?",
                    d.finalStatus(), d.resolution(), decider, d.decidedAt(), d.decidedAt(), d.id());
            w.audit(decider, "DISPUTE_DECIDED", "dispute", d.id(), v.id(), data(
                    "before", "in_review", "after", d.finalStatus(), "resolution", d.resolution(),
                    "resolution_due_breached", d.decidedAt().isAfter(d.resolutionDue()), "occurred_at", d.decidedAt()));
            if (d.appealedAt() == null) {
                continue;
            }
            // DS-1: the one appeal returns the decided dispute to in_review with a fresh assignee and deadline
            w.actAs(raiser);
            UUID second = DemoPeople.id(d.appealAssignee());
            Instant due = d.appealedAt().plus(Duration.ofDays(7));
            String appealReason = "The conversion used the 2025 rule's band, not the band in force on 2026-06-01.";
            w.update("UPDATE disputes SET status = 'in_review', appeal_count = 1, assigned_to = ?, decided_by = NULL, decided_at = NULL, "
                            + "appeal_reason = ?, appealed_by = ?, appealed_at = ?, updated_at = ?, version = version + 1 WHERE id = ?",
                    second, appealReason, raiser, d.appealedAt(), d.appealedAt(), d.id());
            w.audit(raiser, "DISPUTE_APPEALED", "dispute", d.id(), v.id(), data(
                    "before", d.finalStatus(), "after", "in_review", "appeal_count", 1, "assigned_to", DemoPeople.get(d.appealAssignee()).name(),
                    "reason", appealReason, "resolution_due_at", due,
                    "occurred_at", d.appealedAt()));
        }
    }

    // =============================================================================================
    // Legal holds (LH-1, LH-2, EQ-7, BZ-6): written last, after the history they freeze
    // =============================================================================================

    private void holds() throws SQLException {
        Venture helios = DemoVentures.get(DemoVentures.HELIOS);
        UUID active = DemoIds.of("hold", "helios:equity");
        if (!w.exists("legal_holds", active)) {
            UUID officer = DemoPeople.id(DemoPeople.COMPLIANCE_1);
            Instant at = i("2026-09-10T14:00:00Z");
            String reason = "A former co-founder claims an unsigned 10% equity promise (letter from counsel of 2026-09-08); "
                    + "the cap table is frozen until the claim is assessed.";
            w.actAs(officer);
            w.insert("legal_holds", "INSERT INTO legal_holds (id, venture_id, reason, applies_to, imposed_by_user_id, imposed_at) VALUES (?, ?, ?, 'equity', ?, ?)",
                    active, helios.id(), reason, officer, at);
            w.audit(officer, "HOLD_IMPOSED", "legal_hold", active, helios.id(), data(
                    "venture", helios.name(), "applies_to", "equity", "reason", reason, "occurred_at", at));
        }
        Venture prairie = DemoVentures.get(DemoVentures.PRAIRIE);
        UUID released = DemoIds.of("hold", "prairie:buz-2026-01");
        if (!w.exists("legal_holds", released)) {
            UUID officer = DemoPeople.id(DemoPeople.COMPLIANCE_2);
            UUID releaser = DemoPeople.id(DemoPeople.COMPLIANCE_3);
            Instant at = i("2026-01-12T09:00:00Z");
            Instant releasedAt = i("2026-01-30T16:00:00Z");
            String reason = "Unusual spike of BUZ earn requests from one reviewer; BUZ frozen while the artifacts are re-checked.";
            String releaseReason = "All artifacts re-checked against their reviews; no irregular issuance found.";
            w.actAs(officer);
            w.insert("legal_holds", "INSERT INTO legal_holds (id, venture_id, reason, applies_to, imposed_by_user_id, imposed_at) VALUES (?, ?, ?, 'buz', ?, ?)",
                    released, prairie.id(), reason, officer, at);
            w.audit(officer, "HOLD_IMPOSED", "legal_hold", released, prairie.id(), data(
                    "venture", prairie.name(), "applies_to", "buz", "reason", reason, "occurred_at", at));
            w.actAs(releaser);
            w.update("UPDATE legal_holds SET released_at = ?, released_by_user_id = ?, release_reason = ?, version = version + 1 WHERE id = ?",
                    releasedAt, releaser, releaseReason, released);
            w.audit(releaser, "HOLD_RELEASED", "legal_hold", released, prairie.id(), data(
                    "venture", prairie.name(), "applies_to", "buz", "release_reason", releaseReason, "occurred_at", releasedAt));
        }
    }

    // =============================================================================================

    /** Audit data in a stable key order; Instants become ISO strings, nulls are dropped. */
    private static Map<String, Object> data(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int k = 0; k < keyValues.length; k += 2) {
            Object value = keyValues[k + 1];
            if (value == null) {
                continue;
            }
            if (value instanceof Instant instant) {
                value = instant.toString();
            }
            map.put((String) keyValues[k], value);
        }
        return map;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
