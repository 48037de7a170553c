package org.smartstart.backoffice.cli;

import org.smartstart.backoffice.persistence.db.DatabaseStartupException;

/**
 * How a failure becomes an exit code and one sentence for the person at the terminal.
 * 0 success, 1 refused or a failed check, 2 usage error (picocli reports those itself).
 */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private ExitCodes() {
    }

    public static int of(Throwable failure) {
        return FAILED;
    }

    /** Failures whose message already says everything (no hint to look at the stack trace). */
    static boolean isExpected(Throwable failure) {
        return failure instanceof DatabaseStartupException || failure instanceof CommandFailedException;
    }

    /** The one sentence shown on stderr. */
    public static String explain(Throwable failure) {
        if (isExpected(failure) && failure.getMessage() != null) {
            return failure.getMessage();
        }
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            message = failure.getClass().getSimpleName();
        }
        int nl = message.indexOf('\n');
        return "Failed: " + (nl < 0 ? message : message.substring(0, nl));
    }
}
