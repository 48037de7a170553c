package org.smartstart.backoffice.cli;

import org.smartstart.backoffice.persistence.db.BackOfficeDatabase;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * A command that works on the configured database: it is opened (the embedded one started if no
 * {@code --db-url} is given), handed to {@link #run}, and closed again however {@code run} ends.
 * Failures are mapped to exit codes in one place ({@link ExitCodes}): a
 * {@link org.smartstart.backoffice.persistence.db.DatabaseStartupException} or a
 * {@link CommandFailedException} prints its sentence and exits 1.
 *
 * <pre>{@code
 * @Command(name = "migrate", description = "...")
 * final class MigrateCommand extends DatabaseCommand {
 *     protected int run(Main cli, BackOfficeDatabase db) {
 *         cli.out().println("Schema version " + db.migrate());
 *         return ExitCodes.OK;
 *     }
 * }
 * }</pre>
 */
public abstract class DatabaseCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    /** Does the command's work; returns the exit code. Does not close {@code database}. */
    protected abstract int run(Main cli, BackOfficeDatabase database) throws Exception;

    @Override
    public final Integer call() throws Exception {
        Main cli = cli();
        try (BackOfficeDatabase database = BackOfficeDatabase.open(cli.settings(), cli.dataFolder())) {
            return run(cli, database);
        }
    }

    /** The root command: streams, settings, data folder. */
    protected final Main cli() {
        return (Main) spec.root().userObject();
    }
}
