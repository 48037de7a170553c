package org.smartstart.backoffice.persistence.audit;

import org.smartstart.backoffice.domain.audit.ChainAnchor;
import org.smartstart.backoffice.domain.audit.ChainBreak;
import org.smartstart.backoffice.domain.audit.ChainBreak.Reason;
import org.smartstart.backoffice.domain.audit.VerificationResult;
import org.smartstart.backoffice.domain.audit.VerificationStep;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Replays the whole audit chain (AU-4): recomputes every entry's tx_hash from its columns and the
 * previous entry's hash, and names the first entry that does not match, and why.
 *
 * <p>Reading is the limit (a core hashes millions of entries per second), so one thread streams rows
 * from a server-side cursor while the caller's thread canonicalises and hashes them. Everything is
 * read in one REPEATABLE READ snapshot, so the head, the log and the outbox count agree with each
 * other even while sealing goes on. Works as the connecting (owning) role rather than the application
 * role: verification must see every entry, whatever row-level security shows a user.
 */
public final class AuditVerifier {

    private static final int CHUNK = 1_000;
    private static final int PROGRESS_EVERY = 10_000;

    private final DataSource dataSource;
    private final int fetchSize;

    public AuditVerifier(DataSource dataSource) {
        this(dataSource, 10_000);
    }

    public AuditVerifier(DataSource dataSource, int fetchSize) {
        this.dataSource = dataSource;
        this.fetchSize = fetchSize;
    }

    public VerificationResult verify() throws SQLException {
        return verify(done -> { }, () -> false);
    }

    /**
     * @param progress  told the number of entries verified so far, now and then and at the end
     * @param cancelled polled between chunks; when it says true, verification stops with a {@link CancellationException}
     */
    public VerificationResult verify(LongConsumer progress, BooleanSupplier cancelled) throws SQLException {
        return verify(progress, cancelled, null);
    }

    /**
     * The whole chain, and with an anchor (a signed checkpoint's entry, AU-5) also that the log still has
     * exactly that entry: a consistent rewrite of the chain holds in itself but not against the anchor.
     */
    public VerificationResult verify(LongConsumer progress, BooleanSupplier cancelled, ChainAnchor anchor) throws SQLException {
        VerificationStep step = inSnapshot(c -> run(c, 0, AuditHash.GENESIS_HASH, 0, anchor, progress, cancelled));
        return new VerificationResult(step.verifiedEntries(), step.lastSeq(), step.lastTxHash(), step.unsealedEntries(), step.firstBreak());
    }

    /**
     * One step of a verification in steps: at most {@code limit} entries after {@code afterSeq}, which must
     * link to {@code afterTxHash}; when the log ends within the step, the head is checked too.
     */
    public VerificationStep verifyStep(long afterSeq, String afterTxHash, int limit, ChainAnchor anchor) throws SQLException {
        return inSnapshot(c -> run(c, afterSeq, afterTxHash, limit, anchor, done -> { }, () -> false));
    }

    @FunctionalInterface
    private interface InSnapshot<T> {
        T apply(Connection c) throws SQLException;
    }

    private <T> T inSnapshot(InSnapshot<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            int isolation = c.getTransactionIsolation();
            try {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                c.setReadOnly(true);
                return work.apply(c);
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setTransactionIsolation(isolation);
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private record Row(Long seq, UUID id, OffsetDateTime ts, UUID actor, String action, String objectType, UUID objectId,
                       UUID ventureId, String dataJson, String prevTxHash, String txHash) {
    }

    /** @param limit at most this many rows; 0 for all of them */
    private VerificationStep run(Connection c, long afterSeq, String afterHash, int limit, ChainAnchor anchor,
                                 LongConsumer progress, BooleanSupplier cancelled) throws SQLException {
        long headSeq;
        String headHash;
        try (PreparedStatement p = c.prepareStatement("SELECT seq, tx_hash FROM audit_chain_head");
             ResultSet r = p.executeQuery()) {
            if (!r.next()) {
                throw new SQLException("The audit chain head row is missing; the database was not set up by this application");
            }
            headSeq = r.getLong(1);
            headHash = r.getString(2);
        }
        long unsealed;
        try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM audit_outbox");
             ResultSet r = p.executeQuery()) {
            r.next();
            unsealed = r.getLong(1);
        }

        Reader reader = new Reader(c, afterSeq, limit);
        Thread readerThread = new Thread(reader, "audit-verify-reader");
        readerThread.setDaemon(true);
        readerThread.start();

        AuditHash hash = new AuditHash();
        long verified = 0;
        long rows = 0;
        long lastSeq = afterSeq;
        String lastHash = afterHash;
        ChainBreak firstBreak = null;
        try {
            chunks:
            while (true) {
                if (cancelled.getAsBoolean()) throw new CancellationException("Audit verification was cancelled");
                List<Row> chunk = reader.next();
                if (chunk.isEmpty()) break;
                for (Row row : chunk) {
                    rows++;
                    firstBreak = check(hash, row, lastSeq, lastHash);
                    if (firstBreak == null && anchor != null && row.seq() == anchor.seq() && !anchor.txHash().equals(row.txHash())) {
                        firstBreak = new ChainBreak(anchor.seq(), Reason.CHECKPOINT_MISMATCH, "the log was rewritten up to this entry: "
                                + "its tx_hash is " + shorten(row.txHash()) + ", but " + anchor.source() + " says "
                                + shorten(anchor.txHash()) + " (the chain holds in itself, so every hash before it was recomputed)");
                    }
                    if (firstBreak != null) break chunks;
                    verified++;
                    lastSeq = row.seq();
                    lastHash = row.txHash();
                    if (verified % PROGRESS_EVERY == 0) progress.accept(verified);
                }
            }
        } finally {
            reader.stop();
            try {
                readerThread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        boolean complete = limit <= 0 || rows < limit;
        if (firstBreak == null && complete) {
            firstBreak = checkHead(headSeq, headHash, lastSeq, lastHash);
        }
        if (firstBreak == null && complete && anchor != null && anchor.seq() > lastSeq) {
            firstBreak = new ChainBreak(lastSeq + 1, Reason.CHECKPOINT_MISMATCH, "the log ends at seq " + lastSeq + ", but "
                    + anchor.source() + " vouches for an entry at seq " + anchor.seq() + ": entries were cut off the end");
        }
        progress.accept(verified);
        return new VerificationStep(verified, lastSeq, lastHash, headSeq, unsealed, complete || firstBreak != null,
                Optional.ofNullable(firstBreak));
    }

    private static ChainBreak check(AuditHash hash, Row row, long lastSeq, String lastHash) {
        long expected = lastSeq + 1;
        if (row.seq() == null) {
            return new ChainBreak(expected, Reason.ENTRY_MISSING, "entry seq " + expected + " is missing: the log goes on with entry "
                    + row.id() + ", which has no seq at all");
        }
        long seq = row.seq();
        if (seq > expected) {
            return new ChainBreak(expected, Reason.ENTRY_MISSING, (seq == expected + 1 ? "entry seq " + expected + " is"
                    : "entries seq " + expected + " to " + (seq - 1) + " are") + " missing: the log goes from seq " + lastSeq + " to seq " + seq);
        }
        if (seq < expected) {
            return new ChainBreak(seq, Reason.LINK_BROKEN, "seq " + seq + " appears more than once");
        }
        if (!lastHash.equals(row.prevTxHash())) {
            String previous = lastSeq == 0 ? "the genesis hash (64 zeros)" : "the tx_hash " + shorten(lastHash) + " of seq " + lastSeq;
            return new ChainBreak(seq, Reason.LINK_BROKEN, "the link is broken: its prev_tx_hash " + shorten(row.prevTxHash())
                    + " is not " + previous + " (entries were removed, reordered or replaced)");
        }
        String recomputed = hash.txHash(row.prevTxHash(), new AuditHash.Content(row.id(), seq, row.ts(), row.actor(),
                row.action(), row.objectType(), row.objectId(), row.ventureId(), row.dataJson()));
        if (!recomputed.equals(row.txHash())) {
            return new ChainBreak(seq, Reason.CONTENT_CHANGED, "its content was changed: its columns hash to " + shorten(recomputed)
                    + ", not to its stored tx_hash " + shorten(row.txHash()) + " (" + row.action() + " on " + row.objectType() + ")");
        }
        return null;
    }

    private static ChainBreak checkHead(long headSeq, String headHash, long lastSeq, String lastHash) {
        if (headSeq > lastSeq) {
            return new ChainBreak(lastSeq + 1, Reason.ENTRY_MISSING, (headSeq == lastSeq + 1 ? "entry seq " + headSeq + " is"
                    : "entries seq " + (lastSeq + 1) + " to " + headSeq + " are") + " missing: the log ends at seq " + lastSeq
                    + " but the chain head is at seq " + headSeq);
        }
        if (headSeq != lastSeq || !headHash.equals(lastHash)) {
            return new ChainBreak(lastSeq, Reason.HEAD_MISMATCH, "the chain head (seq " + headSeq + ", tx_hash " + shorten(headHash)
                    + ") does not match the last entry (seq " + lastSeq + ", tx_hash " + shorten(lastHash) + ")");
        }
        return null;
    }

    private static String shorten(String hash) {
        if (hash == null) return "null";
        return hash.length() > 16 ? hash.substring(0, 16) + "…" : hash;
    }

    /** Streams the log in chunks through a small queue, so reading and hashing overlap. */
    private final class Reader implements Runnable {
        private static final List<Row> END = List.of();

        private final Connection connection;
        private final long afterSeq;
        private final int limit;
        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(16);
        private volatile boolean stopped;

        Reader(Connection connection, long afterSeq, int limit) {
            this.connection = connection;
            this.afterSeq = afterSeq;
            this.limit = limit;
        }

        @Override
        public void run() {
            // entries without a seq come last, so they are met (as missing seqs) only once the sealed chain has run out
            try (PreparedStatement p = connection.prepareStatement(
                    "SELECT seq, id, ts, actor_user_id, action, object_type, object_id, venture_id, data::text, prev_tx_hash, tx_hash "
                            + "FROM audit_log" + (afterSeq > 0 ? " WHERE seq > ? OR seq IS NULL" : "") + " ORDER BY seq NULLS LAST"
                            + (limit > 0 ? " LIMIT " + limit : ""))) {
                if (afterSeq > 0) {
                    p.setLong(1, afterSeq);
                }
                p.setFetchSize(fetchSize);
                try (ResultSet r = p.executeQuery()) {
                    List<Row> chunk = new ArrayList<>(CHUNK);
                    while (!stopped && r.next()) {
                        long seq = r.getLong(1);
                        chunk.add(new Row(r.wasNull() ? null : seq, r.getObject(2, UUID.class), r.getObject(3, OffsetDateTime.class),
                                r.getObject(4, UUID.class), r.getString(5), r.getString(6), r.getObject(7, UUID.class),
                                r.getObject(8, UUID.class), r.getString(9), r.getString(10), r.getString(11)));
                        if (chunk.size() == CHUNK) {
                            hand(chunk);
                            chunk = new ArrayList<>(CHUNK);
                        }
                    }
                    if (!chunk.isEmpty()) hand(chunk);
                }
                hand(END);
            } catch (SQLException | RuntimeException e) {
                handQuietly(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void hand(Object item) throws InterruptedException {
            while (!stopped) {
                if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) return;
            }
        }

        private void handQuietly(Exception e) {
            try {
                hand(e);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }

        @SuppressWarnings("unchecked")
        List<Row> next() throws SQLException {
            Object item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("Audit verification was interrupted");
            }
            if (item instanceof SQLException e) throw new SQLException("Reading the audit log failed: " + e.getMessage(), e.getSQLState(), e);
            if (item instanceof RuntimeException e) throw e;
            return (List<Row>) item;
        }

        void stop() {
            stopped = true;
        }
    }
}
