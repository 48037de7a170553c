package org.smartstart.backoffice.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartstart.backoffice.persistence.audit.ChainForger;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AU-5 from the command line: sign a checkpoint of the demo log, let a superuser rewrite the whole chain
 * consistently, and see plain verification pass while verification against the checkpoint fails.
 */
class AuditCheckpointCommandLineTest {

    @TempDir
    static Path home;

    static TestDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = TestPostgres.newDatabase();
        assertThat(backoffice(Map.of(), "demo-data").exitCode()).isZero();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    private static CliRun backoffice(Map<String, String> extraEnv, String... command) {
        List<String> args = new ArrayList<>(List.of("--db-url", db.jdbcUrl(), "--db-user", db.settings().user()));
        args.addAll(List.of(command));
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("BACKOFFICE_DATA_DIR", home.toString());
        return CliRun.run(env, args.toArray(String[]::new));
    }

    private static Map<String, String> passphrase(String phrase) {
        return Map.of(AuditCommand.PASSPHRASE_VARIABLE, phrase);
    }

    @Test
    void aCheckpointMadeBeforeAWholesaleRewriteExposesIt() throws Exception {
        Path file = home.resolve("before-rewrite.json");
        CliRun create = backoffice(passphrase("demo checkpoint phrase"), "audit", "checkpoint", "create", "--out", file.toString());
        assertThat(create.exitCode()).as(create.toString()).isZero();
        assertThat(create.out()).contains("Created a checkpoint key in " + home.resolve("audit-checkpoint-key.json"))
                .containsPattern("Checkpoint of seq (\\d+) \\(tx_hash [0-9a-f]{64}\\) signed .* by key [0-9a-f]{16}, written to ");
        assertThat(Files.readString(file)).contains("\"signature\"");
        long seq = Long.parseLong(create.out().replaceAll("(?s).*Checkpoint of seq (\\d+) .*", "$1"));

        CliRun holds = backoffice(Map.of(), "audit", "verify", "--checkpoint", file.toString(), "--progress");
        assertThat(holds.exitCode()).as(holds.toString()).isZero();
        assertThat(holds.out()).contains("Checkpoint holds: seq " + seq + " still has tx_hash");
        assertThat(holds.err()).containsPattern("verified [\\d,]+ entries \\([\\d,]+ entries/s\\)");

        try (Connection c = db.ownerConnection()) {
            ChainForger.rewriteConsistentlyFrom(c, 1, seq);
        }
        CliRun plain = backoffice(Map.of(), "audit", "verify");
        assertThat(plain.exitCode()).as("the rewritten chain holds in itself: " + plain).isZero();

        CliRun caught = backoffice(Map.of(), "audit", "verify", "--checkpoint", file.toString());
        assertThat(caught.exitCode()).as(caught.toString()).isEqualTo(1);
        assertThat(caught.err()).startsWith("Audit chain broken at seq " + seq + ": the log was rewritten up to this entry");

        CliRun refused = backoffice(Map.of(), "audit", "checkpoint", "create");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("needs a passphrase").contains(AuditCommand.PASSPHRASE_VARIABLE);

        CliRun wrong = backoffice(passphrase("not the phrase"), "audit", "checkpoint", "create");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).contains("The passphrase does not open the checkpoint key");

        CliRun second = backoffice(passphrase("demo checkpoint phrase"), "audit", "checkpoint", "create");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).doesNotContain("Created a checkpoint key")
                .contains("written to " + home.resolve("checkpoints").resolve("checkpoint-" + seq + ".json"));
    }

    @Test
    void anAlteredCheckpointFileIsRefusedBeforeTheLogIsRead() throws Exception {
        Path file = home.resolve("altered.json");
        Files.writeString(file, """
                {"seq": 3, "txHash": "%s", "createdAt": "2026-12-01T10:00:00Z",
                 "publicKey": "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=", "signature": "AAAA"}
                """.formatted("ab".repeat(32)));
        CliRun run = backoffice(Map.of(), "audit", "verify", "--checkpoint", file.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("signature does not hold");

        CliRun missing = backoffice(Map.of(), "audit", "verify", "--checkpoint", home.resolve("nope.json").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("There is no checkpoint file");
    }
}
