package org.smartstart.backoffice.persistence.demo;

import org.smartstart.backoffice.domain.audit.AuditEntry;
import org.smartstart.backoffice.persistence.audit.AuditOutbox;
import org.smartstart.backoffice.persistence.db.Transactions;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Plain JDBC for the demo loader inside its one transaction: knows which rows already exist (so a
 * re-run skips them), switches the acting user the way the app does for each action, batches inserts
 * per table, and counts what it created.
 */
final class DemoWriter {

    /** The summary's key for audit entries (written to audit_outbox, then sealed into audit_log). */
    static final String AUDIT_ENTRIES = "audit entries";

    private final Connection connection;
    private final Map<String, Set<String>> existingKeys = new HashMap<>();
    private final Map<String, Integer> created = new LinkedHashMap<>();
    private final Map<String, PreparedStatement> batches = new LinkedHashMap<>();
    private UUID actingUser;
    private boolean actingUserSet;

    DemoWriter(Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    /**
     * Names {@code user} as the one acting in the story that follows. The database itself is written as the
     * system (no app.current_user_id): the loader lays down a history that already happened, in an order
     * (people before their roles, documents before their reviewers' roles) that row-level security and
     * ID-3's triggers would refuse for a live user, and it must see every row to skip those that exist.
     */
    void actAs(UUID user) throws SQLException {
        if (actingUserSet && Objects.equals(actingUser, user)) {
            return;
        }
        flush();
        Transactions.actAs(connection, null);
        actingUser = user;
        actingUserSet = true;
    }

    /** Whether a row with this key exists; {@code keySql} is the key expression of the table, e.g. "id". */
    boolean exists(String table, String keySql, Object key) throws SQLException {
        String cacheKey = table + "|" + keySql;
        Set<String> keys = existingKeys.get(cacheKey);
        if (keys == null) {
            flush();
            keys = new HashSet<>();
            try (PreparedStatement p = connection.prepareStatement("SELECT (" + keySql + ")::text FROM " + table);
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1).trim());
                }
            }
            existingKeys.put(cacheKey, keys);
        }
        return keys.contains(String.valueOf(key));
    }

    boolean exists(String table, UUID id) throws SQLException {
        return exists(table, "id", id);
    }

    /** Records a row this run writes, so later existence checks in the same run see it. */
    private void remember(String table, String keySql, Object key) {
        Set<String> keys = existingKeys.get(table + "|" + keySql);
        if (keys != null) {
            keys.add(String.valueOf(key));
        }
    }

    /** Adds one row to the table's batch (sent before the next query, update or role switch). */
    void insert(String table, String sql, Object... params) throws SQLException {
        insertKeyed(table, "id", params[0], sql, params);
    }

    void insertKeyed(String table, String keySql, Object key, String sql, Object... params) throws SQLException {
        PreparedStatement p = batches.get(sql);
        if (p == null) {
            p = connection.prepareStatement(sql);
            batches.put(sql, p);
        }
        bind(p, params);
        p.addBatch();
        remember(table, keySql, key);
        created.merge(table, 1, Integer::sum);
    }

    /** Runs an update now; returns the rows changed. */
    int update(String sql, Object... params) throws SQLException {
        flush();
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            bind(p, params);
            return p.executeUpdate();
        }
    }

    void countCreated(String table, int rows) {
        created.merge(table, rows, Integer::sum);
    }

    /** The change's audit entry (AU-1); the sealer chains it after commit. */
    void audit(UUID actor, String action, String objectType, UUID objectId, UUID ventureId, Map<String, Object> data) throws SQLException {
        flush();
        AuditOutbox.append(connection, new AuditEntry(actor, action, objectType, objectId, ventureId, data));
        created.merge(AUDIT_ENTRIES, 1, Integer::sum);
    }

    void flush() throws SQLException {
        List<SQLException> failures = new ArrayList<>();
        for (PreparedStatement p : batches.values()) {
            try {
                p.executeBatch();
            } catch (SQLException e) {
                failures.add(e.getNextException() != null ? e.getNextException() : e);
            } finally {
                p.close();
            }
            if (!failures.isEmpty()) {
                break;
            }
        }
        batches.clear();
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    DemoDataSummary summary() {
        return new DemoDataSummary(created);
    }

    static void bind(PreparedStatement p, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object v = params[i];
            int at = i + 1;
            if (v == null) {
                p.setNull(at, Types.OTHER);
            } else if (v instanceof UUID || v instanceof Enum<?>) {
                p.setObject(at, v instanceof Enum<?> e ? e.name() : v, Types.OTHER);
            } else if (v instanceof Instant instant) {
                p.setObject(at, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else if (v instanceof OffsetDateTime || v instanceof LocalDate || v instanceof BigDecimal
                    || v instanceof String || v instanceof Long || v instanceof Integer || v instanceof Boolean) {
                p.setObject(at, v);
            } else if (v instanceof byte[] bytes) {
                p.setBytes(at, bytes);
            } else {
                throw new IllegalArgumentException("Cannot bind " + v.getClass());
            }
        }
    }
}
