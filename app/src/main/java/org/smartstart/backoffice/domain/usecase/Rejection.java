package org.smartstart.backoffice.domain.usecase;

import java.util.Objects;

/**
 * One broken rule, in words a person understands and with the figures: ruleId "EQ-1", message "On
 * 2026-03-01 the cap table of Acme would total 97.500%, not 100% (EQ-1)." The Java policies and the
 * database's triggers produce the same rule ids, so the screen says the same thing whichever caught it.
 */
public record Rejection(String ruleId, String message) {
    public Rejection {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(message, "message");
    }
}
