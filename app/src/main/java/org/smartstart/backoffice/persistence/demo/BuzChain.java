package org.smartstart.backoffice.persistence.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.erdtman.jcs.JsonCanonicalizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * BZ-5: a wallet's transactions form a hash chain. tx_hash = hex(sha256(prev tx_hash ‖ canonical JSON of
 * the transaction)), where the previous hash is the 64-character hex string (64 zeros for the wallet's
 * first transaction) and the JSON (RFC 8785) holds id, wallet_id, venture_id, type, amount, artifact_hash
 * (null when absent) and created_at as an ISO-8601 UTC instant ({@link Instant#toString()}).
 */
public final class BuzChain {

    public static final String GENESIS = "0".repeat(64);
    private static final ObjectMapper JSON = new ObjectMapper();

    private BuzChain() {
    }

    public static String canonicalJson(UUID id, UUID walletId, UUID ventureId, String type, long amount,
                                       String artifactHash, Instant createdAt) {
        Map<String, Object> tx = new LinkedHashMap<>();
        tx.put("id", id.toString());
        tx.put("wallet_id", walletId.toString());
        tx.put("venture_id", ventureId == null ? null : ventureId.toString());
        tx.put("type", type);
        tx.put("amount", amount);
        tx.put("artifact_hash", artifactHash);
        tx.put("created_at", createdAt.toString());
        try {
            return new JsonCanonicalizer(JSON.writeValueAsString(tx)).getEncodedString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String txHash(String previousTxHash, String canonicalJson) {
        return sha256Hex((previousTxHash + canonicalJson).getBytes(StandardCharsets.UTF_8));
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
