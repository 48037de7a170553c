package org.smartstart.backoffice.domain.kyc;

import java.util.UUID;

/**
 * Which documents of the review queue to list. Every criterion is optional (null: any).
 *
 * @param kind       KYC or KYB documents only
 * @param status     documents in this review status
 * @param docType    documents of this type, e.g. passport or tax_id
 * @param country    ISO 3166 alpha-2 country of the applicant (KYC) or of the venture's owner (KYB), e.g. DE
 * @param minRisk    risk score at least this (1 to 100)
 * @param maxRisk    risk score at most this (1 to 100, not below minRisk)
 * @param minAgeDays submitted at least this many days ago (0 to {@value #MAX_AGE_DAYS})
 * @param assignee   documents claimed (unexpired) by this reviewer
 * @param mine       true: only documents the acting reviewer holds an unexpired claim on
 * @param overdue    true: only documents still undecided after their review deadline ({@code QueueItem.dueAt})
 * @param order      null: oldest first
 * @param limit      at most this many (1 to {@value #MAX_LIMIT}); null: {@value #DEFAULT_LIMIT}
 */
public record QueueFilter(DocumentKind kind, ReviewStatus status, String docType, String country, Integer minRisk,
                          Integer maxRisk, Integer minAgeDays, UUID assignee, Boolean mine, Boolean overdue,
                          QueueOrder order, Integer limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    public static final int MAX_AGE_DAYS = 3650;

    /** Everything pending, oldest first. */
    public static QueueFilter pending() {
        return any().withStatus(ReviewStatus.PENDING);
    }

    /** No criterion at all: every document, oldest first. */
    public static QueueFilter any() {
        return new QueueFilter(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public QueueFilter withKind(DocumentKind k) {
        return new QueueFilter(k, status, docType, country, minRisk, maxRisk, minAgeDays, assignee, mine, overdue, order, limit);
    }

    public QueueFilter withStatus(ReviewStatus s) {
        return new QueueFilter(kind, s, docType, country, minRisk, maxRisk, minAgeDays, assignee, mine, overdue, order, limit);
    }

    public QueueFilter withDocType(String t) {
        return new QueueFilter(kind, status, t, country, minRisk, maxRisk, minAgeDays, assignee, mine, overdue, order, limit);
    }

    public QueueFilter withCountry(String c) {
        return new QueueFilter(kind, status, docType, c, minRisk, maxRisk, minAgeDays, assignee, mine, overdue, order, limit);
    }

    public QueueFilter withRisk(Integer min, Integer max) {
        return new QueueFilter(kind, status, docType, country, min, max, minAgeDays, assignee, mine, overdue, order, limit);
    }

    public QueueFilter withMinAgeDays(Integer days) {
        return new QueueFilter(kind, status, docType, country, minRisk, maxRisk, days, assignee, mine, overdue, order, limit);
    }

    public QueueFilter withAssignee(UUID a) {
        return new QueueFilter(kind, status, docType, country, minRisk, maxRisk, minAgeDays, a, mine, overdue, order, limit);
    }

    public QueueFilter withMine(Boolean m) {
        return new QueueFilter(kind, status, docType, country, minRisk, maxRisk, minAgeDays, assignee, m, overdue, order, limit);
    }

    public QueueFilter withOverdue(Boolean o) {
        return new QueueFilter(kind, status, docType, country, minRisk, maxRisk, minAgeDays, assignee, mine, o, order, limit);
    }

    public QueueFilter withOrder(QueueOrder o) {
        return new QueueFilter(kind, status, docType, country, minRisk, maxRisk, minAgeDays, assignee, mine, overdue, o, limit);
    }

    public QueueFilter withLimit(Integer l) {
        return new QueueFilter(kind, status, docType, country, minRisk, maxRisk, minAgeDays, assignee, mine, overdue, order, l);
    }

    public int effectiveLimit() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }

    public QueueOrder effectiveOrder() {
        return order == null ? QueueOrder.OLDEST_FIRST : order;
    }
}
