package org.smartstart.backoffice.domain.tokens;

/**
 * BUZ wallets: balances, transactions and issuance under BZ-1..BZ-3, BZ-5, BZ-6.
 * One method per user action; each returns an {@code Outcome} and is served alike by the local adapter,
 * by the HTTP API and by the remote client (see {@code Query} and {@code Command}).
 */
public interface Wallets {
}
