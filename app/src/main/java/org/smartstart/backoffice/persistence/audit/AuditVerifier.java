package org.smartstart.backoffice.persistence.audit;

import org.smartstart.backoffice.domain.audit.ChainAnchor;
import org.smartstart.backoffice.domain.audit.ChainBreak;
import org.smartstart.backoffice.domain.audit.ChainBreak.Reason;
import org.smartstart.backoffice.domain.audit.VerificationResult;
import org.smartstart.backoffice.domain.audit.VerificationStep;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Replays the whole audit chain (AU-4): recomputes every entry's tx_hash from its columns and the
 * previous entry's hash, and names the first entry that does not match, and why.
 *
 * <p>Reading is the limit, so the log is streamed with {@code COPY (SELECT ...) TO STDOUT (FORMAT binary)}:
 * the server formats no value (uuids, times and numbers go out as bytes; PostgreSQL's COPY text form would
 * format and escape every one of them), and the driver converts nothing. One thread receives the rows, a
 * few workers canonicalise and hash chunks of them in parallel (each entry's hash depends only on its own
 * columns and its stored prev_tx_hash), and the caller's thread checks seqs and links in order. A bounded
 * queue of chunks keeps memory small whatever the log's size. The fast canonical form ({@link CanonicalEntry})
 * is only trusted when it confirms a stored hash; when it does not, the entry is hashed again the reference
 * way ({@link AuditHash#canonicalJson}) before it is called changed.
 *
 * <p>Everything is read in one REPEATABLE READ snapshot, so the head, the log and the outbox count agree
 * with each other even while sealing goes on. Works as the connecting (owning) role rather than the
 * application role: verification must see every entry, whatever row-level security shows a user.
 */
public final class AuditVerifier {

    private static final int PROGRESS_EVERY = 10_000;

    private final DataSource dataSource;
    private final int chunk;
    private final int workers = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    public AuditVerifier(DataSource dataSource) {
        this(dataSource, 1_000);
    }

    /** @param chunk entries a worker hashes at a time */
    public AuditVerifier(DataSource dataSource, int chunk) {
        this.dataSource = dataSource;
        this.chunk = chunk;
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

    /** One entry as read and hashed by a worker; {@code recomputed} is null when its columns cannot be hashed at all. */
    private record Row(Long seq, String id, String action, String objectType, String prevTxHash, String txHash,
                       String recomputed, String unreadable) {
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

        ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
            Thread t = new Thread(task, "audit-verify-hash");
            t.setDaemon(true);
            return t;
        });
        Reader reader = new Reader(c, afterSeq, limit, pool);
        Thread readerThread = new Thread(reader, "audit-verify-reader");
        readerThread.setDaemon(true);
        readerThread.start();

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
                    firstBreak = check(row, lastSeq, lastHash);
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
            } finally {
                pool.shutdownNow();
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

    private static ChainBreak check(Row row, long lastSeq, String lastHash) {
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
        if (row.recomputed() == null) {
            return new ChainBreak(seq, Reason.CONTENT_CHANGED, "its content was changed: " + row.unreadable()
                    + " (" + row.action() + " on " + row.objectType() + ")");
        }
        String recomputed = row.recomputed();
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

    /**
     * The rows one verification (step) reads, in chain order: at most {@code limit} (0: all) entries after
     * {@code afterSeq}, entries without a seq last, so they are met (as missing seqs) only once the sealed chain
     * has run out.
     */
    public static String stepSelect(long afterSeq, int limit) {
        String columns = "SELECT seq, id, ts, actor_user_id, action, object_type, object_id, venture_id, data::text, prev_tx_hash, tx_hash "
                + "FROM audit_log";
        if (afterSeq <= 0 || limit <= 0) { // from the start, or to the end (every row is read anyway)
            return columns + (afterSeq > 0 ? " WHERE seq > " + afterSeq + " OR seq IS NULL" : "") + " ORDER BY seq NULLS LAST"
                    + (limit > 0 ? " LIMIT " + limit : "");
        }
        // "seq > n OR seq IS NULL" in one scan cannot start the index at n: it read all n entries before it (a step
        // deep in a 10M log took seconds). Each branch is an index range that stops after the step's rows; only
        // those (at most twice the step) are put in order.
        return "SELECT * FROM ((" + columns + " WHERE seq > " + afterSeq + " ORDER BY seq LIMIT " + limit + ") UNION ALL ("
                + columns + " WHERE seq IS NULL LIMIT " + limit + ")) step ORDER BY seq NULLS LAST LIMIT " + limit;
    }

    /**
     * Receives the COPY rows and hands chunks of them to the workers; the caller takes the finished chunks
     * in their original order from a bounded queue, so at most a few chunks are in memory at a time.
     */
    private final class Reader implements Runnable {
        private static final Future<List<Row>> END = CompletableFuture.completedFuture(List.of());

        private final Connection connection;
        private final long afterSeq;
        private final int limit;
        private final ExecutorService pool;
        private final BlockingQueue<Future<List<Row>>> queue;
        private volatile boolean stopped;

        Reader(Connection connection, long afterSeq, int limit, ExecutorService pool) {
            this.connection = connection;
            this.afterSeq = afterSeq;
            this.limit = limit;
            this.pool = pool;
            this.queue = new ArrayBlockingQueue<>(4 * workers + 4);
        }

        @Override
        public void run() {
            String sql = "COPY (" + stepSelect(afterSeq, limit) + ") TO STDOUT (FORMAT binary)";
            try {
                PGConnection pg = connection.unwrap(PGConnection.class);
                CopyOut copy = pg.getCopyAPI().copyOut(sql);
                try {
                    List<byte[]> chunk = new ArrayList<>(AuditVerifier.this.chunk);
                    byte[] line;
                    while (!stopped && (line = copy.readFromCopy()) != null) {
                        if (CopyBinary.startsWithHeader(line)) {
                            line = Arrays.copyOfRange(line, CopyBinary.HEADER, line.length);
                        }
                        if (line.length == 0 || CopyBinary.isTrailer(line)) {
                            continue;
                        }
                        chunk.add(line);
                        if (chunk.size() == AuditVerifier.this.chunk) {
                            submit(chunk);
                            chunk = new ArrayList<>(AuditVerifier.this.chunk);
                        }
                    }
                    if (!stopped) {
                        if (!chunk.isEmpty()) submit(chunk);
                        hand(END);
                    }
                } finally {
                    if (copy.isActive()) {
                        stopEarly(pg, copy);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!stopped) handQuietly(CompletableFuture.failedFuture(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * Stops a COPY that is still sending (a break was found, or the caller cancelled). CopyOut.cancelCopy
         * leaves the rest of the stream unread on the connection, so instead the statement is cancelled and
         * what was already sent is read away; the transaction is rolled back afterwards anyway.
         */
        private void stopEarly(PGConnection pg, CopyOut copy) {
            try {
                pg.cancelQuery();
                while (copy.readFromCopy() != null) {
                    // discard
                }
            } catch (SQLException expected) {
                // "canceling statement due to user request" ends the COPY
            }
        }

        private void submit(List<byte[]> lines) throws InterruptedException {
            hand(pool.submit(() -> hashAll(lines)));
        }

        private void hand(Future<List<Row>> item) throws InterruptedException {
            while (!stopped) {
                if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) return;
            }
        }

        private void handQuietly(Future<List<Row>> item) {
            try {
                hand(item);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }

        List<Row> next() throws SQLException {
            try {
                return queue.take().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("Audit verification was interrupted");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof SQLException sql) {
                    throw new SQLException("Reading the audit log failed: " + sql.getMessage(), sql.getSQLState(), sql);
                }
                if (cause instanceof RuntimeException r) throw r;
                throw new IllegalStateException("Hashing the audit log failed: " + cause, cause);
            }
        }

        void stop() {
            stopped = true;
        }
    }

    private static List<Row> hashAll(List<byte[]> lines) {
        AuditHash hash = new AuditHash();
        CanonicalEntry fast = new CanonicalEntry();
        List<Row> rows = new ArrayList<>(lines.size());
        for (byte[] line : lines) {
            rows.add(hash(hash, fast, new CopyBinary(line, COLUMNS)));
        }
        return rows;
    }

    private static final int COLUMNS = 11;

    /** Columns in COPY's order: seq, id, ts, actor_user_id, action, object_type, object_id, venture_id, data, prev_tx_hash, tx_hash. */
    private static Row hash(AuditHash hash, CanonicalEntry fast, CopyBinary c) {
        Long seq = c.isNull(0) ? null : c.int8(0);
        String id = c.isNull(1) ? null : c.uuid(1).toString();
        String prev = c.text(9);
        String tx = c.text(10);
        if (seq == null) {
            return new Row(null, id, c.text(4), c.text(5), prev, tx, null, "it has no seq");
        }
        if (prev == null) {
            return new Row(seq, id, c.text(4), c.text(5), null, tx, null, "it has no prev_tx_hash");
        }
        boolean confirmed = false;
        try {
            confirmed = fast.confirms(c);
        } catch (RuntimeException fastFormNotSure) {
            // the reference below decides
        }
        // only the messages need action and object type, and only a mismatch needs the recomputed hash
        if (confirmed) {
            return new Row(seq, id, null, null, prev, tx, tx, null);
        }
        String action = c.text(4);
        String objectType = c.text(5);
        try {
            String recomputed = hash.txHash(prev, new AuditHash.Content(c.uuid(1), seq, c.timestamp(2), c.uuid(3), action, objectType,
                    c.uuid(6), c.uuid(7), c.text(8)));
            return new Row(seq, id, action, objectType, prev, tx, recomputed, null);
        } catch (RuntimeException e) {
            return new Row(seq, id, action, objectType, prev, tx, null, "its columns cannot be hashed (" + e.getMessage() + ")");
        }
    }

    private static UUID uuid(String text) {
        return text == null ? null : UUID.fromString(text);
    }
}
