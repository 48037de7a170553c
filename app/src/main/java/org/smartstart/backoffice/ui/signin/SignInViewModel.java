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
import org.smartstart.backoffice.domain.identity.SignInResult;
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
                .onSuccess(this::show)
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
