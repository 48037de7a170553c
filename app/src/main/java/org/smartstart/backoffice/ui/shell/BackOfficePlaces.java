package org.smartstart.backoffice.ui.shell;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartstart.backoffice.domain.identity.ClientInfo;
import org.smartstart.backoffice.domain.identity.PasswordChange;
import org.smartstart.backoffice.domain.identity.PasswordChanged;
import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.identity.SignInResult;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.BackOfficeConnector;
import org.smartstart.backoffice.ui.signin.Location;
import org.smartstart.backoffice.ui.signin.ServerAddress;
import org.smartstart.backoffice.ui.signin.SignInBackend;
import org.smartstart.backoffice.ui.signin.SignInChoice;

import java.net.URI;
import java.util.Objects;
import java.util.function.Function;

/**
 * The places the desktop can find the back office, and what it opened there: this computer's database,
 * started at most once per run and only when chosen, and the server last signed in to. Closing it closes
 * both. Thread-safe: the sign-in window calls it from background tasks.
 */
public final class BackOfficePlaces implements SignInBackend, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackOfficePlaces.class);

    private final DesktopStartup thisComputer;
    private final String thisComputerDescription;
    private final boolean choiceFixed;
    private final Function<URI, BackOfficeConnector> servers;
    private final ClientInfo client;
    private final UiPreferences preferences;

    private final Object localLock = new Object();
    private volatile DesktopServices local;
    private volatile boolean closed;

    // guarded by this
    private URI serverUrl;
    private BackOfficeConnector server;
    private volatile BackOfficeConnector lastSignedInThrough;

    /**
     * @param thisComputer            opens this computer's database (migrations, sealer, demo data); called at most once
     *                                successfully, off the FX thread
     * @param thisComputerDescription that database in words before it is open
     * @param choiceFixed             the command line named the database: no server is offered
     * @param servers                 a connector to the back office server at a URL
     */
    public BackOfficePlaces(DesktopStartup thisComputer, String thisComputerDescription, boolean choiceFixed,
                            Function<URI, BackOfficeConnector> servers, ClientInfo client, UiPreferences preferences) {
        this.thisComputer = Objects.requireNonNull(thisComputer);
        this.thisComputerDescription = Objects.requireNonNull(thisComputerDescription);
        this.choiceFixed = choiceFixed;
        this.servers = Objects.requireNonNull(servers);
        this.client = Objects.requireNonNull(client);
        this.preferences = Objects.requireNonNull(preferences);
    }

    @Override
    public SignInChoice initialChoice() {
        return choiceFixed ? SignInChoice.thisComputer() : preferences.signInChoice();
    }

    @Override
    public boolean choiceFixed() {
        return choiceFixed;
    }

    @Override
    public String thisComputerDescription() {
        return thisComputerDescription;
    }

    @Override
    public void startThisComputer() throws Exception {
        thisComputerConnector();
    }

    private BackOfficeConnector thisComputerConnector() throws Exception {
        synchronized (localLock) {
            if (closed) {
                throw new IllegalStateException("The desktop is closing");
            }
            if (local == null) {
                // a failure is not kept: the next attempt tries again (e.g. after the other app quit)
                local = thisComputer.open();
            }
            return local.connector();
        }
    }

    private synchronized BackOfficeConnector serverConnector(URI url) {
        if (closed) {
            throw new IllegalStateException("The desktop is closing");
        }
        if (server != null && url.equals(serverUrl)) {
            return server;
        }
        BackOfficeConnector previous = server;
        server = servers.apply(url);
        serverUrl = url;
        // the sign-in window shows only while nobody is signed in, so no session still uses the previous server
        if (previous != null) {
            closeQuietly(previous);
        }
        return server;
    }

    @Override
    public SignInResult signIn(SignInChoice choice, String email, char[] password) throws Exception {
        BackOfficeConnector connector = choice.location() == Location.SERVER
                ? serverConnector(ServerAddress.parse(choice.serverUrl()))
                : thisComputerConnector();
        SignInResult result = connector.signIn(email, password, client);
        if (result instanceof SignInResult.SignedIn || result instanceof SignInResult.PasswordChangeRequired) {
            lastSignedInThrough = connector;
        }
        return result;
    }

    @Override
    public Outcome<PasswordChanged> changePassword(Session session, String currentPassword, String newPassword) {
        return signedInThrough().open(session).people().changePassword(new PasswordChange(currentPassword, newPassword));
    }

    @Override
    public void remember(SignInChoice choice) {
        if (!choiceFixed) {
            preferences.saveSignInChoice(choice);
        }
    }

    /** The connector of the last successful sign-in: the session's use cases and its sign-out go there. */
    public BackOfficeConnector signedInThrough() {
        BackOfficeConnector connector = lastSignedInThrough;
        if (connector == null) {
            throw new IllegalStateException("Nobody has signed in yet");
        }
        return connector;
    }

    public ClientInfo client() {
        return client;
    }

    @Override
    public void close() {
        BackOfficeConnector closingServer;
        synchronized (this) {
            closed = true;
            closingServer = server;
            server = null;
        }
        if (closingServer != null) {
            closeQuietly(closingServer);
        }
        // waits for a start in progress, so the database is not left half open
        synchronized (localLock) {
            closed = true;
            if (local != null) {
                local.close();
                local = null;
            }
        }
    }

    private static void closeQuietly(BackOfficeConnector connector) {
        try {
            connector.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing the connection to {} failed", connector.description(), e);
        }
    }
}
