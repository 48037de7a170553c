package org.smartstart.backoffice.persistence.tokens;

import org.smartstart.backoffice.domain.tokens.BuzTxType;
import org.smartstart.backoffice.domain.tokens.IssuanceRules;
import org.smartstart.backoffice.domain.tokens.WalletStore;
import org.smartstart.backoffice.domain.tokens.WalletTransaction;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.smartstart.backoffice.persistence.db.StoreSql.sql;

/** The wallet store on the JDBC connection of one use-case transaction; transactions go through {@link BuzTransactionWriter}. */
public final class JdbcWalletStore implements WalletStore {

    private final Connection c;

    public JdbcWalletStore(Connection c) {
        this.c = c;
    }

    @Override
    public Optional<Person> person(UUID userId) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT display_name, kyc_status::text FROM users WHERE id = ? AND archived_at IS NULL")) {
                p.setObject(1, userId, Types.OTHER);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(new Person(userId, r.getString(1), r.getString(2))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<Venture> venture(UUID ventureId) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement("""
                    SELECT v.name,
                           coalesce((SELECT array_agg(DISTINCT h.applies_to::text) FROM legal_holds h
                                      WHERE h.venture_id = v.id AND h.released_at IS NULL), '{}') AS holds,
                           (SELECT r.monthly_issue_cap FROM buz_issuance_rules r
                             WHERE r.venture_id = v.id AND r.replaced_at IS NULL) AS cap
                      FROM ventures v WHERE v.id = ? AND v.archived_at IS NULL""")) {
                p.setObject(1, ventureId, Types.OTHER);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    Array holds = r.getArray("holds");
                    long cap = r.getLong("cap");
                    return Optional.of(new Venture(ventureId, r.getString("name"), Arrays.asList((String[]) holds.getArray()),
                            r.wasNull() ? null : cap));
                }
            }
        });
    }

    @Override
    public void lockIssuance(UUID ventureId) {
        sql(() -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT 1 FROM buz_issuance_rules WHERE venture_id = ? AND replaced_at IS NULL FOR UPDATE")) {
                p.setObject(1, ventureId, Types.OTHER);
                p.executeQuery().close();
            }
            return null;
        });
    }

    @Override
    public List<IssuanceRules.Version> issuanceRules(UUID ventureId) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement("""
                    SELECT id, monthly_issue_cap, conversion_band_min, conversion_band_max, COALESCE(board_approved, false),
                           created_at, replaced_at
                      FROM buz_issuance_rules WHERE venture_id = ?
                     ORDER BY replaced_at IS NULL DESC, created_at DESC, id""")) {
                p.setObject(1, ventureId, Types.OTHER);
                List<IssuanceRules.Version> rows = new java.util.ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        java.sql.Timestamp replaced = r.getTimestamp(7);
                        rows.add(new IssuanceRules.Version(r.getObject(1, UUID.class), r.getLong(2), r.getBigDecimal(3), r.getBigDecimal(4),
                                r.getBoolean(5), r.getTimestamp(6).toInstant(), replaced == null ? null : replaced.toInstant()));
                    }
                }
                return rows;
            }
        });
    }

    @Override
    public long earnedIn(UUID ventureId, YearMonth month) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement("""
                    SELECT coalesce(sum(amount), 0) FROM buz_transactions
                     WHERE venture_id = ? AND type = 'earn' AND created_at >= ? AND created_at < ?""")) {
                p.setObject(1, ventureId, Types.OTHER);
                p.setObject(2, month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC));
                p.setObject(3, month.plusMonths(1).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC));
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
    }

    @Override
    public Optional<Contribution> contribution(UUID contributionEventId) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement("""
                    SELECT e.user_id, t.venture_id FROM contribution_events e LEFT JOIN tasks t ON t.id = e.task_id
                     WHERE e.id = ?""")) {
                p.setObject(1, contributionEventId, Types.OTHER);
                try (ResultSet r = p.executeQuery()) {
                    return r.next()
                            ? Optional.of(new Contribution(contributionEventId, r.getObject(1, UUID.class), r.getObject(2, UUID.class)))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<WalletState> wallet(UUID userId) {
        return sql(() -> find(userId));
    }

    // The same choice as the conversion's (ConversionWallet): a user's wallet is their fullest one.
    private Optional<WalletState> find(UUID userId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                SELECT id, coalesce(buz_balance, 0), coalesce(locked_balance, 0), coalesce(version, 1)
                  FROM user_wallets WHERE user_id = ? ORDER BY buz_balance DESC NULLS LAST, id LIMIT 1""")) {
            p.setObject(1, userId, Types.OTHER);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(new WalletState(r.getObject(1, UUID.class), r.getLong(2), r.getLong(3), r.getInt(4)))
                        : Optional.empty();
            }
        }
    }

    @Override
    public WalletState openWallet(UUID userId) {
        return sql(() -> {
            Optional<WalletState> existing = find(userId);
            if (existing.isPresent()) {
                return existing.get();
            }
            // Two first issues to one person at once: the user row's lock makes the second find the first's wallet.
            try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM users WHERE id = ? FOR NO KEY UPDATE")) {
                p.setObject(1, userId, Types.OTHER);
                p.executeQuery().close();
            }
            existing = find(userId);
            if (existing.isPresent()) {
                return existing.get();
            }
            UUID id = UUID.randomUUID();
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO user_wallets (id, user_id, buz_balance, locked_balance, version) VALUES (?, ?, 0, 0, 1)")) {
                p.setObject(1, id, Types.OTHER);
                p.setObject(2, userId, Types.OTHER);
                p.executeUpdate();
            }
            return new WalletState(id, 0, 0, 1);
        });
    }

    @Override
    public Optional<WalletTransaction> move(WalletState from, UUID ventureId, BuzTxType type, long amount, UUID contributionEventId,
                                            String memo, Instant at) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement("""
                    UPDATE user_wallets SET buz_balance = buz_balance + ?, version = coalesce(version, 1) + 1
                     WHERE id = ? AND coalesce(version, 1) = ?""")) {
                p.setLong(1, amount);
                p.setObject(2, from.walletId(), Types.OTHER);
                p.setInt(3, from.version());
                if (p.executeUpdate() != 1) {
                    return Optional.empty();
                }
            }
            BuzTransactionWriter.Written w = new BuzTransactionWriter(c).append(new BuzTransactionWriter.Content(
                    UUID.randomUUID(), from.walletId(), ventureId, type.code(), amount, null, contributionEventId, memo, at));
            return Optional.of(new WalletTransaction(w.id(), ventureId, type, amount, contributionEventId, memo, w.createdAt(),
                    w.prevTxHash(), w.txHash()));
        });
    }

    @Override
    public Chain chain(UUID walletId) {
        return sql(() -> {
            List<BuzTransactionWriter.Stored> chain = new BuzTransactionWriter(c).chain(walletId);
            List<WalletTransaction> newestFirst = new ArrayList<>(chain.size());
            for (int i = chain.size() - 1; i >= 0; i--) {
                BuzTransactionWriter.Stored s = chain.get(i);
                BuzTransactionWriter.Content t = s.content();
                newestFirst.add(new WalletTransaction(t.id(), t.ventureId(), BuzTxType.ofCode(t.type()), t.amount(),
                        t.contributionEventId(), t.memo(), t.createdAt(), s.prevTxHash(), s.txHash()));
            }
            return new Chain(newestFirst, BuzTransactionWriter.intact(chain));
        });
    }
}
