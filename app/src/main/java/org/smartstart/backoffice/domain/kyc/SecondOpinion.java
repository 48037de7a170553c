package org.smartstart.backoffice.domain.kyc;

/** The second compliance officer's verdict on a risky approval (KY-4). */
public enum SecondOpinion {
    /** The document becomes verified. */
    CONFIRM,
    /** The approval does not stand: the document goes back to the queue, pending. */
    OVERTURN
}
