package org.smartstart.backoffice.persistence.rules;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;

/** Plain-SQL fixtures and the assertion every rule test uses: refused with this SQLSTATE and this sentence. */
final class RuleSql {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private RuleSql() {
    }

    /** A name no other fixture in this database has, readable in messages ("Acme 7"). */
    static String unique(String name) {
        return name + " " + COUNTER.incrementAndGet();
    }

    static void exec(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params)) {
            ps.execute();
        }
    }

    static UUID uuid(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).as("a row from %s", sql).isTrue();
            return rs.getObject(1, UUID.class);
        }
    }

    static long number(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).as("a row from %s", sql).isTrue();
            return rs.getLong(1);
        }
    }

    static String text(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).as("a row from %s", sql).isTrue();
            return rs.getString(1);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }

    // ---- fixtures -------------------------------------------------------------------------

    static UUID user(Connection c, String displayName, String kycStatus) throws SQLException {
        String email = displayName.toLowerCase().replace(' ', '.') + "." + COUNTER.incrementAndGet() + "@example.org";
        return uuid(c, "INSERT INTO users (display_name, email, kyc_status) VALUES (?, ?, ?::kyc_status) RETURNING id",
                displayName, email, kycStatus);
    }

    static UUID venture(Connection c, String name, UUID owner) throws SQLException {
        return uuid(c, "INSERT INTO ventures (name, region, owner_user_id) VALUES (?, 'ca', ?) RETURNING id", name, owner);
    }

    static UUID wallet(Connection c, UUID user) throws SQLException {
        return uuid(c, "INSERT INTO user_wallets (user_id) VALUES (?) RETURNING id", user);
    }

    static UUID issuanceRule(Connection c, UUID venture, long monthlyCap) throws SQLException {
        return uuid(c, """
                INSERT INTO buz_issuance_rules (venture_id, monthly_issue_cap, conversion_band_min, conversion_band_max, board_approved)
                VALUES (?, ?, 0.000001, 0.001000, true) RETURNING id""", venture, monthlyCap);
    }

    static String txHash() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        return HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(32)
                .putLong(a.getMostSignificantBits()).putLong(a.getLeastSignificantBits())
                .putLong(b.getMostSignificantBits()).putLong(b.getLeastSignificantBits()).array());
    }

    /** Inserts one transaction at a given time (ISO timestamp with zone), without touching the wallet; the database chains it (BZ-5). */
    static UUID insertTransaction(Connection c, UUID wallet, UUID venture, String type, long amount, String createdAt)
            throws SQLException {
        return uuid(c, """
                INSERT INTO buz_transactions (wallet_id, venture_id, type, amount, created_at)
                VALUES (?, ?, ?::buz_tx_type, ?, COALESCE(?::timestamptz, now())) RETURNING id""",
                wallet, venture, type, amount, createdAt);
    }

    /** A transaction and its balance change, committed together the way the application writes them. */
    static UUID post(Connection c, UUID wallet, UUID venture, String type, long amount, String createdAt) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            UUID tx = insertTransaction(c, wallet, venture, type, amount, createdAt);
            long lockedDelta = type.equals("lock") || type.equals("unlock") ? -amount : 0;
            exec(c, """
                    UPDATE user_wallets SET buz_balance = buz_balance + ?, locked_balance = locked_balance + ?,
                           version = version + 1 WHERE id = ?""", amount, lockedDelta, wallet);
            c.commit();
            return tx;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    static UUID hold(Connection c, UUID venture, String appliesTo, UUID imposedBy, String reason) throws SQLException {
        return uuid(c, """
                INSERT INTO legal_holds (venture_id, reason, applies_to, imposed_by_user_id)
                VALUES (?, ?, ?::hold_scope, ?) RETURNING id""", venture, reason, appliesTo, imposedBy);
    }

    // ---- assertions -----------------------------------------------------------------------

    /** A refusal: its SQLSTATE and the server's own message (without pgjdbc's "ERROR:" and context). */
    record Refusal(String sqlState, String message) {
    }

    static Refusal refusal(ThrowingCallable statement) {
        SQLException e = catchThrowableOfType(SQLException.class, statement);
        if (e == null) {
            fail("the statement should have been refused");
        }
        String message = e.getMessage();
        if (e instanceof PSQLException p) {
            ServerErrorMessage server = p.getServerErrorMessage();
            if (server != null) {
                message = server.getMessage();
            }
        }
        return new Refusal(e.getSQLState(), message);
    }

    /** Runs the statement and asserts it is refused with the rule's SQLSTATE and a message naming the figures. */
    static Refusal assertRefused(ThrowingCallable statement, String sqlState, String rule, String... fragments) {
        Refusal r = refusal(statement);
        assertThat(r.sqlState()).as("SQLSTATE of: %s", r.message()).isEqualTo(sqlState);
        assertThat(r.message()).startsWith(rule + ": ").contains(fragments);
        return r;
    }

    /** Runs the body in one transaction and commits it (deferred rules fire at the commit). */
    static void inTransaction(Connection c, SqlBody body) throws SQLException {
        c.setAutoCommit(false);
        try {
            body.run();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    @FunctionalInterface
    interface SqlBody {
        void run() throws SQLException;
    }
}
