package org.smartstart.backoffice.domain.kyc;

import java.util.UUID;

/** A compliance officer who may hold claims: a choice of the queue's assignee filter. */
public record Reviewer(UUID userId, String displayName) {
}
