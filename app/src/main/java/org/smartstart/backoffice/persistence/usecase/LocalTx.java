package org.smartstart.backoffice.persistence.usecase;

import org.hibernate.Session;

import java.sql.Connection;
import java.time.Instant;

/**
 * The open transaction of one use case: Hibernate for entity work, the same transaction's JDBC
 * connection for set-based SQL, and the instant the use case started (the adapter's clock, so tests can
 * move time). Already acting as the application role for the session's user.
 */
public record LocalTx(Session hibernate, Connection connection, Instant now) {
}
