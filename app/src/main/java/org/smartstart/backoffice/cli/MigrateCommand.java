package org.smartstart.backoffice.cli;

import org.flywaydb.core.api.MigrationVersion;
import org.smartstart.backoffice.persistence.db.BackOfficeDatabase;
import picocli.CommandLine.Command;

/** {@code backoffice migrate}: brings the schema up to this version; refuses a newer database. */
@Command(name = "migrate",
        description = "Bring the database schema up to this version of the app and print the version reached.")
final class MigrateCommand extends DatabaseCommand {

    @Override
    protected int run(Main cli, BackOfficeDatabase database) {
        MigrationVersion reached = database.migrate();
        cli.out().println("Schema version: " + describe(reached));
        return ExitCodes.OK;
    }

    static String describe(MigrationVersion version) {
        return version == null || MigrationVersion.EMPTY.equals(version)
                ? "none (no migrations applied)" : version.getVersion();
    }
}
