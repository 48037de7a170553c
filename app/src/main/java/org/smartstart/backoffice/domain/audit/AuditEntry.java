package org.smartstart.backoffice.domain.audit;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What one change writes to the audit trail (AU-1): who, what, on which object, and the data with
 * before/after values. Personal data in {@code data} must already be tokenized.
 *
 * @param actor     the acting user; null for the system itself
 * @param action    e.g. EQUITY_CHANGE, KYC_DECISION, HOLD_IMPOSED, LOGIN_FAILED
 * @param ventureId the venture the change belongs to, if any (lets owners browse their venture's entries)
 * @param data      JSON-ready values: strings, numbers as strings for exact decimals, booleans, lists, maps
 */
public record AuditEntry(UUID actor, String action, String objectType, UUID objectId, UUID ventureId, Map<String, Object> data) {
    public AuditEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(objectType, "objectType");
        data = data == null ? Map.of() : data;
    }
}
