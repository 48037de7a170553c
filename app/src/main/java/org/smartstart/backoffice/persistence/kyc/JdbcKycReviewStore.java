package org.smartstart.backoffice.persistence.kyc;

import org.smartstart.backoffice.domain.kyc.AuditedStep;
import org.smartstart.backoffice.domain.kyc.ClaimedDocument;
import org.smartstart.backoffice.domain.kyc.Decision;
import org.smartstart.backoffice.domain.kyc.DevicePosture;
import org.smartstart.backoffice.domain.kyc.DecisionOutcome;
import org.smartstart.backoffice.domain.kyc.DecisionRecord;
import org.smartstart.backoffice.domain.kyc.DocumentFacts;
import org.smartstart.backoffice.domain.kyc.DocumentKind;
import org.smartstart.backoffice.domain.kyc.KycReviewStore;
import org.smartstart.backoffice.domain.kyc.QueueFilter;
import org.smartstart.backoffice.domain.kyc.QueueItem;
import org.smartstart.backoffice.domain.kyc.QueueOrder;
import org.smartstart.backoffice.domain.kyc.RelatedDocument;
import org.smartstart.backoffice.domain.kyc.ReviewCounts;
import org.smartstart.backoffice.domain.kyc.ReviewStatus;
import org.smartstart.backoffice.domain.kyc.ReviewSubject;
import org.smartstart.backoffice.domain.kyc.Reviewer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.smartstart.backoffice.persistence.db.StoreSql.sql;

/**
 * The review store on the use case's JDBC connection. KYC and KYB documents live in two tables with the
 * same review columns; reads see them as one list ({@link #DOCUMENTS}), writes go to the document's own
 * table. A database refusal travels up as an unchecked exception carrying the SQLException, which the
 * use-case runner maps to the rule id the domain uses.
 */
final class JdbcKycReviewStore implements KycReviewStore {

    /** The KYC documents with what the queue and the rules need (alias d for the document's own columns). */
    private static final String KYC_DOCUMENTS = """
            SELECT d.id, 'KYC' AS kind, d.doc_type::text AS doc_type, d.status::text AS status, d.second_approval_status,
                    d.user_id AS subject_id, u.display_name::text AS subject_name, NULL::uuid AS venture_id, d.user_id AS owner_id,
                    d.risk_score, d.submitted_at, d.evidence_sha256, d.media_type, d.original_filename, d.claimed_by,
                    cu.display_name::text AS claimed_by_name, d.claimed_until, d.first_approved_by,
                    fu.display_name::text AS first_approved_by_name, d.reviewed_by, d.decided_at, d.reason_code,
                    d.reviewer_comment, d.applicant_comment, d.rejection_final, u.country_code::text AS country, d.review_due_at
               FROM kyc_documents d
               LEFT JOIN users u ON u.id = d.user_id
               LEFT JOIN users cu ON cu.id = d.claimed_by
               LEFT JOIN users fu ON fu.id = d.first_approved_by
            """;

    /** The KYB documents, in the same columns as {@link #KYC_DOCUMENTS}. */
    private static final String KYB_DOCUMENTS = """
            SELECT d.id, 'KYB' AS kind, d.doc_type::text AS doc_type, d.status::text AS status, d.second_approval_status,
                    d.venture_id AS subject_id, v.name::text AS subject_name, d.venture_id AS venture_id, v.owner_user_id AS owner_id,
                    d.risk_score, d.submitted_at, d.evidence_sha256, d.media_type, d.original_filename, d.claimed_by,
                    cu.display_name::text AS claimed_by_name, d.claimed_until, d.first_approved_by,
                    fu.display_name::text AS first_approved_by_name, d.reviewed_by, d.decided_at, d.reason_code,
                    d.reviewer_comment, d.applicant_comment, d.rejection_final, ou.country_code::text AS country, d.review_due_at
               FROM kyb_documents d
               LEFT JOIN ventures v ON v.id = d.venture_id
               LEFT JOIN users ou ON ou.id = v.owner_user_id
               LEFT JOIN users cu ON cu.id = d.claimed_by
               LEFT JOIN users fu ON fu.id = d.first_approved_by
            """;

    /** Both kinds of document as one relation, with what the queue and the rules need. */
    private static final String DOCUMENTS = "(" + KYC_DOCUMENTS + " UNION ALL " + KYB_DOCUMENTS + ") q ";

    private final Connection c;

    JdbcKycReviewStore(Connection c) {
        this.c = c;
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement p = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object v = params[i];
            p.setObject(i + 1, v instanceof Instant t ? Timestamp.from(t) : v);
        }
        return p;
    }

    private int update(String sql, Object... params) {
        return sql(() -> {
            try (PreparedStatement p = prepare(sql, params)) {
                return p.executeUpdate();
            }
        });
    }

    private static String table(DocumentFacts d) {
        return d.kind() == DocumentKind.KYC ? "kyc_documents" : "kyb_documents";
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static DocumentFacts facts(ResultSet r) throws SQLException {
        Object rejectionFinal = r.getObject("rejection_final");
        return new DocumentFacts(r.getObject("id", UUID.class), DocumentKind.valueOf(r.getString("kind")), r.getString("doc_type"),
                r.getString("status"), r.getString("second_approval_status"), r.getObject("subject_id", UUID.class),
                r.getString("subject_name"), r.getObject("venture_id", UUID.class), r.getObject("owner_id", UUID.class),
                r.getInt("risk_score"), instant(r, "submitted_at"), r.getString("evidence_sha256"), r.getString("media_type"),
                r.getString("original_filename"), r.getObject("claimed_by", UUID.class), r.getString("claimed_by_name"),
                instant(r, "claimed_until"), r.getObject("first_approved_by", UUID.class), r.getString("first_approved_by_name"),
                r.getObject("reviewed_by", UUID.class), instant(r, "decided_at"), r.getString("reason_code"),
                r.getString("reviewer_comment"), r.getString("applicant_comment"), (Boolean) rejectionFinal, r.getString("country"),
                instant(r, "review_due_at"));
    }

    @Override
    public Optional<DocumentFacts> document(UUID documentId) {
        return sql(() -> {
            try (PreparedStatement p = prepare("SELECT * FROM " + DOCUMENTS + " WHERE id = ?", documentId);
                 ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(facts(r)) : Optional.empty();
            }
        });
    }

    @Override
    public Optional<DocumentFacts> lockDocument(UUID documentId) {
        return sql(() -> {
            // lock the row in whichever table holds it, then read it whole
            for (String table : List.of("kyc_documents", "kyb_documents")) {
                try (PreparedStatement p = prepare("SELECT id FROM " + table + " WHERE id = ? FOR UPDATE", documentId);
                     ResultSet r = p.executeQuery()) {
                    if (r.next()) {
                        return document(documentId);
                    }
                }
            }
            return Optional.empty();
        });
    }

    /**
     * One query per table, filtering and ordering the table's own columns, merged here: so PostgreSQL reads
     * the queue indexes (V19, V27; the parts of V31) in order and stops after {@code limit} rows, and
     * row-level security checks only those rows. Over the union of casted columns it sorted every document (5.6 s at 100,000 pending
     * as backoffice_app, measured 2026-12-01 with the issue 5 benchmark).
     */
    @Override
    public List<QueueItem> queue(QueueFilter filter, UUID reviewer, Instant now, int limit) {
        List<DocumentFacts> found = new ArrayList<>();
        for (DocumentKind kind : DocumentKind.values()) {
            if (filter.kind() != null && filter.kind() != kind) {
                continue;
            }
            if (filter.docType() != null && !docTypesOf(kind).contains(filter.docType())) {
                continue;
            }
            found.addAll(queueOf(kind, filter, reviewer, now, limit));
        }
        Comparator<Candidate> order = Candidate.order(filter.effectiveOrder());
        return found.stream()
                .sorted(Comparator.comparing(d -> new Candidate(d.id(), d.kind(), d.submittedAt(), d.riskScore(), d.dueAt()), order))
                .limit(limit)
                .map(d -> {
                    boolean claimed = d.claimActive(now);
                    return new QueueItem(d.id(), d.kind(), d.docType(), d.reviewStatus(), d.riskScore(), d.submittedAt(), d.dueAt(),
                            d.subjectId(), d.subjectName(), d.country(), claimed ? d.claimedBy() : null,
                            claimed ? d.claimedByName() : null, claimed ? d.claimedUntil() : null);
                })
                .toList();
    }

    private static java.util.Set<String> docTypesOf(DocumentKind kind) {
        return java.util.Arrays.stream(kind == DocumentKind.KYC ? KycDocType.values() : KybDocType.values())
                .map(Enum::name).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * One table's first page. Every condition compares a column with a parameter of the column's own type:
     * the document type as the table's enum, not its text — with doc_type::text PostgreSQL read every
     * document of the type (a bitmap scan of 12,500 rows, then the policy per row) instead of walking the
     * queue index in order and stopping after a page (bench/RESULTS.md, issue 5).
     */
    private List<DocumentFacts> queueOf(DocumentKind kind, QueueFilter filter, UUID reviewer, Instant now, int limit) {
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (filter.docType() != null) {
            where.append(kind == DocumentKind.KYC ? " AND d.doc_type = ?::kyc_doc_type" : " AND d.doc_type = ?::kyb_doc_type");
            params.add(filter.docType());
        }
        if (filter.country() != null) {
            where.append(kind == DocumentKind.KYC ? " AND u.country_code = ?::char(2)" : " AND ou.country_code = ?::char(2)");
            params.add(filter.country());
        }
        if (filter.minRisk() != null) {
            where.append(" AND d.risk_score >= ?");
            params.add(filter.minRisk());
        }
        if (filter.maxRisk() != null) {
            where.append(" AND d.risk_score <= ?");
            params.add(filter.maxRisk());
        }
        if (filter.minAgeDays() != null) {
            where.append(" AND d.submitted_at <= ?");
            params.add(now.minus(java.time.Duration.ofDays(filter.minAgeDays())));
        }
        if (filter.assignee() != null) {
            where.append(" AND d.claimed_by = ? AND d.claimed_until > ?");
            params.add(filter.assignee());
            params.add(now);
        }
        if (Boolean.TRUE.equals(filter.mine())) {
            where.append(" AND d.claimed_by = ? AND d.claimed_until > ?");
            params.add(reviewer);
            params.add(now);
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            where.append(" AND d.status = 'pending' AND d.review_due_at < ?");
            params.add(now);
        }
        List<String> parts = QueuePart.of(filter);
        if (parts.isEmpty()) {
            return List.of();
        }
        // Each part through its own index in queue order, a page each, on the document table alone (joined only to
        // where the country is, if filtered by it); the pages merged; then the names of that one page joined, so names
        // are read for the page's rows only, not for every row a part reads.
        String partFrom = kind == DocumentKind.KYC
                ? "kyc_documents d" + (filter.country() != null ? " LEFT JOIN users u ON u.id = d.user_id" : "")
                : "kyb_documents d" + (filter.country() != null ? " LEFT JOIN ventures v ON v.id = d.venture_id LEFT JOIN users ou ON ou.id = v.owner_user_id" : "");
        StringBuilder ids = new StringBuilder();
        List<Object> allParams = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            ids.append(i == 0 ? "(" : " UNION ALL (").append("SELECT d.id, d.submitted_at, d.risk_score, d.review_due_at FROM ").append(partFrom)
                    .append(" WHERE TRUE").append(parts.get(i)).append(where)
                    .append(" ORDER BY ").append(order("d.", filter.effectiveOrder())).append(" LIMIT ").append(limit).append(")");
            allParams.addAll(params);
        }
        // the page's ids drive the join (one primary-key probe each)
        String table = kind == DocumentKind.KYC ? "kyc_documents" : "kyb_documents";
        String page = "(SELECT q.id FROM (" + ids + ") q ORDER BY " + order("q.", filter.effectiveOrder()) + " LIMIT " + limit + ") p";
        String documents = kind == DocumentKind.KYC ? KYC_DOCUMENTS : KYB_DOCUMENTS;
        String from = "FROM " + table + " d\n";
        if (!documents.contains(from)) {
            throw new IllegalStateException("The documents query no longer reads " + from.strip());
        }
        String sql = documents.replace(from, "FROM " + page + " JOIN " + table + " d ON d.id = p.id\n")
                + " ORDER BY " + order("d.", filter.effectiveOrder()) + " LIMIT " + limit;
        return sql(() -> {
            List<DocumentFacts> rows = new ArrayList<>();
            try (PreparedStatement p = prepare(sql, allParams.toArray())) {
                customPlans(p);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        rows.add(facts(r));
                    }
                }
            }
            return rows;
        });
    }

    /**
     * The parts a queue page is read in, each with an index of its own in every queue order (V31): pending
     * documents never claimed or released (V27's unclaimed indexes), pending documents under a claim, live or
     * expired (V27's claims_until; sorted, since a claim should write no more indexes), and verified and rejected (V19). There is no index of all
     * pending or of all documents in queue order any more: a claim would have to write into each of them
     * (bench/RESULTS.md, issue 5). Parts no row of the filter can be in are left out: an unclaimed document
     * has no assignee, an overdue one is pending.
     */
    private static final class QueuePart {
        private static final String PENDING = " AND d.status = 'pending' AND d.second_approval_status IS DISTINCT FROM 'awaiting'";
        private static final String UNCLAIMED = " AND d.claimed_by IS NULL";
        private static final String CLAIMED = " AND d.claimed_by IS NOT NULL";

        static List<String> of(QueueFilter filter) {
            boolean claimedOnly = filter.assignee() != null || Boolean.TRUE.equals(filter.mine());
            boolean pendingOnly = Boolean.TRUE.equals(filter.overdue());
            List<String> parts = new ArrayList<>();
            if (filter.status() == null || filter.status() == ReviewStatus.PENDING) {
                String pending = filter.status() == null ? " AND d.status = 'pending'" : PENDING;
                if (!claimedOnly) {
                    parts.add(pending + UNCLAIMED);
                }
                parts.add(pending + CLAIMED);
            }
            if (filter.status() == ReviewStatus.AWAITING_SECOND_APPROVAL) {
                parts.add(" AND d.status = 'pending' AND d.second_approval_status = 'awaiting'");
            }
            if (!pendingOnly && (filter.status() == null || filter.status() == ReviewStatus.VERIFIED)) {
                parts.add(" AND d.status = 'verified'");
            }
            if (!pendingOnly && (filter.status() == null || filter.status() == ReviewStatus.REJECTED)) {
                parts.add(" AND d.status = 'rejected'");
            }
            return parts;
        }
    }

    /**
     * Plans the statement for its parameters every time. The driver otherwise prepares a statement on the
     * server after five runs, and PostgreSQL may then keep a generic plan that cannot know how selective the
     * filter is: it walked a whole queue index for a page (1.7-2.3 s, bench/RESULTS.md).
     */
    private static void customPlans(PreparedStatement p) throws SQLException {
        if (p.isWrapperFor(org.postgresql.PGStatement.class)) {
            p.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
        }
    }

    private static String order(String alias, QueueOrder order) {
        return switch (order) {
            case HIGHEST_RISK_FIRST -> alias + "risk_score DESC, " + alias + "submitted_at, " + alias + "id";
            case DUE_FIRST -> alias + "review_due_at, " + alias + "submitted_at, " + alias + "id";
            case OLDEST_FIRST -> alias + "submitted_at, " + alias + "id";
        };
    }

    /**
     * Read by kyc_review_counts (V31) from the counters the document triggers keep per kind and status, and the
     * live claims counted by V27's claims_until index: exact, without reading every row of both tables through
     * row-level security (62-97 ms at 100,000 documents on a quiet machine).
     */
    @Override
    public ReviewCounts counts(Instant now) {
        return sql(() -> {
            try (PreparedStatement p = prepare("SELECT pending, awaiting, verified, rejected, claimed FROM kyc_review_counts(?)", now);
                 ResultSet r = p.executeQuery()) {
                r.next();
                return new ReviewCounts(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5));
            }
        });
    }

    /** A pending document the queue could hand out next, with what the queue orders by. */
    private record Candidate(UUID id, DocumentKind kind, Instant submittedAt, int riskScore, Instant dueAt) {
        /** The queue's order in Java, as the SQL below orders each table (uuid order is the order of its text). */
        static Comparator<Candidate> order(QueueOrder order) {
            Comparator<Candidate> oldest = Comparator.comparing(Candidate::submittedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(c -> c.id().toString());
            return switch (order) {
                case HIGHEST_RISK_FIRST -> Comparator.comparingInt(Candidate::riskScore).reversed().thenComparing(oldest);
                case DUE_FIRST -> Comparator.comparing(Candidate::dueAt, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(oldest);
                case OLDEST_FIRST -> oldest;
            };
        }
    }

    /**
     * Claim next in one statement and one round trip. Per table, the head of each claimable set in queue
     * order, locked with FOR UPDATE SKIP LOCKED: the unclaimed documents (V27's partial indexes give them in
     * order, so the many documents under a live claim are never read) and the ones whose claim expired (few,
     * found by claimed_until). The best head of both tables in the queue's order is claimed by an UPDATE of
     * its own table in the same statement, and returned with the claim it replaced. The other heads stay
     * locked only until this transaction ends: concurrent claimers skip them, as they skip any row being claimed.
     *
     * <p>Before, the candidates were read without locks (64 per table), merged here and locked one by one
     * with a round trip each, then the document and the claim took two more: under 16 concurrent claimers
     * each claim tried several rows already taken (bench/RESULTS.md, issue 5).
     */
    @Override
    public Optional<ClaimedDocument> claimNext(DocumentKind kind, QueueOrder order, UUID reviewer, Instant now, Instant until) {
        List<Object> params = new ArrayList<>();
        for (DocumentKind k : kind == null ? DocumentKind.values() : new DocumentKind[] {kind}) {
            for (ClaimableSet set : ClaimableSet.values()) {
                params.add(reviewer);
                if (set == ClaimableSet.EXPIRED) {
                    params.add(now);
                }
            }
        }
        for (DocumentKind k : kind == null ? DocumentKind.values() : new DocumentKind[] {kind}) {
            params.add(reviewer);
            params.add(until);
        }
        String sql = CLAIM_NEXT.computeIfAbsent((kind == null ? "ANY" : kind.name()) + "/" + order.name(), key -> claimNextSql(kind, order));
        return sql(() -> {
            try (PreparedStatement p = prepare(sql, params.toArray()); ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ClaimedDocument(r.getObject(2, UUID.class), DocumentKind.valueOf(r.getString(1)), r.getString(3),
                        r.getObject(4, UUID.class), r.getObject(5, UUID.class), instant(r, "claimed_until")));
            }
        });
    }

    /** The claim statement of each kind (or either) and order, built once: the driver finds its prepared statement by this text. */
    private static final Map<String, String> CLAIM_NEXT = new java.util.concurrent.ConcurrentHashMap<>();

    /** Parameters in order: per table and claimable set the reviewer (and the time, for expired claims); per table the reviewer and the claim's end. */
    private static String claimNextSql(DocumentKind kind, QueueOrder order) {
        List<String> heads = new ArrayList<>();
        StringBuilder sql = new StringBuilder("WITH ");
        for (DocumentKind k : kind == null ? DocumentKind.values() : new DocumentKind[] {kind}) {
            for (ClaimableSet set : ClaimableSet.values()) {
                String name = k.name().toLowerCase(Locale.ROOT) + "_" + set.name().toLowerCase(Locale.ROOT);
                heads.add(name);
                sql.append(name).append(" AS (").append(claimableHead(k, order, set)).append("), ");
            }
        }
        sql.append("best AS MATERIALIZED (SELECT * FROM (")
                .append(String.join(" UNION ALL ", heads.stream().map(h -> "SELECT * FROM " + h).toList()))
                .append(") h ORDER BY ").append(order("h.", order)).append(" LIMIT 1)");
        List<String> claims = new ArrayList<>();
        for (DocumentKind k : kind == null ? DocumentKind.values() : new DocumentKind[] {kind}) {
            String table = k == DocumentKind.KYC ? "kyc_documents" : "kyb_documents";
            String name = "claim_" + k.name().toLowerCase(Locale.ROOT);
            claims.add(name);
            sql.append(", ").append(name).append(" AS (UPDATE ").append(table)
                    .append(" t SET claimed_by = ?, claimed_until = ?, version = t.version + 1 FROM best WHERE best.kind = '")
                    .append(k.name()).append("' AND t.id = best.id RETURNING t.id)");
        }
        sql.append(" SELECT b.kind, b.id, b.doc_type, b.venture_id, b.claimed_by, b.claimed_until FROM best b JOIN (")
                .append(String.join(" UNION ALL ", claims.stream().map(cl -> "SELECT id FROM " + cl).toList()))
                .append(") c ON c.id = b.id");
        return sql.toString();
    }

    /**
     * The pending documents one may claim, each set read through its own index (V27): never claimed or
     * released; claimed until a time now past; claimed without an end (none of the use cases writes such a
     * claim, but it never kept a document from the queue). Each condition is a plain comparison, so that
     * under row-level security PostgreSQL can still use it as an index condition.
     */
    private enum ClaimableSet {
        UNCLAIMED(" AND d.claimed_by IS NULL"),
        EXPIRED(" AND d.claimed_by IS NOT NULL AND d.claimed_until <= ?"),
        ENDLESS(" AND d.claimed_by IS NOT NULL AND d.claimed_until IS NULL");

        final String condition;

        ClaimableSet(String condition) {
            this.condition = condition;
        }
    }

    /**
     * The first document of one table's claimable set in queue order, locked (SKIP LOCKED: a row another
     * reviewer is claiming is passed over, and a row claimed meanwhile fails the re-check and is passed over
     * too). Parameters: the reviewer (never their own document: KY-3), and for expired claims the time.
     */
    private static String claimableHead(DocumentKind kind, QueueOrder order, ClaimableSet set) {
        String from = kind == DocumentKind.KYC
                ? "kyc_documents d WHERE d.user_id IS DISTINCT FROM ?"
                : "kyb_documents d LEFT JOIN ventures v ON v.id = d.venture_id WHERE v.owner_user_id IS DISTINCT FROM ?";
        return "SELECT '" + kind.name() + "'::text AS kind, d.id, d.doc_type::text AS doc_type, "
                + (kind == DocumentKind.KYC ? "NULL::uuid" : "d.venture_id") + " AS venture_id, d.claimed_by, d.claimed_until, "
                + "d.submitted_at, d.risk_score, d.review_due_at FROM " + from
                + " AND d.status = 'pending' AND d.second_approval_status IS DISTINCT FROM 'awaiting'"
                + set.condition
                + " ORDER BY " + order("d.", order) + " LIMIT 1 FOR UPDATE OF d SKIP LOCKED";
    }

    @Override
    public void claim(DocumentFacts document, UUID reviewer, Instant until) {
        update("UPDATE " + table(document) + " SET claimed_by = ?, claimed_until = ?, version = version + 1 WHERE id = ?",
                reviewer, until, document.id());
    }

    @Override
    public void release(DocumentFacts document) {
        update("UPDATE " + table(document) + " SET claimed_by = NULL, claimed_until = NULL, version = version + 1 WHERE id = ?",
                document.id());
    }

    @Override
    public Optional<byte[]> bytes(String sha256) {
        return sql(() -> {
            try (PreparedStatement p = prepare("SELECT bytes FROM document_blobs WHERE sha256 = ?", sha256);
                 ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(r.getBytes(1)) : Optional.empty();
            }
        });
    }

    @Override
    public List<DecisionRecord> history(UUID documentId) {
        return sql(() -> {
            List<DecisionRecord> records = new ArrayList<>();
            try (PreparedStatement p = prepare("""
                    SELECT h.step, h.outcome, h.reviewer_id, u.display_name, h.decided_at, h.reason_code, h.internal_comment,
                           h.applicant_comment, h.reviewed_sha256
                      FROM kyc_review_decisions h LEFT JOIN users u ON u.id = h.reviewer_id
                     WHERE h.document_id = ? ORDER BY h.seq""", documentId); ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    records.add(new DecisionRecord(r.getString(1), r.getString(2), r.getObject(3, UUID.class), r.getString(4),
                            instant(r, "decided_at"), r.getString(6), r.getString(7), r.getString(8), r.getString(9)));
                }
            }
            return records;
        });
    }

    @Override
    public void decide(DocumentFacts document, UUID reviewer, String reviewerName, Decision decision, Instant at) {
        boolean approve = decision.outcome() == DecisionOutcome.APPROVE;
        update("UPDATE " + table(document) + " SET status = ?::doc_status, verifier = ?, verified_at = ?, decided_at = ?, "
                        + "reason_code = ?, reviewer_comment = ?, applicant_comment = ?, reviewed_by = ?, rejection_final = ?, "
                        + "reviewed_sha256 = ?, version = version + 1 WHERE id = ?",
                approve ? "verified" : "rejected", reviewerName, approve ? at : null, at, decision.reasonCode().strip(),
                decision.internalComment().strip(), applicantComment(decision), reviewer,
                approve ? null : decision.outcome() == DecisionOutcome.REJECT_FINAL,
                decision.reviewedSha256().toLowerCase(Locale.ROOT), document.id());
    }

    @Override
    public void firstApproval(DocumentFacts document, UUID reviewer, Decision decision, Instant at) {
        update("UPDATE " + table(document) + " SET first_approved_by = ?, first_approved_at = ?, second_approval_status = 'awaiting', "
                        + "reason_code = ?, reviewer_comment = ?, applicant_comment = ?, reviewed_sha256 = ?, version = version + 1 WHERE id = ?",
                reviewer, at, decision.reasonCode().strip(), decision.internalComment().strip(), applicantComment(decision),
                decision.reviewedSha256().toLowerCase(Locale.ROOT), document.id());
    }

    private static String applicantComment(Decision decision) {
        return decision.applicantComment() == null ? "" : decision.applicantComment().strip();
    }

    @Override
    public void confirm(DocumentFacts document, UUID officer, String officerName, Instant at) {
        // the first approver stays the reviewer of record; the second officer is recorded beside them
        update("UPDATE " + table(document) + " SET status = 'verified', verifier = ?, verified_at = ?, decided_at = ?, "
                        + "reviewed_by = first_approved_by, rejection_final = NULL, second_approval_status = 'confirmed', "
                        + "second_approved_by = ?, second_approved_at = ?, version = version + 1 WHERE id = ?",
                officerName, at, at, officer, at, document.id());
    }

    @Override
    public void overturn(DocumentFacts document, UUID officer, Instant at) {
        update("UPDATE " + table(document) + " SET second_approval_status = 'overturned', second_approved_by = ?, "
                        + "second_approved_at = ?, claimed_by = NULL, claimed_until = NULL, version = version + 1 WHERE id = ?",
                officer, at, document.id());
    }

    @Override
    public void recordStep(DocumentFacts document, String step, String outcome, UUID reviewer, Instant at, String reasonCode,
                           String internalComment, String applicantComment, String reviewedSha256) {
        update("""
                INSERT INTO kyc_review_decisions (document_kind, document_id, step, outcome, reviewer_id, decided_at, reason_code,
                                                  internal_comment, applicant_comment, reviewed_sha256)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                document.kind().name().toLowerCase(Locale.ROOT), document.id(), step, outcome, reviewer, at,
                reasonCode == null ? null : reasonCode.strip(), internalComment, applicantComment, reviewedSha256);
    }

    @Override
    public String kycStatus(UUID userId) {
        return sql(() -> {
            try (PreparedStatement p = prepare("SELECT kyc_status::text FROM users WHERE id = ?", userId); ResultSet r = p.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        });
    }

    @Override
    public List<String> missingForActivation(UUID ventureId) {
        return sql(() -> {
            List<String> missing = new ArrayList<>();
            try (PreparedStatement p = prepare("""
                    SELECT needed::text FROM unnest(ARRAY['articles_of_inc', 'tax_id']::kyb_doc_type[]) AS needed
                     WHERE NOT EXISTS (SELECT 1 FROM kyb_documents d
                                        WHERE d.venture_id = ? AND d.doc_type = needed AND d.status = 'verified')
                     ORDER BY 1""", ventureId); ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    missing.add(r.getString(1));
                }
            }
            return missing;
        });
    }

    @Override
    public String ventureStatus(UUID ventureId) {
        return sql(() -> {
            try (PreparedStatement p = prepare("SELECT status::text FROM ventures WHERE id = ?", ventureId); ResultSet r = p.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        });
    }

    @Override
    public ReviewSubject subject(DocumentFacts document) {
        return sql(() -> {
            if (document.kind() == DocumentKind.KYC) {
                try (PreparedStatement p = prepare("SELECT display_name, country_code::text, trust_score, kyc_status::text FROM users WHERE id = ?",
                        document.subjectId()); ResultSet r = p.executeQuery()) {
                    boolean found = r.next();
                    return new ReviewSubject(DocumentKind.KYC, document.subjectId(), found ? r.getString(1) : document.subjectName(),
                            found ? r.getString(2) : null, found ? r.getBigDecimal(3) : null, found ? r.getString(4) : null, null,
                            document.subjectId(), found ? r.getString(1) : document.subjectName(), devices(document.subjectId()),
                            otherDocuments(document));
                }
            }
            try (PreparedStatement p = prepare("""
                    SELECT v.name, v.status::text, v.owner_user_id, o.display_name, o.country_code::text, o.kyc_status::text
                      FROM ventures v LEFT JOIN users o ON o.id = v.owner_user_id WHERE v.id = ?""", document.subjectId());
                 ResultSet r = p.executeQuery()) {
                boolean found = r.next();
                return new ReviewSubject(DocumentKind.KYB, document.subjectId(), found ? r.getString(1) : document.subjectName(),
                        found ? r.getString(5) : null, null, found ? r.getString(6) : null, found ? r.getString(2) : null,
                        found ? r.getObject(3, UUID.class) : null, found ? r.getString(4) : null, List.of(), otherDocuments(document));
            }
        });
    }

    /** The latest report of each of the person's devices, the most recently seen first. */
    private List<DevicePosture> devices(UUID userId) throws SQLException {
        List<DevicePosture> devices = new ArrayList<>();
        try (PreparedStatement p = prepare("""
                SELECT * FROM (SELECT DISTINCT ON (device_id) device_id, os, COALESCE(encrypted_disk, false) AS encrypted_disk,
                                      av_status::text AS av_status, last_seen_at, COALESCE(compliant, false) AS compliant
                                 FROM device_posture_reports WHERE user_id = ?
                                ORDER BY device_id, last_seen_at DESC NULLS LAST) latest
                 ORDER BY last_seen_at DESC NULLS LAST, device_id""", userId); ResultSet r = p.executeQuery()) {
            while (r.next()) {
                devices.add(new DevicePosture(r.getString("device_id"), r.getString("os"), r.getBoolean("encrypted_disk"),
                        r.getString("av_status"), instant(r, "last_seen_at"), r.getBoolean("compliant")));
            }
        }
        return devices;
    }

    /** The subject's documents other than this one, oldest first, with their decisions. */
    private List<RelatedDocument> otherDocuments(DocumentFacts document) throws SQLException {
        boolean kyc = document.kind() == DocumentKind.KYC;
        List<RelatedDocument> documents = new ArrayList<>();
        try (PreparedStatement p = prepare("SELECT d.id, d.doc_type::text, d.status::text, d.second_approval_status, d.risk_score, "
                + "d.submitted_at, d.decided_at, r.display_name, d.reason_code, d.rejection_final FROM " + table(document) + " d "
                + "LEFT JOIN users r ON r.id = d.reviewed_by WHERE d." + (kyc ? "user_id" : "venture_id") + " = ? AND d.id <> ? "
                + "ORDER BY d.submitted_at, d.id", document.subjectId(), document.id()); ResultSet r = p.executeQuery()) {
            while (r.next()) {
                ReviewStatus status = ReviewStatus.of(r.getString(3), r.getString(4));
                boolean decided = status == ReviewStatus.VERIFIED || status == ReviewStatus.REJECTED;
                documents.add(new RelatedDocument(r.getObject(1, UUID.class), document.kind(), r.getString(2), status, r.getInt(5),
                        instant(r, "submitted_at"), decided ? instant(r, "decided_at") : null, decided ? r.getString(8) : null,
                        decided ? r.getString(9) : null, (Boolean) r.getObject(10)));
            }
        }
        return documents;
    }

    @Override
    public List<AuditedStep> auditTrail(DocumentFacts document) {
        String objectType = document.kind() == DocumentKind.KYC ? "kyc_document" : "kyb_document";
        return sql(() -> {
            List<AuditedStep> steps = new ArrayList<>();
            // sealed entries, then those still in the outbox (one snapshot: an entry is in one or the other)
            try (PreparedStatement p = prepare("""
                    SELECT e.action, e.actor_user_id, u.display_name, e.ts, e.seq, e.tx_hash, e.data::text
                      FROM (SELECT action, actor_user_id, ts, seq, tx_hash, data FROM audit_log WHERE object_type = ? AND object_id = ?
                            UNION ALL
                            SELECT o.action, o.actor_user_id, o.ts, NULL, NULL, o.data FROM audit_outbox o
                             WHERE o.object_type = ? AND o.object_id = ? AND NOT EXISTS (SELECT 1 FROM audit_log l WHERE l.id = o.id)) e
                      LEFT JOIN users u ON u.id = e.actor_user_id
                     ORDER BY e.seq NULLS LAST, e.ts""", objectType, document.id(), objectType, document.id());
                 ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    long sealedAt = r.getLong(5);
                    Long seq = r.wasNull() ? null : sealedAt;
                    steps.add(new AuditedStep(r.getString(1), r.getObject(2, UUID.class), r.getString(3), instant(r, "ts"), seq,
                            r.getString(6), textFields(r.getString(7))));
                }
            }
            return steps;
        });
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The top-level fields of an entry's data as text; nested values as their JSON. */
    private static Map<String, String> textFields(String json) {
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            JSON.readTree(json).fields().forEachRemaining(f -> {
                if (!f.getValue().isNull()) {
                    fields.put(f.getKey(), f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString());
                }
            });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("An audit entry's data is not JSON: " + json, e);
        }
        return fields;
    }

    @Override
    public List<Reviewer> reviewers() {
        return sql(() -> {
            List<Reviewer> reviewers = new ArrayList<>();
            try (PreparedStatement p = prepare("""
                    SELECT DISTINCT u.id, u.display_name FROM role_assignments a JOIN users u ON u.id = a.user_id
                     WHERE a.role = 'compliance' AND a.venture_id IS NULL AND a.revoked_at IS NULL AND u.archived_at IS NULL
                     ORDER BY u.display_name, u.id"""); ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    reviewers.add(new Reviewer(r.getObject(1, UUID.class), r.getString(2)));
                }
            }
            return reviewers;
        });
    }
}
