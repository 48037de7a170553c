package org.smartstart.backoffice.domain.audit;

import java.util.Optional;

/**
 * What replaying the audit chain found (AU-4).
 *
 * @param verifiedEntries entries whose link and hash were checked and held, from seq 1 on
 * @param lastSeq         seq of the last entry that held (0 for an empty log)
 * @param lastTxHash      tx_hash of that entry (64 zeros for an empty log)
 * @param unsealedEntries entries committed but still waiting in the outbox to be sealed; not yet covered
 * @param firstBreak      the first entry that does not hold, if any
 */
public record VerificationResult(long verifiedEntries, long lastSeq, String lastTxHash, long unsealedEntries,
                                 Optional<ChainBreak> firstBreak) {

    public static final String GENESIS_HASH = "0".repeat(64);

    public boolean intact() {
        return firstBreak.isEmpty();
    }
}
