package org.smartstart.backoffice.persistence.legalholds;

import org.smartstart.backoffice.domain.legalholds.HoldScope;
import org.smartstart.backoffice.domain.legalholds.LegalHold;
import org.smartstart.backoffice.domain.legalholds.LegalHoldStore;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.smartstart.backoffice.persistence.db.StoreSql.sql;

/**
 * The legal hold store on the use case's JDBC connection. Database refusals (LH-1, LH-2 triggers) travel
 * up inside an unchecked exception carrying the SQLException, which the use-case runner maps to the
 * same rule id the domain uses.
 */
final class JdbcLegalHoldStore implements LegalHoldStore {

    private static final String SELECT = """
            SELECT h.id, h.venture_id, v.name AS venture_name, h.applies_to::text AS applies_to, h.reason,
                   h.imposed_by_user_id, ib.display_name AS imposed_by_name, h.imposed_at,
                   h.released_at, h.released_by_user_id, rb.display_name AS released_by_name, h.release_reason, h.version
              FROM legal_holds h
              JOIN ventures v ON v.id = h.venture_id
              LEFT JOIN users ib ON ib.id = h.imposed_by_user_id
              LEFT JOIN users rb ON rb.id = h.released_by_user_id
            """;

    private final Connection c;

    JdbcLegalHoldStore(Connection c) {
        this.c = c;
    }

    @Override
    public Optional<Venture> venture(UUID ventureId) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement("SELECT name FROM ventures WHERE id = ? AND archived_at IS NULL")) {
                p.setObject(1, ventureId, Types.OTHER);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(new Venture(ventureId, r.getString(1))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<LegalHold> holds(Optional<UUID> ventureId, boolean activeOnly) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement(SELECT + """
                     WHERE (?::uuid IS NULL OR h.venture_id = ?::uuid) AND (NOT ? OR h.released_at IS NULL)
                     ORDER BY h.imposed_at DESC NULLS LAST, h.id""")) {
                p.setObject(1, ventureId.orElse(null), Types.OTHER);
                p.setObject(2, ventureId.orElse(null), Types.OTHER);
                p.setBoolean(3, activeOnly);
                List<LegalHold> holds = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        holds.add(hold(r));
                    }
                }
                return holds;
            }
        });
    }

    @Override
    public Optional<LegalHold> holdForUpdate(UUID holdId) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement(SELECT + " WHERE h.id = ? FOR UPDATE OF h")) {
                p.setObject(1, holdId, Types.OTHER);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(hold(r)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public FreezeFacts freezeFacts(UUID ventureId, LocalDate on) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement("""
                    SELECT (SELECT count(DISTINCT coalesce(l.holder_id::text, 'alice')) FROM equity_ledger l
                             WHERE l.venture_id = ? AND l.effective_from <= ? AND (l.effective_to IS NULL OR ? <= l.effective_to)),
                           (SELECT count(DISTINCT t.wallet_id) FROM buz_transactions t WHERE t.venture_id = ?),
                           count(*) FILTER (WHERE d.id IS NOT NULL),
                           count(*) FILTER (WHERE d.object_type = 'equity'),
                           count(*) FILTER (WHERE d.object_type = 'buz_tx')
                      FROM (SELECT 1) one
                      LEFT JOIN disputes d ON d.venture_id = ? AND d.status IN ('open', 'in_review')""")) {
                p.setObject(1, ventureId, Types.OTHER);
                p.setDate(2, Date.valueOf(on));
                p.setDate(3, Date.valueOf(on));
                p.setObject(4, ventureId, Types.OTHER);
                p.setObject(5, ventureId, Types.OTHER);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    return new FreezeFacts(r.getInt(1), r.getInt(2), r.getInt(3), r.getInt(4), r.getInt(5));
                }
            }
        });
    }

    @Override
    public UUID impose(UUID ventureId, HoldScope appliesTo, String reason, UUID imposedBy, Instant at) {
        return sql(() -> {
            UUID id = UUID.randomUUID();
            try (PreparedStatement p = c.prepareStatement("""
                    INSERT INTO legal_holds (id, venture_id, reason, applies_to, imposed_by_user_id, imposed_at)
                    VALUES (?, ?, ?, ?::hold_scope, ?, ?)""")) {
                p.setObject(1, id, Types.OTHER);
                p.setObject(2, ventureId, Types.OTHER);
                p.setString(3, reason);
                p.setString(4, appliesTo.code());
                p.setObject(5, imposedBy, Types.OTHER);
                p.setTimestamp(6, Timestamp.from(at));
                p.executeUpdate();
            }
            return id;
        });
    }

    @Override
    public boolean release(UUID holdId, int version, UUID releasedBy, String reason, Instant at) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement("""
                    UPDATE legal_holds SET released_at = ?, released_by_user_id = ?, release_reason = ?, version = version + 1
                     WHERE id = ? AND version = ? AND released_at IS NULL""")) {
                p.setTimestamp(1, Timestamp.from(at));
                p.setObject(2, releasedBy, Types.OTHER);
                p.setString(3, reason);
                p.setObject(4, holdId, Types.OTHER);
                p.setInt(5, version);
                return p.executeUpdate() == 1;
            }
        });
    }

    private static LegalHold hold(ResultSet r) throws SQLException {
        Instant released = instant(r, "released_at");
        return new LegalHold(r.getObject("id", UUID.class), r.getObject("venture_id", UUID.class), r.getString("venture_name"),
                HoldScope.ofCode(r.getString("applies_to")), r.getString("reason"),
                r.getObject("imposed_by_user_id", UUID.class), r.getString("imposed_by_name"), instant(r, "imposed_at"),
                released == null, released, r.getObject("released_by_user_id", UUID.class), r.getString("released_by_name"),
                r.getString("release_reason"), r.getInt("version"));
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
