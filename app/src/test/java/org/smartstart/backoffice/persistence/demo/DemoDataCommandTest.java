package org.smartstart.backoffice.persistence.demo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.smartstart.backoffice.cli.DemoDataCommand;
import org.smartstart.backoffice.persistence.db.BackOfficeDatabase;
import org.smartstart.backoffice.persistence.db.DatabaseStartupException;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataCommandTest {

    private TestDatabase db;

    @BeforeAll
    void database() throws Exception {
        db = TestPostgres.newDatabase();
    }

    @AfterAll
    void close() {
        db.close();
    }

    record Run(int exitCode, String out, String err) {
    }

    private static Run run(Supplier<BackOfficeDatabase> database) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new DemoDataCommand(database));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute();
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void refusedDataLeavesTheDatabaseAsItWasThenLoadsOnceAndSaysSoTheSecondTime() throws Exception {
        // someone already uses the demo admin's e-mail (in other letters): ID-1 refuses the demo set as a whole
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO users (display_name, email, country_code) VALUES ('Ann Other', 'ANN.LEE@example.com', 'US')");
        }
        Run refused = run(() -> BackOfficeDatabase.attach(db.settings()));
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).startsWith("The demo data could not be loaded, nothing was changed:").doesNotContain("\tat ");
        assertThat(count("SELECT count(*) FROM users")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_outbox")).isZero();

        try (Connection c = db.ownerConnection(); Statement s = c.createStatement()) {
            s.execute("UPDATE users SET email = 'ann.other@example.org'");
        }
        Run first = run(() -> BackOfficeDatabase.attach(db.settings()));
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("Demo data created (").contains("users: 30", "ventures: 4");

        Run second = run(() -> BackOfficeDatabase.attach(db.settings()));
        assertThat(second.exitCode()).isZero();
        assertThat(second.out().strip()).isEqualTo("Demo data already present: nothing changed.");
        assertThat(count("SELECT count(*) FROM users")).isEqualTo(31);
    }

    @Test
    void anUnreachableDatabaseIsOneSentenceAndExitOne() {
        Run run = run(() -> {
            throw new DatabaseStartupException("Cannot reach the database at db.example.net:5432/backoffice: nothing answers there.", null);
        });
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("The demo data could not be loaded: Cannot reach the database at db.example.net:5432/backoffice: nothing answers there.");
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
