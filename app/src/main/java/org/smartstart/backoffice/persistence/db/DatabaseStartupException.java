package org.smartstart.backoffice.persistence.db;

/**
 * A database could not be reached, started or migrated. The message is one plain sentence
 * meant for the person at the keyboard; the cause keeps the technical detail for the log.
 */
public class DatabaseStartupException extends RuntimeException {
    public DatabaseStartupException(String message) {
        super(message);
    }

    public DatabaseStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
