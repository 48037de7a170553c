package org.smartstart.backoffice.persistence.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.smartstart.backoffice.domain.audit.AuditCheckpoint;
import org.smartstart.backoffice.domain.audit.ChainBreak;
import org.smartstart.backoffice.domain.audit.VerificationResult;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Making and reading signed checkpoints of the audit chain (AU-5). A checkpoint is made only of a chain
 * that verifies, from the same snapshot that verified it, so it never vouches for a tampered log.
 */
public final class AuditCheckpoints {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource ownerDataSource;

    public AuditCheckpoints(DataSource ownerDataSource) {
        this.ownerDataSource = Objects.requireNonNull(ownerDataSource, "ownerDataSource");
    }

    /** The chain does not hold (or is empty), so there is nothing honest to sign. */
    public static final class NothingToSignException extends Exception {
        public NothingToSignException(String message) {
            super(message);
        }
    }

    /** Verifies the chain and signs its last entry with the key pair, at {@code now} (to the second). */
    public AuditCheckpoint create(KeyPair key, Instant now) throws SQLException, NothingToSignException {
        VerificationResult result = new AuditVerifier(ownerDataSource).verify();
        if (result.firstBreak().isPresent()) {
            ChainBreak b = result.firstBreak().get();
            throw new NothingToSignException("No checkpoint was made: the audit chain is broken at seq " + b.seq() + ": " + b.explanation());
        }
        if (result.lastSeq() == 0) {
            throw new NothingToSignException("No checkpoint was made: the audit log has no sealed entry yet");
        }
        return AuditCheckpoint.sign(result.lastSeq(), result.lastTxHash(), now.truncatedTo(ChronoUnit.SECONDS),
                key.getPrivate(), key.getPublic());
    }

    /** The checkpoint as a small JSON document. */
    public static String toJson(AuditCheckpoint checkpoint) {
        ObjectNode json = JSON.createObjectNode();
        json.put("format", "smartstart-audit-checkpoint/1");
        json.put("seq", checkpoint.seq());
        json.put("txHash", checkpoint.txHash());
        json.put("createdAt", checkpoint.createdAt().toString());
        json.put("algorithm", AuditCheckpoint.ALGORITHM);
        json.put("publicKey", checkpoint.publicKey());
        json.put("keyFingerprint", checkpoint.keyFingerprint());
        json.put("signature", checkpoint.signature());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("A checkpoint of plain strings and numbers always serialises", e);
        }
    }

    public static void write(AuditCheckpoint checkpoint, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, toJson(checkpoint), StandardCharsets.UTF_8);
    }

    public static AuditCheckpoint read(Path file) throws IOException {
        return fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    public static AuditCheckpoint fromJson(String text, String where) throws IOException {
        JsonNode json = JSON.readTree(text);
        try {
            JsonNode seq = json.get("seq");
            if (seq == null || !seq.canConvertToLong()) {
                throw new IOException(where + " is not an audit checkpoint: it has no seq");
            }
            return new AuditCheckpoint(seq.asLong(), field(json, "txHash", where), Instant.parse(field(json, "createdAt", where)),
                    field(json, "publicKey", where), field(json, "signature", where));
        } catch (DateTimeParseException e) {
            throw new IOException(where + " is not an audit checkpoint: its createdAt is not a time: " + e.getParsedString(), e);
        }
    }

    private static String field(JsonNode json, String name, String where) throws IOException {
        JsonNode node = json.get(name);
        if (node == null || !node.isTextual()) {
            throw new IOException(where + " is not an audit checkpoint: it has no \"" + name + "\"");
        }
        return node.asText();
    }
}
