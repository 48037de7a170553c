package org.smartstart.backoffice.domain.audit;

import java.util.Optional;

/**
 * One stretch of a verification that goes on in steps (AU-4), so a screen can show progress and stop
 * between steps, locally and over the API alike. Start with seq 0 and the genesis hash; pass each step's
 * {@code lastSeq} and {@code lastTxHash} to the next until {@code complete} or a break.
 *
 * @param verifiedEntries entries checked and held in this step
 * @param lastSeq         the last entry that held (the start when none did)
 * @param lastTxHash      its tx_hash
 * @param headSeq         where the chain head is now, to tell how far there is to go
 * @param unsealedEntries entries waiting to be sealed, not covered
 * @param complete        the step reached the end of the log and checked the head against it
 * @param firstBreak      the first entry in this step that does not hold, if any
 */
public record VerificationStep(long verifiedEntries, long lastSeq, String lastTxHash, long headSeq, long unsealedEntries,
                               boolean complete, Optional<ChainBreak> firstBreak) {

    /** Most entries one step may cover. */
    public static final int MAX_STEP = 100_000;

    public boolean intact() {
        return firstBreak.isEmpty();
    }
}
