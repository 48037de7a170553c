package org.smartstart.backoffice.domain.audit;

import java.util.Objects;

/**
 * The first place where the audit chain does not hold (AU-4).
 *
 * @param seq         the seq of the first entry that is missing or does not match
 * @param reason      what kind of break it is
 * @param explanation one plain sentence with the figures, e.g. the stored and recomputed hashes
 */
public record ChainBreak(long seq, Reason reason, String explanation) {

    public enum Reason {
        /** An entry is gone: the seqs jump, or the log ends before the head says it does. */
        ENTRY_MISSING,
        /** The entry's prev_tx_hash is not the tx_hash of the entry before it (reordered or replaced). */
        LINK_BROKEN,
        /** The entry's columns no longer hash to its tx_hash (data, actor, time ... were changed). */
        CONTENT_CHANGED,
        /** The chain head row does not describe the last entry of the log. */
        HEAD_MISMATCH,
        /**
         * The chain holds in itself, but the entry a signed checkpoint names has another tx_hash (or is gone):
         * the log was rewritten, consistently, up to that entry after the checkpoint was made (AU-5).
         */
        CHECKPOINT_MISMATCH
    }

    public ChainBreak {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(explanation, "explanation");
    }
}
