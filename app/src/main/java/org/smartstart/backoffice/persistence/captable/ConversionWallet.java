package org.smartstart.backoffice.persistence.captable;

import org.smartstart.backoffice.domain.captable.ConversionFacts;
import org.smartstart.backoffice.persistence.tokens.BuzTransactionWriter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * The wallet side of a BUZ-to-equity conversion, kept in one small class so it can move to the tokens
 * feature's wallet code: read a wallet, and debit it with a 'convert' transaction chained to the
 * wallet's previous one (BZ-5, written and hashed by {@link BuzTransactionWriter}) while moving the version on by one
 * (BZ-1's optimistic lock).
 */
final class ConversionWallet {

    private ConversionWallet() {
    }

    static Optional<ConversionFacts.Wallet> of(Connection c, UUID userId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                SELECT id, coalesce(buz_balance, 0), coalesce(locked_balance, 0), coalesce(version, 1)
                  FROM user_wallets WHERE user_id = ? ORDER BY buz_balance DESC NULLS LAST, id LIMIT 1""")) {
            p.setObject(1, userId, Types.OTHER);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ConversionFacts.Wallet(r.getObject(1, UUID.class), userId, r.getLong(2), r.getLong(3), r.getInt(4)));
            }
        }
    }

    /** Empty when the wallet's version moved since it was read (someone else spent or earned meanwhile). */
    static Optional<ConversionFacts.Debit> debit(Connection c, ConversionFacts.Wallet wallet, UUID ventureId, long amount, Instant at)
            throws SQLException {
        // The database keeps microseconds: hash the instant as it will be stored, so a verifier re-hashing the row agrees.
        Instant createdAt = at.truncatedTo(ChronoUnit.MICROS);
        try (PreparedStatement p = c.prepareStatement("""
                UPDATE user_wallets SET buz_balance = buz_balance - ?, version = version + 1
                 WHERE id = ? AND coalesce(version, 1) = ?""")) {
            p.setLong(1, amount);
            p.setObject(2, wallet.walletId(), Types.OTHER);
            p.setInt(3, wallet.version());
            if (p.executeUpdate() != 1) {
                return Optional.empty();
            }
        }
        BuzTransactionWriter.Written written = new BuzTransactionWriter(c).append(new BuzTransactionWriter.Content(
                UUID.randomUUID(), wallet.walletId(), ventureId, "convert", -amount, null, null, null, createdAt));
        return Optional.of(new ConversionFacts.Debit(written.id(), written.txHash(), wallet.balance() - amount));
    }
}
