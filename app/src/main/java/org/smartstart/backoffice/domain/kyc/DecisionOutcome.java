package org.smartstart.backoffice.domain.kyc;

/** A reviewer's verdict (KY-1): approve, reject for good, or reject asking for a new document. */
public enum DecisionOutcome {
    APPROVE, REJECT_FINAL, REJECT_RESUBMIT
}
