package org.smartstart.backoffice.persistence.disputes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.smartstart.backoffice.domain.disputes.Dispute;
import org.smartstart.backoffice.domain.disputes.DisputeContext;
import org.smartstart.backoffice.domain.disputes.DisputeEvent;
import org.smartstart.backoffice.domain.disputes.DisputeEvidence;
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
import java.util.Map;
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

    private static final ObjectMapper JSON = new ObjectMapper();

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
                       AND (?::uuid IS NULL OR d.venture_id = ?::uuid)
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
                p.setObject(9, filter.venture(), Types.OTHER);
                p.setObject(10, filter.venture(), Types.OTHER);
                p.setObject(11, filter.raisedBy(), Types.OTHER);
                p.setObject(12, filter.raisedBy(), Types.OTHER);
                p.setObject(13, filter.overdue(), Types.BOOLEAN);
                p.setObject(14, filter.overdue(), Types.BOOLEAN);
                p.setTimestamp(15, Timestamp.from(now));
                p.setTimestamp(16, Timestamp.from(now));
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
    public boolean decide(UUID disputeId, int version, DisputeStatus status, String resolution, UUID decidedBy, Instant at,
                          Map<String, Object> remedy) {
        String json;
        try {
            json = remedy == null ? null : JSON.writeValueAsString(remedy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A remedy's facts are plain values", e);
        }
        return update("status = ?::dispute_status, resolution = ?, decided_by = ?, decided_at = ?, remedy = ?::jsonb",
                disputeId, version, at, status.code(), resolution, decidedBy, Timestamp.from(at), json);
    }

    @Override
    public Optional<DisputedTask> disputedTask(DisputeObjectType type, UUID objectId) {
        String query = switch (type) {
            case TASK -> "SELECT t.id, t.title, t.status::text, t.version FROM tasks t WHERE t.id = ?";
            case REVIEW -> "SELECT t.id, t.title, t.status::text, t.version FROM reviews r JOIN tasks t ON t.id = r.task_id WHERE r.id = ?";
            default -> null;
        };
        if (query == null) {
            return Optional.empty();
        }
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement(query)) {
                p.setObject(1, objectId, Types.OTHER);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(new DisputedTask(r.getObject(1, UUID.class), r.getString(2), r.getString(3), r.getInt(4)))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean reopenTask(UUID taskId, int version) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE tasks SET status = 'open', version = version + 1 WHERE id = ? AND version = ? AND status IN ('approved', 'rejected')")) {
                p.setObject(1, taskId, Types.OTHER);
                p.setInt(2, version);
                return p.executeUpdate() == 1;
            }
        });
    }

    @Override
    public DisputeContext context(Dispute d) {
        return sql(() -> switch (d.objectType()) {
            case TASK, REVIEW -> taskContext(d);
            case BUZ_TX -> walletContext(d);
            case EQUITY -> capTableContext(d);
        });
    }

    private DisputeContext taskContext(Dispute d) throws SQLException {
        Optional<DisputedTask> task = disputedTask(d.objectType(), d.objectId());
        if (task.isEmpty()) {
            return new DisputeContext(d.id(), d.objectType(), d.objectId(), "The disputed object no longer exists.", List.of(),
                    null, null, null, null);
        }
        List<DisputeContext.Line> lines = new ArrayList<>();
        String heading;
        try (PreparedStatement p = c.prepareStatement("""
                SELECT t.title, t.type::text, t.criticality::text, t.status::text, a.display_name, cb.display_name, t.created_at
                  FROM tasks t LEFT JOIN users a ON a.id = t.assignee_user_id LEFT JOIN users cb ON cb.id = t.created_by_user_id
                 WHERE t.id = ?""")) {
            p.setObject(1, task.get().id(), Types.OTHER);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                heading = "Task \u201c" + r.getString(1) + "\u201d (" + r.getString(2) + ", " + r.getString(3) + ") · " + r.getString(4)
                        + " · assigned to " + (r.getString(5) == null ? "nobody" : r.getString(5));
                lines.add(new DisputeContext.Line("task", task.get().id(), "Task \u201c" + r.getString(1) + "\u201d · " + r.getString(4)
                        + " · assigned to " + (r.getString(5) == null ? "nobody" : r.getString(5)) + " · created by " + r.getString(6),
                        d.objectType() == DisputeObjectType.TASK));
            }
        }
        try (PreparedStatement p = c.prepareStatement("""
                SELECT r.id, u.display_name, r.decision::text, r.quality_score, r.comments, r.created_at
                  FROM reviews r LEFT JOIN users u ON u.id = r.reviewer_user_id
                 WHERE r.task_id = ? ORDER BY r.created_at, r.id""")) {
            p.setObject(1, task.get().id(), Types.OTHER);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    UUID id = r.getObject(1, UUID.class);
                    lines.add(new DisputeContext.Line("review", id, "  Review by " + r.getString(2) + " on " + day(r, 6) + ": "
                            + r.getString(3).replace('_', ' ') + (r.getObject(4) == null ? "" : ", quality " + r.getInt(4))
                            + (r.getString(5) == null || r.getString(5).isBlank() ? "" : " \u2014 " + r.getString(5)),
                            id.equals(d.objectId())));
                }
            }
        }
        if (lines.size() == 1) {
            lines.add(new DisputeContext.Line("review", null, "  No reviews yet.", false));
        }
        return new DisputeContext(d.id(), d.objectType(), d.objectId(), heading, lines, task.get().id(), task.get().status(), null, null);
    }

    private DisputeContext walletContext(Dispute d) throws SQLException {
        UUID wallet;
        UUID owner;
        String ownerName;
        long balance;
        Timestamp disputedAt;
        try (PreparedStatement p = c.prepareStatement("""
                SELECT w.id, w.user_id, u.display_name, w.buz_balance, b.created_at
                  FROM buz_transactions b JOIN user_wallets w ON w.id = b.wallet_id LEFT JOIN users u ON u.id = w.user_id
                 WHERE b.id = ?""")) {
            p.setObject(1, d.objectId(), Types.OTHER);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return new DisputeContext(d.id(), d.objectType(), d.objectId(), "The disputed BUZ transaction no longer exists.",
                            List.of(), null, null, null, null);
                }
                wallet = r.getObject(1, UUID.class);
                owner = r.getObject(2, UUID.class);
                ownerName = r.getString(3);
                balance = r.getLong(4);
                disputedAt = r.getTimestamp(5);
            }
        }
        List<DisputeContext.Line> lines = new ArrayList<>();
        // The ten latest transactions of the wallet, and the disputed one with its neighbours even when older.
        try (PreparedStatement p = c.prepareStatement("""
                SELECT b.id, b.type::text, b.amount, v.name, b.created_at, b.tx_hash
                  FROM buz_transactions b LEFT JOIN ventures v ON v.id = b.venture_id
                 WHERE b.wallet_id = ?
                   AND (b.id IN (SELECT id FROM buz_transactions WHERE wallet_id = ? ORDER BY created_at DESC, id DESC LIMIT 10)
                        OR b.id IN (SELECT id FROM buz_transactions WHERE wallet_id = ? AND created_at <= ? ORDER BY created_at DESC, id DESC LIMIT 3)
                        OR b.id IN (SELECT id FROM buz_transactions WHERE wallet_id = ? AND created_at > ? ORDER BY created_at, id LIMIT 2))
                 ORDER BY b.created_at DESC, b.id DESC""")) {
            p.setObject(1, wallet, Types.OTHER);
            p.setObject(2, wallet, Types.OTHER);
            p.setObject(3, wallet, Types.OTHER);
            p.setTimestamp(4, disputedAt);
            p.setObject(5, wallet, Types.OTHER);
            p.setTimestamp(6, disputedAt);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    UUID id = r.getObject(1, UUID.class);
                    long amount = r.getLong(3);
                    lines.add(new DisputeContext.Line("buz_transaction", id, day(r, 5) + "  " + r.getString(2) + " "
                            + (amount > 0 ? "+" : "") + amount + " BUZ of " + r.getString(4) + " · tx " + r.getString(6).substring(0, 12) + "\u2026",
                            id.equals(d.objectId())));
                }
            }
        }
        return new DisputeContext(d.id(), d.objectType(), d.objectId(), "BUZ transaction on " + ownerName + "'s wallet (balance "
                + balance + " BUZ); its recent history:", lines, null, null, owner, ownerName);
    }

    private DisputeContext capTableContext(Dispute d) throws SQLException {
        java.sql.Date from;
        try (PreparedStatement p = c.prepareStatement("SELECT effective_from FROM equity_ledger WHERE id = ?")) {
            p.setObject(1, d.objectId(), Types.OTHER);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return new DisputeContext(d.id(), d.objectType(), d.objectId(), "The disputed ledger row no longer exists.",
                            List.of(), null, null, null, null);
                }
                from = r.getDate(1);
            }
        }
        List<DisputeContext.Line> lines = new ArrayList<>();
        // The cap table on the day the disputed row starts: every row in force then, and the disputed one.
        try (PreparedStatement p = c.prepareStatement("""
                SELECT l.id, l.holder_type::text, u.display_name, l.percent, l.effective_from, l.effective_to
                  FROM equity_ledger l LEFT JOIN users u ON u.id = l.holder_id
                 WHERE l.venture_id = ? AND (l.id = ? OR (l.effective_from <= ? AND (l.effective_to IS NULL OR l.effective_to >= ?)))
                 ORDER BY l.percent DESC, l.effective_from, l.id""")) {
            p.setObject(1, d.ventureId(), Types.OTHER);
            p.setObject(2, d.objectId(), Types.OTHER);
            p.setDate(3, from);
            p.setDate(4, from);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    UUID id = r.getObject(1, UUID.class);
                    String holder = "alice".equals(r.getString(2)) ? "AliceSolutions (platform)" : r.getString(3);
                    lines.add(new DisputeContext.Line("equity_ledger", id, holder + "  " + r.getBigDecimal(4).stripTrailingZeros().toPlainString()
                            + "%  from " + r.getDate(5) + (r.getDate(6) == null ? "" : " to " + r.getDate(6)), id.equals(d.objectId())));
                }
            }
        }
        return new DisputeContext(d.id(), d.objectType(), d.objectId(), "Cap table of " + d.ventureName() + " on " + from
                + ", the day the disputed row starts:", lines, null, null, null, null);
    }

    @Override
    public List<DisputeEvent> events(UUID disputeId) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement("""
                    SELECT l.seq, l.ts, l.actor_user_id, u.display_name, l.action, l.data->>'after', l.data->>'reason',
                           l.data->>'resolution', l.data->>'file_name', l.data->>'sha256', l.data->'remedy'->>'kind', l.tx_hash,
                           l.data->>'assigned_to', a.display_name
                      FROM (SELECT seq, ts, actor_user_id, action, object_type, object_id, data, tx_hash FROM audit_log
                            UNION ALL
                            -- committed but not yet sealed (AU-2): shown without seq and hash
                            SELECT NULL, ts, actor_user_id, action, object_type, object_id, data, NULL FROM audit_outbox) l
                      LEFT JOIN users u ON u.id = l.actor_user_id
                      LEFT JOIN users a ON a.id::text = coalesce(CASE WHEN l.action = 'DISPUTE_ASSIGNED' THEN l.data->>'after' END, l.data->>'assigned_to')
                     WHERE l.object_type = 'dispute' AND l.object_id = ?
                     ORDER BY l.seq NULLS LAST, l.ts""")) {
                p.setObject(1, disputeId, Types.OTHER);
                List<DisputeEvent> events = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        String action = r.getString(5);
                        String what = switch (action) {
                            case "DISPUTE_RAISED" -> "Raised: " + r.getString(7);
                            case "DISPUTE_ASSIGNED" -> "Assigned to " + (r.getString(14) == null ? r.getString(6) : r.getString(14));
                            case "DISPUTE_IN_REVIEW" -> "Review started" + (r.getString(14) == null ? "" : " by " + r.getString(14));
                            case "DISPUTE_DECIDED" -> "Decided: " + r.getString(6) + " \u2014 " + r.getString(8)
                                    + (r.getString(11) == null ? "" : " (remedy: " + r.getString(11).replace('_', ' ') + ")");
                            case "DISPUTE_APPEALED" -> "Appealed: " + r.getString(7);
                            case "DISPUTE_EVIDENCE_ADDED" -> "Evidence added: " + r.getString(9) + " (sha256 " + r.getString(10) + ")";
                            default -> action;
                        };
                        long seq = r.getLong(1);
                        events.add(new DisputeEvent(r.wasNull() ? null : seq, r.getTimestamp(2).toInstant(), r.getObject(3, UUID.class),
                                r.getString(4), action, what, r.getString(12)));
                    }
                }
                return events;
            }
        });
    }

    private static final String EVIDENCE = """
            SELECT e.id, e.dispute_id, e.file_name, e.media_type, e.sha256, octet_length(b.bytes), e.added_by, u.display_name, e.added_at
              FROM dispute_evidence e LEFT JOIN document_blobs b ON b.sha256 = e.sha256 LEFT JOIN users u ON u.id = e.added_by
            """;

    @Override
    public List<DisputeEvidence> evidence(UUID disputeId) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement(EVIDENCE + " WHERE e.dispute_id = ? ORDER BY e.added_at, e.id")) {
                p.setObject(1, disputeId, Types.OTHER);
                List<DisputeEvidence> found = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        found.add(evidence(r));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public Optional<DisputeEvidence> evidence(UUID disputeId, UUID evidenceId) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement(EVIDENCE + " WHERE e.dispute_id = ? AND e.id = ?")) {
                p.setObject(1, disputeId, Types.OTHER);
                p.setObject(2, evidenceId, Types.OTHER);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(evidence(r)) : Optional.empty();
                }
            }
        });
    }

    private static DisputeEvidence evidence(ResultSet r) throws SQLException {
        return new DisputeEvidence(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getString(3), r.getString(4), r.getString(5),
                r.getLong(6), r.getObject(7, UUID.class), r.getString(8), r.getTimestamp(9).toInstant());
    }

    @Override
    public Optional<byte[]> bytes(String sha256) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement("SELECT bytes FROM document_blobs WHERE sha256 = ?")) {
                p.setString(1, sha256);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(r.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public UUID attach(UUID disputeId, String fileName, String mediaType, String sha256, byte[] bytes, UUID addedBy, Instant at) {
        return sql(() -> {
            // Bytes are stored once per sha256; the same file attached twice names the same blob.
            try (PreparedStatement p = c.prepareStatement("INSERT INTO document_blobs (sha256, media_type, bytes, stored_at) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING")) {
                p.setString(1, sha256);
                p.setString(2, mediaType);
                p.setBytes(3, bytes);
                p.setTimestamp(4, Timestamp.from(at));
                p.executeUpdate();
            }
            UUID id = UUID.randomUUID();
            try (PreparedStatement p = c.prepareStatement("INSERT INTO dispute_evidence (id, dispute_id, file_name, media_type, sha256, added_by, added_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                p.setObject(1, id, Types.OTHER);
                p.setObject(2, disputeId, Types.OTHER);
                p.setString(3, fileName);
                p.setString(4, mediaType);
                p.setString(5, sha256);
                p.setObject(6, addedBy, Types.OTHER);
                p.setTimestamp(7, Timestamp.from(at));
                p.executeUpdate();
            }
            return id;
        });
    }

    private static String day(ResultSet r, int column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? "?" : t.toInstant().atOffset(java.time.ZoneOffset.UTC).toLocalDate().toString();
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
