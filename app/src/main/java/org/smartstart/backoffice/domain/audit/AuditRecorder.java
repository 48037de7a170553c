package org.smartstart.backoffice.domain.audit;

/**
 * Where a command writes its one audit entry (AU-1), inside the command's own transaction. The adapter
 * checks that a successful command wrote exactly one.
 */
@FunctionalInterface
public interface AuditRecorder {
    void record(AuditEntry entry);
}
