package org.smartstart.backoffice.ui.signin;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.smartstart.backoffice.domain.identity.SignInResult;
import org.smartstart.backoffice.ui.tasks.BackgroundTask;
import org.smartstart.backoffice.ui.tasks.TaskExecutor;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.function.Consumer;

/** The sign-in form: two fields, one action, and a message in plain words. No controls in here. */
public final class SignInViewModel {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanBinding canSignIn;

    private final SignInAction action;
    private final TaskExecutor executor;
    private final ZoneId zone;
    private final String databaseDescription;
    private final Consumer<SignInResult.SignedIn> onSignedIn;

    public SignInViewModel(SignInAction action, TaskExecutor executor, ZoneId zone, String databaseDescription,
                           Consumer<SignInResult.SignedIn> onSignedIn) {
        this.action = Objects.requireNonNull(action);
        this.executor = Objects.requireNonNull(executor);
        this.zone = Objects.requireNonNull(zone);
        this.databaseDescription = databaseDescription;
        this.onSignedIn = Objects.requireNonNull(onSignedIn);
        this.canSignIn = Bindings.createBooleanBinding(
                () -> !email.get().isBlank() && !password.get().isEmpty() && !busy.get(), email, password, busy);
    }

    public void signIn() {
        if (!canSignIn.get()) {
            return;
        }
        String enteredEmail = email.get().strip();
        char[] enteredPassword = password.get().toCharArray();
        busy.set(true);
        message.set("");
        executor.execute(BackgroundTask.of("Signing in…", () -> {
                    try {
                        return action.signIn(enteredEmail, enteredPassword);
                    } finally {
                        java.util.Arrays.fill(enteredPassword, '\0');
                    }
                })
                .onSuccess(this::show)
                .onFailure(failure -> message.set("Could not sign in: " + plain(failure)))
                .onFinished(() -> busy.set(false)));
    }

    private void show(SignInResult result) {
        if (result instanceof SignInResult.SignedIn signedIn) {
            password.set("");
            message.set("");
            onSignedIn.accept(signedIn);
        } else if (result instanceof SignInResult.WrongCredentials wrong) {
            password.set("");
            message.set(wrong.attemptsLeft().isPresent()
                    ? "Wrong e-mail or password. " + attempts(wrong.attemptsLeft().getAsInt())
                    : "Wrong e-mail or password.");
        } else if (result instanceof SignInResult.LockedOut locked) {
            password.set("");
            message.set("Too many failed attempts: this account is locked until "
                    + HH_MM.format(locked.until().atZone(zone)) + ".");
        } else if (result instanceof SignInResult.PasswordChangeRequired) {
            password.set("");
            message.set("Your password must be changed before you can sign in. Ask an administrator for a new one.");
        } else if (result instanceof SignInResult.AccountArchived) {
            password.set("");
            message.set("This account is archived and can no longer sign in.");
        } else if (result instanceof SignInResult.Unavailable unavailable) {
            message.set(unavailable.message());
        }
    }

    private static String attempts(int left) {
        return left == 1
                ? "1 attempt left before the account is locked for 15 minutes."
                : left + " attempts left before the account is locked for 15 minutes.";
    }

    static String plain(Throwable failure) {
        String m = failure.getMessage();
        return m == null || m.isBlank() ? failure.getClass().getSimpleName() : m;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public BooleanBinding canSignInProperty() {
        return canSignIn;
    }

    public String databaseDescription() {
        return databaseDescription == null ? "" : "Connected to " + databaseDescription;
    }
}
