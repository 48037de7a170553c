package org.smartstart.backoffice.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** From the command line, as an operator would: load the demo data, verify, tamper, verify again. */
class AuditVerifyCommandLineTest {

    @TempDir
    static Path home;

    static TestDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = TestPostgres.newDatabase();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    private static CliRun backoffice(String... command) {
        List<String> args = new ArrayList<>(List.of("--db-url", db.jdbcUrl(), "--db-user", db.settings().user()));
        args.addAll(List.of(command));
        return CliRun.run(Map.of("BACKOFFICE_DATA_DIR", home.toString()), args.toArray(String[]::new));
    }

    @Test
    void the_demo_chain_verifies_and_a_tampered_copy_is_refused_at_the_changed_entry() throws Exception {
        CliRun load = backoffice("demo-data");
        assertThat(load.exitCode()).as(load.toString()).isZero();

        CliRun intact = backoffice("audit", "verify");
        assertThat(intact.exitCode()).as(intact.toString()).isZero();
        assertThat(intact.out()).containsPattern("Audit chain verified: \\d{3,} entries, head seq \\d+")
                .contains("0 entries waiting to be sealed");

        try (Connection c = db.ownerConnection(); Statement s = c.createStatement()) {
            // A superuser can switch the triggers off; the chain still gives the edit away.
            s.execute("SET session_replication_role = replica");
            s.execute("UPDATE audit_log SET data = jsonb_set(data, '{tampered}', 'true') WHERE seq = 42");
        }

        CliRun tampered = backoffice("audit", "verify");
        assertThat(tampered.exitCode()).as(tampered.toString()).isEqualTo(1);
        assertThat(tampered.err()).startsWith("Audit chain broken at seq 42:");
    }
}
