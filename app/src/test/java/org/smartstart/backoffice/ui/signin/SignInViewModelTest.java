package org.smartstart.backoffice.ui.signin;

import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.domain.identity.Role;
import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.identity.SignInResult;
import org.smartstart.backoffice.domain.identity.SignedInUser;
import org.smartstart.backoffice.ui.tasks.CurrentThreadTaskExecutor;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class SignInViewModelTest {

    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final List<SignInResult.SignedIn> signedIn = new ArrayList<>();
    private final AtomicReference<SignInResult> answer = new AtomicReference<>();
    private final List<String> attempts = new ArrayList<>();
    private final SignInViewModel viewModel = new SignInViewModel((email, password) -> {
        attempts.add(email + "/" + new String(password));
        return answer.get();
    }, executor, ZoneId.of("America/Toronto"), "embedded PostgreSQL in /home/ana/.local/share/smartstart-backoffice/pgdata", signedIn::add);

    @Test
    void sign_in_is_possible_only_with_both_fields_filled() {
        assertThat(viewModel.canSignInProperty().get()).isFalse();
        viewModel.emailProperty().set("ana@smartstart.test");
        assertThat(viewModel.canSignInProperty().get()).isFalse();
        viewModel.passwordProperty().set("x");
        assertThat(viewModel.canSignInProperty().get()).isTrue();
        viewModel.emailProperty().set("   ");
        assertThat(viewModel.canSignInProperty().get()).isFalse();

        viewModel.signIn();
        assertThat(attempts).isEmpty();
    }

    @Test
    void a_wrong_password_says_how_many_attempts_are_left_and_clears_the_password() {
        answer.set(new SignInResult.WrongCredentials(OptionalInt.of(3)));
        fill(" ana@smartstart.test ", "guess");
        viewModel.signIn();

        assertThat(attempts).containsExactly("ana@smartstart.test/guess");
        assertThat(executor.executedTitles()).containsExactly("Signing in…");
        assertThat(viewModel.messageProperty().get())
                .isEqualTo("Wrong e-mail or password. 3 attempts left before the account is locked for 15 minutes.");
        assertThat(viewModel.passwordProperty().get()).isEmpty();
        assertThat(viewModel.emailProperty().get()).isEqualTo(" ana@smartstart.test ");
        assertThat(viewModel.busyProperty().get()).isFalse();
        assertThat(signedIn).isEmpty();
    }

    @Test
    void an_unknown_email_gets_no_count() {
        answer.set(new SignInResult.WrongCredentials(OptionalInt.empty()));
        fill("who@smartstart.test", "x");
        viewModel.signIn();
        assertThat(viewModel.messageProperty().get()).isEqualTo("Wrong e-mail or password.");
    }

    @Test
    void a_lockout_names_the_local_time_it_ends() {
        answer.set(new SignInResult.LockedOut(Instant.parse("2026-03-02T14:35:00Z")));
        fill("ana@smartstart.test", "x");
        viewModel.signIn();
        assertThat(viewModel.messageProperty().get())
                .isEqualTo("Too many failed attempts: this account is locked until 09:35.");
    }

    @Test
    void a_required_password_change_and_an_archived_account_are_said_plainly() {
        SignedInUser user = new SignedInUser(UUID.randomUUID(), "Ana", "ana@smartstart.test", Set.of());
        answer.set(new SignInResult.PasswordChangeRequired(user));
        fill("ana@smartstart.test", "x");
        viewModel.signIn();
        assertThat(viewModel.messageProperty().get()).startsWith("Your password must be changed");

        answer.set(new SignInResult.AccountArchived());
        fill("ana@smartstart.test", "x");
        viewModel.signIn();
        assertThat(viewModel.messageProperty().get()).isEqualTo("This account is archived and can no longer sign in.");
        assertThat(signedIn).isEmpty();
    }

    @Test
    void success_hands_over_the_session_and_forgets_the_password() {
        SignedInUser user = new SignedInUser(UUID.randomUUID(), "Ana", "ana@smartstart.test", Set.of(Role.SUPPORT));
        SignInResult.SignedIn ok = new SignInResult.SignedIn(
                new Session(UUID.randomUUID(), user.id(), "token", Instant.parse("2026-03-02T17:00:00Z")), user);
        answer.set(ok);
        fill("ana@smartstart.test", "right");
        viewModel.signIn();
        assertThat(signedIn).containsExactly(ok);
        assertThat(viewModel.passwordProperty().get()).isEmpty();
        assertThat(viewModel.messageProperty().get()).isEmpty();
    }

    @Test
    void a_failure_of_the_database_is_a_message_not_a_crash() {
        SignInViewModel failing = new SignInViewModel((e, p) -> {
            throw new IllegalStateException("Signing in failed in the database: connection refused");
        }, executor, ZoneId.of("UTC"), "jdbc:postgresql://db.example.org/backoffice", signedIn::add);
        failing.emailProperty().set("ana@smartstart.test");
        failing.passwordProperty().set("x");
        failing.signIn();
        assertThat(failing.messageProperty().get()).isEqualTo("Could not sign in: Signing in failed in the database: connection refused");
        assertThat(failing.busyProperty().get()).isFalse();
        assertThat(failing.databaseDescription()).isEqualTo("Connected to jdbc:postgresql://db.example.org/backoffice");
        assertThat(executor.unhandledFailures()).isEmpty();
    }

    private void fill(String email, String password) {
        viewModel.emailProperty().set(email);
        viewModel.passwordProperty().set(password);
    }
}
