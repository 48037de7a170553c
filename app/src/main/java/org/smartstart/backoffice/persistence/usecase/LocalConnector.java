package org.smartstart.backoffice.persistence.usecase;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartstart.backoffice.domain.identity.ClientInfo;
import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.identity.SignIn;
import org.smartstart.backoffice.domain.identity.SignInResult;
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.domain.usecase.BackOfficeConnector;
import org.smartstart.backoffice.persistence.identity.JdbcCredentialStore;

import java.util.Objects;

/** The back office on a database this process talks to directly (the local adapter). */
public final class LocalConnector implements BackOfficeConnector {

    private static final Logger LOG = LoggerFactory.getLogger(LocalConnector.class);

    private final LocalServices services;
    private final SignIn signIn;
    private final AutoCloseable onClose;

    /** {@code onClose} runs after the services close: the database, hooks — whatever the caller opened. */
    public LocalConnector(LocalServices services, AutoCloseable onClose) {
        this.services = Objects.requireNonNull(services, "services");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
        this.signIn = new SignIn(new JdbcCredentialStore(services.transactions()), services.passwords(),
                services.tokens()::email, services.clock());
    }

    public LocalServices services() {
        return services;
    }

    @Override
    public SignInResult signIn(String email, char[] password, ClientInfo client) {
        try {
            return signIn.signIn(email, password, client);
        } catch (RuntimeException e) {
            LOG.warn("Sign-in could not reach the database", e);
            return new SignInResult.Unavailable("The database cannot be reached right now: " + rootMessage(e));
        }
    }

    @Override
    public BackOffice open(Session session) {
        return new LocalBackOffice(services, session);
    }

    @Override
    public void signOut(Session session, ClientInfo client) {
        signIn.signOut(session, client);
    }

    @Override
    public String description() {
        return "this computer's database (" + services.database().description() + ")";
    }

    @Override
    public void close() {
        try {
            services.close();
        } finally {
            try {
                onClose.close();
            } catch (Exception e) {
                LOG.warn("Closing the database failed", e);
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
