package org.smartstart.backoffice.domain.identity;

import java.time.Instant;
import java.util.UUID;

/** The answer to a password change: whose, and when (never the password). */
public record PasswordChanged(UUID userId, Instant changedAt) {
}
