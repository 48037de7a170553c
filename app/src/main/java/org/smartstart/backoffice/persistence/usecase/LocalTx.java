package org.smartstart.backoffice.persistence.usecase;

import java.sql.Connection;
import java.time.Instant;

/**
 * The open transaction of one use case: its JDBC connection and the instant the use case started (the
 * adapter's clock, so tests can move time). Already acting as the application role for the session's user.
 */
public record LocalTx(Connection connection, Instant now) {
}
