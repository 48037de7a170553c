package org.smartstart.backoffice.domain.audit;

/**
 * The audit trail: browse entries and verify the chain (AU-1..AU-5).
 * One method per user action; each returns an {@code Outcome} and is served alike by the local adapter,
 * by the HTTP API and by the remote client (see {@code Query} and {@code Command}).
 */
public interface AuditTrail {
}
