package org.smartstart.backoffice.domain.audit;

import java.util.Objects;

/**
 * An entry the chain must still contain, as a checkpoint remembers it (AU-5): verification fails at
 * {@code seq} when the replayed chain reaches a different tx_hash there, or ends before it.
 *
 * @param source in words, where the anchor comes from, e.g. "the checkpoint signed 2026-12-01T10:00:00Z by key 1a2b…"
 */
public record ChainAnchor(long seq, String txHash, String source) {
    public ChainAnchor {
        Objects.requireNonNull(txHash, "txHash");
        Objects.requireNonNull(source, "source");
        if (seq < 1) {
            throw new IllegalArgumentException("A checkpoint names an entry from seq 1 on, not " + seq);
        }
    }
}
