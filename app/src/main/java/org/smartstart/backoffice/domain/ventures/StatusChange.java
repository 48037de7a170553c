package org.smartstart.backoffice.domain.ventures;

/**
 * A venture's new status (active or suspended; archiving is its own action) and why, kept in the audit entry.
 *
 * @param expectedVersion the venture's version as the administrator saw it (optimistic locking); 0: any
 */
public record StatusChange(String status, String reason, int expectedVersion) {
}
