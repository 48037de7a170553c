package org.smartstart.backoffice.domain.audit;

import org.smartstart.backoffice.domain.usecase.FieldProblem;

import java.util.ArrayList;
import java.util.List;

/**
 * Which stretch of the chain to verify next (AU-4), and optionally the entry a signed checkpoint
 * vouches for (AU-5; check the checkpoint's signature with {@link AuditCheckpoint#problem} first).
 *
 * @param afterSeq     verify the entries after this seq (0 or null: from the start)
 * @param afterTxHash  the tx_hash of entry {@code afterSeq}, as the previous step found it (null: the genesis hash)
 * @param limit        at most this many entries (1 to {@value VerificationStep#MAX_STEP}); null: {@value #DEFAULT_LIMIT}
 * @param anchorSeq    the seq a checkpoint names, or null
 * @param anchorTxHash the tx_hash the checkpoint signed for it, or null
 */
public record VerificationStepRequest(Long afterSeq, String afterTxHash, Integer limit, Long anchorSeq, String anchorTxHash) {

    public static final int DEFAULT_LIMIT = 20_000;

    /** The first step, without a checkpoint. */
    public static VerificationStepRequest first(int limit) {
        return new VerificationStepRequest(0L, VerificationResult.GENESIS_HASH, limit, null, null);
    }

    /** The step after this one, keeping the size and the anchor. */
    public VerificationStepRequest next(VerificationStep done) {
        return new VerificationStepRequest(done.lastSeq(), done.lastTxHash(), limit, anchorSeq, anchorTxHash);
    }

    /** The same walk, also held against a checkpoint's entry. */
    public VerificationStepRequest against(AuditCheckpoint checkpoint) {
        return checkpoint == null ? new VerificationStepRequest(afterSeq, afterTxHash, limit, null, null)
                : new VerificationStepRequest(afterSeq, afterTxHash, limit, checkpoint.seq(), checkpoint.txHash());
    }

    public long start() {
        return afterSeq == null ? 0 : afterSeq;
    }

    public String startHash() {
        return afterTxHash == null ? VerificationResult.GENESIS_HASH : afterTxHash;
    }

    public int size() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }

    public ChainAnchor anchor() {
        return anchorSeq == null ? null
                : new ChainAnchor(anchorSeq, anchorTxHash, "the checkpoint of seq " + anchorSeq);
    }

    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (afterSeq != null && afterSeq < 0) {
            problems.add(new FieldProblem("afterSeq", "Seqs start at 1; afterSeq " + afterSeq + " cannot be negative."));
        }
        if (afterTxHash != null && !afterTxHash.matches("[0-9a-f]{64}")) {
            problems.add(new FieldProblem("afterTxHash", "A tx_hash is 64 lower-case hex digits; \"" + afterTxHash + "\" is not."));
        }
        if (limit != null && (limit < 1 || limit > VerificationStep.MAX_STEP)) {
            problems.add(new FieldProblem("limit", "A step covers 1 to " + VerificationStep.MAX_STEP + " entries; " + limit + " was asked for."));
        }
        if ((anchorSeq == null) != (anchorTxHash == null)) {
            problems.add(new FieldProblem(anchorSeq == null ? "anchorSeq" : "anchorTxHash",
                    "A checkpoint names both a seq and its tx_hash; only one was given."));
        } else if (anchorSeq != null && anchorSeq < 1) {
            problems.add(new FieldProblem("anchorSeq", "A checkpoint names an entry from seq 1 on, not " + anchorSeq + "."));
        } else if (anchorTxHash != null && !anchorTxHash.matches("[0-9a-f]{64}")) {
            problems.add(new FieldProblem("anchorTxHash", "A tx_hash is 64 lower-case hex digits; \"" + anchorTxHash + "\" is not."));
        }
        return problems;
    }
}
