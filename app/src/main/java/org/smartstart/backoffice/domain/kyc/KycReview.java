package org.smartstart.backoffice.domain.kyc;

/**
 * The KYC/KYB review queue: claim, decide, four eyes (KY-1..KY-7).
 * One method per user action; each returns an {@code Outcome} and is served alike by the local adapter,
 * by the HTTP API and by the remote client (see {@code Query} and {@code Command}).
 */
public interface KycReview {
}
