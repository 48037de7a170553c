package org.smartstart.backoffice.ui.shell;

import org.smartstart.backoffice.domain.identity.ClientInfo;
import org.smartstart.backoffice.domain.usecase.BackOfficeConnector;

import java.util.Objects;

/**
 * Everything the desktop's screens use, built once the back office is reachable (see {@link DesktopWiring}).
 * Screens see use cases only, never a connection: the connector is this computer's database or a server.
 *
 * @param client    this desktop as the audit trail names it
 * @param connector signs in and hands out the use cases; closing it closes what it opened
 */
public record DesktopServices(BackOfficeConnector connector, ClientInfo client) implements AutoCloseable {
    public DesktopServices {
        Objects.requireNonNull(connector);
        Objects.requireNonNull(client);
    }

    /** Where the desktop is connected, in words, for the sign-in window and status bar. */
    public String databaseDescription() {
        return connector.description();
    }

    @Override
    public void close() {
        connector.close();
    }
}
