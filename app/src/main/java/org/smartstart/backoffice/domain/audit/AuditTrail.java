package org.smartstart.backoffice.domain.audit;

import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Param;
import org.smartstart.backoffice.domain.usecase.Query;

/**
 * The audit trail: browse entries and verify the chain (AU-1..AU-5).
 * One method per user action; each returns an {@code Outcome} and is served alike by the local adapter,
 * by the HTTP API and by the remote client (see {@code Query} and {@code Command}).
 *
 * <p>Who may read what is {@link AuditAccess}: global compliance and admin staff everything, a venture
 * owner the entries of their ventures only; the head and verification are for global staff only.
 * Only sealed entries are shown: an entry committed a moment ago appears once the sealer has chained it.
 * Reading the trail is not itself audited.
 */
public interface AuditTrail {

    /**
     * One page of sealed entries matching the filter, newest or oldest first, cut by seq, or by (ts, seq) when
     * listed by time (a period, or {@code byTime}). A limit outside 1..{@value AuditFilter#MAX_LIMIT} is
     * {@link Outcome.Invalid} naming "limit"; listed by time, a cursor that names no entry the user may see is
     * Invalid naming it.
     */
    @Query("/audit/entries")
    Outcome<AuditPage> entries(@Param("filter") AuditFilter filter);

    /** The sealed entry with this seq. */
    @Query("/audit/entries/{seq}")
    Outcome<AuditLogEntry> entry(@Param("seq") long seq);

    /** The last sealed entry of the chain and how many wait to be sealed. */
    @Query("/audit/head")
    Outcome<AuditHead> head();

    /**
     * Replays the whole chain (AU-4) and names the first entry that does not hold, and why. Reads every
     * entry, so on a large log this takes a while.
     */
    @Query("/audit/verification")
    Outcome<VerificationResult> verify();

    /**
     * Verifies the next stretch of the chain (AU-4), and with a checkpoint's seq and tx_hash also that the log
     * still holds that exact entry (AU-5). A screen calls it step after step to show progress and to stop
     * between steps; the result says where to go on from and when the end (and the head) was reached.
     */
    @Query("/audit/verification/step")
    Outcome<VerificationStep> verifyStep(@Param("step") VerificationStepRequest step);
}
