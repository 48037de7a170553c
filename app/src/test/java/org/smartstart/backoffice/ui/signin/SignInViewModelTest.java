package org.smartstart.backoffice.ui.signin;

import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.domain.identity.PasswordChanged;
import org.smartstart.backoffice.domain.identity.Role;
import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.identity.SignInResult;
import org.smartstart.backoffice.domain.identity.SignedInUser;
import org.smartstart.backoffice.domain.usecase.Outcome;
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

    /** A backend that records what the window asked of it. */
    static final class FakeBackend implements SignInBackend {
        SignInChoice remembered = SignInChoice.thisComputer();
        boolean fixed;
        int starts;
        Exception startFailure;
        final List<SignInChoice> rememberedChoices = new ArrayList<>();
        final List<String> attempts = new ArrayList<>();
        final AtomicReference<SignInResult> answer = new AtomicReference<>();
        RuntimeException signInFailure;

        @Override
        public SignInChoice initialChoice() {
            return remembered;
        }

        @Override
        public boolean choiceFixed() {
            return fixed;
        }

        @Override
        public String thisComputerDescription() {
            return "embedded PostgreSQL in /home/ana/.local/share/smartstart-backoffice/pgdata";
        }

        @Override
        public void startThisComputer() throws Exception {
            starts++;
            if (startFailure != null) {
                throw startFailure;
            }
        }

        @Override
        public SignInResult signIn(SignInChoice choice, String email, char[] password) {
            if (signInFailure != null) {
                throw signInFailure;
            }
            attempts.add((choice.location() == Location.SERVER ? choice.serverUrl() + " " : "") + email + "/" + new String(password));
            return answer.get();
        }

        final List<String> passwordChanges = new ArrayList<>();
        Outcome<PasswordChanged> changeAnswer;

        @Override
        public Outcome<PasswordChanged> changePassword(Session session, String currentPassword, String newPassword) {
            passwordChanges.add(currentPassword + "->" + newPassword);
            return changeAnswer;
        }

        @Override
        public void remember(SignInChoice choice) {
            rememberedChoices.add(choice);
            remembered = choice;
        }
    }

    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final List<SignInResult.SignedIn> signedIn = new ArrayList<>();
    private final FakeBackend backend = new FakeBackend();
    private final List<String> attempts = backend.attempts;
    private final AtomicReference<SignInResult> answer = backend.answer;
    private final SignInViewModel viewModel = newViewModel();

    private SignInViewModel newViewModel() {
        return new SignInViewModel(backend, executor, ZoneId.of("America/Toronto"), signedIn::add);
    }

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
        assertThat(executor.executedTitles()).containsExactly("Starting the database…", "Signing in…");
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
    void a_temporary_password_leads_to_the_change_password_step_which_checks_the_rule_then_signs_in() {
        SignedInUser user = new SignedInUser(UUID.randomUUID(), "Ana", "ana@smartstart.test", Set.of());
        Session session = new Session(UUID.randomUUID(), user.id(), "token", Instant.parse("2026-03-02T17:00:00Z"));
        answer.set(new SignInResult.PasswordChangeRequired(session, user));
        fill("ana@smartstart.test", "Temp-Pass-2345");
        viewModel.signIn();
        assertThat(viewModel.changingPasswordProperty().get()).isTrue();
        assertThat(viewModel.changingPasswordFor()).isEqualTo("Ana");
        assertThat(signedIn).isEmpty();

        viewModel.newPasswordProperty().set("short1A");
        viewModel.repeatedPasswordProperty().set("short1A");
        viewModel.changePassword();
        assertThat(viewModel.messageProperty().get()).isEqualTo("The new password is 7 characters long; it needs at least 12.");

        viewModel.newPasswordProperty().set("Harbour-Lights-42");
        viewModel.repeatedPasswordProperty().set("Harbour-Lights-43");
        viewModel.changePassword();
        assertThat(viewModel.messageProperty().get()).startsWith("The repeated password differs from the new password");
        assertThat(backend.passwordChanges).isEmpty();

        backend.changeAnswer = Outcome.invalid("currentPassword", "is wrong: type the password you signed in with");
        viewModel.repeatedPasswordProperty().set("Harbour-Lights-42");
        viewModel.changePassword();
        assertThat(viewModel.messageProperty().get()).isEqualTo("The temporary password is wrong: type the password you signed in with");
        assertThat(signedIn).isEmpty();

        backend.changeAnswer = Outcome.done(new PasswordChanged(user.id(), Instant.parse("2026-03-02T09:00:00Z")));
        viewModel.changePassword();
        assertThat(backend.passwordChanges).containsExactly("Temp-Pass-2345->Harbour-Lights-42", "Temp-Pass-2345->Harbour-Lights-42");
        assertThat(signedIn).singleElement().satisfies(s -> assertThat(s.session()).isEqualTo(session));
        assertThat(viewModel.changingPasswordProperty().get()).isFalse();
        assertThat(viewModel.newPasswordProperty().get()).isEmpty();
    }

    @Test
    void an_archived_account_is_said_plainly() {
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
        backend.signInFailure = new IllegalStateException("Signing in failed in the database: connection refused");
        fill("ana@smartstart.test", "x");
        viewModel.signIn();
        assertThat(viewModel.messageProperty().get()).isEqualTo("Could not sign in: Signing in failed in the database: connection refused");
        assertThat(viewModel.busyProperty().get()).isFalse();
        assertThat(executor.unhandledFailures()).isEmpty();
    }

    @Test
    void this_computer_is_the_first_choice_and_its_database_is_started_once_in_the_background() {
        assertThat(viewModel.locationProperty().get()).isEqualTo(Location.THIS_COMPUTER);
        assertThat(executor.executedTitles()).containsExactly("Starting the database…");
        assertThat(backend.starts).isEqualTo(1);
        assertThat(viewModel.placeDescriptionProperty().get())
                .isEqualTo("This computer's database: embedded PostgreSQL in /home/ana/.local/share/smartstart-backoffice/pgdata");

        viewModel.locationProperty().set(Location.SERVER);
        viewModel.locationProperty().set(Location.THIS_COMPUTER);
        assertThat(backend.starts).as("started once per run").isEqualTo(1);
        assertThat(viewModel.startingProperty().get()).isFalse();
        assertThat(viewModel.statusProperty().get()).isEmpty();
    }

    @Test
    void a_remembered_server_starts_no_database_and_its_address_is_filled_in() {
        backend.remembered = new SignInChoice(Location.SERVER, "https://backoffice.example.org");
        SignInViewModel remembered = newViewModel();

        assertThat(remembered.locationProperty().get()).isEqualTo(Location.SERVER);
        assertThat(remembered.serverUrlProperty().get()).isEqualTo("https://backoffice.example.org");
        assertThat(remembered.placeDescriptionProperty().get()).isEqualTo("Server https://backoffice.example.org");
        assertThat(backend.starts).as("only the first view model, on this computer, started it").isEqualTo(1);
    }

    @Test
    void signing_in_at_a_server_remembers_the_choice_and_sends_the_address() {
        SignedInUser user = new SignedInUser(UUID.randomUUID(), "Ana", "ana@smartstart.test", Set.of(Role.COMPLIANCE));
        answer.set(new SignInResult.SignedIn(new Session(UUID.randomUUID(), user.id(), "token", Instant.parse("2026-03-02T17:00:00Z")), user));
        viewModel.locationProperty().set(Location.SERVER);
        fill("ana@smartstart.test", "right");
        assertThat(viewModel.canSignInProperty().get()).as("no address yet").isFalse();
        viewModel.serverUrlProperty().set("  https://backoffice.example.org:8443/  ");
        assertThat(viewModel.canSignInProperty().get()).isTrue();

        viewModel.signIn();

        assertThat(attempts).containsExactly("https://backoffice.example.org:8443/ ana@smartstart.test/right");
        assertThat(backend.rememberedChoices).containsExactly(new SignInChoice(Location.SERVER, "https://backoffice.example.org:8443/"));
        assertThat(signedIn).hasSize(1);
    }

    @Test
    void signing_in_on_this_computer_remembers_that_and_keeps_the_typed_address() {
        answer.set(new SignInResult.WrongCredentials(OptionalInt.of(4)));
        viewModel.serverUrlProperty().set("https://backoffice.example.org");
        fill("ana@smartstart.test", "x");
        viewModel.signIn();
        assertThat(backend.rememberedChoices).containsExactly(new SignInChoice(Location.THIS_COMPUTER, "https://backoffice.example.org"));
        assertThat(attempts).containsExactly("ana@smartstart.test/x");
    }

    @Test
    void a_server_address_must_be_http_or_https_with_a_host() {
        viewModel.locationProperty().set(Location.SERVER);
        fill("ana@smartstart.test", "x");
        for (String bad : new String[] {"backoffice.example.org", "ftp://backoffice.example.org", "https://", "http:///api",
                "https://exa mple.org", "https://backoffice.example.org/?x=1"}) {
            viewModel.serverUrlProperty().set(bad);
            viewModel.signIn();
            assertThat(viewModel.messageProperty().get()).as(bad).isNotEmpty().contains("https://backoffice.example.org");
        }
        assertThat(attempts).as("nothing is sent to a bad address").isEmpty();
        assertThat(backend.rememberedChoices).isEmpty();
        assertThat(viewModel.messageProperty().get()).contains("no ?query");

        viewModel.serverUrlProperty().set("http://127.0.0.1:8080");
        answer.set(new SignInResult.WrongCredentials(OptionalInt.empty()));
        viewModel.signIn();
        assertThat(attempts).containsExactly("http://127.0.0.1:8080 ana@smartstart.test/x");
    }

    @Test
    void an_unreachable_server_is_said_plainly_and_the_email_and_password_stay() {
        answer.set(new SignInResult.Unavailable("The server at http://127.0.0.1:9 cannot be reached: connection refused."));
        viewModel.locationProperty().set(Location.SERVER);
        viewModel.serverUrlProperty().set("http://127.0.0.1:9");
        fill("ana@smartstart.test", "secret");
        viewModel.signIn();
        assertThat(viewModel.messageProperty().get()).isEqualTo("The server at http://127.0.0.1:9 cannot be reached: connection refused.");
        assertThat(viewModel.emailProperty().get()).isEqualTo("ana@smartstart.test");
        assertThat(viewModel.passwordProperty().get()).isEqualTo("secret");
        assertThat(signedIn).isEmpty();
    }

    @Test
    void a_database_that_cannot_start_says_why_and_a_sign_in_tries_again() {
        FakeBackend failing = new FakeBackend();
        failing.startFailure = new IllegalStateException("Another SmartStart Back Office already uses the data folder /home/ana/x.");
        SignInViewModel model = new SignInViewModel(failing, executor, ZoneId.of("UTC"), signedIn::add);
        assertThat(model.messageProperty().get())
                .isEqualTo("This computer's database could not be started: Another SmartStart Back Office already uses the data folder /home/ana/x.");
        assertThat(model.startingProperty().get()).isFalse();
        assertThat(executor.unhandledFailures()).isEmpty();
    }

    @Test
    void a_database_named_on_the_command_line_fixes_the_choice() {
        FakeBackend fixed = new FakeBackend();
        fixed.fixed = true;
        fixed.remembered = new SignInChoice(Location.SERVER, "https://backoffice.example.org");
        SignInViewModel model = new SignInViewModel(fixed, executor, ZoneId.of("UTC"), signedIn::add);
        assertThat(model.choiceFixed()).isTrue();
        assertThat(model.locationProperty().get()).isEqualTo(Location.THIS_COMPUTER);
        assertThat(fixed.starts).isEqualTo(1);
    }

    @Test
    void the_server_address_check_accepts_http_and_https_only() {
        assertThat(ServerAddress.problem("https://backoffice.example.org")).isEmpty();
        assertThat(ServerAddress.problem("http://10.0.0.5:8080/backoffice")).isEmpty();
        assertThat(ServerAddress.problem("")).get().asString().startsWith("Enter the server's address");
        assertThat(ServerAddress.problem("mailto:ana@example.org")).get().asString().startsWith("The server address must start with https://");
        assertThat(ServerAddress.problem("https:///x")).get().asString().startsWith("The server address names no host");
    }

    private void fill(String email, String password) {
        viewModel.emailProperty().set(email);
        viewModel.passwordProperty().set(password);
    }
}
