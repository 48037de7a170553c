package org.smartstart.backoffice.persistence.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What a database superuser could do to the audit log with triggers off: rewrite it so that the chain
 * holds in itself. Only a signed checkpoint tells (AU-5). Used by the tamper tests.
 */
public final class ChainForger {

    private ChainForger() {
    }

    /** Changes the data of entry {@code seq}, drops the entries after {@code keep}, and recomputes every hash from {@code seq} on and the head. */
    public static void rewriteConsistentlyFrom(Connection c, long seq, long keep) throws SQLException {
        {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL session_replication_role = replica");
                s.execute("UPDATE audit_log SET data = data || '{\"forged\": true}'::jsonb WHERE seq = " + seq);
                s.execute("DELETE FROM audit_log WHERE seq > " + keep);
            }
            AuditHash hash = new AuditHash();
            String prev;
            try (PreparedStatement p = c.prepareStatement("SELECT tx_hash FROM audit_log WHERE seq = ?")) {
                p.setLong(1, seq - 1);
                try (ResultSet r = p.executeQuery()) {
                    prev = r.next() ? r.getString(1) : AuditHash.GENESIS_HASH;
                }
            }
            try (PreparedStatement read = c.prepareStatement("SELECT id, seq, ts, actor_user_id, action, object_type, object_id, venture_id, "
                    + "data::text FROM audit_log WHERE seq >= ? ORDER BY seq");
                 PreparedStatement write = c.prepareStatement("UPDATE audit_log SET prev_tx_hash = ?, tx_hash = ? WHERE seq = ?")) {
                read.setLong(1, seq);
                try (ResultSet r = read.executeQuery()) {
                    while (r.next()) {
                        AuditHash.Content content = new AuditHash.Content(r.getObject(1, UUID.class), r.getLong(2),
                                r.getObject(3, OffsetDateTime.class), r.getObject(4, UUID.class), r.getString(5), r.getString(6),
                                r.getObject(7, UUID.class), r.getObject(8, UUID.class), r.getString(9));
                        String forged = hash.txHash(prev, content);
                        write.setString(1, prev);
                        write.setString(2, forged);
                        write.setLong(3, content.seq());
                        write.addBatch();
                        prev = forged;
                    }
                }
                write.executeBatch();
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE audit_chain_head SET seq = ?, tx_hash = ?")) {
                p.setLong(1, keep);
                p.setString(2, prev);
                p.executeUpdate();
            }
            c.commit();
        }
    }

}
