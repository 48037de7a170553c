package org.smartstart.backoffice.persistence.audit;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import org.erdtman.jcs.JsonCanonicalizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The one definition of an audit entry's hash (AU-2), used by the sealer that writes it and the
 * verifier that checks it, so the two can never drift apart:
 * {@code tx_hash = hex(sha256(prev_tx_hash ‖ canonical_json(entry)))}, both as UTF-8, where the
 * entry is every column but the two hashes and canonical_json is RFC 8785 (JCS).
 *
 * <p>{@code data} is taken as the JSON text PostgreSQL returns for the jsonb column, not as the
 * application built it: jsonb normalises numbers and key order, and the verifier only ever sees what
 * the database returns. Not thread-safe (it reuses one digest); use one instance per thread.
 */
public final class AuditHash {

    public static final String GENESIS_HASH = "0".repeat(64);

    /** Microseconds, as PostgreSQL keeps them, always in UTC, so the text never depends on a time zone. */
    public static final DateTimeFormatter TS_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

    private static final HexFormat HEX = HexFormat.of();
    private static final JsonStringEncoder QUOTE = JsonStringEncoder.getInstance();

    /** The hashed columns of one entry; {@code dataJson} is the jsonb text as read back from PostgreSQL. */
    public record Content(UUID id, long seq, OffsetDateTime ts, UUID actorUserId, String action, String objectType,
                          UUID objectId, UUID ventureId, String dataJson) {
    }

    private final MessageDigest sha256;

    public AuditHash() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public String txHash(String prevTxHash, Content entry) {
        return txHash(prevTxHash, canonicalJson(entry));
    }

    public String txHash(String prevTxHash, String canonicalJson) {
        sha256.reset();
        sha256.update(prevTxHash.getBytes(StandardCharsets.UTF_8));
        sha256.update(canonicalJson.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(sha256.digest());
    }

    /** RFC 8785 text of {id, seq, ts, actor_user_id, action, object_type, object_id, venture_id, data}. */
    public static String canonicalJson(Content e) {
        StringBuilder json = new StringBuilder(256 + (e.dataJson() == null ? 4 : e.dataJson().length()));
        json.append("{\"id\":");
        string(json, e.id());
        json.append(",\"seq\":").append(e.seq());
        json.append(",\"ts\":");
        string(json, e.ts() == null ? null : formatTs(e.ts()));
        json.append(",\"actor_user_id\":");
        string(json, e.actorUserId());
        json.append(",\"action\":");
        string(json, e.action());
        json.append(",\"object_type\":");
        string(json, e.objectType());
        json.append(",\"object_id\":");
        string(json, e.objectId());
        json.append(",\"venture_id\":");
        string(json, e.ventureId());
        json.append(",\"data\":").append(e.dataJson() == null ? "null" : e.dataJson());
        json.append('}');
        try {
            return new JsonCanonicalizer(json.toString()).getEncodedString();
        } catch (IOException | RuntimeException ex) {
            throw new IllegalArgumentException("Audit entry seq " + e.seq() + " cannot be put in canonical JSON: " + ex.getMessage(), ex);
        }
    }

    public static String formatTs(OffsetDateTime ts) {
        return TS_FORMAT.format(ts.withOffsetSameInstant(ZoneOffset.UTC));
    }

    private static void string(StringBuilder json, Object value) {
        if (value == null) {
            json.append("null");
        } else {
            json.append('"').append(QUOTE.quoteAsString(value.toString())).append('"');
        }
    }
}
