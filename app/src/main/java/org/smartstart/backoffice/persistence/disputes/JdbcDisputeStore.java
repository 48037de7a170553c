package org.smartstart.backoffice.persistence.disputes;

import org.smartstart.backoffice.domain.disputes.Dispute;
import org.smartstart.backoffice.domain.disputes.DisputeFilter;
import org.smartstart.backoffice.domain.disputes.DisputeObjectType;
import org.smartstart.backoffice.domain.disputes.DisputeStatus;
import org.smartstart.backoffice.domain.disputes.DisputeStore;
import org.smartstart.backoffice.domain.disputes.NewDispute;
import org.smartstart.backoffice.domain.identity.Role;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.smartstart.backoffice.persistence.db.StoreSql.sql;

/**
 * The dispute store on the use case's JDBC connection. The deadlines (DS-3) are set by the database's
 * trigger when a dispute is raised or appealed, so they are read back, never written here. Every update
 * is conditional on the version read (optimistic lock) and raises it by one.
 */
final class JdbcDisputeStore implements DisputeStore {

    private static final String SELECT = """
            SELECT d.id, d.venture_id, v.name AS venture_name, d.object_type::text AS object_type, d.object_id,
                   d.status::text AS status, d.reason, d.raised_by_user_id, rb.display_name AS raised_by_name, d.created_at,
                   d.assigned_to, a.display_name AS assigned_to_name, d.first_response_due_at, d.first_responded_at,
                   d.resolution_due_at, d.decided_by, db.display_name AS decided_by_name, d.decided_at, d.resolution,
                   d.appeal_count, d.appeal_reason, d.appealed_at, d.updated_at, d.version
              FROM disputes d
              LEFT JOIN ventures v ON v.id = d.venture_id
              LEFT JOIN users rb ON rb.id = d.raised_by_user_id
              LEFT JOIN users a ON a.id = d.assigned_to
              LEFT JOIN users db ON db.id = d.decided_by
            """;

    private final Connection c;

    JdbcDisputeStore(Connection c) {
        this.c = c;
    }

    @Override
    public Optional<DisputedObject> object(DisputeObjectType type, UUID objectId) {
        String query = switch (type) {
            case TASK -> "SELECT t.venture_id, v.name, ARRAY[t.assignee_user_id, t.created_by_user_id] FROM tasks t "
                    + "JOIN ventures v ON v.id = t.venture_id WHERE t.id = ?";
            case REVIEW -> "SELECT t.venture_id, v.name, ARRAY[r.reviewer_user_id, t.assignee_user_id] FROM reviews r "
                    + "JOIN tasks t ON t.id = r.task_id JOIN ventures v ON v.id = t.venture_id WHERE r.id = ?";
            case BUZ_TX -> "SELECT b.venture_id, v.name, ARRAY[w.user_id] FROM buz_transactions b "
                    + "JOIN user_wallets w ON w.id = b.wallet_id JOIN ventures v ON v.id = b.venture_id WHERE b.id = ?";
            case EQUITY -> "SELECT l.venture_id, v.name, ARRAY[l.holder_id] FROM equity_ledger l "
                    + "JOIN ventures v ON v.id = l.venture_id WHERE l.id = ?";
        };
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement(query)) {
                p.setObject(1, objectId, Types.OTHER);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    Set<UUID> parties = new HashSet<>();
                    for (Object o : (Object[]) r.getArray(3).getArray()) {
                        if (o != null) {
                            parties.add((UUID) o);
                        }
                    }
                    return Optional.of(new DisputedObject(r.getObject(1, UUID.class), r.getString(2), parties));
                }
            }
        });
    }

    @Override
    public List<Dispute> disputes(DisputeFilter filter, UUID raisedBy, Instant now) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement(SELECT + """
                     WHERE (?::dispute_status IS NULL OR d.status = ?::dispute_status)
                       AND (?::dispute_object_type IS NULL OR d.object_type = ?::dispute_object_type)
                       AND (?::uuid IS NULL OR d.assigned_to = ?::uuid)
                       AND (?::uuid IS NULL OR d.raised_by_user_id = ?::uuid)
                       AND (?::boolean IS NULL OR ?::boolean = (d.status IN ('open', 'in_review') AND (
                                (d.first_responded_at IS NULL AND d.first_response_due_at < ?)
                                OR d.resolution_due_at < ?)))
                     ORDER BY d.created_at, d.id""")) {
                String status = filter.status() == null ? null : filter.status().code();
                String type = filter.objectType() == null ? null : filter.objectType().code();
                p.setString(1, status);
                p.setString(2, status);
                p.setString(3, type);
                p.setString(4, type);
                p.setObject(5, filter.assignee(), Types.OTHER);
                p.setObject(6, filter.assignee(), Types.OTHER);
                p.setObject(7, raisedBy, Types.OTHER);
                p.setObject(8, raisedBy, Types.OTHER);
                p.setObject(9, filter.overdue(), Types.BOOLEAN);
                p.setObject(10, filter.overdue(), Types.BOOLEAN);
                p.setTimestamp(11, Timestamp.from(now));
                p.setTimestamp(12, Timestamp.from(now));
                List<Dispute> disputes = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        disputes.add(dispute(r));
                    }
                }
                return disputes;
            }
        });
    }

    @Override
    public Optional<Dispute> dispute(UUID disputeId) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement(SELECT + " WHERE d.id = ?")) {
                p.setObject(1, disputeId, Types.OTHER);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(dispute(r)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<Person> person(UUID userId) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement("""
                    SELECT u.display_name,
                           coalesce(array_agg(r.role::text) FILTER (WHERE r.id IS NOT NULL), '{}')
                      FROM users u
                      LEFT JOIN role_assignments r ON r.user_id = u.id AND r.scope = 'global' AND r.revoked_at IS NULL
                     WHERE u.id = ? AND u.archived_at IS NULL
                     GROUP BY u.id""")) {
                p.setObject(1, userId, Types.OTHER);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    Set<Role> roles = EnumSet.noneOf(Role.class);
                    for (String role : (String[]) r.getArray(2).getArray()) {
                        roles.add(Role.valueOf(role.toUpperCase(Locale.ROOT)));
                    }
                    return Optional.of(new Person(userId, r.getString(1), roles));
                }
            }
        });
    }

    @Override
    public UUID raise(UUID ventureId, NewDispute dispute, UUID raisedBy, Instant at) {
        return sql(() -> {
            UUID id = UUID.randomUUID();
            try (PreparedStatement p = c.prepareStatement("""
                    INSERT INTO disputes (id, venture_id, raised_by_user_id, object_type, object_id, reason, created_at, updated_at)
                    VALUES (?, ?, ?, ?::dispute_object_type, ?, ?, ?, ?)""")) {
                p.setObject(1, id, Types.OTHER);
                p.setObject(2, ventureId, Types.OTHER);
                p.setObject(3, raisedBy, Types.OTHER);
                p.setString(4, dispute.objectType().code());
                p.setObject(5, dispute.objectId(), Types.OTHER);
                p.setString(6, dispute.reason());
                p.setTimestamp(7, Timestamp.from(at));
                p.setTimestamp(8, Timestamp.from(at));
                p.executeUpdate();
            }
            return id;
        });
    }

    @Override
    public boolean assign(UUID disputeId, int version, UUID assignee, Instant at) {
        return update("assigned_to = ?", disputeId, version, at, assignee);
    }

    @Override
    public boolean startReview(UUID disputeId, int version, UUID assignee, Instant at) {
        return update("status = 'in_review', assigned_to = ?, first_responded_at = coalesce(first_responded_at, ?)",
                disputeId, version, at, assignee, Timestamp.from(at));
    }

    @Override
    public boolean decide(UUID disputeId, int version, DisputeStatus status, String resolution, UUID decidedBy, Instant at) {
        return update("status = ?::dispute_status, resolution = ?, decided_by = ?, decided_at = ?",
                disputeId, version, at, status.code(), resolution, decidedBy, Timestamp.from(at));
    }

    @Override
    public boolean appeal(UUID disputeId, int version, String reason, UUID appealedBy, Instant at) {
        return update("status = 'in_review', appeal_count = appeal_count + 1, appeal_reason = ?, appealed_by = ?, appealed_at = ?, "
                        + "decided_by = NULL, decided_at = NULL",
                disputeId, version, at, reason, appealedBy, Timestamp.from(at));
    }

    /** One optimistic-locked update: the given assignments, then version + 1 and updated_at, if the version still matches. */
    private boolean update(String assignments, UUID disputeId, int version, Instant at, Object... values) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE disputes SET " + assignments
                    + ", updated_at = ?, version = version + 1 WHERE id = ? AND version = ?")) {
                int i = 1;
                for (Object value : values) {
                    if (value instanceof Timestamp t) {
                        p.setTimestamp(i++, t);
                    } else {
                        p.setObject(i++, value, value instanceof UUID ? Types.OTHER : Types.VARCHAR);
                    }
                }
                p.setTimestamp(i++, Timestamp.from(at));
                p.setObject(i++, disputeId, Types.OTHER);
                p.setInt(i, version);
                return p.executeUpdate() == 1;
            }
        });
    }

    private static Dispute dispute(ResultSet r) throws SQLException {
        return new Dispute(r.getObject("id", UUID.class), r.getObject("venture_id", UUID.class), r.getString("venture_name"),
                DisputeObjectType.ofCode(r.getString("object_type")), r.getObject("object_id", UUID.class),
                DisputeStatus.ofCode(r.getString("status")), r.getString("reason"),
                r.getObject("raised_by_user_id", UUID.class), r.getString("raised_by_name"), instant(r, "created_at"),
                r.getObject("assigned_to", UUID.class), r.getString("assigned_to_name"),
                instant(r, "first_response_due_at"), instant(r, "first_responded_at"), false,
                instant(r, "resolution_due_at"), false,
                r.getObject("decided_by", UUID.class), r.getString("decided_by_name"), instant(r, "decided_at"), r.getString("resolution"),
                r.getInt("appeal_count"), r.getString("appeal_reason"), instant(r, "appealed_at"), instant(r, "updated_at"),
                r.getInt("version"));
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
