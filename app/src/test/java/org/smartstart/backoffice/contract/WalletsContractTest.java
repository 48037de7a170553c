package org.smartstart.backoffice.contract;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartstart.backoffice.domain.tokens.BuzMovement;
import org.smartstart.backoffice.domain.tokens.BuzTxType;
import org.smartstart.backoffice.domain.tokens.IssueRequest;
import org.smartstart.backoffice.domain.tokens.RedeemRequest;
import org.smartstart.backoffice.domain.tokens.Wallet;
import org.smartstart.backoffice.domain.tokens.WalletTransaction;
import org.smartstart.backoffice.domain.tokens.Wallets;
import org.smartstart.backoffice.domain.usecase.FieldProblem;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Rejection;
import org.smartstart.backoffice.testing.TestAccounts;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** BUZ wallets (BZ-1, BZ-2, BZ-3, BZ-5, BZ-6), the same through every adapter. */
@ParameterizedClass
@EnumSource(Adapter.class)
class WalletsContractTest {

    @Parameter
    Adapter adapter;

    static BackOfficeFixture fixture;

    @BeforeAll
    static void setUp() {
        fixture = BackOfficeFixture.create();
    }

    @AfterAll
    static void tearDown() {
        fixture.close();
    }

    /** A venture owned by Oona with a monthly issue cap of 1000 BUZ, and Chloe, KYC-verified, without a wallet yet. */
    record Acme(UUID venture, String name, UUID owner, UUID chloe) {
    }

    static Acme acme() throws SQLException {
        String name = "Acme " + UUID.randomUUID().toString().substring(0, 8);
        UUID owner = person("Oona Owner", "verified");
        UUID venture = TestAccounts.venture(fixture.db(), name, "ca", "draft", owner);
        TestAccounts.exec(fixture.db(), "INSERT INTO buz_issuance_rules (venture_id, monthly_issue_cap, conversion_band_min, conversion_band_max, board_approved) "
                + "VALUES ('" + venture + "', 1000, 0.000040, 0.000060, true)");
        return new Acme(venture, name, owner, person("Chloe Gagnon", "verified"));
    }

    static UUID person(String displayName, String kycStatus, String... globalRoles) throws SQLException {
        UUID id = UUID.randomUUID();
        TestAccounts.exec(fixture.db(), "INSERT INTO users (id, display_name, email, kyc_status) VALUES ('" + id + "', '" + displayName
                + "', '" + id + "@contract.test', '" + kycStatus + "')");
        for (String role : globalRoles) {
            TestAccounts.exec(fixture.db(), "INSERT INTO role_assignments (user_id, role, scope, reason) VALUES ('" + id + "', '" + role
                    + "', 'global', 'test')");
        }
        return id;
    }

    static UUID staff(String role) throws SQLException {
        return person("Staff " + role, "verified", role);
    }

    static UUID ventureRole(UUID venture, String role) throws SQLException {
        UUID user = person("Venture " + role, "verified");
        TestAccounts.exec(fixture.db(), "INSERT INTO role_assignments (user_id, venture_id, role, scope, reason) VALUES ('" + user + "', '"
                + venture + "', '" + role + "', 'venture', 'test')");
        return user;
    }

    Wallets as(UUID user) {
        return fixture.as(adapter, user).wallets();
    }

    static long number(String sql) throws SQLException {
        try (Connection c = fixture.db().ownerConnection(); PreparedStatement p = c.prepareStatement(sql); ResultSet r = p.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    static long auditEntries(UUID venture, String action) throws SQLException {
        return number("SELECT count(*) FROM (SELECT action, venture_id FROM audit_outbox UNION ALL SELECT action, venture_id FROM audit_log) a "
                + "WHERE a.venture_id = '" + venture + "' AND a.action = '" + action + "'");
    }

    static long transactions(UUID user) throws SQLException {
        return number("SELECT count(*) FROM buz_transactions t JOIN user_wallets w ON w.id = t.wallet_id WHERE w.user_id = '" + user + "'");
    }

    static long wallets(UUID user) throws SQLException {
        return number("SELECT count(*) FROM user_wallets WHERE user_id = '" + user + "'");
    }

    static IssueRequest issue(UUID user, String amount) {
        return new IssueRequest(user, new BigDecimal(amount), null, "Sprint 12 delivery", null);
    }

    static RedeemRequest redeem(UUID user, String amount) {
        return new RedeemRequest(user, new BigDecimal(amount), "Conference ticket", null);
    }

    static Rejection rejection(Outcome<?> outcome, String ruleId) {
        assertThat(outcome).as(outcome.describe()).isInstanceOf(Outcome.Rejected.class);
        List<Rejection> rejections = ((Outcome.Rejected<?>) outcome).rejections();
        assertThat(rejections).extracting(Rejection::ruleId).contains(ruleId);
        return rejections.stream().filter(r -> r.ruleId().equals(ruleId)).findFirst().orElseThrow();
    }

    static List<String> fields(Outcome<?> outcome) {
        assertThat(outcome).as(outcome.describe()).isInstanceOf(Outcome.Invalid.class);
        return ((Outcome.Invalid<?>) outcome).problems().stream().map(FieldProblem::field).toList();
    }

    // ---- issuing, redeeming, reading ----------------------------------------------------------

    @Test
    void issue_and_redeem_move_the_balance_chain_the_transactions_and_write_one_audit_entry_each() throws Exception {
        Acme acme = acme();

        BuzMovement issued = as(acme.owner()).issueBuz(acme.venture(), issue(acme.chloe(), "500")).orElseThrow();
        BuzMovement redeemed = as(acme.owner()).redeemBuz(acme.venture(), redeem(acme.chloe(), "200.00")).orElseThrow();
        Wallet wallet = as(acme.chloe()).wallet(acme.chloe()).orElseThrow();

        assertThat(issued.balanceBefore()).isZero();
        assertThat(issued.balanceAfter()).isEqualTo(500);
        assertThat(issued.walletVersion()).isEqualTo(2);
        assertThat(issued.transaction().type()).isEqualTo(BuzTxType.EARN);
        assertThat(issued.transaction().prevTxHash()).isEqualTo("0".repeat(64));
        assertThat(redeemed.balanceBefore()).isEqualTo(500);
        assertThat(redeemed.balanceAfter()).isEqualTo(300);
        assertThat(redeemed.walletVersion()).isEqualTo(3);
        assertThat(redeemed.transaction().amount()).isEqualTo(-200);
        assertThat(redeemed.transaction().prevTxHash()).isEqualTo(issued.transaction().txHash());

        assertThat(wallet.balance()).isEqualTo(300);
        assertThat(wallet.version()).isEqualTo(3);
        assertThat(wallet.walletId()).isEqualTo(issued.walletId());
        assertThat(wallet.chainIntact()).isTrue();
        assertThat(wallet.transactions()).extracting(WalletTransaction::type, WalletTransaction::amount, WalletTransaction::memo)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(BuzTxType.REDEEM, -200L, "Conference ticket"),
                        org.assertj.core.groups.Tuple.tuple(BuzTxType.EARN, 500L, "Sprint 12 delivery"));
        assertThat(wallet.transactions().get(0).prevTxHash()).isEqualTo(wallet.transactions().get(1).txHash());
        assertThat(wallet.transactions().get(0).txHash()).isEqualTo(redeemed.transaction().txHash());
        assertThat(number("SELECT buz_balance FROM user_wallets WHERE user_id = '" + acme.chloe() + "'")).isEqualTo(300);
        assertThat(auditEntries(acme.venture(), "BUZ_ISSUED")).isEqualTo(1);
        assertThat(auditEntries(acme.venture(), "BUZ_REDEEMED")).isEqualTo(1);
        assertThat(number("SELECT count(*) FROM audit_outbox WHERE action = 'BUZ_REDEEMED' AND venture_id = '" + acme.venture()
                + "' AND data->>'balance_before' = '500' AND data->>'balance_after' = '300'")
                + number("SELECT count(*) FROM audit_log WHERE action = 'BUZ_REDEEMED' AND venture_id = '" + acme.venture()
                + "' AND data->>'balance_before' = '500' AND data->>'balance_after' = '300'")).isEqualTo(1);
    }

    @Test
    void an_issue_may_pay_for_the_recipients_contribution_and_only_theirs() throws Exception {
        Acme acme = acme();
        UUID task = UUID.randomUUID();
        UUID contribution = UUID.randomUUID();
        TestAccounts.exec(fixture.db(), "INSERT INTO tasks (id, venture_id, title, type) VALUES ('" + task + "', '" + acme.venture()
                + "', 'Ledger export', (SELECT min(e) FROM unnest(enum_range(NULL::task_type)) e))");
        TestAccounts.exec(fixture.db(), "INSERT INTO contribution_events (id, task_id, user_id, impact, timeliness, quality, reviewer_cred, cs_delta, buz_awarded) "
                + "VALUES ('" + contribution + "', '" + task + "', '" + acme.chloe() + "', 1, 1, 1, 1, 1.0, 300)");
        UUID other = person("Ben Builder", "verified");

        BuzMovement paid = as(acme.owner()).issueBuz(acme.venture(),
                new IssueRequest(acme.chloe(), new BigDecimal("300"), contribution, null, null)).orElseThrow();
        Outcome<BuzMovement> notTheirs = as(acme.owner()).issueBuz(acme.venture(),
                new IssueRequest(other, new BigDecimal("300"), contribution, null, null));
        Outcome<BuzMovement> unknown = as(acme.owner()).issueBuz(acme.venture(),
                new IssueRequest(acme.chloe(), new BigDecimal("300"), UUID.randomUUID(), null, null));

        assertThat(paid.transaction().contributionEventId()).isEqualTo(contribution);
        assertThat(fields(notTheirs)).containsExactly("contributionEventId");
        assertThat(fields(unknown)).containsExactly("contributionEventId");
        assertThat(as(acme.chloe()).wallet(acme.chloe()).orElseThrow().chainIntact()).isTrue();
    }

    @Test
    void a_transaction_rewritten_behind_the_rules_back_shows_as_a_broken_chain() throws Exception {
        Acme acme = acme();
        BuzMovement issued = as(acme.owner()).issueBuz(acme.venture(), issue(acme.chloe(), "100")).orElseThrow();
        as(acme.owner()).redeemBuz(acme.venture(), redeem(acme.chloe(), "40")).orElseThrow();
        assertThat(as(acme.chloe()).wallet(acme.chloe()).orElseThrow().chainIntact()).isTrue();

        // Only the table's owner can switch the append-only trigger off; BZ-5 is what still tells.
        TestAccounts.exec(fixture.db(), "BEGIN; ALTER TABLE buz_transactions DISABLE TRIGGER t10_bz1_append_only; "
                + "UPDATE buz_transactions SET memo = 'Sprint 13 delivery' WHERE id = '" + issued.transaction().id() + "'; "
                + "ALTER TABLE buz_transactions ENABLE TRIGGER t10_bz1_append_only; COMMIT;");

        Wallet wallet = as(acme.chloe()).wallet(acme.chloe()).orElseThrow();
        assertThat(wallet.chainIntact()).isFalse();
        assertThat(wallet.transactions()).hasSize(2);
    }

    @Test
    void a_user_who_never_held_buz_has_an_empty_wallet() throws Exception {
        UUID dora = person("Dora Newcomer", "pending");

        Wallet wallet = as(dora).wallet(dora).orElseThrow();

        assertThat(wallet.walletId()).isNull();
        assertThat(wallet.balance()).isZero();
        assertThat(wallet.version()).isZero();
        assertThat(wallet.transactions()).isEmpty();
        assertThat(wallet.chainIntact()).isTrue();
        assertThat(wallet.displayName()).isEqualTo("Dora Newcomer");
    }

    // ---- the rules ----------------------------------------------------------------------------

    @Test
    void bz1_a_redemption_beyond_the_balance_is_refused_with_the_figures_and_writes_nothing() throws Exception {
        Acme acme = acme();
        as(acme.owner()).issueBuz(acme.venture(), issue(acme.chloe(), "300")).orElseThrow();

        Outcome<BuzMovement> outcome = as(acme.owner()).redeemBuz(acme.venture(), redeem(acme.chloe(), "400"));

        assertThat(rejection(outcome, "BZ-1").message()).contains("Chloe Gagnon", "holds 300 BUZ", "redeeming 400 BUZ", "-100 BUZ", "below zero");
        assertThat(number("SELECT buz_balance FROM user_wallets WHERE user_id = '" + acme.chloe() + "'")).isEqualTo(300);
        assertThat(transactions(acme.chloe())).isEqualTo(1);
        assertThat(auditEntries(acme.venture(), "BUZ_REDEEMED")).isZero();
    }

    @Test
    void bz2_no_buz_for_a_person_who_is_not_kyc_verified() throws Exception {
        Acme acme = acme();
        UUID pending = person("Pat Pending", "pending");

        Outcome<BuzMovement> issued = as(acme.owner()).issueBuz(acme.venture(), issue(pending, "100"));
        Outcome<BuzMovement> redeemed = as(acme.owner()).redeemBuz(acme.venture(), redeem(pending, "1"));

        assertThat(rejection(issued, "BZ-2").message()).contains("Pat Pending", "status pending", "issuing 100 BUZ");
        assertThat(rejection(redeemed, "BZ-2").message()).contains("Pat Pending", "status pending");
        assertThat(wallets(pending)).isZero();
        assertThat(auditEntries(acme.venture(), "BUZ_ISSUED")).isZero();
    }

    @Test
    void bz3_issuing_above_the_monthly_cap_is_refused_with_what_was_issued_the_cap_and_the_request() throws Exception {
        Acme acme = acme();
        as(acme.owner()).issueBuz(acme.venture(), issue(acme.chloe(), "700")).orElseThrow();
        String month = YearMonth.from(fixture.clock().instant().atOffset(ZoneOffset.UTC)).toString();

        Outcome<BuzMovement> over = as(acme.owner()).issueBuz(acme.venture(), issue(acme.chloe(), "301"));
        Outcome<BuzMovement> upToTheCap = as(acme.owner()).issueBuz(acme.venture(), issue(acme.chloe(), "300"));

        assertThat(rejection(over, "BZ-3").message()).contains("Issuing 301 BUZ", acme.name(), month, "to 1001 BUZ",
                "monthly cap of 1000 BUZ", "700 BUZ already issued this month");
        assertThat(upToTheCap.isDone()).as(upToTheCap.describe()).isTrue();
        assertThat(number("SELECT buz_balance FROM user_wallets WHERE user_id = '" + acme.chloe() + "'")).isEqualTo(1000);
    }

    @Test
    void bz6_no_issue_and_no_redemption_under_a_buz_or_all_hold() throws Exception {
        Acme acme = acme();
        as(acme.owner()).issueBuz(acme.venture(), issue(acme.chloe(), "100")).orElseThrow();
        TestAccounts.exec(fixture.db(), "INSERT INTO legal_holds (venture_id, reason, applies_to) VALUES ('" + acme.venture()
                + "', 'Litigation pending', 'buz')");
        Acme other = acme();
        TestAccounts.exec(fixture.db(), "INSERT INTO legal_holds (venture_id, reason, applies_to) VALUES ('" + other.venture()
                + "', 'Regulator inquiry', 'all')");

        Outcome<BuzMovement> issued = as(acme.owner()).issueBuz(acme.venture(), issue(acme.chloe(), "100"));
        Outcome<BuzMovement> redeemed = as(acme.owner()).redeemBuz(acme.venture(), redeem(acme.chloe(), "50"));
        Outcome<BuzMovement> underAll = as(other.owner()).issueBuz(other.venture(), issue(other.chloe(), "100"));

        assertThat(rejection(issued, "BZ-6").message()).contains(acme.name(), "legal hold on BUZ", "issuing 100 BUZ");
        assertThat(rejection(redeemed, "BZ-6").message()).contains(acme.name(), "redeeming 50 BUZ");
        assertThat(rejection(underAll, "BZ-6").message()).contains(other.name(), "all its records");
        assertThat(transactions(acme.chloe())).isEqualTo(1);
    }

    @Test
    void bz3_a_cap_lowered_mid_month_counts_what_was_already_issued() throws Exception {
        Acme acme = acme();
        as(acme.owner()).issueBuz(acme.venture(), issue(acme.chloe(), "100")).orElseThrow();
        TestAccounts.exec(fixture.db(), "UPDATE buz_issuance_rules SET monthly_issue_cap = 100 WHERE venture_id = '" + acme.venture() + "'");

        Outcome<BuzMovement> outcome = as(acme.owner()).issueBuz(acme.venture(), issue(acme.chloe(), "1"));

        assertThat(rejection(outcome, "BZ-3").message()).contains("101 BUZ", "cap of 100 BUZ");
    }

    // ---- permissions (ID-3) -------------------------------------------------------------------

    @Test
    void issuing_and_redeeming_take_the_ventures_owner_or_a_global_admin() throws Exception {
        Acme acme = acme();
        UUID admin = staff("admin");

        assertThat(as(acme.owner()).issueBuz(acme.venture(), issue(acme.chloe(), "10")).isDone()).isTrue();
        assertThat(as(admin).issueBuz(acme.venture(), issue(acme.chloe(), "10")).isDone()).isTrue();
        assertThat(as(admin).redeemBuz(acme.venture(), redeem(acme.chloe(), "5")).isDone()).isTrue();
        assertThat(as(acme.owner()).redeemBuz(acme.venture(), redeem(acme.chloe(), "5")).isDone()).isTrue();
        for (UUID denied : List.of(staff("compliance"), staff("support"), ventureRole(acme.venture(), "contributor"),
                ventureRole(acme.venture(), "reviewer"), acme.chloe(), person("Otto Outsider", "verified"))) {
            Outcome<BuzMovement> issued = as(denied).issueBuz(acme.venture(), issue(acme.chloe(), "10"));
            Outcome<BuzMovement> redeemed = as(denied).redeemBuz(acme.venture(), redeem(acme.chloe(), "1"));
            assertThat(issued).isInstanceOf(Outcome.Denied.class);
            assertThat(redeemed).isInstanceOf(Outcome.Denied.class);
            assertThat(issued.describe()).contains("issue or redeem BUZ", "owner", "admin", "ID-3");
        }
        assertThat(transactions(acme.chloe())).isEqualTo(4);
    }

    @Test
    void a_wallet_is_read_by_its_own_user_and_by_global_admin_compliance_and_support() throws Exception {
        Acme acme = acme();
        as(acme.owner()).issueBuz(acme.venture(), issue(acme.chloe(), "10")).orElseThrow();

        for (UUID reader : List.of(acme.chloe(), staff("admin"), staff("compliance"), staff("support"))) {
            assertThat(as(reader).wallet(acme.chloe()).orElseThrow().balance()).isEqualTo(10);
        }
        for (UUID other : List.of(acme.owner(), ventureRole(acme.venture(), "contributor"), person("Otto Outsider", "verified"))) {
            Outcome<Wallet> outcome = as(other).wallet(acme.chloe());
            assertThat(outcome).isInstanceOf(Outcome.Denied.class);
            assertThat(outcome.describe()).contains("another person's BUZ wallet");
        }
    }

    // ---- not found, invalid, conflict ---------------------------------------------------------

    @Test
    void unknown_ventures_and_users_are_not_found() throws Exception {
        UUID admin = staff("admin");
        Acme acme = acme();
        UUID nowhere = UUID.randomUUID();

        Outcome<BuzMovement> issued = as(admin).issueBuz(nowhere, issue(acme.chloe(), "10"));
        Outcome<BuzMovement> redeemed = as(admin).redeemBuz(nowhere, redeem(acme.chloe(), "10"));
        Outcome<Wallet> wallet = as(admin).wallet(UUID.randomUUID());
        Outcome<BuzMovement> nobody = as(admin).issueBuz(acme.venture(), issue(UUID.randomUUID(), "10"));

        assertThat(issued).isInstanceOf(Outcome.NotFound.class);
        assertThat(((Outcome.NotFound<?>) issued).id()).isEqualTo(nowhere.toString());
        assertThat(redeemed).isInstanceOf(Outcome.NotFound.class);
        assertThat(wallet).isInstanceOf(Outcome.NotFound.class);
        assertThat(fields(nobody)).containsExactly("userId");
    }

    @Test
    void amounts_must_be_whole_positive_buz() throws Exception {
        Acme acme = acme();

        for (String amount : List.of("0", "-5", "1.5", "10.001")) {
            Outcome<BuzMovement> issued = as(acme.owner()).issueBuz(acme.venture(), issue(acme.chloe(), amount));
            Outcome<BuzMovement> redeemed = as(acme.owner()).redeemBuz(acme.venture(), redeem(acme.chloe(), amount));
            assertThat(fields(issued)).as(amount).containsExactly("amount");
            assertThat(fields(redeemed)).as(amount).containsExactly("amount");
            assertThat(issued.describe()).contains(amount);
        }
        Outcome<BuzMovement> missing = as(acme.owner()).issueBuz(acme.venture(), new IssueRequest(null, null, null, "x".repeat(501), -1));

        assertThat(fields(missing)).containsExactly("userId", "amount", "memo", "basedOnVersion");
        assertThat(wallets(acme.chloe())).isZero();
    }

    @Test
    void a_request_based_on_an_older_wallet_version_is_a_conflict_and_writes_nothing() throws Exception {
        Acme acme = acme();
        BuzMovement first = as(acme.owner()).issueBuz(acme.venture(), issue(acme.chloe(), "500")).orElseThrow();
        int seen = first.walletVersion();
        as(acme.owner()).redeemBuz(acme.venture(), new RedeemRequest(acme.chloe(), new BigDecimal("100"), null, seen)).orElseThrow();

        Outcome<BuzMovement> stale = as(acme.owner()).redeemBuz(acme.venture(),
                new RedeemRequest(acme.chloe(), new BigDecimal("100"), null, seen));
        Outcome<BuzMovement> staleIssue = as(acme.owner()).issueBuz(acme.venture(),
                new IssueRequest(acme.chloe(), new BigDecimal("100"), null, null, seen));

        assertThat(stale).isInstanceOf(Outcome.Conflict.class);
        assertThat(stale.describe()).contains("Chloe Gagnon", "version " + (seen + 1), "400 BUZ", "not at version " + seen, "nothing was saved");
        assertThat(staleIssue).isInstanceOf(Outcome.Conflict.class);
        assertThat(number("SELECT buz_balance FROM user_wallets WHERE user_id = '" + acme.chloe() + "'")).isEqualTo(400);
        assertThat(auditEntries(acme.venture(), "BUZ_REDEEMED")).isEqualTo(1);
    }

    @Test
    void an_issue_based_on_the_empty_wallet_seen_opens_it() throws Exception {
        Acme acme = acme();
        int seen = as(acme.owner()).wallet(acme.chloe()) instanceof Outcome.Done<Wallet> d ? d.value().version() : 0;

        BuzMovement issued = as(acme.owner()).issueBuz(acme.venture(),
                new IssueRequest(acme.chloe(), new BigDecimal("50"), null, null, seen)).orElseThrow();
        Outcome<BuzMovement> again = as(acme.owner()).issueBuz(acme.venture(),
                new IssueRequest(acme.chloe(), new BigDecimal("50"), null, null, seen));

        assertThat(seen).isZero();
        assertThat(issued.walletVersion()).isEqualTo(2);
        assertThat(again).isInstanceOf(Outcome.Conflict.class);
        assertThat(again.describe()).contains("version 2", "50 BUZ", "not at version 0");
    }

    @Test
    void two_redemptions_racing_on_one_version_give_one_success_and_one_conflict() throws Exception {
        Acme acme = acme();
        int version = as(acme.owner()).issueBuz(acme.venture(), issue(acme.chloe(), "500")).orElseThrow().walletVersion();
        Wallets owner = as(acme.owner());
        Wallets admin = as(staff("admin"));

        var first = CompletableFuture.supplyAsync(() -> owner.redeemBuz(acme.venture(),
                new RedeemRequest(acme.chloe(), new BigDecimal("300"), "first", version)));
        var second = CompletableFuture.supplyAsync(() -> admin.redeemBuz(acme.venture(),
                new RedeemRequest(acme.chloe(), new BigDecimal("300"), "second", version)));
        List<Outcome<BuzMovement>> outcomes = List.of(first.get(), second.get());

        assertThat(outcomes).filteredOn(Outcome::isDone).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof Outcome.Conflict).hasSize(1);
        assertThat(number("SELECT buz_balance FROM user_wallets WHERE user_id = '" + acme.chloe() + "'")).isEqualTo(200);
        assertThat(auditEntries(acme.venture(), "BUZ_REDEEMED")).isEqualTo(1);
        assertThat(as(acme.chloe()).wallet(acme.chloe()).orElseThrow().chainIntact()).isTrue();
    }
}
