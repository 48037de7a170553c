package org.smartstart.backoffice.domain.kyc;

/**
 * What the reviewer wants next from the queue (KY-3).
 *
 * @param kind  KYC or KYB only; null: either
 * @param order null: the oldest first
 */
public record ClaimNext(DocumentKind kind, QueueOrder order) {
}
