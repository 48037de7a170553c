package org.smartstart.backoffice.persistence.legalholds;

import org.hibernate.Session;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Legal holds of ventures (LH-1, LH-2); an active hold is one not released. */
public final class LegalHoldRepository {

    private final Session session;

    public LegalHoldRepository(Session session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /** The holds on {@code ventureId} not yet released, oldest first. */
    public List<LegalHoldEntity> activeHolds(UUID ventureId) {
        return session.createSelectionQuery("""
                        from LegalHoldEntity h
                        where h.venture.id = :venture and h.releasedAt is null
                        order by h.imposedAt, h.id""", LegalHoldEntity.class)
                .setParameter("venture", ventureId)
                .getResultList();
    }
}
