package org.smartstart.backoffice.persistence.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.smartstart.backoffice.domain.audit.AuditEntry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Writes a change's audit entry inside the change's own transaction, unsealed: seq and hashes are
 * assigned in order by the sealer right after commit, so concurrent writers never wait on the chain head.
 */
public final class AuditOutbox {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private AuditOutbox() {
    }

    private static final String INSERT =
            "INSERT INTO audit_outbox (actor_user_id, action, object_type, object_id, venture_id, data) VALUES (?, ?, ?, ?, ?, ?::jsonb)";

    public static void append(Connection c, AuditEntry entry) throws SQLException {
        insert(c, INSERT, entry);
    }

    /**
     * Appends the entry and commits the transaction in one round trip: the driver sends both statements
     * together, and PostgreSQL commits only if the insert succeeded (after an error it skips the rest of what
     * was sent, and the caller rolls back). A command's last round trip is thereby its commit; every
     * round trip costs both sides CPU (a separate COMMIT made the bare claim of ClaimFloorBenchmark about a
     * sixth dearer, bench/RESULTS.md, issue 5).
     * Afterwards the driver sees no open transaction, so the connection's own commit() sends nothing.
     */
    public static void appendAndCommit(Connection c, AuditEntry entry) throws SQLException {
        insert(c, INSERT + "; COMMIT", entry);
        c.commit();
    }

    private static void insert(Connection c, String sql, AuditEntry entry) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setObject(1, entry.actor(), Types.OTHER);
            p.setString(2, entry.action());
            p.setString(3, entry.objectType());
            p.setObject(4, entry.objectId(), Types.OTHER);
            p.setObject(5, entry.ventureId(), Types.OTHER);
            p.setString(6, toJson(entry));
            p.execute();
        }
    }

    static String toJson(AuditEntry entry) {
        try {
            return JSON.writeValueAsString(entry.data());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit data of " + entry.action() + " cannot be written as JSON", e);
        }
    }
}
