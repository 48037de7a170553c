package org.smartstart.backoffice.persistence.db;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RuleViolationTest {

    private static TestDatabase db;

    @BeforeAll
    static void database() {
        db = TestPostgres.newDatabase();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void a_refused_statement_becomes_its_rule_id_sqlstate_and_plain_sentence_even_when_wrapped() throws Exception {
        PSQLException refused;
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO users (id, display_name, email) VALUES ('00000000-0000-0000-0000-000000000001', 'Ann Lee', 'ann@x.test')");
            s.execute("INSERT INTO ventures (id, name, region, owner_user_id) VALUES"
                    + " ('00000000-0000-0000-0000-0000000000a1', 'Acme', 'ca', '00000000-0000-0000-0000-000000000001')");
            refused = catchThrowableOfType(PSQLException.class, () -> s.execute("DELETE FROM ventures WHERE false;"
                    + " TRUNCATE equity_ledger"));
        }
        // PostgreSQL's own text carries "ERROR: " and a "Where:" context that a person should not see
        assertThat(refused.getMessage()).startsWith("ERROR: EQ-5:").contains("Where:");

        RuleViolation v = RuleViolation.from(new IllegalStateException("wrapped", new RuntimeException(refused))).orElseThrow();

        assertThat(v.ruleId()).isEqualTo("EQ-5");
        assertThat(v.sqlState()).isEqualTo("SSE05");
        assertThat(v.message()).isEqualTo(
                "EQ-5: The cap table history (equity_ledger) is never truncated; rows are only closed, corrections are new rows");
    }

    @Test
    void without_the_server_details_the_driver_text_is_cleaned_and_the_rule_comes_from_the_sqlstate() {
        SQLException plain = new SQLException("ERROR: totals do not add up\n  Where: PL/pgSQL function f() line 3", "SSE01");
        RuleViolation v = RuleViolation.from(plain).orElseThrow();
        assertThat(v.ruleId()).isEqualTo("EQ-1");
        assertThat(v.message()).isEqualTo("totals do not add up");
    }

    @Test
    void other_database_errors_are_not_rule_violations() {
        assertThat(RuleViolation.from(new SQLException("duplicate key", "23505"))).isEmpty();
        assertThat(RuleViolation.from(new IllegalStateException("no database involved"))).isEmpty();
    }
}
