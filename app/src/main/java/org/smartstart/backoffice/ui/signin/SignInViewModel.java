package org.smartstart.backoffice.ui.signin;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartstart.backoffice.domain.identity.PasswordChanged;
import org.smartstart.backoffice.domain.identity.PasswordRule;
import org.smartstart.backoffice.domain.identity.SignInResult;
import org.smartstart.backoffice.domain.usecase.FieldProblem;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.ui.tasks.BackgroundTask;
import org.smartstart.backoffice.ui.tasks.TaskExecutor;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The sign-in form: where the back office is (this computer's database or a server), two fields, one
 * action, and a message in plain words. No controls in here.
 *
 * <p>The window is usable at once. This computer's database is started in the background as soon as it
 * is chosen (at most once per run), so it is usually ready by the time the password is typed; a sign-in
 * pressed earlier simply waits for it. A server is only contacted when signing in.
 */
public final class SignInViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SignInViewModel.class);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    static final String STARTING = "Starting the database…";

    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ObjectProperty<Location> location = new SimpleObjectProperty<>(Location.THIS_COMPUTER);
    private final StringProperty serverUrl = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty starting = new SimpleBooleanProperty(false);
    private final BooleanProperty started = new SimpleBooleanProperty(false);
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty changingPassword = new SimpleBooleanProperty(false);
    private final StringProperty newPassword = new SimpleStringProperty("");
    private final StringProperty repeatedPassword = new SimpleStringProperty("");
    private final BooleanBinding canChangePassword;
    /** The sign-in that needs a new password first, and the temporary password it was made with. */
    private SignInResult.PasswordChangeRequired pendingChange;
    private String temporaryPassword;
    private final BooleanBinding canSignIn;
    private final BooleanBinding working;
    private final StringBinding status;
    private final StringBinding placeDescription;

    private final SignInBackend backend;
    private final TaskExecutor executor;
    private final ZoneId zone;
    private final Consumer<SignInResult.SignedIn> onSignedIn;

    public SignInViewModel(SignInBackend backend, TaskExecutor executor, ZoneId zone, Consumer<SignInResult.SignedIn> onSignedIn) {
        this.backend = Objects.requireNonNull(backend);
        this.executor = Objects.requireNonNull(executor);
        this.zone = Objects.requireNonNull(zone);
        this.onSignedIn = Objects.requireNonNull(onSignedIn);
        this.canSignIn = Bindings.createBooleanBinding(
                () -> !email.get().isBlank() && !password.get().isEmpty() && !busy.get()
                        && (location.get() != Location.SERVER || !serverUrl.get().isBlank()),
                email, password, busy, location, serverUrl);
        this.canChangePassword = Bindings.createBooleanBinding(
                () -> changingPassword.get() && !newPassword.get().isEmpty() && !repeatedPassword.get().isEmpty() && !busy.get(),
                changingPassword, newPassword, repeatedPassword, busy);
        this.working = busy.or(starting);
        this.status = Bindings.createStringBinding(() -> busy.get() ? (starting.get() ? STARTING : "Signing in…")
                : starting.get() ? STARTING : "", busy, starting);
        this.placeDescription = Bindings.createStringBinding(() -> location.get() == Location.SERVER
                ? (serverUrl.get().isBlank() ? "A back office server" : "Server " + serverUrl.get().strip())
                : "This computer's database: " + backend.thisComputerDescription()
                        + (started.get() ? "" : starting.get() ? " (starting)" : ""), location, serverUrl, started, starting);

        SignInChoice initial = backend.choiceFixed() ? SignInChoice.thisComputer() : backend.initialChoice();
        serverUrl.set(initial.serverUrl());
        location.set(initial.location());
        location.addListener((obs, old, now) -> {
            message.set("");
            if (now == Location.THIS_COMPUTER) {
                startThisComputer();
            }
        });
        if (initial.location() == Location.THIS_COMPUTER) {
            startThisComputer();
        }
    }

    /** Starts this computer's database in the background, unless it runs or is starting already. */
    private void startThisComputer() {
        if (starting.get() || started.get()) {
            return;
        }
        starting.set(true);
        executor.execute(BackgroundTask.of(STARTING, () -> {
                    backend.startThisComputer();
                    return null;
                })
                .onSuccess(done -> started.set(true))
                .onFailure(failure -> {
                    LOG.warn("This computer's database could not be started", failure);
                    if (location.get() == Location.THIS_COMPUTER) {
                        message.set("This computer's database could not be started: " + plain(failure));
                    }
                })
                .onFinished(() -> starting.set(false)));
    }

    public void signIn() {
        if (!canSignIn.get()) {
            return;
        }
        SignInChoice choice = new SignInChoice(location.get(), serverUrl.get());
        if (choice.location() == Location.SERVER) {
            Optional<String> problem = ServerAddress.problem(choice.serverUrl());
            if (problem.isPresent()) {
                message.set(problem.get());
                return;
            }
        }
        String enteredEmail = email.get().strip();
        char[] enteredPassword = password.get().toCharArray();
        // kept only if the password turns out to be temporary: changing it needs it once more
        String enteredPasswordCopy = password.get();
        busy.set(true);
        message.set("");
        executor.execute(BackgroundTask.of("Signing in…", () -> {
                    try {
                        remember(choice);
                        return backend.signIn(choice, enteredEmail, enteredPassword);
                    } finally {
                        Arrays.fill(enteredPassword, '\0');
                    }
                })
                .onSuccess(result -> show(result, enteredPasswordCopy))
                .onFailure(failure -> message.set("Could not sign in: " + plain(failure)))
                .onFinished(() -> busy.set(false)));
    }

    /** Remembering is a convenience: when the settings file cannot be written, signing in goes on. */
    private void remember(SignInChoice choice) {
        try {
            backend.remember(choice);
        } catch (Exception e) {
            LOG.warn("Could not remember where the back office is", e);
        }
    }

    /**
     * Chooses the person's own password after signing in with a temporary one: the rule and the repeat
     * are checked here first, then by the use case; only then does the main window open.
     */
    public void changePassword() {
        if (!canChangePassword.get() || pendingChange == null) {
            return;
        }
        Optional<FieldProblem> problem = PasswordRule.problem(newPassword.get(), repeatedPassword.get(),
                pendingChange.user().email(), temporaryPassword);
        if (problem.isPresent()) {
            message.set(sentence(problem.get()));
            return;
        }
        SignInResult.PasswordChangeRequired change = pendingChange;
        String current = temporaryPassword;
        String chosen = newPassword.get();
        busy.set(true);
        message.set("");
        executor.execute(BackgroundTask.of("Changing the password…", () -> backend.changePassword(change.session(), current, chosen))
                .onSuccess(outcome -> {
                    if (outcome instanceof Outcome.Done<PasswordChanged>) {
                        leavePasswordChange();
                        onSignedIn.accept(new SignInResult.SignedIn(change.session(), change.user()));
                    } else if (outcome instanceof Outcome.Invalid<PasswordChanged> invalid) {
                        message.set(String.join(" ", invalid.problems().stream().map(SignInViewModel::sentence).toList()));
                    } else {
                        message.set(outcome.describe());
                    }
                })
                .onFailure(failure -> message.set("Could not change the password: " + plain(failure)))
                .onFinished(() -> busy.set(false)));
    }

    /** Back to the sign-in form; the restricted session can do nothing and expires by itself. */
    public void cancelPasswordChange() {
        leavePasswordChange();
        message.set("");
    }

    private void leavePasswordChange() {
        pendingChange = null;
        temporaryPassword = null;
        newPassword.set("");
        repeatedPassword.set("");
        changingPassword.set(false);
    }

    /** "The new password is 8 characters long; it needs at least 12." */
    static String sentence(FieldProblem problem) {
        String subject = switch (problem.field()) {
            case "newPassword" -> "The new password";
            case "repeatedPassword" -> "The repeated password";
            case "currentPassword" -> "The temporary password";
            default -> problem.field();
        };
        return subject + " " + problem.message();
    }

    private void show(SignInResult result, String entered) {
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
        } else if (result instanceof SignInResult.PasswordChangeRequired required) {
            password.set("");
            pendingChange = required;
            temporaryPassword = entered;
            newPassword.set("");
            repeatedPassword.set("");
            changingPassword.set(true);
            message.set("");
        } else if (result instanceof SignInResult.AccountArchived) {
            password.set("");
            message.set("This account is archived and can no longer sign in.");
        } else if (result instanceof SignInResult.Unavailable unavailable) {
            // the e-mail and password stay: nothing was wrong with them
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

    public ObjectProperty<Location> locationProperty() {
        return location;
    }

    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    /** True when the command line chose the database: the choice cannot be changed here. */
    public boolean choiceFixed() {
        return backend.choiceFixed();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** This computer's database is being started. */
    public ReadOnlyBooleanProperty startingProperty() {
        return starting;
    }

    /** Signing in or starting the database: show progress. */
    public BooleanBinding workingProperty() {
        return working;
    }

    /** What is going on, next to the progress indicator: "Starting the database…", "Signing in…" or nothing. */
    public StringBinding statusProperty() {
        return status;
    }

    /** The change-password step shows instead of the sign-in form. */
    public ReadOnlyBooleanProperty changingPasswordProperty() {
        return changingPassword;
    }

    public StringProperty newPasswordProperty() {
        return newPassword;
    }

    public StringProperty repeatedPasswordProperty() {
        return repeatedPassword;
    }

    public BooleanBinding canChangePasswordProperty() {
        return canChangePassword;
    }

    /** Who must choose a password, for the step's heading. */
    public String changingPasswordFor() {
        return pendingChange == null ? "" : pendingChange.user().displayName();
    }

    public String passwordRule() {
        return PasswordRule.DESCRIPTION;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public BooleanBinding canSignInProperty() {
        return canSignIn;
    }

    /** Where signing in will go, for the note at the bottom of the window. */
    public StringBinding placeDescriptionProperty() {
        return placeDescription;
    }
}
