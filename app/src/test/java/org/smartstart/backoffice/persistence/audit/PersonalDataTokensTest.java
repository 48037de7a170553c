package org.smartstart.backoffice.persistence.audit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataTokensTest {

    private static TestDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = TestPostgres.newDatabase();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void theSameEmailAlwaysGivesTheSameTokenAcrossLoads() throws Exception {
        PersonalDataTokens first = PersonalDataTokens.load(db.transactions());
        PersonalDataTokens again = PersonalDataTokens.load(db.transactions());
        String token = first.email("Ada.Lovelace@Example.org");
        assertThat(token).matches("tok_[0-9a-f]{32}").doesNotContainIgnoringCase("lovelace");
        assertThat(again.email("Ada.Lovelace@Example.org")).isEqualTo(token);
        assertThat(first.email(" ada.lovelace@example.org ")).as("e-mails are equal ignoring case (ID-1)").isEqualTo(token);
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM audit_token_key")) {
            r.next();
            assertThat(r.getLong(1)).as("one key per database, created once").isEqualTo(1);
        }
    }

    @Test
    void differentValuesAndKindsGiveDifferentTokens() throws Exception {
        PersonalDataTokens tokens = PersonalDataTokens.load(db.transactions());
        assertThat(tokens.email("ada@example.org")).isNotEqualTo(tokens.email("alan@example.org"));
        assertThat(tokens.documentNumber("X 123 456")).isEqualTo(tokens.documentNumber("x123456"))
                .isNotEqualTo(tokens.documentNumber("X123457"))
                .isNotEqualTo(tokens.token("email", "X123456"));
        assertThat(tokens.email(null)).isNull();
    }

    @Test
    void anotherDatabaseHasAnotherKey() throws Exception {
        String here = PersonalDataTokens.load(db.transactions()).email("ada@example.org");
        try (TestDatabase other = TestPostgres.newDatabase()) {
            assertThat(PersonalDataTokens.load(other.transactions()).email("ada@example.org")).isNotEqualTo(here);
        }
    }
}
