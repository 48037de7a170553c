package org.smartstart.backoffice.domain.kyc;

import java.util.UUID;

/**
 * Which documents of the review queue to list. Every criterion is optional (null: any).
 *
 * @param kind     KYC or KYB documents only
 * @param status   documents in this review status
 * @param docType  documents of this type, e.g. passport or tax_id
 * @param assignee documents claimed (unexpired) by this reviewer
 * @param mine     true: only documents the acting reviewer holds an unexpired claim on
 * @param order    null: oldest first
 * @param limit    at most this many (1 to {@value #MAX_LIMIT}); null: {@value #DEFAULT_LIMIT}
 */
public record QueueFilter(DocumentKind kind, ReviewStatus status, String docType, UUID assignee, Boolean mine,
                          QueueOrder order, Integer limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /** Everything pending, oldest first. */
    public static QueueFilter pending() {
        return new QueueFilter(null, ReviewStatus.PENDING, null, null, null, null, null);
    }

    public int effectiveLimit() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }

    public QueueOrder effectiveOrder() {
        return order == null ? QueueOrder.OLDEST_FIRST : order;
    }
}
