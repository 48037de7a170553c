package org.smartstart.backoffice.persistence.tokens;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.erdtman.jcs.JsonCanonicalizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The one writer of buz_transactions and the Java half of BZ-5, shared by the wallets, the conversion
 * and the demo data so no two of them hash differently. A wallet's transactions form a hash chain:
 * {@code tx_hash = hex(sha256(prev_tx_hash ‖ canonical JSON of the transaction))}, both as UTF-8, with
 * 64 zeros as the first transaction's prev_tx_hash. The canonical JSON is RFC 8785 (the same library as
 * the audit chain, {@code AuditHash}) of id, wallet_id, venture_id, type, amount, artifact_hash,
 * contribution_event_id and memo (both left out when absent) and created_at as {@link Instant#toString()}
 * of the stored microseconds. The database computes the same hash in V11__buz_chain.sql and refuses an
 * insert whose hash or link differs (SSB05), so every write here also proves the two definitions agree.
 *
 * <p>The wallet's balance and version are not touched here: callers change them in the same database
 * transaction (BZ-1 checks at commit that they match the transactions).
 */
public final class BuzTransactionWriter {

    public static final String GENESIS = "0".repeat(64);
    /** The largest magnitude RFC 8785 keeps exact (an IEEE double's integer range). */
    public static final long MAX_AMOUNT = 9_007_199_254_740_991L;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The hashed content of one transaction; {@code createdAt} is taken to microseconds, as stored. */
    public record Content(UUID id, UUID walletId, UUID ventureId, String type, long amount, String artifactHash,
                          UUID contributionEventId, String memo, Instant createdAt) {
        public Content {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(walletId, "walletId");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(createdAt, "createdAt");
            createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
        }
    }

    /** A transaction as written: its place in the chain. */
    public record Written(UUID id, String prevTxHash, String txHash, Instant createdAt) {
    }

    /** A transaction as read back, with its hashes, for showing and checking a wallet's chain. */
    public record Stored(Content content, String prevTxHash, String txHash) {
    }

    private final Connection c;

    public BuzTransactionWriter(Connection c) {
        this.c = c;
    }

    /** Appends {@code tx} to its wallet's chain (taking the wallet's row lock first, as the database does). */
    public Written append(Content tx) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM user_wallets WHERE id = ? FOR UPDATE")) {
            p.setObject(1, tx.walletId(), Types.OTHER);
            p.executeQuery().close();
        }
        String previous = head(tx.walletId());
        String hash = txHash(previous, canonicalJson(tx));
        try (PreparedStatement p = c.prepareStatement("""
                INSERT INTO buz_transactions (id, wallet_id, venture_id, type, amount, artifact_hash, contribution_event_id,
                                              memo, prev_tx_hash, tx_hash, created_at)
                VALUES (?, ?, ?, ?::buz_tx_type, ?, ?, ?, ?, ?, ?, ?)""")) {
            p.setObject(1, tx.id(), Types.OTHER);
            p.setObject(2, tx.walletId(), Types.OTHER);
            p.setObject(3, tx.ventureId(), Types.OTHER);
            p.setString(4, tx.type());
            p.setLong(5, tx.amount());
            p.setString(6, tx.artifactHash());
            p.setObject(7, tx.contributionEventId(), Types.OTHER);
            p.setString(8, tx.memo());
            p.setString(9, previous);
            p.setString(10, hash);
            p.setObject(11, OffsetDateTime.ofInstant(tx.createdAt(), ZoneOffset.UTC));
            p.executeUpdate();
        }
        return new Written(tx.id(), previous, hash, tx.createdAt());
    }

    /** The tx_hash of the wallet's last transaction (the one nothing continues yet), or {@link #GENESIS}. */
    public String head(UUID walletId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                SELECT t.tx_hash FROM buz_transactions t
                 WHERE t.wallet_id = ?
                   AND NOT EXISTS (SELECT 1 FROM buz_transactions n WHERE n.wallet_id = t.wallet_id AND n.prev_tx_hash = t.tx_hash)
                 ORDER BY t.created_at DESC, t.id DESC LIMIT 1""")) {
            p.setObject(1, walletId, Types.OTHER);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getString(1) : GENESIS;
            }
        }
    }

    /** The wallet's transactions in chain order, oldest first (rows off the chain, if any, after it). */
    public List<Stored> chain(UUID walletId) throws SQLException {
        List<Stored> rows = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("""
                SELECT id, venture_id, type::text, amount, artifact_hash::text, contribution_event_id, memo,
                       prev_tx_hash, tx_hash, created_at
                  FROM buz_transactions WHERE wallet_id = ? ORDER BY created_at, id""")) {
            p.setObject(1, walletId, Types.OTHER);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    Content content = new Content(r.getObject(1, UUID.class), walletId, r.getObject(2, UUID.class), r.getString(3),
                            r.getLong(4), r.getString(5), r.getObject(6, UUID.class), r.getString(7),
                            r.getObject(10, OffsetDateTime.class).toInstant());
                    rows.add(new Stored(content, r.getString(8), r.getString(9)));
                }
            }
        }
        return inChainOrder(rows);
    }

    /** Follows the links from genesis; what cannot be reached that way keeps its time order at the end. */
    static List<Stored> inChainOrder(List<Stored> byTime) {
        Map<String, Stored> byPrevious = new HashMap<>();
        for (Stored s : byTime) {
            byPrevious.putIfAbsent(s.prevTxHash(), s);
        }
        List<Stored> ordered = new ArrayList<>(byTime.size());
        java.util.Set<UUID> placed = new java.util.HashSet<>();
        String link = GENESIS;
        Stored next;
        while ((next = byPrevious.get(link)) != null && placed.add(next.content().id())) {
            ordered.add(next);
            link = next.txHash();
        }
        for (Stored s : byTime) {
            if (!placed.contains(s.content().id())) {
                ordered.add(s);
            }
        }
        return ordered;
    }

    /** Whether {@code chain} (oldest first) starts at genesis, links without a gap and every hash recomputes. */
    public static boolean intact(List<Stored> chain) {
        String previous = GENESIS;
        for (Stored s : chain) {
            if (!previous.equals(s.prevTxHash()) || !txHash(previous, canonicalJson(s.content())).equals(s.txHash())) {
                return false;
            }
            previous = s.txHash();
        }
        return true;
    }

    public static String canonicalJson(Content tx) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", tx.id().toString());
        json.put("wallet_id", tx.walletId().toString());
        json.put("venture_id", tx.ventureId() == null ? null : tx.ventureId().toString());
        json.put("type", tx.type());
        json.put("amount", tx.amount());
        json.put("artifact_hash", tx.artifactHash());
        if (tx.contributionEventId() != null) {
            json.put("contribution_event_id", tx.contributionEventId().toString());
        }
        if (tx.memo() != null) {
            json.put("memo", tx.memo());
        }
        json.put("created_at", tx.createdAt().toString());
        try {
            return new JsonCanonicalizer(JSON.writeValueAsString(json)).getEncodedString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new IllegalArgumentException("BUZ transaction " + tx.id() + " cannot be put in canonical JSON: " + e.getMessage(), e);
        }
    }

    public static String txHash(String previousTxHash, String canonicalJson) {
        return sha256Hex((previousTxHash + canonicalJson).getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
