package org.smartstart.backoffice.cli;

import org.smartstart.backoffice.domain.audit.AuditCheckpoint;
import org.smartstart.backoffice.domain.audit.ChainAnchor;
import org.smartstart.backoffice.domain.audit.ChainBreak;
import org.smartstart.backoffice.domain.audit.VerificationResult;
import org.smartstart.backoffice.persistence.audit.AuditCheckpoints;
import org.smartstart.backoffice.persistence.audit.AuditVerifier;
import org.smartstart.backoffice.persistence.audit.CheckpointKeyFile;
import org.smartstart.backoffice.persistence.db.BackOfficeDatabase;
import org.smartstart.backoffice.persistence.db.DataFolder;
import org.smartstart.backoffice.persistence.db.DatabaseStartupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * {@code audit verify [--checkpoint FILE] [--progress]}: replays the audit chain (AU-4) and, with a signed
 * checkpoint, proves the log still holds that exact entry (AU-5). Exit 0 when it holds, 1 with the first bad
 * seq on stderr when it does not (or the database cannot be read). Read-only: it neither migrates nor seals;
 * entries still waiting to be sealed are counted, not verified.
 *
 * <p>{@code audit checkpoint create [--out FILE]}: verifies the chain and signs its last entry with the
 * user's checkpoint key (made on first use, in the data folder, protected by the passphrase from
 * {@value #PASSPHRASE_VARIABLE} or asked on the terminal).
 *
 * <p>The database comes from a supplier so the global options (--db-url ...) stay in Main; the
 * command closes what the supplier opened.
 */
@Command(name = "audit", description = "Work with the tamper-evident audit trail.",
        mixinStandardHelpOptions = true, subcommands = AuditCommand.CheckpointCommand.class)
public final class AuditCommand {

    /** Where scripts put the checkpoint key's passphrase; without it the terminal asks. */
    public static final String PASSPHRASE_VARIABLE = "BACKOFFICE_CHECKPOINT_PASSPHRASE";

    @Spec
    private CommandSpec spec;

    private final Supplier<BackOfficeDatabase> database;
    private final Supplier<DataFolder> dataFolder;
    private final Map<String, String> env;
    private final Clock clock;

    public AuditCommand(Supplier<BackOfficeDatabase> database) {
        this(database, DataFolder::forCurrentUser, System.getenv(), Clock.systemUTC());
    }

    public AuditCommand(Supplier<BackOfficeDatabase> database, Supplier<DataFolder> dataFolder, Map<String, String> env, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.dataFolder = Objects.requireNonNull(dataFolder, "dataFolder");
        this.env = Map.copyOf(env);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Replay the whole audit chain and name the first entry that does not match, and why.")
    int verify(@Option(names = "--checkpoint", paramLabel = "<file>",
                       description = "A signed checkpoint file: also prove the log still contains that exact entry.") Path checkpointFile,
               @Option(names = "--progress", description = "Report entries done and entries/s on stderr while verifying.") boolean showProgress) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ChainAnchor anchor = null;
        AuditCheckpoint checkpoint = null;
        if (checkpointFile != null) {
            try {
                checkpoint = AuditCheckpoints.read(checkpointFile);
                String trusted = trustedPublicKey();
                var problem = checkpoint.problem(trusted);
                if (problem.isPresent()) {
                    return fail(err, problem.get());
                }
                anchor = checkpoint.anchor();
            } catch (NoSuchFileException e) {
                return fail(err, "There is no checkpoint file " + checkpointFile);
            } catch (IOException e) {
                return fail(err, "The checkpoint cannot be read: " + firstLine(e.getMessage()));
            }
        }
        VerificationResult result;
        try (BackOfficeDatabase db = database.get()) {
            result = new AuditVerifier(db.dataSource()).verify(showProgress ? progressTo(err) : done -> { }, () -> false, anchor);
        } catch (DatabaseStartupException e) {
            return fail(err, e.getMessage());
        } catch (SQLException e) {
            return fail(err, "The audit log could not be read: " + firstLine(e.getMessage()));
        }
        if (result.firstBreak().isPresent()) {
            ChainBreak b = result.firstBreak().get();
            return fail(err, "Audit chain broken at seq " + b.seq() + ": " + b.explanation());
        }
        out.println("Audit chain verified: " + result.verifiedEntries() + " entries, head seq " + result.lastSeq()
                + " tx_hash " + result.lastTxHash() + "; " + result.unsealedEntries() + " entries waiting to be sealed");
        if (checkpoint != null) {
            out.println("Checkpoint holds: seq " + checkpoint.seq() + " still has tx_hash " + checkpoint.txHash()
                    + " as signed " + checkpoint.createdAt() + " by key " + checkpoint.keyFingerprint());
        }
        out.flush();
        return 0;
    }

    private static LongConsumer progressTo(PrintWriter err) {
        long started = System.nanoTime();
        return done -> {
            double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
            err.printf("verified %,d entries (%,.0f entries/s)%n", done, done / seconds);
            err.flush();
        };
    }

    private String trustedPublicKey() throws IOException {
        CheckpointKeyFile key = CheckpointKeyFile.in(dataFolder.get().root());
        return key.exists() ? Base64.getEncoder().encodeToString(key.publicKey().getEncoded()) : null;
    }

    /** {@code audit checkpoint create}. */
    @Command(name = "checkpoint", mixinStandardHelpOptions = true,
            description = "Signed checkpoints of the audit chain (Ed25519), to detect a rewrite of the whole chain.")
    static final class CheckpointCommand {

        @ParentCommand
        private AuditCommand audit;

        @Spec
        private CommandSpec spec;

        @Command(name = "create", mixinStandardHelpOptions = true,
                description = "Verify the chain and sign its last entry (seq, tx_hash, time) into a checkpoint file.")
        int create(@Option(names = "--out", paramLabel = "<file>",
                           description = "Where to write the checkpoint (default: checkpoints/checkpoint-<seq>.json in the data folder).")
                   Path outFile) {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path folder = audit.dataFolder.get().root();
            CheckpointKeyFile keyFile = CheckpointKeyFile.in(folder);
            char[] passphrase = audit.passphrase(keyFile.exists());
            if (passphrase == null) {
                return fail(err, "The checkpoint key needs a passphrase: set " + PASSPHRASE_VARIABLE + " or run this in a terminal");
            }
            KeyPair key;
            try {
                if (keyFile.exists()) {
                    key = keyFile.open(passphrase);
                } else {
                    key = keyFile.create(passphrase);
                    out.println("Created a checkpoint key in " + keyFile.file() + " (key "
                            + AuditCheckpoint.fingerprint(key.getPublic().getEncoded()) + "); keep its passphrase safe.");
                }
            } catch (IOException | CheckpointKeyFile.KeyUnavailableException | IllegalArgumentException e) {
                return fail(err, e.getMessage());
            } finally {
                java.util.Arrays.fill(passphrase, '\0');
            }
            AuditCheckpoint checkpoint;
            try (BackOfficeDatabase db = audit.database.get()) {
                checkpoint = new AuditCheckpoints(db.dataSource()).create(key, audit.clock.instant());
            } catch (DatabaseStartupException | AuditCheckpoints.NothingToSignException e) {
                return fail(err, e.getMessage());
            } catch (SQLException e) {
                return fail(err, "The audit log could not be read: " + firstLine(e.getMessage()));
            }
            Path file = outFile != null ? outFile : folder.resolve("checkpoints").resolve("checkpoint-" + checkpoint.seq() + ".json");
            try {
                AuditCheckpoints.write(checkpoint, file);
            } catch (IOException e) {
                return fail(err, "The checkpoint could not be written to " + file + ": " + e.getMessage());
            }
            out.println("Checkpoint of seq " + checkpoint.seq() + " (tx_hash " + checkpoint.txHash() + ") signed "
                    + checkpoint.createdAt() + " by key " + checkpoint.keyFingerprint() + ", written to " + file);
            out.flush();
            return 0;
        }
    }

    /** From the environment, else the terminal (asked twice for a new key); null when neither has one. */
    private char[] passphrase(boolean existingKey) {
        String fromEnv = env.get(PASSPHRASE_VARIABLE);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            return null;
        }
        char[] first = console.readPassword(existingKey ? "Checkpoint key passphrase: " : "New checkpoint key passphrase (8+ characters): ");
        if (first == null || existingKey) {
            return first;
        }
        char[] again = console.readPassword("Once more: ");
        return java.util.Arrays.equals(first, again) ? first : null;
    }

    private static int fail(PrintWriter err, String sentence) {
        err.println(sentence);
        err.flush();
        return 1;
    }

    private static String firstLine(String s) {
        if (s == null) return "unknown error";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
