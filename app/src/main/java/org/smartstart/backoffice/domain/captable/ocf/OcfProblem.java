package org.smartstart.backoffice.domain.captable.ocf;

import java.util.Objects;

/**
 * One thing wrong with an OCF package, where a person can find it: the file, the object's id (empty for
 * the file as a whole) and the field (a JSON path inside the object, empty when the object as a whole is
 * wrong). Any problem aborts the import; every one is listed.
 *
 * @param rule the DOMAIN.md rule the package would break ("EQ-2"), or empty for a problem of the package itself
 */
public record OcfProblem(String file, String objectId, String field, String message, String rule) {
    public OcfProblem {
        file = file == null ? "" : file;
        objectId = objectId == null ? "" : objectId;
        field = field == null ? "" : field;
        rule = rule == null ? "" : rule;
        Objects.requireNonNull(message, "message");
    }

    public OcfProblem(String file, String objectId, String field, String message) {
        this(file, objectId, field, message, "");
    }

    /** Where the problem is, for a field of a refusal: "Transactions.ocf.json › tx-7 › quantity". */
    public String where() {
        StringBuilder b = new StringBuilder(file.isEmpty() ? "package" : file);
        if (!objectId.isEmpty()) {
            b.append(" › ").append(objectId);
        }
        if (!field.isEmpty()) {
            b.append(" › ").append(field);
        }
        return b.toString();
    }

    /** "Transactions.ocf.json, tx-7, quantity: exceeds the 100 shares of security S-1". */
    public String describe() {
        StringBuilder b = new StringBuilder(file.isEmpty() ? "package" : file);
        if (!objectId.isEmpty()) {
            b.append(", ").append(objectId);
        }
        if (!field.isEmpty()) {
            b.append(", ").append(field);
        }
        return b.append(": ").append(message).toString();
    }
}
