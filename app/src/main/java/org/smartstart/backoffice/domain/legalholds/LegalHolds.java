package org.smartstart.backoffice.domain.legalholds;

/**
 * Legal holds: list, impose and release (LH-1..LH-3).
 * One method per user action; each returns an {@code Outcome} and is served alike by the local adapter,
 * by the HTTP API and by the remote client (see {@code Query} and {@code Command}).
 */
public interface LegalHolds {
}
