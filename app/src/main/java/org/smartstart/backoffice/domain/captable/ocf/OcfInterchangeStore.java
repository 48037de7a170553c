package org.smartstart.backoffice.domain.captable.ocf;

import org.smartstart.backoffice.domain.captable.LedgerRow;
import org.smartstart.backoffice.domain.captable.VestingPolicy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What the interchange use cases need from storage, inside the use case's one transaction. */
public interface OcfInterchangeStore {

    /** The venture as an import target (facts, owner's e-mail, ledger), or empty when it does not exist. */
    Optional<OcfImportTarget> target(UUID ventureId);

    /** Serialises writers of one cap table until the transaction ends. */
    void lockCapTable(UUID ventureId);

    /** Existing users by e-mail, ignoring case (ID-1): lower-cased e-mail → user id. */
    Map<String, UUID> usersByEmail(Collection<String> emails);

    /** A pending user to open for a stakeholder who is no user yet. */
    record NewAccount(UUID id, String displayName, String email) {
    }

    /** Opens pending users (KYC pending) for the import of {@code ventureId}, as its owner or an admin may. */
    void openPendingAccounts(UUID ventureId, List<NewAccount> accounts, Instant at);

    /** The id of a vesting policy with exactly this schedule; empty when there is none yet. */
    Optional<UUID> vestingPolicyLike(UUID ventureId, VestingPolicy schedule);

    UUID createVestingPolicy(VestingPolicy schedule);

    /** Closes the open row {@code rowId}; false when it is no longer open. */
    boolean close(UUID rowId, LocalDate effectiveTo);

    /** Inserts ledger rows in batches. */
    void insertRows(UUID ventureId, List<LedgerRow> rows);

    /** Name and e-mail of users. */
    Map<UUID, OcfExport.Person> people(Collection<UUID> userIds);

    Map<UUID, VestingPolicy> vestingPolicies(Collection<UUID> ids);

    /** The owner's country (ISO 3166 alpha-2), the issuer's country of formation in an export. */
    Optional<String> ownerCountry(UUID ventureId);
}
