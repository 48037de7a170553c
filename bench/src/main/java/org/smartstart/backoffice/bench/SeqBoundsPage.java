package org.smartstart.backoffice.bench;

import org.smartstart.backoffice.domain.audit.AuditFilter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The audit page as {@code LocalAuditTrail} built it before periods were listed by time (main at 4787f19):
 * always by seq, and with a period the exact seq bounds of the period read from the (ts, seq) index first when
 * that reads fewer index entries than skipping. Kept here only so {@link AuditChainBenchmark} can time the old way
 * beside the new one on the same data; {@code filter.byTime} is ignored (the old code had no such field).
 */
final class SeqBoundsPage {

    private static final String COLUMNS = """
            SELECT l.seq, l.ts, l.actor_user_id, u.display_name, l.action, l.object_type, l.object_id, l.venture_id,
                   l.data::text, l.prev_tx_hash, l.tx_hash
              FROM audit_log l LEFT JOIN users u ON u.id = l.actor_user_id
            """;

    private SeqBoundsPage() {
    }

    static PreparedStatement statement(Connection c, String prefix, AuditFilter f, Optional<Set<UUID>> ventures) throws SQLException {
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
        if ((f.fromTs() != null || f.toTs() != null) && boundBySeq(c, f, newestFirst)) {
            // the exact seq range of the time range, read from (ts, seq) (V29), so the seq scan starts inside it
            String range = "(SELECT %s(r.seq) FROM (SELECT seq FROM audit_log WHERE seq IS NOT NULL"
                    + (f.fromTs() != null ? " AND ts >= ?" : "") + (f.toTs() != null ? " AND ts < ?" : "") + " OFFSET 0) r)";
            for (String bound : f.fromTs() != null && f.toTs() != null ? List.of("min", "max") : f.toTs() != null ? List.of("max") : List.of("min")) {
                sql.append(" AND l.seq ").append(bound.equals("min") ? ">= " : "<= ").append(range.formatted(bound));
                if (f.fromTs() != null) {
                    args.add(Timestamp.from(f.fromTs()));
                }
                if (f.toTs() != null) {
                    args.add(Timestamp.from(f.toTs()));
                }
            }
        }
        if (f.afterSeq() != null) {
            sql.append(" AND l.seq > ?");
            args.add(f.afterSeq());
        }
        if (f.beforeSeq() != null) {
            sql.append(" AND l.seq < ?");
            args.add(f.beforeSeq());
        }
        int size = f.pageSize();
        // one row more than the page tells whether another page follows, without counting
        sql.append(" ORDER BY l.seq ").append(newestFirst ? "DESC" : "ASC").append(" LIMIT ").append(size + 1);

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
     * Whether a time-filtered page should first read the seq range of its times: that costs one index entry per
     * log entry in the time range, while the plain scan on seq skips the entries beyond the range on the side it
     * starts from (newer than "to" newest first, older than "from" oldest first). Both give the same rows; the
     * log's first and last times (two index probes) tell, by proportion, which reads less.
     */
    private static boolean boundBySeq(Connection c, AuditFilter f, boolean newestFirst) throws SQLException {
        Instant first;
        Instant last;
        try (PreparedStatement p = c.prepareStatement("SELECT min(ts), max(ts) FROM audit_log"); ResultSet r = p.executeQuery()) {
            r.next();
            Timestamp a = r.getTimestamp(1);
            Timestamp b = r.getTimestamp(2);
            if (a == null || b == null || !b.after(a)) {
                return false;
            }
            first = a.toInstant();
            last = b.toInstant();
        }
        // in seconds as doubles: the filter's times may lie anywhere in 0001..9999, beyond what nanoseconds hold in a long
        double span = seconds(first, last);
        double from = f.fromTs() == null ? 0 : clamp(seconds(first, f.fromTs()) / span);
        double to = f.toTs() == null ? 1 : clamp(seconds(first, f.toTs()) / span);
        double inRange = Math.max(0, to - from);
        double skipped = newestFirst ? 1 - to : from;
        return inRange < skipped;
    }

    private static double seconds(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        return d.getSeconds() + d.getNano() / 1e9;
    }

    private static double clamp(double share) {
        return Math.max(0, Math.min(1, share));
    }
}
