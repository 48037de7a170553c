package org.smartstart.backoffice.domain.identity;

import java.time.Instant;
import java.util.UUID;

/** What the store keeps of a session: never the token, only its sha256 (hex). */
public record NewSession(UUID id, UUID userId, String tokenSha256, Instant createdAt, Instant expiresAt, ClientInfo client) {
}
