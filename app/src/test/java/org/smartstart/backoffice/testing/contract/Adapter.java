package org.smartstart.backoffice.testing.contract;

import org.smartstart.backoffice.domain.usecase.BackOfficeConnector;
import org.smartstart.backoffice.persistence.usecase.LocalConnector;
import org.smartstart.backoffice.persistence.usecase.LocalServices;
import org.smartstart.backoffice.testing.TestDatabase;

import org.smartstart.backoffice.domain.identity.ClientInfo;
import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.identity.SignInResult;
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.remote.client.RemoteConnector;
import org.smartstart.backoffice.remote.client.RemoteOptions;
import org.smartstart.backoffice.remote.server.ApiServer;
import org.smartstart.backoffice.remote.server.ApiServerOptions;

import java.time.Clock;

/**
 * The adapters every contract test runs against: a contract class is annotated
 * {@code @ParameterizedClass @EnumSource(Adapter.class)} and gets each adapter in turn, so one suite
 * proves that the local adapter and the remote one (through a real server on loopback) agree.
 */
public enum Adapter {

    /** The use cases run in this process on the database (Hibernate, JDBC). */
    LOCAL {
        @Override
        BackOfficeConnector connect(TestDatabase db, Clock clock) {
            return new LocalConnector(LocalServices.open(db.database(), clock), () -> { });
        }
    },

    /**
     * The same use cases through the HTTP API: a real server on 127.0.0.1 (a free port) over the same
     * database and clock, called by the OkHttp client. Closing the connector stops the server.
     */
    REMOTE {
        @Override
        BackOfficeConnector connect(TestDatabase db, Clock clock) {
            LocalServices services = LocalServices.open(db.database(), clock);
            ApiServer server = ApiServer.start(services, ApiServerOptions.http("127.0.0.1", 0));
            RemoteConnector client = new RemoteConnector(server.uri(), RemoteOptions.defaults().withAttempts(1));
            return new ClosingConnector(client, () -> {
                server.close();
                services.close();
            });
        }
    };

    /** A connector to {@code db} through this adapter; closing it stops whatever it started (not the database). */
    abstract BackOfficeConnector connect(TestDatabase db, Clock clock);

    /** A connector that also stops what was started for it. */
    record ClosingConnector(BackOfficeConnector delegate, Runnable onClose) implements BackOfficeConnector {
        @Override
        public SignInResult signIn(String email, char[] password, ClientInfo client) {
            return delegate.signIn(email, password, client);
        }

        @Override
        public BackOffice open(Session session) {
            return delegate.open(session);
        }

        @Override
        public void signOut(Session session, ClientInfo client) {
            delegate.signOut(session, client);
        }

        @Override
        public String description() {
            return delegate.description();
        }

        @Override
        public void close() {
            try {
                delegate.close();
            } finally {
                onClose.run();
            }
        }
    }
}
