package org.smartstart.backoffice.domain.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A signed-in session. The token is handed to the client only; the database keeps its sha256, so a
 * stolen copy of the database does not let anyone resume a session.
 */
public record Session(UUID id, UUID userId, String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "Session[id=" + id + ", userId=" + userId + ", expiresAt=" + expiresAt + "]";
    }
}
