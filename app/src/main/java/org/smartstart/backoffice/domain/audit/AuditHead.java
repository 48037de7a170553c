package org.smartstart.backoffice.domain.audit;

/**
 * Where the sealed audit chain ends now (AU-2).
 *
 * @param seq             seq of the last sealed entry (0: nothing sealed yet)
 * @param txHash          its tx_hash (64 zeros when nothing is sealed)
 * @param sealedEntries   how many entries are sealed; seqs are gapless from 1, so this equals {@code seq}
 * @param unsealedEntries entries committed but still waiting to be sealed
 */
public record AuditHead(long seq, String txHash, long sealedEntries, long unsealedEntries) {
}
