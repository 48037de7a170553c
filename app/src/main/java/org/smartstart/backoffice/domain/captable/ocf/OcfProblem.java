package org.smartstart.backoffice.domain.captable.ocf;

import java.util.Objects;

/**
 * One thing wrong with an OCF package, where a person can find it: the file, the object's id (empty for
 * the file as a whole) and the field (a JSON path inside the object, empty when the object as a whole is
 * wrong). Any problem aborts the import; every one is listed.
 */
public record OcfProblem(String file, String objectId, String field, String message) {
    public OcfProblem {
        file = file == null ? "" : file;
        objectId = objectId == null ? "" : objectId;
        field = field == null ? "" : field;
        Objects.requireNonNull(message, "message");
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
