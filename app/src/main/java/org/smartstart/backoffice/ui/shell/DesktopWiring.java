package org.smartstart.backoffice.ui.shell;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartstart.backoffice.domain.identity.ClientInfo;
import org.smartstart.backoffice.persistence.audit.AuditSealerService;
import org.smartstart.backoffice.persistence.db.BackOfficeDatabase;
import org.smartstart.backoffice.persistence.demo.DemoDataLoader;
import org.smartstart.backoffice.persistence.db.DataFolder;
import org.smartstart.backoffice.persistence.db.DatabaseSettings;
import org.smartstart.backoffice.persistence.usecase.LocalConnector;
import org.smartstart.backoffice.persistence.usecase.LocalServices;
import org.smartstart.backoffice.remote.client.RemoteConnector;

import org.smartstart.backoffice.domain.usecase.BackOfficeConnector;

import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * The desktop's composition root: the only ui class that knows the adapters. Builds the
 * {@link BackOfficePlaces} the sign-in window chooses from: this computer's database (opened, migrated
 * and given its startup hooks only when chosen, off the FX thread) and back office servers.
 */
public final class DesktopWiring {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopWiring.class);

    /**
     * Something that starts with the open, migrated database and stops with the app: the audit sealer,
     * first-start demo data. Returns what to close at exit (or {@code () -> {}}).
     */
    @FunctionalInterface
    public interface StartupHook {
        AutoCloseable start(BackOfficeDatabase database) throws Exception;
    }

    /** Hooks run in this order after migrating, before the sign-in window. Add yours with one line. */
    static final List<StartupHook> HOOKS = List.of(
            // Seal entries left in the outbox by a crash, and every entry this desktop writes (AU-2).
            db -> AuditSealerService.start(db.dataSource()),
            // Two commands to try the product: the embedded database starts with the demo data.
            db -> {
                if (db.embedded().isPresent()) {
                    DemoDataLoader.loadIfEmpty(db);
                }
                return () -> { };
            });

    /** How the desktop reaches a back office server: the remote adapter over its HTTP API. */
    static final Function<URI, BackOfficeConnector> SERVERS = RemoteConnector::new;

    private DesktopWiring() {
    }

    /**
     * Where this desktop may find the back office. {@code settings} naming a database (--db-url or the
     * environment) fixes the choice to this computer's database.
     */
    public static BackOfficePlaces places(DatabaseSettings settings, DataFolder folder, UiPreferences preferences) {
        String description = settings.isEmbedded() ? "embedded PostgreSQL in " + folder.postgresData() : settings.url().orElseThrow();
        return new BackOfficePlaces(() -> open(settings, folder), description, !settings.isEmbedded(), SERVERS, thisDesktop(), preferences);
    }

    /** Places over a database someone else opened and migrated (tests, screenshots), with the given servers. */
    public static BackOfficePlaces places(BackOfficeDatabase database, Function<URI, BackOfficeConnector> servers, UiPreferences preferences) {
        return new BackOfficePlaces(() -> services(database, () -> { }), database.description(), false, servers, thisDesktop(), preferences);
    }

    public static DesktopServices open(DatabaseSettings settings, DataFolder folder) {
        return open(settings, folder, HOOKS);
    }

    public static DesktopServices open(DatabaseSettings settings, DataFolder folder, List<StartupHook> hooks) {
        BackOfficeDatabase database = BackOfficeDatabase.open(settings, folder);
        Deque<AutoCloseable> toClose = new ArrayDeque<>();
        toClose.push(database);
        try {
            database.migrate();
            for (StartupHook hook : hooks) {
                toClose.push(hook.start(database));
            }
            // On a kill (SIGTERM, logout) stop the sealer before the embedded database goes away.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeAll(toClose), "backoffice-shutdown"));
            return services(database, toClose);
        } catch (RuntimeException e) {
            closeAll(toClose);
            throw e;
        } catch (Exception e) {
            closeAll(toClose);
            throw new IllegalStateException("The back office could not start: " + e.getMessage(), e);
        }
    }

    /** Services over a database someone else opened and migrated (tests, screenshots); {@code resources} close with them. */
    public static DesktopServices services(BackOfficeDatabase database, AutoCloseable resources) {
        LocalServices local = LocalServices.open(database, Clock.systemUTC());
        return new DesktopServices(new LocalConnector(local, resources), thisDesktop());
    }

    private static DesktopServices services(BackOfficeDatabase database, Deque<AutoCloseable> toClose) {
        return services(database, () -> closeAll(toClose));
    }

    private static void closeAll(Deque<AutoCloseable> toClose) {
        synchronized (toClose) {
            closeInOrder(toClose);
        }
    }

    private static void closeInOrder(Deque<AutoCloseable> toClose) {
        while (!toClose.isEmpty()) {
            AutoCloseable c = toClose.pop();
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed", c, e);
            }
        }
    }

    static ClientInfo thisDesktop() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown";
        }
        String version = DesktopWiring.class.getPackage().getImplementationVersion();
        return new ClientInfo(host, "SmartStart Back Office " + (version == null ? "dev" : version) + " (desktop; "
                + System.getProperty("os.name") + "; Java " + System.getProperty("java.version") + ")");
    }
}
