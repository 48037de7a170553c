package org.smartstart.backoffice.cli;

import org.smartstart.backoffice.persistence.db.BackOfficeDatabase;
import org.smartstart.backoffice.persistence.demo.DemoDataLoader;
import org.smartstart.backoffice.persistence.demo.DemoDataSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code backoffice demo-data}: brings the schema up to date and loads the demo data set. Safe to re-run:
 * a second run changes nothing and says so. Exit 0 when loaded (or already there), 1 when refused or failed.
 * The load is one transaction, so a refusal leaves the database as it was.
 *
 * <p>Registered in Main like {@code audit}:
 * {@code cli.addSubcommand(new DemoDataCommand(() -> BackOfficeDatabase.open(settings(), dataFolder())));}
 */
@Command(name = "demo-data", mixinStandardHelpOptions = true,
        description = {"Load the demo data set (ventures, people with demo logins, documents, cap tables, BUZ, disputes).",
                "Safe to run again: what is already there is left as it is. Demo accounts: docs/demo-accounts.md (DEMO ONLY)."})
public final class DemoDataCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final Supplier<BackOfficeDatabase> database;

    /** @param database opens the configured database; this command closes it when done */
    public DemoDataCommand(Supplier<BackOfficeDatabase> database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (BackOfficeDatabase db = database.get()) {
            db.migrate();
            DemoDataSummary summary = DemoDataLoader.load(db);
            out.println(summary.describe());
            out.flush();
            return 0;
        } catch (SQLException e) {
            err.println("The demo data could not be loaded, nothing was changed: " + firstLine(e.getMessage()));
            err.flush();
            return 1;
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            err.println("The demo data could not be loaded: " + firstLine(message));
            err.flush();
            return 1;
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
