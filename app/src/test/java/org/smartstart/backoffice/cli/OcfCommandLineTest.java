package org.smartstart.backoffice.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartstart.backoffice.testing.TestAccounts;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ocf export} then {@code ocf import} from the command line, as an admin would move a cap table. */
class OcfCommandLineTest {

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
        return CliRun.run(Map.of("BACKOFFICE_DATA_DIR", home.toString(), OcfCommand.PASSWORD_VARIABLE, "correct horse 42"),
                args.toArray(String[]::new));
    }

    private static String text(String sql) throws Exception {
        try (Connection c = db.ownerConnection(); PreparedStatement p = c.prepareStatement(sql); ResultSet r = p.executeQuery()) {
            r.next();
            return r.getString(1);
        }
    }

    @Test
    void a_demo_ventures_cap_table_moves_to_another_venture_through_a_package(@TempDir Path out) throws Exception {
        assertThat(backoffice("demo-data").exitCode()).isZero();
        TestAccounts.user(db, "Ada Admin", "ada.cli@example.org", "correct horse 42", "admin");
        String name = text("SELECT v.name FROM ventures v WHERE EXISTS (SELECT 1 FROM equity_ledger e WHERE e.venture_id = v.id) ORDER BY v.name LIMIT 1");
        UUID owner = UUID.fromString(text("SELECT owner_user_id::text FROM ventures WHERE name = '" + name + "'"));
        TestAccounts.venture(db, "Copy of the demo", "ca", "draft", owner);

        CliRun export = backoffice("ocf", "export", "--venture", name, "--user", "ada.cli@example.org", out.resolve("pkg").toString());
        assertThat(export.exitCode()).as(export.toString()).isZero();
        assertThat(out.resolve("pkg/Manifest.ocf.json")).exists();
        assertThat(Files.readString(out.resolve("pkg/Transactions.ocf.json"))).contains("TX_STOCK_ISSUANCE");

        CliRun dryRun = backoffice("ocf", "import", "--dry-run", "--venture", "Copy of the demo", "--user", "ada.cli@example.org",
                out.resolve("pkg").toString());
        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
        assertThat(dryRun.out()).containsPattern("\\d+\\.\\d{3}%  ").contains("(100000 shares)").doesNotContain("problem");
        assertThat(text("SELECT count(*) FROM equity_ledger e JOIN ventures v ON v.id = e.venture_id WHERE v.name = 'Copy of the demo'"))
                .isEqualTo("0");

        CliRun imported = backoffice("ocf", "import", "--venture", "Copy of the demo", "--user", "ada.cli@example.org",
                out.resolve("pkg").toString());
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(imported.out()).contains("Imported").contains("0 pending users opened");
        assertThat(text("SELECT count(*) FROM equity_ledger e JOIN ventures v ON v.id = e.venture_id WHERE v.name = 'Copy of the demo'"))
                .isEqualTo(text("SELECT count(*) FROM equity_ledger e JOIN ventures v ON v.id = e.venture_id WHERE v.name = '" + name + "'"));

        CliRun again = backoffice("ocf", "import", "--venture", "Copy of the demo", "--user", "ada.cli@example.org",
                out.resolve("pkg").toString());
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(1);
        assertThat(again.err()).contains("Nothing was imported").contains("EQ-5");
    }
}
