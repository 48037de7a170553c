package org.smartstart.backoffice.domain.captable;

/**
 * Cap tables: read any date's cap table, change it, convert BUZ to equity (EQ-1..EQ-7, BZ-4).
 * One method per user action; each returns an {@code Outcome} and is served alike by the local adapter,
 * by the HTTP API and by the remote client (see {@code Query} and {@code Command}).
 */
public interface CapTables {
}
