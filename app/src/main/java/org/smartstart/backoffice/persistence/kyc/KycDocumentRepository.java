package org.smartstart.backoffice.persistence.kyc;

import org.hibernate.Session;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** KYC documents for the review queue (KY-1, KY-3). */
public final class KycDocumentRepository {

    private final Session session;

    public KycDocumentRepository(Session session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /** The first page of pending documents, oldest submission first, applicants loaded. */
    public List<KycDocumentEntity> pendingQueue(int limit) {
        return pendingQueueAfter(null, null, limit);
    }

    /**
     * The pending documents after the one submitted at {@code afterSubmittedAt} with id {@code afterId}
     * (keyset paging; id breaks ties). Not the review queue's read, which JdbcKycReviewStore
     * does per index (V31 dropped the (status, submitted_at) index this once walked; here PostgreSQL sorts). Both null = from the start.
     */
    public List<KycDocumentEntity> pendingQueueAfter(Instant afterSubmittedAt, UUID afterId, int limit) {
        boolean first = afterSubmittedAt == null;
        var query = session.createSelectionQuery("from KycDocumentEntity d left join fetch d.user"
                        // enum values are bound, never written as HQL literals: Hibernate would cast a literal
                        // to a type named after the Java enum, which PostgreSQL does not have
                        + " where d.status = :pending"
                        + (first ? "" : " and (d.submittedAt > :at or (d.submittedAt = :at and d.id > :id))")
                        + " order by d.submittedAt, d.id", KycDocumentEntity.class)
                .setParameter("pending", DocStatus.pending)
                .setMaxResults(limit);
        if (!first) {
            query.setParameter("at", afterSubmittedAt).setParameter("id", Objects.requireNonNull(afterId, "afterId"));
        }
        return query.getResultList();
    }
}
