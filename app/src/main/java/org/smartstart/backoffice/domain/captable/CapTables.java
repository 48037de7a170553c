package org.smartstart.backoffice.domain.captable;

import org.smartstart.backoffice.domain.usecase.Command;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Param;
import org.smartstart.backoffice.domain.usecase.Query;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Cap tables: read any date's cap table, change it, convert BUZ to equity (EQ-1..EQ-7, BZ-4).
 * One method per user action; each returns an {@code Outcome} and is served alike by the local adapter,
 * by the HTTP API and by the remote client (see {@code Query} and {@code Command}).
 */
public interface CapTables extends VestingPolicies {

    /** The cap table of a venture on {@code asOf}, with vested percents and the ledger revision (ID-3: read cap table). */
    @Query("/ventures/{ventureId}/cap-table")
    Outcome<CapTable> capTableOn(@Param("ventureId") UUID ventureId, @Param("asOf") LocalDate asOf);

    /** Every ledger row of the venture, closed ones included, by start date (the cap table's history, EQ-5). */
    @Query("/ventures/{ventureId}/cap-table/ledger")
    Outcome<List<LedgerRow>> ledger(@Param("ventureId") UUID ventureId);

    /**
     * The saved changes of the ledger, newest first, each with the audit entry that recorded it (seq and
     * hash once sealed), so every row of the history can be proved against the chain (AU-1, AU-2).
     */
    @Query("/ventures/{ventureId}/cap-table/history")
    Outcome<List<LedgerChangeRecord>> ledgerHistory(@Param("ventureId") UUID ventureId);

    /**
     * Platform users the editor of this cap table may add as holders: an exact e-mail (ignoring case) or
     * the start of a display name (at least two characters), at most 20, by name. Only id, display name and
     * KYC status come back (ID-5: no contact data). Takes "edit cap table" on the venture (ID-3).
     */
    @Query("/ventures/{ventureId}/cap-table/holder-candidates")
    Outcome<List<HolderCandidate>> holderCandidates(@Param("ventureId") UUID ventureId, @Param("search") String search);

    /**
     * Closes and adds ledger rows in one transaction, if the result keeps EQ-1..EQ-5 on every date and
     * no equity hold is active (EQ-7); a change based on an older revision is a conflict. Answers the
     * cap table on the first date the change touches. Audit: EQUITY_CHANGE.
     */
    @Command("/ventures/{ventureId}/cap-table/changes")
    Outcome<CapTable> changeCapTable(@Param("ventureId") UUID ventureId, @Param("change") CapTableChange change);

    /** Converts a user's BUZ to equity (BZ-4) with pro-rata dilution of the other holders. Audit: BUZ_CONVERTED. */
    @Command("/ventures/{ventureId}/conversions")
    Outcome<Conversion> convertBuz(@Param("ventureId") UUID ventureId, @Param("request") ConversionRequest request);
}
