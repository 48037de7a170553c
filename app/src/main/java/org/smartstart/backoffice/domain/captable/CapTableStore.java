package org.smartstart.backoffice.domain.captable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the cap table use cases need from storage (a driven port), inside the use case's one
 * transaction. The local adapter implements it on the database; it only reads and writes, the rules
 * are the use cases'.
 */
public interface CapTableStore {

    /** The venture's facts, or empty when it does not exist (or is archived). */
    Optional<VentureFacts> venture(UUID ventureId);

    /** Serialises writers of one cap table until the transaction ends (a second writer then sees the first's rows). */
    void lockCapTable(UUID ventureId);

    /** Every ledger row of the venture, closed ones included. */
    List<LedgerRow> ledger(UUID ventureId);

    /**
     * The rows still in force on or after {@code from} (open, or ending on or after it), and the rows
     * {@code rowIds} names whatever their dates: all a change from {@code from} on needs to be checked.
     */
    List<LedgerRow> ledgerFrom(UUID ventureId, LocalDate from, Collection<UUID> rowIds);

    /** The rows effective on {@code day} (a cap table of one date needs no others). */
    List<LedgerRow> ledgerOn(UUID ventureId, LocalDate day);

    /**
     * Everything the cap table of {@code day} is built from, read at once: the venture's facts, the rows
     * effective that day (without createdAt and createdBy, which a cap table does not show), the names of
     * their holders, the vesting policies they refer to, and the whole ledger's digest. Empty when the
     * venture does not exist or is archived. What the user may not read is left out exactly as the
     * separate reads ({@link #venture}, {@link #ledgerOn}, {@link #names}, {@link #vestingPolicies},
     * {@link #ledgerDigest}) leave it out.
     */
    Optional<DayRead> capTableDay(UUID ventureId, LocalDate day);

    record DayRead(VentureFacts venture, List<LedgerRow> rows, Map<UUID, String> names, Map<UUID, VestingPolicy> policies,
                   LedgerDigest digest) {
    }

    /** The whole ledger's revision ({@link CapTable#revisionOf}) and change dates, without reading its rows. */
    LedgerDigest ledgerDigest(UUID ventureId);

    record LedgerDigest(String revision, List<LocalDate> changeDates) {
    }

    /** Display names of the users that exist among {@code userIds}. */
    Map<UUID, String> names(Collection<UUID> userIds);

    /** The vesting policies that exist among {@code ids}. */
    Map<UUID, VestingPolicy> vestingPolicies(Collection<UUID> ids);

    /** The platform templates (first) and the venture's own vesting policies, each group by name. */
    List<VestingPolicy> vestingPoliciesOf(UUID ventureId);

    void insertVestingPolicy(VestingPolicy policy, Instant at, UUID createdBy);

    /** Gives the venture's own policy {@code policyId} another name; false when it is not one of the venture's. */
    boolean renameVestingPolicy(UUID ventureId, UUID policyId, String name);

    /** The audit entries of the venture's ledger changes, sealed or still in the outbox, newest first. */
    List<LedgerChangeRecord> ledgerHistory(UUID ventureId);

    /**
     * Users not archived whose e-mail is {@code exactEmail} (ignoring case) or whose display name starts
     * with {@code namePrefix} (ignoring case); one of the two is null. At most {@code limit}, by name.
     */
    List<HolderCandidate> holderCandidates(String exactEmail, String namePrefix, int limit);

    /** Closes the open row {@code rowId}; false when it is no longer open. */
    boolean close(UUID rowId, LocalDate effectiveTo);

    void insert(UUID ventureId, LedgerRow row);

    Optional<IssuanceRule> currentIssuanceRule(UUID ventureId);

    Optional<ConversionFacts.Person> person(UUID userId);

    Optional<ConversionFacts.Wallet> wallet(UUID userId);

    /**
     * Debits {@code amount} BUZ from the wallet as a 'convert' transaction of the venture, chained to the
     * wallet's previous transaction (BZ-5); empty when the wallet changed since it was read (BZ-1's lock).
     */
    Optional<ConversionFacts.Debit> debitForConversion(ConversionFacts.Wallet wallet, UUID ventureId, long amount, Instant at);

    void insertConversion(UUID conversionId, UUID ventureId, UUID userId, long buzSpent, BigDecimal equityPercent,
                          LocalDate effectiveOn, Map<String, Object> policySnapshot, Instant at);
}
