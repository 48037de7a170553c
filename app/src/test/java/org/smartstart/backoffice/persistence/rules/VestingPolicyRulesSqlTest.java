package org.smartstart.backoffice.persistence.rules;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartstart.backoffice.persistence.rules.RuleSql.*;

/**
 * Vesting policies (V18) as PostgreSQL holds them against plain SQL: the terms' shape, one name per venture,
 * terms fixed once written, a ledger row vesting only by its own venture's policy or a template (EQ-6),
 * who may write them (ID-3) and who sees them (ID-5).
 */
class VestingPolicyRulesSqlTest {

    private static TestDatabase db;
    private Connection owner;
    private UUID anna;       // owner of Acme
    private UUID carl;       // contributor on Acme
    private UUID otto;       // owner of another venture
    private UUID acme;
    private UUID other;

    @BeforeAll
    static void createDatabase() {
        db = TestPostgres.newDatabase();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @BeforeEach
    void ventures() throws SQLException {
        owner = db.ownerConnection();
        anna = user(owner, unique("Anna"), "verified");
        carl = user(owner, unique("Carl"), "verified");
        otto = user(owner, unique("Otto"), "verified");
        acme = venture(owner, unique("Acme"), anna);
        other = venture(owner, unique("Other"), otto);
        exec(owner, "INSERT INTO role_assignments (user_id, venture_id, role, scope) VALUES (?, ?, 'contributor', 'venture')", carl, acme);
    }

    @AfterEach
    void close() throws SQLException {
        owner.close();
    }

    private UUID policy(Connection c, UUID venture, String name, int cliff, int duration) throws SQLException {
        return uuid(c, "INSERT INTO vesting_policies (venture_id, name, cliff_months, duration_months, frequency) "
                + "VALUES (?, ?, ?, ?, 'monthly') RETURNING id", venture, name, cliff, duration);
    }

    private static String constraintOf(SQLException e) {
        return e instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null
                ? p.getServerErrorMessage().getConstraint() : null;
    }

    @Test
    void terms_out_of_shape_are_refused_by_the_check() {
        for (Object[] bad : new Object[][] {{"   ", 12, 48}, {"Cliff after the end", 24, 12}, {"Negative cliff", -1, 12},
                {"No duration", 0, 0}, {"Eleven years", 12, 132}, {"x".repeat(81), 12, 48}}) {
            SQLException e = org.assertj.core.api.Assertions.catchThrowableOfType(SQLException.class,
                    () -> policy(owner, acme, (String) bad[0], (Integer) bad[1], (Integer) bad[2]));
            assertThat(e != null).as("%s %s/%s refused", bad[0], bad[1], bad[2]).isTrue();
            assertThat(e.getSQLState()).isEqualTo("23514");
            assertThat(constraintOf(e)).isEqualTo("vesting_policies_terms");
        }
    }

    @Test
    void a_venture_policy_needs_every_term_and_a_name_of_its_own() throws SQLException {
        SQLException missing = org.assertj.core.api.Assertions.catchThrowableOfType(SQLException.class, () -> exec(owner,
                "INSERT INTO vesting_policies (venture_id, name, cliff_months, duration_months, frequency) VALUES (?, 'Half', 6, 24, NULL)", acme));
        assertThat(constraintOf(missing)).isEqualTo("vesting_policies_venture_terms");
        policy(owner, acme, "Standard", 12, 48);
        SQLException twice = org.assertj.core.api.Assertions.catchThrowableOfType(SQLException.class,
                () -> policy(owner, acme, " standard ", 6, 24));
        assertThat(twice.getSQLState()).isEqualTo("23505");
        assertThat(constraintOf(twice)).isEqualTo("uq_vesting_policies_venture_name");
        policy(owner, other, "Standard", 12, 48); // another venture may use the same name
    }

    @Test
    void eq6_terms_are_fixed_once_written_only_the_name_may_change() throws SQLException {
        UUID p = policy(owner, acme, "Standard", 12, 48);

        assertRefused(() -> exec(owner, "UPDATE vesting_policies SET cliff_months = 6 WHERE id = ?", p),
                "SSE06", "EQ-6", "are fixed once written");
        assertRefused(() -> exec(owner, "UPDATE vesting_policies SET venture_id = ? WHERE id = ?", other, p),
                "SSE06", "EQ-6", "Standard");
        exec(owner, "UPDATE vesting_policies SET name = 'Standard 4y' WHERE id = ?", p);
        assertThat(text(owner, "SELECT name FROM vesting_policies WHERE id = ?", p)).isEqualTo("Standard 4y");
    }

    @Test
    void a_rename_is_refused_to_anyone_but_the_owner_and_keeps_the_name_rules() throws SQLException {
        UUID p = policy(owner, acme, "Standard", 12, 48);
        policy(owner, acme, "Fast", 0, 12);
        try (Connection contributor = db.appConnection(carl)) {
            assertRefused(() -> exec(contributor, "UPDATE vesting_policies SET name = 'Theirs' WHERE id = ?", p),
                    "SSI03", "ID-3", "vesting policy", "owner role");
        }
        try (Connection ownerOfAcme = db.appConnection(anna)) {
            SQLException taken = org.assertj.core.api.Assertions.catchThrowableOfType(SQLException.class,
                    () -> exec(ownerOfAcme, "UPDATE vesting_policies SET name = ' FAST ' WHERE id = ?", p));
            assertThat(constraintOf(taken)).isEqualTo("uq_vesting_policies_venture_name");
        }
        try (Connection ownerOfAcme = db.appConnection(anna)) {
            SQLException blank = org.assertj.core.api.Assertions.catchThrowableOfType(SQLException.class,
                    () -> exec(ownerOfAcme, "UPDATE vesting_policies SET name = '  ' WHERE id = ?", p));
            assertThat(constraintOf(blank)).isEqualTo("vesting_policies_terms");
        }
        try (Connection ownerOfAcme = db.appConnection(anna)) {
            exec(ownerOfAcme, "UPDATE vesting_policies SET name = 'Standard 4y/1y' WHERE id = ?", p);
        }
        assertThat(text(owner, "SELECT name FROM vesting_policies WHERE id = ?", p)).isEqualTo("Standard 4y/1y");
    }

    @Test
    void eq6_a_ledger_row_vests_only_by_its_own_venture_policy_or_a_template() throws SQLException {
        UUID foreign = policy(owner, other, "Theirs", 12, 48);
        UUID template = uuid(owner, "INSERT INTO vesting_policies (name) VALUES ('Template') RETURNING id");

        assertRefused(() -> exec(owner, "INSERT INTO equity_ledger (venture_id, holder_type, holder_id, percent, vesting_policy_id, effective_from) "
                        + "VALUES (?, 'user', ?, 100.000, ?, DATE '2026-01-01')", acme, anna, foreign),
                "SSE06", "EQ-6", "Theirs", "belongs to");
        exec(owner, "INSERT INTO equity_ledger (venture_id, holder_type, holder_id, percent, vesting_policy_id, effective_from) "
                + "VALUES (?, 'user', ?, 100.000, ?, DATE '2026-01-01')", acme, anna, template);
        assertThat(number(owner, "SELECT count(*) FROM equity_ledger WHERE venture_id = ?", acme)).isEqualTo(1);
    }

    @Test
    void id3_a_venture_policy_is_written_by_its_owner_a_template_by_an_admin_only() throws SQLException {
        try (Connection contributor = db.appConnection(carl)) {
            assertRefused(() -> policy(contributor, acme, "Mine", 12, 48), "SSI03", "ID-3", "vesting policy", "owner role");
        }
        try (Connection anotherOwner = db.appConnection(otto)) {
            // Otto cannot even see Acme (ID-5), so the row is refused before ID-3 is asked.
            assertThat(refusal(() -> policy(anotherOwner, acme, "Mine", 12, 48)).sqlState()).isIn("SSI03", "42501");
        }
        try (Connection ownerOfAcme = db.appConnection(anna)) {
            assertRefused(() -> policy(ownerOfAcme, null, "Template", 12, 48), "SSI03", "ID-3", "platform vesting template", "global admin");
            UUID p = policy(ownerOfAcme, acme, "Mine", 12, 48);
            assertThat(number(ownerOfAcme, "SELECT count(*) FROM vesting_policies WHERE id = ?", p)).isEqualTo(1);
        }
    }

    @Test
    void id5_a_venture_policy_is_seen_by_those_who_read_the_venture_templates_by_everyone() throws SQLException {
        UUID mine = policy(owner, acme, "Acme only", 12, 48);
        UUID template = uuid(owner, "INSERT INTO vesting_policies (name) VALUES ('Everyone') RETURNING id");
        try (Connection contributor = db.appConnection(carl); Connection stranger = db.appConnection(otto)) {
            assertThat(number(contributor, "SELECT count(*) FROM vesting_policies WHERE id IN (?, ?)", mine, template)).isEqualTo(2);
            assertThat(number(stranger, "SELECT count(*) FROM vesting_policies WHERE id IN (?, ?)", mine, template)).isEqualTo(1);
        }
    }

    @Test
    void id5_reading_a_whole_ledger_at_once_keeps_the_row_policies() throws SQLException {
        UUID dora = user(owner, unique("Dora"), "verified"); // holds a row, no role on Acme
        exec(owner, "INSERT INTO equity_ledger (venture_id, holder_type, holder_id, percent, effective_from) VALUES "
                + "(?, 'user', ?, 90.000, DATE '2026-01-01'), (?, 'user', ?, 10.000, DATE '2026-01-01')", acme, anna, acme, dora);
        String rows = "SELECT count(*) FROM cap_table_ledger(?)";
        try (Connection ownerOfAcme = db.appConnection(anna); Connection contributor = db.appConnection(carl);
             Connection holder = db.appConnection(dora); Connection stranger = db.appConnection(otto)) {
            assertThat(number(ownerOfAcme, rows, acme)).isEqualTo(2);
            assertThat(number(contributor, rows, acme)).isEqualTo(2);
            assertThat(number(holder, rows, acme)).isEqualTo(1);
            assertThat(uuid(holder, "SELECT holder_id FROM cap_table_ledger(?)", acme)).isEqualTo(dora);
            assertThat(number(stranger, rows, acme)).isZero();
            // The same as the row policies answer a plain SELECT.
            assertThat(number(stranger, "SELECT count(*) FROM equity_ledger WHERE venture_id = ?", acme)).isZero();
            assertThat(number(holder, "SELECT count(*) FROM equity_ledger WHERE venture_id = ?", acme)).isEqualTo(1);
        }
    }
}
