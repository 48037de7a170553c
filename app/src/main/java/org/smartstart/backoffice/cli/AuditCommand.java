package org.smartstart.backoffice.cli;

import org.smartstart.backoffice.domain.audit.ChainBreak;
import org.smartstart.backoffice.domain.audit.VerificationResult;
import org.smartstart.backoffice.persistence.audit.AuditVerifier;
import org.smartstart.backoffice.persistence.db.BackOfficeDatabase;
import org.smartstart.backoffice.persistence.db.DatabaseStartupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code audit verify}: replays the audit chain (AU-4). Exit 0 when it holds, 1 with the first bad
 * seq on stderr when it does not (or the database cannot be read). Read-only: it neither migrates
 * nor seals; entries still waiting to be sealed are counted, not verified.
 *
 * <p>The database comes from a supplier so the global options (--db-url ...) stay in Main; the
 * command closes what the supplier opened.
 */
@Command(name = "audit", description = "Work with the tamper-evident audit trail.",
        mixinStandardHelpOptions = true)
public final class AuditCommand {

    @Spec
    private CommandSpec spec;

    private final Supplier<BackOfficeDatabase> database;

    public AuditCommand(Supplier<BackOfficeDatabase> database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Replay the whole audit chain and name the first entry that does not match, and why.")
    int verify() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        VerificationResult result;
        try (BackOfficeDatabase db = database.get()) {
            result = new AuditVerifier(db.dataSource()).verify();
        } catch (DatabaseStartupException e) {
            err.println(e.getMessage());
            err.flush();
            return 1;
        } catch (SQLException e) {
            err.println("The audit log could not be read: " + firstLine(e.getMessage()));
            err.flush();
            return 1;
        }
        if (result.firstBreak().isPresent()) {
            ChainBreak b = result.firstBreak().get();
            err.println("Audit chain broken at seq " + b.seq() + ": " + b.explanation());
            err.flush();
            return 1;
        }
        out.println("Audit chain verified: " + result.verifiedEntries() + " entries, head seq " + result.lastSeq()
                + " tx_hash " + result.lastTxHash() + "; " + result.unsealedEntries() + " entries waiting to be sealed");
        out.flush();
        return 0;
    }

    private static String firstLine(String s) {
        if (s == null) return "unknown error";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
