package org.smartstart.backoffice.persistence.ventures;

import org.hibernate.Session;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Ventures for the overview and lookups. */
public final class VentureRepository {

    private final Session session;

    public VentureRepository(Session session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /** Every venture not archived, with its owner loaded in the same query, by name. */
    public List<VentureEntity> allActiveWithOwner() {
        return session.createSelectionQuery("""
                        from VentureEntity v left join fetch v.owner
                        where v.archivedAt is null
                        order by v.name""", VentureEntity.class)
                .getResultList();
    }

    public Optional<VentureEntity> findByName(String name) {
        return session.createSelectionQuery("from VentureEntity v where v.name = :name", VentureEntity.class)
                .setParameter("name", name)
                .uniqueResultOptional();
    }
}
