package org.smartstart.backoffice.cli;

import picocli.CommandLine.Command;

/** {@code backoffice db ...}: commands about the database itself. Not runnable alone (usage error). */
@Command(name = "db",
        description = "Commands about the database itself.",
        subcommands = {DbInfoCommand.class})
final class DbCommand {
}
