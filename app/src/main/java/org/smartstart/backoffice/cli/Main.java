package org.smartstart.backoffice.cli;

import org.smartstart.backoffice.persistence.db.BackOfficeDatabase;
import org.smartstart.backoffice.persistence.db.DataFolder;
import org.smartstart.backoffice.persistence.db.DatabaseSettings;
import org.smartstart.backoffice.ui.shell.DesktopLauncher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The one entry point of the app: {@code backoffice} with no command opens the desktop; a command runs
 * it in the terminal and exits. Deliberately not a JavaFX {@code Application}, so the packaged launcher
 * and the plain jar both start here.
 *
 * <p>Exit codes: 0 success, 1 refused or a failed check (the reason is one sentence on stderr),
 * 2 usage error (the error and the usage on stderr).
 */
@Command(name = "backoffice",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "The SmartStart Back Office. Without a command it opens the desktop app.",
        footer = {"", "Without --db-url the app runs its own PostgreSQL in the data folder "
                + "($BACKOFFICE_DATA_DIR, else $XDG_DATA_HOME/smartstart-backoffice)."},
        sortOptions = false)
public final class Main implements Callable<Integer> {

    /**
     * Every command of {@code backoffice}, in the order the usage lists them. Add yours with one line.
     * A command with children (like {@code db info}) is a parent class naming them in its
     * {@code @Command(subcommands = ...)}; a command that needs the database extends {@link DatabaseCommand}.
     * Every command gets {@code --help}, {@code --version} and the global database options by itself.
     */
    static final List<Class<?>> COMMANDS = List.of(new Class<?>[] {
            MigrateCommand.class,
            DbCommand.class,
            ServeCommand.class,
    });

    /** Set to 1 to see stack traces behind the one-sentence messages. */
    public static final String DEBUG_VARIABLE = "BACKOFFICE_DEBUG";

    /** Starts the desktop and returns when its last window has closed. */
    @FunctionalInterface
    interface Desktop {
        void launch(DatabaseSettings settings, String[] args) throws Exception;
    }

    @Option(names = "--db-url", scope = ScopeType.INHERIT, paramLabel = "<jdbc-url>",
            description = "An external PostgreSQL 15+, e.g. jdbc:postgresql://host:5432/db (or $"
                    + DatabaseSettings.URL_VARIABLE + "). Without it: the embedded database.")
    String dbUrl;

    @Option(names = "--db-user", scope = ScopeType.INHERIT, paramLabel = "<user>",
            description = "The role that owns the schema (or $" + DatabaseSettings.USER_VARIABLE + "; default postgres).")
    String dbUser;

    @Option(names = "--db-password", scope = ScopeType.INHERIT, paramLabel = "<password>",
            description = "Its password (or $" + DatabaseSettings.PASSWORD_VARIABLE + ").")
    String dbPassword;

    private final Map<String, String> env;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Desktop desktop;
    private String[] args = new String[0];

    Main(Map<String, String> env, PrintWriter out, PrintWriter err, Desktop desktop) {
        this.env = Map.copyOf(env);
        this.out = out;
        this.err = err;
        this.desktop = desktop;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit code (never calls {@code System.exit}). */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        Main main = new Main(System.getenv(), out, err, DesktopLauncher::launch);
        if (!main.debug()) {
            CliLogging.quietLibraryErrorsWeExplainOurselves();
        }
        return main.execute(args);
    }

    int execute(String... commandLine) {
        this.args = commandLine.clone();
        CommandLine cli = commandLine();
        try {
            return cli.execute(commandLine);
        } finally {
            out.flush();
            err.flush();
        }
    }

    CommandLine commandLine() {
        CommandLine cli = new CommandLine(this);
        COMMANDS.forEach(cli::addSubcommand);
        // audit verify opens the database itself, without migrating: it only reads.
        cli.addSubcommand(new AuditCommand(() -> BackOfficeDatabase.open(settings(), dataFolder()), this::dataFolder, env,
                java.time.Clock.systemUTC()));
        cli.addSubcommand(new DemoDataCommand(() -> BackOfficeDatabase.open(settings(), dataFolder())));
        cli.addSubcommand(new OcfCommand(() -> BackOfficeDatabase.open(settings(), dataFolder()), env));
        everyCommandUnder(cli);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(this::failed);
        return cli;
    }

    /** Every command, at any depth, gets {@code -h/--help} and {@code -V/--version} without declaring them. */
    private static void everyCommandUnder(CommandLine parent) {
        for (CommandLine sub : parent.getSubcommands().values()) {
            sub.getCommandSpec().mixinStandardHelpOptions(true);
            sub.getCommandSpec().versionProvider(new VersionProvider());
            everyCommandUnder(sub);
        }
    }

    /** No command: the desktop. */
    @Override
    public Integer call() throws Exception {
        desktop.launch(settings(), args);
        return 0;
    }

    /** The database the options and environment point at (options win). */
    public DatabaseSettings settings() {
        return DatabaseSettings.from(dbUrl, dbUser, dbPassword, env);
    }

    /** The user's data folder, honouring {@code BACKOFFICE_DATA_DIR} and {@code XDG_DATA_HOME}. */
    public DataFolder dataFolder() {
        return DataFolder.resolve(env, System.getProperty("user.home"));
    }

    /** The environment the command line runs with (secrets such as the keystore password are read from it). */
    Map<String, String> env() {
        return env;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    boolean debug() {
        String v = env.get(DEBUG_VARIABLE);
        return v != null && !v.isBlank() && !v.equals("0") && !v.equalsIgnoreCase("false");
    }

    private int failed(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        err.println(ExitCodes.explain(e));
        if (debug()) {
            e.printStackTrace(err);
        } else if (!ExitCodes.isExpected(e)) {
            err.println("(Set " + DEBUG_VARIABLE + "=1 to see the details.)");
        }
        err.flush();
        return ExitCodes.of(e);
    }
}
