package org.smartstart.backoffice.ui.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.smartstart.backoffice.domain.audit.AuditCheckpoint;
import org.smartstart.backoffice.domain.audit.AuditFilter;
import org.smartstart.backoffice.domain.audit.AuditHead;
import org.smartstart.backoffice.domain.audit.AuditLogEntry;
import org.smartstart.backoffice.domain.audit.AuditPage;
import org.smartstart.backoffice.domain.audit.AuditTrail;
import org.smartstart.backoffice.domain.usecase.Outcome;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * Writes a filtered range of the audit log as CSV or JSON Lines (AU-4), oldest first, paging by seq (by time,
 * seq breaking ties, when the filter has a period: the order the screen shows it in), and
 * beside it {@code <file>.proof.json}: the filter, the range written, the chain head (seq and tx_hash) at
 * the time of the export and, when one was loaded, the signed checkpoint. Every row keeps its prev_tx_hash
 * and tx_hash, so a reader can recompute the links of a contiguous range against the proof.
 */
public final class AuditExport {

    public enum Format {
        CSV("csv"), JSON_LINES("jsonl");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    /** What was written. */
    public record Written(Path file, Path proof, long entries, Long firstSeq, Long lastSeq, AuditHead head) {
        public String describe() {
            return "Exported " + entries + (entries == 1 ? " entry" : " entries")
                    + (entries > 0 ? " (seq " + firstSeq + " to " + lastSeq + ")" : "") + " to " + file.getFileName()
                    + "; head seq " + head.seq() + " and its hash in " + proof.getFileName() + ".";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] COLUMNS = {"seq", "ts", "actor_user_id", "actor", "action", "object_type", "object_id", "venture_id",
            "data", "prev_tx_hash", "tx_hash"};

    private final AuditTrail trail;

    public AuditExport(AuditTrail trail) {
        this.trail = Objects.requireNonNull(trail, "trail");
    }

    public Outcome<Written> write(AuditFilter filter, Format format, Path file, AuditCheckpoint checkpoint) throws IOException {
        Outcome<AuditHead> headOutcome = trail.head();
        if (!(headOutcome instanceof Outcome.Done<AuditHead> head)) {
            return headOutcome.failure();
        }
        // only what was sealed when the export began, so the proof's head covers every row written; listed by time a
        // later entry may come before the end, so those are passed over rather than ending the export
        long headSeq = head.value().seq();
        boolean byTime = filter.byTimeOrder();
        AuditFilter page = (byTime ? filter : filter.after(0L).before(headSeq + 1)).limitedTo(AuditFilter.MAX_LIMIT)
                .ordered(AuditFilter.Direction.OLDEST_FIRST);
        long count = 0;
        Long first = null;
        Long last = null;
        Path temp = file.resolveSibling(file.getFileName() + ".part");
        try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            if (format == Format.CSV) {
                out.write(String.join(",", COLUMNS));
                out.write("\r\n");
            }
            while (true) {
                Outcome<AuditPage> outcome = trail.entries(page);
                if (!(outcome instanceof Outcome.Done<AuditPage> done)) {
                    return outcome.failure();
                }
                for (AuditLogEntry e : done.value().entries()) {
                    if (e.seq() > headSeq) {
                        continue;
                    }
                    if (format == Format.CSV) {
                        csvRow(out, e);
                    } else {
                        out.write(JSON.writeValueAsString(jsonRow(e)));
                        out.write("\n");
                    }
                    if (first == null) {
                        first = e.seq();
                    }
                    last = e.seq();
                    count++;
                }
                if (done.value().nextAfterSeq() == null) {
                    break;
                }
                page = page.after(done.value().nextAfterSeq());
            }
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path proof = file.resolveSibling(file.getFileName() + ".proof.json");
        ObjectNode p = JSON.createObjectNode();
        p.put("format", "smartstart-audit-export/1");
        p.put("file", file.getFileName().toString());
        p.put("exportedAt", Instant.now().toString());
        p.put("entries", count);
        p.put("order", byTime ? "time" : "seq");
        if (first != null) {
            p.put("firstSeq", first);
            p.put("lastSeq", last);
        }
        p.set("filter", JSON.valueToTree(describe(filter)));
        p.put("headSeq", head.value().seq());
        p.put("headTxHash", head.value().txHash());
        if (checkpoint != null) {
            p.set("checkpoint", CheckpointFiles.toJson(checkpoint));
        } else {
            p.putNull("checkpoint");
        }
        Files.writeString(proof, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(p) + "\n", StandardCharsets.UTF_8);
        return Outcome.done(new Written(file, proof, count, first, last, head.value()));
    }

    private static java.util.Map<String, String> describe(AuditFilter f) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        if (f.fromTs() != null) m.put("fromTs", f.fromTs().toString());
        if (f.toTs() != null) m.put("toTs", f.toTs().toString());
        if (f.actorUserId() != null) m.put("actorUserId", f.actorUserId().toString());
        if (f.action() != null) m.put("action", f.action());
        if (f.objectType() != null) m.put("objectType", f.objectType());
        if (f.objectId() != null) m.put("objectId", f.objectId().toString());
        if (f.ventureId() != null) m.put("ventureId", f.ventureId().toString());
        return m;
    }

    private static ObjectNode jsonRow(AuditLogEntry e) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("seq", e.seq());
        n.put("ts", e.ts() == null ? null : e.ts().toString());
        n.put("actor_user_id", e.actorUserId() == null ? null : e.actorUserId().toString());
        n.put("actor", e.actorDisplayName());
        n.put("action", e.action());
        n.put("object_type", e.objectType());
        n.put("object_id", e.objectId() == null ? null : e.objectId().toString());
        n.put("venture_id", e.ventureId() == null ? null : e.ventureId().toString());
        n.set("data", JSON.readTree(e.data()));
        n.put("prev_tx_hash", e.prevTxHash());
        n.put("tx_hash", e.txHash());
        return n;
    }

    private static void csvRow(BufferedWriter out, AuditLogEntry e) throws IOException {
        Object[] values = {e.seq(), e.ts(), e.actorUserId(), e.actorDisplayName(), e.action(), e.objectType(), e.objectId(), e.ventureId(),
                e.data(), e.prevTxHash(), e.txHash()};
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(csv(values[i]));
        }
        out.write("\r\n");
    }

    /** RFC 4180: quote when needed, double the quotes; a leading =, +, - or @ is defused for spreadsheets. */
    static String csv(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(value instanceof Number)) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
