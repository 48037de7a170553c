package org.smartstart.backoffice.remote.server;

import org.smartstart.backoffice.persistence.db.Transactions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * The stored answers of API commands by (user, Idempotency-Key), table {@code api_idempotency} (V8).
 * {@link #store} runs inside the command's own transaction (see {@code LocalUseCases.BeforeCommit}), so the
 * change and its answer commit together; a concurrent duplicate waits on the primary key, finds the
 * winner's row and gives up its own transaction ({@link DuplicateRequest}).
 */
final class Idempotency {

    /** The header every command request carries. */
    static final String HEADER = "Idempotency-Key";

    /** A stored answer. */
    record Answer(String methodAndPath, String requestSha256, int status, String body) {
    }

    /** Another request with the same key committed first; this one's transaction is rolled back. */
    static final class DuplicateRequest extends RuntimeException {
        DuplicateRequest() {
            super("Another request with the same Idempotency-Key was committed first", null, false, false);
        }
    }

    private final Transactions transactions;

    Idempotency(Transactions transactions) {
        this.transactions = transactions;
    }

    Optional<Answer> find(UUID userId, String key) throws SQLException {
        return transactions.inTransaction(userId, c -> {
            try (PreparedStatement p = c.prepareStatement("""
                    SELECT method_and_path, request_sha256, response_status, response_body::text
                      FROM api_idempotency WHERE user_id = ? AND idempotency_key = ?""")) {
                p.setObject(1, userId, Types.OTHER);
                p.setString(2, key);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(new Answer(r.getString(1), r.getString(2), r.getInt(3), r.getString(4)))
                            : Optional.<Answer>empty();
                }
            }
        });
    }

    /** Inside the command's transaction; throws {@link DuplicateRequest} when another request won the key. */
    static void store(Connection c, UUID userId, String key, String methodAndPath, String requestSha256, int status, String body)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                INSERT INTO api_idempotency (user_id, idempotency_key, method_and_path, request_sha256, response_status, response_body)
                VALUES (?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (user_id, idempotency_key) DO NOTHING""")) {
            p.setObject(1, userId, Types.OTHER);
            p.setString(2, key);
            p.setString(3, methodAndPath);
            p.setString(4, requestSha256);
            p.setInt(5, status);
            p.setString(6, body);
            if (p.executeUpdate() == 0) {
                throw new DuplicateRequest();
            }
        }
    }

    static String sha256(String methodAndPath, byte[] body) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(methodAndPath.getBytes(StandardCharsets.UTF_8));
            d.update((byte) '\n');
            if (body != null) {
                d.update(body);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
