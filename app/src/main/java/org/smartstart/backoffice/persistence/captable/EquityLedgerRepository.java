package org.smartstart.backoffice.persistence.captable;

import org.hibernate.Session;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The cap table of a venture: on one date, or its whole history (EQ-1, EQ-5). */
public final class EquityLedgerRepository {

    private final Session session;

    public EquityLedgerRepository(Session session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /**
     * The rows effective on {@code date} (effective_from ≤ date ≤ effective_to, open rows have no end),
     * largest holding first, holders loaded.
     */
    public List<EquityLedgerEntity> effectiveOn(UUID ventureId, LocalDate date) {
        return session.createSelectionQuery("""
                        from EquityLedgerEntity e left join fetch e.holder
                        where e.venture.id = :venture
                          and e.effectiveFrom <= :date
                          and (e.effectiveTo is null or e.effectiveTo >= :date)
                        order by e.percent desc, e.holderType, e.id""", EquityLedgerEntity.class)
                .setParameter("venture", ventureId)
                .setParameter("date", date)
                .getResultList();
    }

    /** Every row the venture ever had, in the order they took effect (and were written). */
    public List<EquityLedgerEntity> history(UUID ventureId) {
        return session.createSelectionQuery("""
                        from EquityLedgerEntity e left join fetch e.holder
                        where e.venture.id = :venture
                        order by e.effectiveFrom, e.createdAt, e.id""", EquityLedgerEntity.class)
                .setParameter("venture", ventureId)
                .getResultList();
    }
}
