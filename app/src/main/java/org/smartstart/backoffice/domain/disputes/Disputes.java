package org.smartstart.backoffice.domain.disputes;

/**
 * Disputes: raise, assign, review and decide (DS-1..DS-4).
 * One method per user action; each returns an {@code Outcome} and is served alike by the local adapter,
 * by the HTTP API and by the remote client (see {@code Query} and {@code Command}).
 */
public interface Disputes {
}
