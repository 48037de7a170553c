package org.smartstart.backoffice.domain.disputes;

/** How a dispute is decided (DS-1): upheld and remedied, or turned down. */
public enum DisputeOutcome {
    RESOLVED, REJECTED;

    public DisputeStatus status() {
        return this == RESOLVED ? DisputeStatus.RESOLVED : DisputeStatus.REJECTED;
    }
}
