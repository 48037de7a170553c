package org.smartstart.backoffice.ui.shell;

import org.smartstart.backoffice.domain.identity.ClientInfo;
import org.smartstart.backoffice.domain.identity.SignIn;
import org.smartstart.backoffice.domain.ventures.VenturesOverviewQuery;

import java.util.Objects;

/**
 * Everything the desktop's screens use, built once the database is open (see {@link DesktopWiring}).
 * Screens see use cases and queries only, never a connection.
 *
 * @param client              this desktop as the audit trail names it
 * @param databaseDescription which database this is, in words, for the sign-in window and status bar
 * @param resources           closed when the app exits: pool, embedded database, started hooks
 */
public record DesktopServices(SignIn signIn, VenturesOverviewQuery ventures, ClientInfo client,
                              String databaseDescription, AutoCloseable resources) {
    public DesktopServices {
        Objects.requireNonNull(signIn);
        Objects.requireNonNull(ventures);
        Objects.requireNonNull(client);
        Objects.requireNonNull(resources);
    }
}
