package org.smartstart.backoffice.ui.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.smartstart.backoffice.domain.audit.AuditLogEntry;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the detail pane shows of one entry: its data as a before/after comparison, field by field, and
 * its place in the chain. Entries that record a change carry {@code before} and {@code after} objects;
 * other entries show each field of their data as "after".
 */
public record EntryDetail(AuditLogEntry entry, List<Change> changes, String prettyData) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One field of the data; {@code changed} when before and after differ. */
    public record Change(String field, String before, String after, boolean changed) {
    }

    public static EntryDetail of(AuditLogEntry entry) {
        JsonNode data;
        try {
            data = JSON.readTree(entry.data() == null ? "null" : entry.data());
        } catch (Exception e) {
            return new EntryDetail(entry, List.of(new Change("data", "", entry.data(), true)), entry.data());
        }
        String pretty;
        try {
            pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(data);
        } catch (Exception e) {
            pretty = entry.data();
        }
        List<Change> changes = new ArrayList<>();
        if (data != null && data.isObject() && (data.has("before") || data.has("after"))) {
            JsonNode before = data.path("before");
            JsonNode after = data.path("after");
            Set<String> fields = new LinkedHashSet<>();
            fieldsOf(before, fields);
            fieldsOf(after, fields);
            if (fields.isEmpty()) {
                changes.add(change("value", before, after));
            }
            for (String f : fields) {
                changes.add(change(f, before.path(f), after.path(f)));
            }
            for (Iterator<String> it = data.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!f.equals("before") && !f.equals("after")) {
                    changes.add(new Change(f, "", text(data.get(f)), false));
                }
            }
        } else if (data != null && data.isObject()) {
            for (Iterator<String> it = data.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                changes.add(new Change(f, "", text(data.get(f)), false));
            }
        } else {
            changes.add(new Change("data", "", text(data), false));
        }
        return new EntryDetail(entry, List.copyOf(changes), pretty);
    }

    private static void fieldsOf(JsonNode node, Set<String> into) {
        if (node != null && node.isObject()) {
            node.fieldNames().forEachRemaining(into::add);
        }
    }

    private static Change change(String field, JsonNode before, JsonNode after) {
        String b = text(before);
        String a = text(after);
        return new Change(field, b, a, !b.equals(a));
    }

    private static String text(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "";
        }
        return node.isTextual() ? node.asText() : node.toString();
    }

    /** "seq 41 a1b2… → seq 42 c3d4…": where this entry hangs in the chain. */
    public String chainLink() {
        long prev = entry.seq() - 1;
        return (prev == 0 ? "genesis" : "seq " + prev) + "  " + entry.prevTxHash() + "\n→ seq " + entry.seq() + "  " + entry.txHash();
    }
}
