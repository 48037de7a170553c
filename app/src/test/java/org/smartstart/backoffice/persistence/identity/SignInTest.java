package org.smartstart.backoffice.persistence.identity;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.domain.identity.ClientInfo;
import org.smartstart.backoffice.domain.identity.Role;
import org.smartstart.backoffice.domain.identity.SignIn;
import org.smartstart.backoffice.domain.identity.SignInResult;
import org.smartstart.backoffice.domain.identity.SignInResult.AccountArchived;
import org.smartstart.backoffice.domain.identity.SignInResult.LockedOut;
import org.smartstart.backoffice.domain.identity.SignInResult.PasswordChangeRequired;
import org.smartstart.backoffice.domain.identity.SignInResult.SignedIn;
import org.smartstart.backoffice.domain.identity.SignInResult.WrongCredentials;
import org.smartstart.backoffice.testing.MutableClock;
import org.smartstart.backoffice.testing.TestAccounts;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SignInTest {

    private static final ClientInfo CLIENT = new ClientInfo("desk-7.example.org", "SmartStart Back Office 0.1.0 (test)");
    private static TestDatabase db;
    private static MutableClock clock;
    private static SignIn signIn;

    @BeforeAll
    static void setUp() {
        db = TestPostgres.newDatabase();
        clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
        signIn = new SignIn(new JdbcCredentialStore(db.transactions()), new Argon2idPasswordHasher(), TestAccounts.TOKENIZER, clock);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void the_right_password_starts_an_eight_hour_session_and_is_audited() throws SQLException {
        UUID id = TestAccounts.user(db, "Chloé Tremblay", "chloe@smartstart.test", "correct horse", "compliance", "admin");
        long before = outboxCount();

        SignInResult result = signIn.signIn("  Chloe@SmartStart.test ", "correct horse".toCharArray(), CLIENT);

        assertThat(result).isInstanceOf(SignedIn.class);
        SignedIn signedIn = (SignedIn) result;
        assertThat(signedIn.user().id()).isEqualTo(id);
        assertThat(signedIn.user().displayName()).isEqualTo("Chloé Tremblay");
        assertThat(signedIn.user().globalRoles()).containsExactlyInAnyOrder(Role.COMPLIANCE, Role.ADMIN);
        assertThat(signedIn.session().expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(8)));
        assertThat(signedIn.session().token()).matches("[A-Za-z0-9_-]{43}");

        try (Connection c = db.ownerConnection(); PreparedStatement p = c.prepareStatement(
                "SELECT user_id, token_sha256, expires_at, client_host, user_agent FROM user_sessions WHERE id = ?")) {
            p.setObject(1, signedIn.session().id(), Types.OTHER);
            try (ResultSet r = p.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getObject("user_id", UUID.class)).isEqualTo(id);
                assertThat(r.getString("token_sha256")).isEqualTo(SignIn.sha256Hex(signedIn.session().token()))
                        .isNotEqualTo(signedIn.session().token());
                assertThat(r.getTimestamp("expires_at").toInstant()).isEqualTo(signedIn.session().expiresAt());
                assertThat(r.getString("client_host")).isEqualTo("desk-7.example.org");
            }
        }
        List<AuditRow> entries = auditSince(before);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).action()).isEqualTo("LOGIN_SUCCEEDED");
        assertThat(entries.get(0).actor()).isEqualTo(id);
        assertThat(entries.get(0).data())
                .contains("\"client_host\": \"desk-7.example.org\"")
                .contains("SmartStart Back Office 0.1.0 (test)")
                .contains(TestAccounts.TOKENIZER.token("chloe@smartstart.test"))
                .doesNotContain("chloe@");
    }

    @Test
    void five_failures_lock_the_account_for_fifteen_minutes_even_against_the_right_password() throws SQLException {
        UUID id = TestAccounts.user(db, "Omar Haddad", "omar@smartstart.test", "s3cret-enough");
        long before = outboxCount();

        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(signIn.signIn("omar@smartstart.test", "wrong".toCharArray(), CLIENT))
                    .isEqualTo(new WrongCredentials(OptionalInt.of(5 - attempt)));
            clock.advance(Duration.ofSeconds(20));
        }
        SignInResult fifth = signIn.signIn("omar@smartstart.test", "wrong".toCharArray(), CLIENT);
        Instant lockedUntil = clock.instant().plus(Duration.ofMinutes(15));
        assertThat(fifth).isEqualTo(new LockedOut(lockedUntil));

        clock.advance(Duration.ofMinutes(14));
        assertThat(signIn.signIn("omar@smartstart.test", "s3cret-enough".toCharArray(), CLIENT))
                .isEqualTo(new LockedOut(lockedUntil));

        clock.advance(Duration.ofMinutes(1));
        assertThat(signIn.signIn("omar@smartstart.test", "s3cret-enough".toCharArray(), CLIENT)).isInstanceOf(SignedIn.class);
        assertThat(failedAttempts(id)).isZero();

        List<AuditRow> entries = auditSince(before);
        assertThat(entries).extracting(AuditRow::action).containsExactly(
                "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED", "ACCOUNT_LOCKED", "LOGIN_FAILED", "LOGIN_SUCCEEDED");
        assertThat(entries).allSatisfy(e -> assertThat(e.actor()).isEqualTo(id));
        assertThat(entries.get(5).data()).contains("\"reason\": \"locked\"");
    }

    @Test
    void a_success_resets_the_count_so_only_consecutive_failures_lock() throws SQLException {
        UUID id = TestAccounts.user(db, "Mei Chen", "mei@smartstart.test", "pa55word!");
        for (int i = 0; i < 4; i++) {
            signIn.signIn("mei@smartstart.test", "nope".toCharArray(), CLIENT);
        }
        assertThat(failedAttempts(id)).isEqualTo(4);
        assertThat(signIn.signIn("mei@smartstart.test", "pa55word!".toCharArray(), CLIENT)).isInstanceOf(SignedIn.class);
        assertThat(failedAttempts(id)).isZero();
        assertThat(signIn.signIn("mei@smartstart.test", "nope".toCharArray(), CLIENT))
                .isEqualTo(new WrongCredentials(OptionalInt.of(4)));
    }

    @Test
    void an_unknown_email_is_a_wrong_credential_without_a_count_and_is_audited_without_an_actor() throws SQLException {
        long before = outboxCount();
        assertThat(signIn.signIn("nobody@smartstart.test", "x".toCharArray(), CLIENT))
                .isEqualTo(new WrongCredentials(OptionalInt.empty()));
        List<AuditRow> entries = auditSince(before);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).action()).isEqualTo("LOGIN_FAILED");
        assertThat(entries.get(0).actor()).isNull();
        assertThat(entries.get(0).data()).contains("unknown_email").doesNotContain("nobody@");
    }

    @Test
    void archived_users_cannot_sign_in_and_users_with_a_temporary_password_get_a_session_that_must_change_it() throws SQLException {
        UUID archived = TestAccounts.user(db, "Former Staff", "former@smartstart.test", "still-valid");
        TestAccounts.exec(db, "UPDATE users SET archived_at = now() WHERE id = '" + archived + "'");
        UUID renew = TestAccounts.user(db, "New Hire", "newhire@smartstart.test", "temporary-1");
        TestAccounts.exec(db, "UPDATE user_credentials SET must_change_password = true WHERE user_id = '" + renew + "'");
        long before = outboxCount();

        assertThat(signIn.signIn("former@smartstart.test", "still-valid".toCharArray(), CLIENT)).isEqualTo(new AccountArchived());
        SignInResult result = signIn.signIn("newhire@smartstart.test", "temporary-1".toCharArray(), CLIENT);
        assertThat(result).isInstanceOf(PasswordChangeRequired.class);
        assertThat(((PasswordChangeRequired) result).user().id()).isEqualTo(renew);
        assertThat(((PasswordChangeRequired) result).session().userId()).isEqualTo(renew);

        assertThat(sessionsOf(archived)).isZero();
        assertThat(sessionsOf(renew)).isEqualTo(1);
        assertThat(auditSince(before)).extracting(AuditRow::action).containsExactly("LOGIN_FAILED", "LOGIN_SUCCEEDED");
        assertThat(auditSince(before).get(1).data()).contains("password_change_required");
    }

    @Test
    void signing_out_ends_the_session_once_with_an_audit_entry() throws SQLException {
        TestAccounts.user(db, "Ana Souza", "ana@smartstart.test", "hunter2hunter2");
        SignedIn signedIn = (SignedIn) signIn.signIn("ana@smartstart.test", "hunter2hunter2".toCharArray(), CLIENT);
        long before = outboxCount();

        signIn.signOut(signedIn.session(), CLIENT);
        signIn.signOut(signedIn.session(), CLIENT);

        assertThat(auditSince(before)).extracting(AuditRow::action).containsExactly("LOGGED_OUT");
        try (Connection c = db.ownerConnection(); PreparedStatement p = c.prepareStatement(
                "SELECT revoked_at FROM user_sessions WHERE id = ?")) {
            p.setObject(1, signedIn.session().id(), Types.OTHER);
            try (ResultSet r = p.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getTimestamp(1)).isNotNull();
            }
        }
    }

    record AuditRow(String action, UUID actor, String data) {
    }

    private static long outboxCount() throws SQLException {
        try (Connection c = db.ownerConnection(); ResultSet r = c.createStatement().executeQuery("SELECT coalesce(max(entry_no), 0) FROM audit_outbox")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static List<AuditRow> auditSince(long entryNo) throws SQLException {
        List<AuditRow> rows = new ArrayList<>();
        try (Connection c = db.ownerConnection(); PreparedStatement p = c.prepareStatement(
                "SELECT action, actor_user_id, data::text FROM audit_outbox WHERE entry_no > ? ORDER BY entry_no")) {
            p.setLong(1, entryNo);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    rows.add(new AuditRow(r.getString(1), r.getObject(2, UUID.class), r.getString(3)));
                }
            }
        }
        return rows;
    }

    private static int failedAttempts(UUID user) throws SQLException {
        try (Connection c = db.ownerConnection(); PreparedStatement p = c.prepareStatement(
                "SELECT failed_attempts FROM user_credentials WHERE user_id = ?")) {
            p.setObject(1, user, Types.OTHER);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private static int sessionsOf(UUID user) throws SQLException {
        try (Connection c = db.ownerConnection(); PreparedStatement p = c.prepareStatement(
                "SELECT count(*) FROM user_sessions WHERE user_id = ?")) {
            p.setObject(1, user, Types.OTHER);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }
}
