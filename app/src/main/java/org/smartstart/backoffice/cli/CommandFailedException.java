package org.smartstart.backoffice.cli;

/**
 * A command refused to act or a check failed. Its message is printed alone on stderr and the
 * process exits with 1; no stack trace is shown.
 */
public class CommandFailedException extends RuntimeException {
    public CommandFailedException(String message) {
        super(message);
    }

    public CommandFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
