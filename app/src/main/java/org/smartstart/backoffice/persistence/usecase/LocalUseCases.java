package org.smartstart.backoffice.persistence.usecase;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartstart.backoffice.domain.access.Actor;
import org.smartstart.backoffice.domain.audit.AuditEntry;
import org.smartstart.backoffice.domain.audit.AuditRecorder;
import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.persistence.ConcurrentChangeException;
import org.smartstart.backoffice.persistence.UnitOfWork;
import org.smartstart.backoffice.persistence.audit.AuditOutbox;
import org.smartstart.backoffice.persistence.db.RuleViolation;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Runs each use case of the local adapter as one transaction on the database, for the user of a session:
 * <ol>
 *   <li>acts as the application role with {@code app.current_user_id} set (row-level security, ID-5);</li>
 *   <li>checks the session and loads the {@link Actor} with fresh roles — no valid session, no work;</li>
 *   <li>runs the work; commits only a {@link Outcome.Done}, so a refused action leaves no trace;</li>
 *   <li>a command must have recorded exactly one audit entry (AU-1), written in the same transaction;</li>
 *   <li>turns the database's refusals into outcomes: a rule trigger into {@link Outcome.Rejected} with the
 *       same rule id, a lost optimistic-lock race into {@link Outcome.Conflict}, a lost connection into
 *       {@link Outcome.Unavailable}.</li>
 * </ol>
 */
public final class LocalUseCases {

    private static final Logger LOG = LoggerFactory.getLogger(LocalUseCases.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** Work of a query: reads only (the transaction is read-only). */
    @FunctionalInterface
    public interface QueryWork<T> {
        Outcome<T> run(Actor actor, LocalTx tx) throws SQLException;
    }

    /** Work of a command: records its one audit entry through {@code audit}. */
    @FunctionalInterface
    public interface CommandWork<T> {
        Outcome<T> run(Actor actor, LocalTx tx, AuditRecorder audit) throws SQLException;
    }

    /**
     * Called inside a successful command's transaction just before it commits (the HTTP server stores the
     * idempotency key and the answer here, so both are kept or lost together with the change).
     */
    @FunctionalInterface
    public interface BeforeCommit {
        BeforeCommit NONE = (connection, actor, outcome) -> { };

        void run(Connection connection, Actor actor, Outcome.Done<?> outcome) throws SQLException;
    }

    private final DataSource pool;
    private final Clock clock;
    private final BeforeCommit beforeCommit;

    /** Over the process's connection pool ({@code BackOfficeDatabase.dataSource()}). */
    public LocalUseCases(DataSource pool, Clock clock) {
        this(pool, clock, BeforeCommit.NONE);
    }

    private LocalUseCases(DataSource pool, Clock clock, BeforeCommit beforeCommit) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.beforeCommit = Objects.requireNonNull(beforeCommit, "beforeCommit");
    }

    /** The same use cases with a step run before each successful command commits. */
    public LocalUseCases beforeCommit(BeforeCommit step) {
        return new LocalUseCases(pool, clock, step);
    }

    public Clock clock() {
        return clock;
    }

    public <T> Outcome<T> query(Session session, QueryWork<T> work) {
        return run(session, true, (actor, tx, audit) -> work.run(actor, tx));
    }

    public <T> Outcome<T> command(Session session, CommandWork<T> work) {
        return run(session, false, false, work);
    }

    /**
     * A command that a session signed in with a temporary password may run: choosing the new password.
     * Every other use case refuses such a session (ID-4) until that is done.
     */
    public <T> Outcome<T> commandBeforePasswordChange(Session session, CommandWork<T> work) {
        return run(session, false, true, work);
    }

    private <T> Outcome<T> run(Session session, boolean readOnly, CommandWork<T> work) {
        return run(session, readOnly, false, work);
    }

    /**
     * The use cases are plain JDBC on one pooled connection: none needs Hibernate's entities, and opening a
     * Hibernate session, its transaction and its flush for each one was a visible part of a claim's CPU in
     * the JVM (JFR of the issue 5 benchmark, bench/RESULTS.md).
     */
    private <T> Outcome<T> run(Session session, boolean readOnly, boolean beforePasswordChange, CommandWork<T> work) {
        Instant now = clock.instant();
        Connection connection;
        try {
            connection = pool.getConnection();
        } catch (RuntimeException | SQLException e) {
            // The pool could not give a connection.
            return failure(e);
        }
        boolean committing = false;
        try {
            connection.setAutoCommit(false);
            Optional<ActorLoader.Loaded> loaded = ActorLoader.actAsAndLoad(connection, session, now, readOnly);
            if (loaded.isEmpty()) {
                connection.rollback();
                return new Outcome.Unauthenticated<>("Your session has ended or expired; please sign in again.");
            }
            if (loaded.get().mustChangePassword() && !beforePasswordChange) {
                connection.rollback();
                return new Outcome.Denied<>("use the back office with a temporary password",
                        "Choose your own password first: you signed in with a temporary password, which only lets you change it (ID-4).");
            }
            Actor actor = loaded.get().actor();
            List<AuditEntry> recorded = new ArrayList<>(1);
            Outcome<T> outcome = work.run(actor, new LocalTx(connection, now), recorded::add);
            if (!(outcome instanceof Outcome.Done<T> done)) {
                connection.rollback();
                return outcome;
            }
            if (readOnly != recorded.isEmpty() || recorded.size() > 1) {
                throw new IllegalStateException(readOnly
                        ? "A query recorded an audit entry; only commands change anything"
                        : "A successful command must record exactly one audit entry (AU-1), recorded " + recorded.size());
            }
            if (readOnly) {
                connection.commit();
            } else if (beforeCommit == BeforeCommit.NONE) {
                committing = true;
                AuditOutbox.appendAndCommit(connection, recorded.get(0));
            } else {
                AuditOutbox.append(connection, recorded.get(0));
                beforeCommit.run(connection, actor, done);
                committing = true;
                connection.commit();
            }
            return outcome;
        } catch (RuntimeException | SQLException e) {
            rollbackQuietly(connection, e);
            if (committing && unreachable(e)) {
                // The COMMIT was sent and no answer came: PostgreSQL may have made it durable just before
                // the connection broke, so "nothing was saved" would be a guess (found by the issue 8 crash tests).
                LOG.warn("The connection broke while a change was being committed: {}", e.toString());
                return new Outcome.Unavailable<>("The connection to the database broke while the change was being saved: "
                        + "it may or may not have been saved. Look at the data before trying again.", RETRY_AFTER);
            }
            return failure(e);
        } finally {
            returnToPool(connection);
        }
    }

    /** Closing can fail only after the outcome is decided (a commit cannot be taken back), so it is logged, not reported. */
    private static void returnToPool(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("A connection could not be returned to the pool: {}", e.toString());
        }
    }

    /** What a failed transaction means for the user; rethrows what is a bug. */
    static <T> Outcome<T> failure(Exception e) {
        Optional<RuleViolation> rule = RuleViolation.from(e);
        if (rule.isPresent()) {
            return Outcome.rejected(rule.get().ruleId(), rule.get().message());
        }
        ConcurrentChangeException lost = e instanceof ConcurrentChangeException c ? c : UnitOfWork.lostRace(e);
        if (lost != null) {
            return new Outcome.Conflict<>(lost.getMessage());
        }
        Optional<String> serialization = sqlState(e).filter(s -> s.equals("40001") || s.equals("40P01"));
        if (serialization.isPresent()) {
            return new Outcome.Conflict<>("Someone else changed the same data at the same moment; nothing was saved. Reload and try again.");
        }
        Optional<String> dataException = sqlState(e).filter(s -> s.startsWith("22"));
        if (dataException.isPresent()) {
            // A value the database cannot store (too long, out of range, bad encoding) that no check before it caught:
            // still the user's input, so a 4xx naming it, never a 500.
            return Outcome.invalid("input", "The database cannot store a value of this request: " + firstLine(e));
        }
        if (unreachable(e)) {
            LOG.warn("The database cannot be reached: {}", e.toString());
            return new Outcome.Unavailable<>("The database cannot be reached right now; nothing was saved. Try again in a moment.", RETRY_AFTER);
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
        throw new IllegalStateException("The database refused the action: " + e.getMessage(), e);
    }

    private static String firstLine(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getMessage() != null) {
                return sql.getMessage().lines().findFirst().orElse("").replaceFirst("^ERROR: ", "");
            }
        }
        return String.valueOf(e.getMessage());
    }

    private static Optional<String> sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }

    /** Whether {@code e} (or a cause) says the database cannot be reached: the pool timed out, the connection broke, the server is shutting down. */
    public static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().equals("57P01") || sql.getSQLState().equals("57P03"))) {
                return true;
            }
        }
        return false;
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            if (!connection.isClosed()) {
                connection.rollback();
            }
        } catch (RuntimeException | SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
