package org.smartstart.backoffice.persistence.audit;

import org.smartstart.backoffice.domain.access.Permission;
import org.smartstart.backoffice.domain.audit.AuditAccess;
import org.smartstart.backoffice.domain.audit.AuditFilter;
import org.smartstart.backoffice.domain.audit.AuditHead;
import org.smartstart.backoffice.domain.audit.AuditLogEntry;
import org.smartstart.backoffice.domain.audit.AuditPage;
import org.smartstart.backoffice.domain.audit.AuditTrail;
import org.smartstart.backoffice.domain.audit.VerificationResult;
import org.smartstart.backoffice.domain.audit.VerificationStep;
import org.smartstart.backoffice.domain.audit.VerificationStepRequest;
import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.usecase.FieldProblem;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.persistence.usecase.LocalUseCases;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The audit trail on the database. Pages are keyset queries on seq with the filter's columns in front
 * (the (column, seq) indexes of V1), or on (ts, seq) when listed by time (V29), so the thousandth page costs
 * what the first does. Verification
 * replays the chain with {@link AuditVerifier} as the owning role, which sees every entry whatever
 * row-level security would show the acting user; the permission is checked first, in the use case's
 * own transaction.
 */
public final class LocalAuditTrail implements AuditTrail {

    private static final String COLUMNS = """
            SELECT l.seq, l.ts, l.actor_user_id, u.display_name, l.action, l.object_type, l.object_id, l.venture_id,
                   l.data::text, l.prev_tx_hash, l.tx_hash
              FROM audit_log l LEFT JOIN users u ON u.id = l.actor_user_id
            """;

    private final LocalUseCases useCases;
    private final Session session;
    private final DataSource ownerDataSource;

    /** @param ownerDataSource connections as the owning role, for verification only */
    public LocalAuditTrail(LocalUseCases useCases, Session session, DataSource ownerDataSource) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.session = Objects.requireNonNull(session, "session");
        this.ownerDataSource = Objects.requireNonNull(ownerDataSource, "ownerDataSource");
    }

    @Override
    public Outcome<AuditPage> entries(AuditFilter filter) {
        AuditFilter asked = filter == null ? AuditFilter.all() : filter;
        List<FieldProblem> problems = asked.problems();
        if (!problems.isEmpty()) {
            return new Outcome.Invalid<>(problems);
        }
        return useCases.query(session, (actor, tx) -> {
            Outcome<Optional<Set<UUID>>> scope = AuditAccess.scope(actor, asked);
            if (!(scope instanceof Outcome.Done<Optional<Set<UUID>>> allowed)) {
                return scope.failure();
            }
            List<FieldProblem> cursor = cursorProblems(tx.connection(), asked, allowed.value());
            if (!cursor.isEmpty()) {
                return new Outcome.Invalid<>(cursor);
            }
            return Outcome.done(page(tx.connection(), asked, allowed.value()));
        });
    }

    private static AuditPage page(Connection c, AuditFilter f, Optional<Set<UUID>> ventures) throws SQLException {
        int size = f.pageSize();
        List<AuditLogEntry> entries = new ArrayList<>(Math.min(size + 1, 128));
        try (PreparedStatement p = pageStatement(c, "", f, ventures); ResultSet r = p.executeQuery()) {
            while (r.next()) {
                entries.add(entry(r));
            }
        }
        boolean more = entries.size() > size;
        if (more) {
            entries = entries.subList(0, size);
        }
        boolean newestFirst = f.order() == AuditFilter.Direction.NEWEST_FIRST;
        Long last = more ? entries.get(entries.size() - 1).seq() : null;
        return new AuditPage(entries, newestFirst ? null : last, newestFirst ? last : null);
    }

    /**
     * The statement of one page, exactly as the screen's query runs it; {@code prefix} goes in front of it
     * ({@code "EXPLAIN (ANALYZE, BUFFERS) "} for the benchmark's plans, else empty).
     *
     * @param ventures the ventures the actor may see, or empty for the whole log
     */
    public static PreparedStatement pageStatement(Connection c, String prefix, AuditFilter f, Optional<Set<UUID>> ventures) throws SQLException {
        StringBuilder sql = new StringBuilder(prefix).append(COLUMNS).append(" WHERE l.seq IS NOT NULL");
        List<Object> args = new ArrayList<>();
        if (f.fromTs() != null) {
            sql.append(" AND l.ts >= ?");
            args.add(Timestamp.from(f.fromTs()));
        }
        if (f.toTs() != null) {
            sql.append(" AND l.ts < ?");
            args.add(Timestamp.from(f.toTs()));
        }
        if (f.actorUserId() != null) {
            sql.append(" AND l.actor_user_id = ?");
            args.add(f.actorUserId());
        }
        if (f.action() != null) {
            sql.append(" AND l.action = ?");
            args.add(f.action());
        }
        if (f.objectType() != null) {
            sql.append(" AND l.object_type = ?");
            args.add(f.objectType());
        }
        if (f.objectId() != null) {
            sql.append(" AND l.object_id = ?");
            args.add(f.objectId());
        }
        if (f.ventureId() != null) {
            sql.append(" AND l.venture_id = ?");
            args.add(f.ventureId());
        }
        if (ventures.isPresent()) {
            sql.append(" AND l.venture_id = ANY (?)");
            args.add(c.createArrayOf("uuid", ventures.get().toArray()));
        }
        boolean newestFirst = f.order() == AuditFilter.Direction.NEWEST_FIRST;
        String order;
        if (f.byTimeOrder()) {
            // by time the page is a keyset on (ts, seq) (V29's index): it starts where the cursor entry sits in that
            // index, so a period, a jump to a date and the pages around either cost the same at any depth
            sql.append(" AND l.ts IS NOT NULL");
            if (f.afterSeq() != null) {
                sql.append(" AND (l.ts, l.seq) > ((SELECT a.ts FROM audit_log a WHERE a.seq = ?), ?)");
                args.add(f.afterSeq());
                args.add(f.afterSeq());
            }
            if (f.beforeSeq() != null) {
                sql.append(" AND (l.ts, l.seq) < ((SELECT b.ts FROM audit_log b WHERE b.seq = ?), ?)");
                args.add(f.beforeSeq());
                args.add(f.beforeSeq());
            }
            order = newestFirst ? "l.ts DESC, l.seq DESC" : "l.ts ASC, l.seq ASC";
        } else {
            if (f.afterSeq() != null) {
                sql.append(" AND l.seq > ?");
                args.add(f.afterSeq());
            }
            if (f.beforeSeq() != null) {
                sql.append(" AND l.seq < ?");
                args.add(f.beforeSeq());
            }
            order = newestFirst ? "l.seq DESC" : "l.seq ASC";
        }
        int size = f.pageSize();
        // one row more than the page tells whether another page follows, without counting
        sql.append(" ORDER BY ").append(order).append(" LIMIT ").append(size + 1);

        PreparedStatement p = c.prepareStatement(sql.toString());
        try {
            for (int i = 0; i < args.size(); i++) {
                Object arg = args.get(i);
                if (arg instanceof UUID) {
                    p.setObject(i + 1, arg, Types.OTHER);
                } else {
                    p.setObject(i + 1, arg);
                }
            }
        } catch (SQLException | RuntimeException e) {
            p.close();
            throw e;
        }
        return p;
    }

    /**
     * Listed by time, a cursor names the entry the page continues from. One that does not exist would silently give
     * an empty page; one the user may not see (another venture's, for an owner) would let its time be probed by
     * where the user's own entries fall around it.
     */
    private static List<FieldProblem> cursorProblems(Connection c, AuditFilter f, Optional<Set<UUID>> ventures) throws SQLException {
        List<FieldProblem> problems = new ArrayList<>();
        if (f.byTimeOrder()) {
            missingCursor(c, "afterSeq", f.afterSeq(), ventures).ifPresent(problems::add);
            missingCursor(c, "beforeSeq", f.beforeSeq(), ventures).ifPresent(problems::add);
        }
        return problems;
    }

    private static Optional<FieldProblem> missingCursor(Connection c, String field, Long seq, Optional<Set<UUID>> ventures) throws SQLException {
        if (seq == null) {
            return Optional.empty();
        }
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM audit_log WHERE seq = ?" + (ventures.isPresent() ? " AND venture_id = ANY (?)" : ""))) {
            p.setLong(1, seq);
            if (ventures.isPresent()) {
                p.setArray(2, c.createArrayOf("uuid", ventures.get().toArray()));
            }
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.empty() : Optional.of(new FieldProblem(field, "Listed by time, a page continues from an entry, "
                        + "and there is no sealed entry with seq " + seq + " that you may see; pass the seq of the last entry of the page before."));
            }
        }
    }

    @Override
    public Outcome<AuditLogEntry> entry(long seq) {
        return useCases.query(session, (actor, tx) -> {
            Optional<Outcome<AuditLogEntry>> denied = AuditAccess.requireSome(actor);
            if (denied.isPresent()) {
                return denied.get();
            }
            AuditLogEntry found = null;
            try (PreparedStatement p = tx.connection().prepareStatement(COLUMNS + " WHERE l.seq = ?")) {
                p.setLong(1, seq);
                try (ResultSet r = p.executeQuery()) {
                    if (r.next()) {
                        found = entry(r);
                    }
                }
            }
            if (found == null) {
                return new Outcome.NotFound<>("audit_entry", String.valueOf(seq),
                        "The audit trail has no sealed entry with seq " + seq + ".");
            }
            if (!AuditAccess.maySee(actor, found.ventureId())) {
                return new Outcome.Denied<>(Permission.BROWSE_AUDIT.words(),
                        "Audit entry " + seq + " belongs to " + (found.ventureId() == null ? "no venture" : "a venture")
                                + " you do not own: a venture owner sees only the entries of their own ventures (ID-3).");
            }
            return Outcome.done(found);
        });
    }

    @Override
    public Outcome<AuditHead> head() {
        return useCases.query(session, (actor, tx) -> {
            Optional<Outcome<AuditHead>> denied = AuditAccess.requireWholeLog(actor);
            if (denied.isPresent()) {
                return denied.get();
            }
            long seq;
            String hash;
            try (PreparedStatement p = tx.connection().prepareStatement("SELECT seq, tx_hash FROM audit_chain_head");
                 ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("The audit chain head row is missing; the database was not set up by this application");
                }
                seq = r.getLong(1);
                hash = r.getString(2);
            }
            long unsealed;
            try (PreparedStatement p = tx.connection().prepareStatement("SELECT count(*) FROM audit_outbox");
                 ResultSet r = p.executeQuery()) {
                r.next();
                unsealed = r.getLong(1);
            }
            return Outcome.done(new AuditHead(seq, hash, seq, unsealed));
        });
    }

    @Override
    public Outcome<VerificationResult> verify() {
        return useCases.query(session, (actor, tx) -> {
            Optional<Outcome<VerificationResult>> denied = AuditAccess.requireWholeLog(actor);
            if (denied.isPresent()) {
                return denied.get();
            }
            // its own snapshot on an owner connection; the use case's transaction only vouched for the actor
            return Outcome.done(new AuditVerifier(ownerDataSource).verify());
        });
    }

    @Override
    public Outcome<VerificationStep> verifyStep(VerificationStepRequest step) {
        VerificationStepRequest asked = step == null ? VerificationStepRequest.first(VerificationStepRequest.DEFAULT_LIMIT) : step;
        List<FieldProblem> problems = asked.problems();
        if (!problems.isEmpty()) {
            return new Outcome.Invalid<>(problems);
        }
        return useCases.query(session, (actor, tx) -> {
            Optional<Outcome<VerificationStep>> denied = AuditAccess.requireWholeLog(actor);
            if (denied.isPresent()) {
                return denied.get();
            }
            return Outcome.done(new AuditVerifier(ownerDataSource).verifyStep(asked.start(), asked.startHash(), asked.size(), asked.anchor()));
        });
    }

    private static AuditLogEntry entry(ResultSet r) throws SQLException {
        OffsetDateTime ts = r.getObject(2, OffsetDateTime.class);
        return new AuditLogEntry(r.getLong(1), ts == null ? null : ts.toInstant(), r.getObject(3, UUID.class), r.getString(4),
                r.getString(5), r.getString(6), r.getObject(7, UUID.class), r.getObject(8, UUID.class), r.getString(9),
                r.getString(10), r.getString(11));
    }
}
