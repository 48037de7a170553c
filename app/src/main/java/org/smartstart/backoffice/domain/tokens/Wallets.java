package org.smartstart.backoffice.domain.tokens;

import org.smartstart.backoffice.domain.usecase.Command;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Param;
import org.smartstart.backoffice.domain.usecase.Query;

import java.util.UUID;

/**
 * BUZ wallets: balances, transactions and issuance under BZ-1..BZ-3, BZ-5, BZ-6.
 * One method per user action; each returns an {@code Outcome} and is served alike by the local adapter,
 * by the HTTP API and by the remote client (see {@code Query} and {@code Command}).
 *
 * <p>Permissions (ID-3). Reading a wallet: the wallet's own user, or the global admin, compliance or support
 * role (the global roles of "read the cap table"). Issuing and redeeming: ID-3 has no row for them, so they
 * are granted like its nearest row, {@link org.smartstart.backoffice.domain.access.Permission#CONVERT_BUZ}
 * (the venture's owner or the global admin): converting, issuing and redeeming all move a venture's BUZ on
 * someone's wallet, and the same people answer for the venture's token budget. A refusal names that row.
 *
 * <p>Concurrency. Every balance change raises the wallet's version by one where it is still the version read
 * (BZ-1's optimistic lock); a change that lost that race, or a request based on an older version, is
 * {@link Outcome.Conflict} and writes nothing, never a lost update.
 */
public interface Wallets {

    /** A user's wallet: balances, version and transactions newest first, with whether the BZ-5 chain checks out. */
    @Query("/users/{userId}/wallet")
    Outcome<Wallet> wallet(@Param("userId") UUID userId);

    /**
     * Issues (earns) BUZ of the venture to a user: KYC verified (BZ-2), within the venture's monthly cap in the
     * UTC calendar month (BZ-3), no BUZ or all-records hold (BZ-6). Audit: BUZ_ISSUED with the balance before and after.
     */
    @Command("/ventures/{ventureId}/buz/issues")
    Outcome<BuzMovement> issueBuz(@Param("ventureId") UUID ventureId, @Param("request") IssueRequest request);

    /**
     * Redeems (spends) BUZ from a user's wallet in the venture: the wallet must cover it (BZ-1), KYC verified
     * (BZ-2), no BUZ or all-records hold (BZ-6). Audit: BUZ_REDEEMED with the balance before and after.
     */
    @Command("/ventures/{ventureId}/buz/redemptions")
    Outcome<BuzMovement> redeemBuz(@Param("ventureId") UUID ventureId, @Param("request") RedeemRequest request);

    /**
     * The venture's BUZ issuance rule and its history (monthly cap, conversion band, board approval), with this
     * month's issues against the cap. Read by whoever may read the venture's cap table (ID-3).
     */
    @Query("/ventures/{ventureId}/buz/issuance-rules")
    Outcome<IssuanceRules> issuanceRules(@Param("ventureId") UUID ventureId);
}
