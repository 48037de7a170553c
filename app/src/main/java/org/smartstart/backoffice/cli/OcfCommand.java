package org.smartstart.backoffice.cli;

import org.smartstart.backoffice.domain.captable.ocf.OcfImportPreview;
import org.smartstart.backoffice.domain.captable.ocf.OcfImportResult;
import org.smartstart.backoffice.domain.captable.ocf.OcfPackage;
import org.smartstart.backoffice.domain.captable.ocf.OcfPackages;
import org.smartstart.backoffice.domain.identity.ClientInfo;
import org.smartstart.backoffice.domain.identity.SignInResult;
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Rejection;
import org.smartstart.backoffice.domain.ventures.VentureOverview;
import org.smartstart.backoffice.persistence.db.BackOfficeDatabase;
import org.smartstart.backoffice.persistence.db.DatabaseStartupException;
import org.smartstart.backoffice.persistence.usecase.LocalConnector;
import org.smartstart.backoffice.persistence.usecase.LocalServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code ocf import --venture NAME --user EMAIL PATH} and {@code ocf export --venture NAME --user EMAIL DIR}:
 * cap tables in the Open Cap Format from the command line. The command signs in as the user (password
 * from {@value #PASSWORD_VARIABLE}, else asked on the terminal) and runs the same use cases as the
 * screen, so ID-3 and every rule apply. Exit 0 when done; 1 with every problem on stderr when refused.
 */
@Command(name = "ocf", mixinStandardHelpOptions = true,
        description = "Import or export a venture's cap table as an Open Cap Format (OCF) package.")
public final class OcfCommand {

    /** Where scripts put the signing-in user's password; without it the terminal asks. */
    public static final String PASSWORD_VARIABLE = "BACKOFFICE_PASSWORD";

    @Spec
    private CommandSpec spec;

    private final Supplier<BackOfficeDatabase> database;
    private final Map<String, String> env;

    public OcfCommand(Supplier<BackOfficeDatabase> database, Map<String, String> env) {
        this.database = Objects.requireNonNull(database, "database");
        this.env = Map.copyOf(env);
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import an OCF package (a folder or zip with Manifest.ocf.json) into a venture's cap table.",
                    "All or nothing: any problem writes nothing and every problem is listed with its file, object and field."})
    int importPackage(@Option(names = "--venture", required = true, paramLabel = "<name>", description = "The venture, by name.") String venture,
                      @Option(names = "--user", required = true, paramLabel = "<email>",
                              description = "Who imports: the venture's owner or an admin (ID-3).") String user,
                      @Option(names = "--dry-run", description = "Check and show the cap table on every date; write nothing.") boolean dryRun,
                      @Parameters(paramLabel = "PATH", description = "The package: a folder, a zip, or its Manifest.ocf.json.") Path path) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OcfPackage pkg;
        try {
            pkg = OcfPackages.read(path);
        } catch (IOException e) {
            return fail(err, "The package " + path + " cannot be read: " + e.getMessage());
        }
        return withBackOffice(user, err, office -> {
            Optional<UUID> id = ventureId(office, venture, err);
            if (id.isEmpty()) {
                return 1;
            }
            if (dryRun) {
                Outcome<OcfImportPreview> preview = office.capTableInterchange().previewOcfImport(id.get(), pkg);
                if (!(preview instanceof Outcome.Done<OcfImportPreview> done)) {
                    return fail(err, preview.describe());
                }
                print(out, done.value());
                if (!done.value().problems().isEmpty()) {
                    err.println(done.value().problems().size() + " problem(s); an import would write nothing:");
                    done.value().problems().forEach(p -> err.println("  " + p.describe()));
                    err.flush();
                    return 1;
                }
                return 0;
            }
            Outcome<OcfImportResult> outcome = office.capTableInterchange().importOcf(id.get(), pkg);
            if (outcome instanceof Outcome.Done<OcfImportResult> done) {
                OcfImportResult r = done.value();
                out.println("Imported " + path + " into " + venture + ": " + r.rowsWritten() + " ledger rows on " + r.changeDates()
                        + " dates from " + r.firstDate() + " to " + r.lastDate() + " (" + r.rowsClosed() + " open rows closed), "
                        + r.usersMatched() + " holders matched by e-mail, " + r.usersCreated() + " pending users opened, "
                        + r.vestingPoliciesCreated() + " vesting policies created.");
                r.notes().forEach(n -> out.println("  note: " + n));
                out.flush();
                return 0;
            }
            err.println("Nothing was imported:");
            problems(outcome).forEach(p -> err.println("  " + p));
            err.flush();
            return 1;
        });
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write a venture's cap table as an OCF package (manifest, stakeholders, stock class, vesting terms, transactions).")
    int exportPackage(@Option(names = "--venture", required = true, paramLabel = "<name>", description = "The venture, by name.") String venture,
                      @Option(names = "--user", required = true, paramLabel = "<email>",
                              description = "Who exports: the venture's owner or an admin (ID-3).") String user,
                      @Parameters(paramLabel = "DIR", description = "The folder to write the package into (created if missing).") Path dir) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return withBackOffice(user, err, office -> {
            Optional<UUID> id = ventureId(office, venture, err);
            if (id.isEmpty()) {
                return 1;
            }
            Outcome<OcfPackage> pkg = office.capTableInterchange().exportOcf(id.get());
            if (!(pkg instanceof Outcome.Done<OcfPackage> done)) {
                return fail(err, pkg.describe());
            }
            try {
                if (Files.exists(dir.resolve(OcfPackage.MANIFEST))) {
                    return fail(err, dir + " already holds an OCF package; choose an empty folder");
                }
                Path manifest = OcfPackages.write(done.value(), dir);
                out.println("Exported the cap table of " + venture + " to " + manifest.getParent() + " (" + done.value().files().size()
                        + " files).");
                out.flush();
                return 0;
            } catch (IOException e) {
                return fail(err, "The package cannot be written to " + dir + ": " + e.getMessage());
            }
        });
    }

    @FunctionalInterface
    private interface Work {
        int run(BackOffice office);
    }

    private int withBackOffice(String email, PrintWriter err, Work work) {
        char[] password = password(email);
        if (password == null) {
            return fail(err, "No password: set " + PASSWORD_VARIABLE + " or run on a terminal");
        }
        try (BackOfficeDatabase db = database.get()) {
            db.migrate();
            LocalServices services = LocalServices.open(db, Clock.systemUTC());
            try (LocalConnector connector = new LocalConnector(services, services)) {
                SignInResult signIn = connector.signIn(email, password, new ClientInfo(host(), "backoffice ocf"));
                if (!(signIn instanceof SignInResult.SignedIn signedIn)) {
                    return fail(err, "Cannot sign in as " + email + ": " + signInProblem(signIn));
                }
                try {
                    return work.run(connector.open(signedIn.session()));
                } finally {
                    connector.signOut(signedIn.session(), new ClientInfo(host(), "backoffice ocf"));
                }
            }
        } catch (DatabaseStartupException e) {
            return fail(err, e.getMessage());
        } catch (Exception e) {
            return fail(err, "The OCF command failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    private char[] password(String email) {
        String fromEnv = env.get(PASSWORD_VARIABLE);
        if (fromEnv != null) {
            return fromEnv.toCharArray();
        }
        Console console = System.console();
        return console == null ? null : console.readPassword("Password of %s: ", email);
    }

    private static String signInProblem(SignInResult r) {
        if (r instanceof SignInResult.WrongCredentials) {
            return "wrong e-mail or password";
        } else if (r instanceof SignInResult.LockedOut l) {
            return "the account is locked until " + l.until();
        } else if (r instanceof SignInResult.PasswordChangeRequired) {
            return "the password must be changed first (sign in to the app)";
        } else if (r instanceof SignInResult.AccountArchived) {
            return "the account is archived";
        } else if (r instanceof SignInResult.Unavailable u) {
            return u.message();
        }
        return r.toString();
    }

    private static Optional<UUID> ventureId(BackOffice office, String name, PrintWriter err) {
        Outcome<List<VentureOverview>> ventures = office.ventures().overview();
        if (!(ventures instanceof Outcome.Done<List<VentureOverview>> done)) {
            fail(err, ventures.describe());
            return Optional.empty();
        }
        List<VentureOverview> named = done.value().stream().filter(v -> v.name().equalsIgnoreCase(name.strip())).toList();
        if (named.size() != 1) {
            fail(err, named.isEmpty() ? "No venture named \"" + name + "\" exists, or you may not see it"
                    : named.size() + " ventures are named \"" + name + "\"");
            return Optional.empty();
        }
        return Optional.of(named.get(0).id());
    }

    private static void print(PrintWriter out, OcfImportPreview p) {
        out.println(p.issuer() + ": " + p.files() + " files, " + p.stakeholders() + " stakeholders, " + p.transactions() + " transactions");
        for (OcfImportPreview.Dated d : p.dates()) {
            out.println(d.date() + "  (" + d.totalShares().toPlainString() + " shares)");
            d.stakes().forEach(s -> out.println("  " + s.percent().toPlainString() + "%  " + s.name() + "  (" + s.shares().toPlainString() + ")"));
        }
        p.notes().forEach(n -> out.println("note: " + n));
        out.flush();
    }

    private static List<String> problems(Outcome<?> outcome) {
        if (outcome instanceof Outcome.Invalid<?> i) {
            return i.problems().stream().map(p -> p.field() + ": " + p.message()).toList();
        }
        if (outcome instanceof Outcome.Rejected<?> r) {
            return r.rejections().stream().map(Rejection::message).toList();
        }
        return List.of(outcome.describe());
    }

    private static int fail(PrintWriter err, String message) {
        err.println(message);
        err.flush();
        return 1;
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
