package org.smartstart.backoffice.cli;

import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Two libraries log a failure as an ERROR with a stack trace before (or after) the CLI explains it in
 * one sentence: the connection pool when the first connection fails, and the embedded PostgreSQL when
 * its exit hook cannot stop a server that never started. On a terminal that is noise in front of the
 * real message, so those loggers are silenced unless {@code BACKOFFICE_DEBUG} is set.
 */
final class CliLogging {

    private static final List<String> EXPLAINED_BY_US = List.of(
            "com.zaxxer.hikari.pool.HikariPool",
            "io.zonky.test.db.postgres.embedded.EmbeddedPostgres");

    private CliLogging() {
    }

    static void quietLibraryErrorsWeExplainOurselves() {
        for (String name : EXPLAINED_BY_US) {
            if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
                logger.setLevel(ch.qos.logback.classic.Level.OFF);
            }
        }
    }
}
