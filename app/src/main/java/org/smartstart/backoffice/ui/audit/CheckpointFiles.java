package org.smartstart.backoffice.ui.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.smartstart.backoffice.domain.audit.AuditCheckpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads the checkpoint files that {@code backoffice audit checkpoint create} writes (AU-5). */
final class CheckpointFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckpointFiles() {
    }

    static AuditCheckpoint read(Path file) throws IOException {
        JsonNode json = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        JsonNode seq = json.get("seq");
        if (seq == null || !seq.canConvertToLong()) {
            throw new IOException(file.getFileName() + " is not an audit checkpoint: it has no seq");
        }
        try {
            return new AuditCheckpoint(seq.asLong(), text(json, "txHash", file), Instant.parse(text(json, "createdAt", file)),
                    text(json, "publicKey", file), text(json, "signature", file));
        } catch (DateTimeParseException e) {
            throw new IOException(file.getFileName() + " is not an audit checkpoint: createdAt is not a time", e);
        }
    }

    /** The checkpoint as the proof file of an export embeds it. */
    static JsonNode toJson(AuditCheckpoint c) {
        var node = JSON.createObjectNode();
        node.put("seq", c.seq());
        node.put("txHash", c.txHash());
        node.put("createdAt", c.createdAt().toString());
        node.put("algorithm", AuditCheckpoint.ALGORITHM);
        node.put("publicKey", c.publicKey());
        node.put("keyFingerprint", c.keyFingerprint());
        node.put("signature", c.signature());
        return node;
    }

    private static String text(JsonNode json, String field, Path file) throws IOException {
        JsonNode node = json.get(field);
        if (node == null || !node.isTextual()) {
            throw new IOException(file.getFileName() + " is not an audit checkpoint: it has no \"" + field + "\"");
        }
        return node.asText();
    }
}
