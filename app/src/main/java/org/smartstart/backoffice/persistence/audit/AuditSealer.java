package org.smartstart.backoffice.persistence.audit;

import org.smartstart.backoffice.persistence.db.Transactions;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Chains committed audit entries (AU-2): takes them from audit_outbox in entry_no order and appends
 * them to audit_log with seq, prev_tx_hash and tx_hash, one transaction per batch.
 *
 * <p>Each batch first locks the chain head, so any number of sealers (threads or processes sharing the
 * database) take turns and none can seal an entry twice: the entries are deleted from the outbox in the
 * same transaction, and the next sealer's read, made after it got the lock, no longer sees them. The
 * chain order is the sealing order. Works as the application role, like every other writer.
 */
public final class AuditSealer {

    public static final int DEFAULT_BATCH_SIZE = 1_000;

    private final Transactions transactions;
    private final int batchSize;

    public AuditSealer(DataSource dataSource) {
        this(new Transactions(dataSource), DEFAULT_BATCH_SIZE);
    }

    public AuditSealer(Transactions transactions, int batchSize) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
        this.transactions = transactions;
        this.batchSize = batchSize;
    }

    /** Seals everything committed before this call (and whatever else it finds); returns how many entries. */
    public long sealPending() throws SQLException {
        long sealed = 0;
        int batch;
        do {
            batch = sealBatch();
            sealed += batch;
        } while (batch == batchSize);
        return sealed;
    }

    /** Seals up to one batch in one transaction; returns how many entries it sealed. */
    public int sealBatch() throws SQLException {
        return transactions.inTransaction(null, this::sealBatch);
    }

    /** Cheap check without touching the head lock, so idle sealers do not queue behind a busy one. */
    public boolean hasPending() throws SQLException {
        return transactions.inTransaction(null, c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM audit_outbox)");
                 ResultSet r = p.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        });
    }

    private record Unsealed(long entryNo, UUID id, OffsetDateTime ts, UUID actor, String action, String objectType,
                            UUID objectId, UUID ventureId, String dataJson) {
    }

    private int sealBatch(Connection c) throws SQLException {
        // The seal need not wait for its own WAL flush: if a crash loses it, it is lost whole (log rows,
        // head and outbox deletions together), the entries are still in the outbox and are sealed again.
        // WAL is replayed in order, so no later durable commit can survive without it. Waiting here
        // would put a second fsync behind every audited change.
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL synchronous_commit = off");
        }
        long headSeq;
        String headHash;
        try (PreparedStatement p = c.prepareStatement("SELECT seq, tx_hash FROM audit_chain_head_for_sealing()");
             ResultSet r = p.executeQuery()) {
            r.next();
            headSeq = r.getLong(1);
            headHash = r.getString(2);
        }

        // read after the head lock: READ COMMITTED takes a fresh snapshot per statement, so entries an
        // earlier sealer has just moved are gone from here
        List<Unsealed> entries = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(
                "SELECT entry_no, id, ts, actor_user_id, action, object_type, object_id, venture_id, data::text "
                        + "FROM audit_outbox ORDER BY entry_no LIMIT ?")) {
            p.setInt(1, batchSize);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    entries.add(new Unsealed(r.getLong(1), r.getObject(2, UUID.class), r.getObject(3, OffsetDateTime.class),
                            r.getObject(4, UUID.class), r.getString(5), r.getString(6), r.getObject(7, UUID.class),
                            r.getObject(8, UUID.class), r.getString(9)));
                }
            }
        }
        if (entries.isEmpty()) {
            return 0;
        }

        AuditHash hash = new AuditHash();
        int n = entries.size();
        Long[] entryNos = new Long[n];
        Long[] seqs = new Long[n];
        String[] prevs = new String[n];
        String[] txHashes = new String[n];
        long seq = headSeq;
        String prev = headHash;
        for (int i = 0; i < n; i++) {
            Unsealed e = entries.get(i);
            seq++;
            String txHash = hash.txHash(prev, new AuditHash.Content(e.id(), seq, e.ts(), e.actor(), e.action(),
                    e.objectType(), e.objectId(), e.ventureId(), e.dataJson()));
            entryNos[i] = e.entryNo();
            seqs[i] = seq;
            prevs[i] = prev;
            txHashes[i] = txHash;
            prev = txHash;
        }

        // One statement for the whole batch, copying the columns straight from the outbox: the log gets
        // byte for byte the ts and data that were hashed, and the AU-2 triggers check each row in seq
        // order and move the head once.
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO audit_log (id, seq, ts, actor_user_id, action, object_type, object_id, venture_id, data, prev_tx_hash, tx_hash) "
                        + "SELECT o.id, s.seq, o.ts, o.actor_user_id, o.action, o.object_type, o.object_id, o.venture_id, o.data, s.prev, s.hash "
                        + "FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[]) AS s(entry_no, seq, prev, hash) "
                        + "JOIN audit_outbox o ON o.entry_no = s.entry_no ORDER BY s.seq")) {
            insert.setArray(1, c.createArrayOf("bigint", entryNos));
            insert.setArray(2, c.createArrayOf("bigint", seqs));
            insert.setArray(3, c.createArrayOf("text", prevs));
            insert.setArray(4, c.createArrayOf("text", txHashes));
            int inserted = insert.executeUpdate();
            if (inserted != n) {
                throw new SQLException("AU-2: " + n + " audit entries were to be sealed but only " + inserted
                        + " were still in the outbox; another process removed some meanwhile, so this batch is undone", "SSA02");
            }
        }

        // exactly the rows sealed: an entry committed meanwhile with a lower entry_no stays for the next batch
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM audit_outbox WHERE entry_no = ANY (?)")) {
            delete.setArray(1, c.createArrayOf("bigint", entryNos));
            delete.executeUpdate();
        }
        return entries.size();
    }
}
