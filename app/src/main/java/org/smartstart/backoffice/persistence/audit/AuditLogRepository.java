package org.smartstart.backoffice.persistence.audit;

import org.hibernate.Session;

import java.util.List;
import java.util.Objects;

/**
 * Pages of the sealed audit log in chain order. Keyset on seq, never OFFSET: a page deep in ten
 * million entries costs the same as the first.
 */
public final class AuditLogRepository {

    private final Session session;

    public AuditLogRepository(Session session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /** Up to {@code limit} entries with seq greater than {@code afterSeq} (0 = from the genesis), in seq order. */
    public List<AuditLogEntity> pageAfter(long afterSeq, int limit) {
        return session.createSelectionQuery("from AuditLogEntity a where a.seq > :after order by a.seq", AuditLogEntity.class)
                .setParameter("after", afterSeq)
                .setMaxResults(limit)
                .getResultList();
    }
}
