package org.smartstart.backoffice.domain.disputes;

import java.util.UUID;

/**
 * Raising a dispute: the object it is about (DS-2) and why.
 *
 * @param reason what is wrong, in the raiser's words (required)
 */
public record NewDispute(DisputeObjectType objectType, UUID objectId, String reason) {
}
