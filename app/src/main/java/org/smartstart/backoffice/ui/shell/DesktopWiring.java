package org.smartstart.backoffice.ui.shell;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartstart.backoffice.domain.audit.PersonalDataTokenizer;
import org.smartstart.backoffice.domain.identity.ClientInfo;
import org.smartstart.backoffice.domain.identity.SignIn;
import org.smartstart.backoffice.persistence.db.BackOfficeDatabase;
import org.smartstart.backoffice.persistence.db.DataFolder;
import org.smartstart.backoffice.persistence.db.DatabaseSettings;
import org.smartstart.backoffice.persistence.db.Transactions;
import org.smartstart.backoffice.persistence.identity.Argon2idPasswordHasher;
import org.smartstart.backoffice.persistence.identity.JdbcCredentialStore;
import org.smartstart.backoffice.persistence.ventures.JdbcVenturesOverview;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;

/**
 * The desktop's composition root: the only ui class that knows the persistence adapters. Opens and
 * migrates the database, runs the startup hooks, and builds the {@link DesktopServices} the screens use.
 * Runs off the FX thread.
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
            // db -> AuditSealer.start(db),        -- audit chain sealing (helper "audit")
            // db -> DemoData.onFirstStart(db),    -- demo data on an empty database
    );

    private DesktopWiring() {
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
            return services(database, toClose);
        } catch (RuntimeException e) {
            closeAll(toClose);
            throw e;
        } catch (Exception e) {
            closeAll(toClose);
            throw new IllegalStateException("The back office could not start: " + e.getMessage(), e);
        }
    }

    /** Services over a database someone else opened and migrated (tests, screenshots). */
    public static DesktopServices services(BackOfficeDatabase database, AutoCloseable resources) {
        Transactions transactions = new Transactions(database.dataSource());
        SignIn signIn = new SignIn(new JdbcCredentialStore(transactions), new Argon2idPasswordHasher(),
                interimTokenizer(), Clock.systemUTC());
        return new DesktopServices(signIn, new JdbcVenturesOverview(transactions), thisDesktop(),
                database.description(), resources);
    }

    private static DesktopServices services(BackOfficeDatabase database, Deque<AutoCloseable> toClose) {
        return services(database, () -> closeAll(toClose));
    }

    private static void closeAll(Deque<AutoCloseable> toClose) {
        while (!toClose.isEmpty()) {
            AutoCloseable c = toClose.pop();
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed", c, e);
            }
        }
    }

    /**
     * Stand-in until persistence.audit.PersonalDataTokens lands (lead: wire it here): a one-way hash, so
     * no clear e-mail reaches the audit trail meanwhile.
     */
    static PersonalDataTokenizer interimTokenizer() {
        return value -> {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
                return "sha256:" + HexFormat.of().formatHex(digest);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        };
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
