package org.smartstart.backoffice.persistence;

import jakarta.persistence.OptimisticLockException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StaleObjectStateException;
import org.hibernate.StaleStateException;
import org.hibernate.Transaction;
import org.smartstart.backoffice.persistence.db.Transactions;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * One user action = one session and one transaction, worked as the application role for the acting
 * user (row-level security and the database's rules see who acts). Commits on success, rolls back on
 * any failure; a lost optimistic-lock race becomes a {@link ConcurrentChangeException}.
 */
public final class UnitOfWork {

    private final SessionFactory sessionFactory;

    public UnitOfWork(SessionFactory sessionFactory) {
        this.sessionFactory = Objects.requireNonNull(sessionFactory, "sessionFactory");
    }

    /** Runs {@code work} in one transaction acting for {@code actingUser} (null = the system itself). */
    public <T> T inTransaction(UUID actingUser, Function<Session, T> work) {
        try (Session session = sessionFactory.openSession()) {
            Transaction tx = session.beginTransaction();
            try {
                session.doWork(connection -> Transactions.actAs(connection, actingUser));
                T result = work.apply(session);
                tx.commit();
                return result;
            } catch (RuntimeException e) {
                rollbackQuietly(tx, e);
                ConcurrentChangeException lostRace = lostRace(e);
                throw lostRace != null ? lostRace : e;
            } catch (Error e) {
                rollbackQuietly(tx, e);
                throw e;
            }
        }
    }

    private static void rollbackQuietly(Transaction tx, Throwable cause) {
        try {
            if (tx.isActive() && tx.getStatus().canRollback()) {
                tx.rollback();
            }
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** A lost optimistic-lock race as one plain sentence naming the row; null for any other failure. */
    public static ConcurrentChangeException lostRace(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof StaleObjectStateException stale) {
                return new ConcurrentChangeException(simpleName(stale.getEntityName()), stale.getIdentifier(), e);
            }
        }
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof OptimisticLockException ole) {
                Object entity = ole.getEntity();
                return new ConcurrentChangeException(entity == null ? null : simpleName(org.hibernate.Hibernate.getClass(entity).getName()), null, e);
            }
            if (c instanceof StaleStateException) {
                return new ConcurrentChangeException(null, null, e);
            }
        }
        return null;
    }

    /** "org.…ventures.VentureEntity" → "Venture". */
    static String simpleName(String entityName) {
        if (entityName == null) {
            return null;
        }
        String simple = entityName.substring(entityName.lastIndexOf('.') + 1);
        return simple.endsWith("Entity") && simple.length() > "Entity".length()
                ? simple.substring(0, simple.length() - "Entity".length())
                : simple;
    }
}
