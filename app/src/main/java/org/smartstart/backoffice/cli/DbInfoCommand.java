package org.smartstart.backoffice.cli;

import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.smartstart.backoffice.persistence.db.BackOfficeDatabase;
import org.smartstart.backoffice.persistence.db.EmbeddedPostgresServer;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** {@code backoffice db info}: where the data lives and which schema it has. Changes nothing. */
@Command(name = "info",
        description = "Show where the data lives: data folder, embedded or external database, JDBC URL, "
                + "PostgreSQL version, schema version and pending migrations. Changes nothing.")
final class DbInfoCommand extends DatabaseCommand {

    @Override
    protected int run(Main cli, BackOfficeDatabase database) throws SQLException {
        PrintWriter out = cli.out();
        MigrationInfoService info = database.flyway().info();
        MigrationInfo current = info.current();
        line(out, "Data folder", cli.dataFolder().root().toString());
        line(out, "Database", database.embedded()
                .map(EmbeddedPostgresServer::folder)
                .map(f -> "embedded PostgreSQL, data in " + f.postgresData())
                .orElse("external PostgreSQL (the data folder is not used for it)"));
        line(out, "JDBC URL", database.jdbcUrl());
        line(out, "PostgreSQL", serverVersion(database));
        line(out, "Schema version", current == null ? "none (empty database)" : current.getVersion().getVersion());
        line(out, "Pending migrations", Integer.toString(info.pending().length));
        return ExitCodes.OK;
    }

    private static String serverVersion(BackOfficeDatabase database) throws SQLException {
        try (Connection c = database.connection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void line(PrintWriter out, String label, String value) {
        out.printf("%-20s %s%n", label + ":", value);
    }
}
