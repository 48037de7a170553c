package org.smartstart.backoffice.persistence.rules;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartstart.backoffice.persistence.rules.RuleSql.*;

/** BZ-1, BZ-2, BZ-3, BZ-6 as PostgreSQL enforces them against plain SQL. */
class TokenRulesSqlTest {

    private static final String MID_MARCH = "2026-03-15T12:00:00Z";

    private static TestDatabase db;
    private Connection c;
    private String ventureName;
    private UUID venture;
    private UUID alice;
    private UUID wallet;

    @BeforeAll
    static void createDatabase() {
        db = TestPostgres.newDatabase();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @BeforeEach
    void verifiedEarnerWithAWallet() throws SQLException {
        c = db.ownerConnection();
        alice = user(c, unique("Alice"), "verified");
        ventureName = unique("Acme");
        venture = venture(c, ventureName, alice);
        issuanceRule(c, venture, 1_000);
        wallet = wallet(c, alice);
        post(c, wallet, venture, "earn", 100, MID_MARCH);
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    private long balance() throws SQLException {
        return number(c, "SELECT buz_balance FROM user_wallets WHERE id = ?", wallet);
    }

    // ---- BZ-1 -----------------------------------------------------------------------------

    @Test
    void bz1_a_balance_below_zero_is_refused_with_the_figures() {
        assertRefused(() -> exec(c, "UPDATE user_wallets SET buz_balance = -50, version = version + 1 WHERE id = ?", wallet),
                "SSB01", "BZ-1", "-50 BUZ", "below zero");
    }

    @Test
    void bz1_a_debit_written_with_its_balance_change_is_accepted() throws SQLException {
        post(c, wallet, venture, "redeem", -40, null);

        assertThat(balance()).isEqualTo(60);
    }

    @Test
    void bz1_a_debit_beyond_the_balance_is_refused() {
        assertRefused(() -> post(c, wallet, venture, "redeem", -140, null), "SSB01", "BZ-1", "-40 BUZ");
    }

    @Test
    void bz1_an_amount_with_the_wrong_sign_for_its_type_is_refused() {
        assertRefused(() -> insertTransaction(c, wallet, venture, "earn", -5, null),
                "SSB01", "BZ-1", "earn of -5 BUZ", "wrong sign");
        assertRefused(() -> insertTransaction(c, wallet, venture, "lock", 5, null),
                "SSB01", "BZ-1", "lock of 5 BUZ");
    }

    @Test
    void bz1_a_balance_change_without_a_transaction_is_refused_at_commit() {
        assertRefused(() -> inTransaction(c, () ->
                        exec(c, "UPDATE user_wallets SET buz_balance = 600, version = version + 1 WHERE id = ?", wallet)),
                "SSB01", "BZ-1", "shows 600 BUZ", "add up to 100 BUZ");
    }

    @Test
    void bz1_a_transaction_without_its_balance_change_is_refused_at_commit() {
        assertRefused(() -> inTransaction(c, () -> insertTransaction(c, wallet, venture, "earn", 10, MID_MARCH)),
                "SSB01", "BZ-1", "shows 100 BUZ", "add up to 110 BUZ");
    }

    @Test
    void bz1_the_balance_may_be_written_before_its_transaction_in_one_database_transaction() throws SQLException {
        inTransaction(c, () -> {
            exec(c, "UPDATE user_wallets SET buz_balance = buz_balance + 50, version = version + 1 WHERE id = ?", wallet);
            insertTransaction(c, wallet, venture, "earn", 50, MID_MARCH);
        });

        assertThat(balance()).isEqualTo(150);
    }

    @Test
    void bz1_lock_and_unlock_move_buz_between_spendable_and_locked() throws SQLException {
        post(c, wallet, venture, "lock", -30, null);
        post(c, wallet, venture, "unlock", 10, null);

        assertThat(balance()).isEqualTo(80);
        assertThat(number(c, "SELECT locked_balance FROM user_wallets WHERE id = ?", wallet)).isEqualTo(20);
    }

    @Test
    void bz1_a_lock_that_does_not_raise_the_locked_balance_is_refused_at_commit() {
        assertRefused(() -> inTransaction(c, () -> {
                    insertTransaction(c, wallet, venture, "lock", -30, null);
                    exec(c, "UPDATE user_wallets SET buz_balance = 70, version = version + 1 WHERE id = ?", wallet);
                }),
                "SSB01", "BZ-1", "shows 70 BUZ with 0 BUZ locked", "add up to 70 BUZ with 30 BUZ locked");
    }

    @Test
    void bz1_transactions_are_append_only() {
        assertRefused(() -> exec(c, "UPDATE buz_transactions SET amount = 1000 WHERE wallet_id = ?", wallet),
                "SSB01", "BZ-1", "append-only", "UPDATE of the earn of 100 BUZ");
        assertRefused(() -> exec(c, "DELETE FROM buz_transactions WHERE wallet_id = ?", wallet),
                "SSB01", "BZ-1", "append-only", "DELETE");
        assertRefused(() -> exec(c, "TRUNCATE buz_transactions CASCADE"), "SSB01", "BZ-1", "TRUNCATE");
    }

    @Test
    void bz1_a_balance_change_must_raise_the_version_by_exactly_one() {
        assertRefused(() -> inTransaction(c, () -> {
                    insertTransaction(c, wallet, venture, "earn", 5, MID_MARCH);
                    exec(c, "UPDATE user_wallets SET buz_balance = 105 WHERE id = ?", wallet);
                }),
                "SSB01", "BZ-1", "from 100 to 105 BUZ", "version went from 2 to 2", "exactly 1");
        assertRefused(() -> inTransaction(c, () -> {
                    insertTransaction(c, wallet, venture, "earn", 5, MID_MARCH);
                    exec(c, "UPDATE user_wallets SET buz_balance = 105, version = version + 2 WHERE id = ?", wallet);
                }),
                "SSB01", "BZ-1", "version went from 2 to 4");
    }

    // ---- BZ-2 -----------------------------------------------------------------------------

    @Test
    void bz2_no_transaction_for_a_user_who_is_not_kyc_verified() throws SQLException {
        String name = unique("Bob");
        UUID bob = user(c, name, "pending");
        UUID bobsWallet = wallet(c, bob);

        assertRefused(() -> insertTransaction(c, bobsWallet, venture, "earn", 10, MID_MARCH),
                "SSB02", "BZ-2", name, "status pending", "earn of 10 BUZ");
    }

    @Test
    void bz2_a_verified_user_may_earn() throws SQLException {
        UUID carol = user(c, unique("Carol"), "verified");
        UUID carolsWallet = wallet(c, carol);

        post(c, carolsWallet, venture, "earn", 10, MID_MARCH);

        assertThat(number(c, "SELECT buz_balance FROM user_wallets WHERE id = ?", carolsWallet)).isEqualTo(10);
    }

    // ---- BZ-3 -----------------------------------------------------------------------------

    @Test
    void bz3_earning_above_the_monthly_cap_is_refused_with_the_figures() {
        // 100 already earned in March; cap 1000
        assertRefused(() -> post(c, wallet, venture, "earn", 901, "2026-03-31T23:59:00Z"),
                "SSB03", "BZ-3", "Earning 901 BUZ", ventureName, "2026-03", "1001 BUZ", "cap of 1000 BUZ",
                "100 BUZ already earned");
    }

    @Test
    void bz3_earning_up_to_the_cap_is_accepted_and_each_utc_month_has_its_own_cap() throws SQLException {
        post(c, wallet, venture, "earn", 900, "2026-03-31T23:59:00Z");
        // 00:30 in UTC+02 on 1 April is still March in UTC: the cap is spent
        assertRefused(() -> post(c, wallet, venture, "earn", 1, "2026-04-01T00:30:00+02:00"), "SSB03", "BZ-3", "2026-03");
        post(c, wallet, venture, "earn", 1_000, "2026-04-01T00:30:00Z");

        assertThat(balance()).isEqualTo(2_000);
    }

    @Test
    void bz3_a_venture_without_a_current_issuance_rule_cannot_issue() throws SQLException {
        String name = unique("Ruleless");
        UUID ruleless = venture(c, name, alice);
        UUID replaced = issuanceRule(c, ruleless, 5_000);
        exec(c, "UPDATE buz_issuance_rules SET replaced_at = now() WHERE id = ?", replaced);

        assertRefused(() -> post(c, wallet, ruleless, "earn", 10, MID_MARCH),
                "SSB03", "BZ-3", name + " has no BUZ issuance rule", "10 BUZ");
    }

    @Test
    void bz3_two_concurrent_earns_that_together_exceed_the_cap_do_not_both_commit() throws Exception {
        UUID dave = user(c, unique("Dave"), "verified");
        UUID davesWallet = wallet(c, dave);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (Connection first = db.ownerConnection(); Connection second = db.ownerConnection()) {
            // 100 earned already: 500 fits alone, 500 + 500 does not
            first.setAutoCommit(false);
            insertTransaction(first, wallet, venture, "earn", 500, MID_MARCH);
            exec(first, "UPDATE user_wallets SET buz_balance = buz_balance + 500, version = version + 1 WHERE id = ?", wallet);

            int secondPid = (int) number(second, "SELECT pg_backend_pid()");
            CompletableFuture<RuleSql.Refusal> secondOutcome = CompletableFuture.supplyAsync(() -> {
                try {
                    post(second, davesWallet, venture, "earn", 500, MID_MARCH);
                    return null;
                } catch (SQLException e) {
                    return refusal(() -> {
                        throw e;
                    });
                }
            }, other);
            awaitLockWait(secondPid);
            first.commit();

            RuleSql.Refusal refused = secondOutcome.get(30, TimeUnit.SECONDS);
            assertThat(refused).as("the second earn must be refused once the first committed").isNotNull();
            assertThat(refused.sqlState()).isEqualTo("SSB03");
            assertThat(refused.message()).startsWith("BZ-3: ").contains("1100 BUZ", "cap of 1000 BUZ");
        } finally {
            other.shutdownNow();
        }
        assertThat(number(c, "SELECT SUM(amount) FROM buz_transactions WHERE venture_id = ? AND type = 'earn'", venture))
                .isEqualTo(600);
        assertThat(number(c, "SELECT buz_balance FROM user_wallets WHERE id = ?", davesWallet)).isZero();
    }

    /** Waits until the backend is blocked on a lock (the issuance rule row), so the race is real. */
    private void awaitLockWait(int pid) throws SQLException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (number(c, "SELECT count(*) FROM pg_stat_activity WHERE pid = ? AND wait_event_type = 'Lock'", pid) == 0) {
            assertThat(Instant.now()).as("second writer never waited for the issuance rule lock").isBefore(deadline);
            Thread.onSpinWait();
        }
    }

    // ---- BZ-6 -----------------------------------------------------------------------------

    @Test
    void bz6_no_transaction_while_a_buz_or_all_hold_is_active() throws SQLException {
        UUID hold = hold(c, venture, "buz", alice, "Court order 42");

        assertRefused(() -> post(c, wallet, venture, "earn", 10, MID_MARCH),
                "SSB06", "BZ-6", ventureName, "legal hold on buz", "Court order 42", "earn of 10 BUZ");
        assertRefused(() -> post(c, wallet, venture, "redeem", -10, null), "SSB06", "BZ-6", "redeem of -10 BUZ");

        exec(c, "UPDATE legal_holds SET released_at = now(), released_by_user_id = ?, release_reason = 'Order lifted' WHERE id = ?",
                alice, hold);
        hold(c, venture, "all", alice, "Regulator inquiry");
        assertRefused(() -> post(c, wallet, venture, "earn", 10, MID_MARCH), "SSB06", "BZ-6", "legal hold on all");
    }

    @Test
    void bz6_an_equity_hold_or_a_released_hold_does_not_stop_buz() throws SQLException {
        hold(c, venture, "equity", alice, "Cap table dispute");
        UUID released = hold(c, venture, "buz", alice, "Old order");
        exec(c, "UPDATE legal_holds SET released_at = now(), released_by_user_id = ?, release_reason = 'Lifted' WHERE id = ?",
                alice, released);

        post(c, wallet, venture, "earn", 10, MID_MARCH);

        assertThat(balance()).isEqualTo(110);
    }
}
