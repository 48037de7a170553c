package org.smartstart.backoffice.persistence.tokens;

import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.tokens.BuzMovement;
import org.smartstart.backoffice.domain.tokens.IssuanceRules;
import org.smartstart.backoffice.domain.tokens.IssueRequest;
import org.smartstart.backoffice.domain.tokens.RedeemRequest;
import org.smartstart.backoffice.domain.tokens.Wallet;
import org.smartstart.backoffice.domain.tokens.WalletUseCases;
import org.smartstart.backoffice.domain.tokens.Wallets;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.persistence.usecase.LocalUseCases;

import java.util.UUID;

/**
 * The wallets port on the database: each call is one transaction of {@link LocalUseCases} running the
 * domain's {@link WalletUseCases} on a JDBC store. The database's triggers (V3 for BZ-1/2/3/6, V11 for
 * BZ-5) check the same rules again; their refusals come back with the same rule ids.
 */
public final class LocalWallets implements Wallets {

    private final LocalUseCases useCases;
    private final Session session;

    public LocalWallets(LocalUseCases useCases, Session session) {
        this.useCases = useCases;
        this.session = session;
    }

    @Override
    public Outcome<Wallet> wallet(UUID userId) {
        return useCases.query(session, (actor, tx) -> new WalletUseCases(new JdbcWalletStore(tx.connection())).wallet(actor, userId));
    }

    @Override
    public Outcome<BuzMovement> issueBuz(UUID ventureId, IssueRequest request) {
        return useCases.command(session, (actor, tx, audit) ->
                new WalletUseCases(new JdbcWalletStore(tx.connection())).issueBuz(actor, ventureId, request, tx.now(), audit));
    }

    @Override
    public Outcome<BuzMovement> redeemBuz(UUID ventureId, RedeemRequest request) {
        return useCases.command(session, (actor, tx, audit) ->
                new WalletUseCases(new JdbcWalletStore(tx.connection())).redeemBuz(actor, ventureId, request, tx.now(), audit));
    }

    @Override
    public Outcome<IssuanceRules> issuanceRules(UUID ventureId) {
        return useCases.query(session, (actor, tx) ->
                new WalletUseCases(new JdbcWalletStore(tx.connection())).issuanceRules(actor, ventureId, tx.now()));
    }
}
