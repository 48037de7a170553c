package org.smartstart.backoffice.persistence.rules;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartstart.backoffice.persistence.rules.RuleSql.*;

/** BZ-4 (V10) as PostgreSQL enforces it against plain SQL from the application's role. */
class ConversionRulesSqlTest {

    private static TestDatabase db;
    private Connection owner;
    private Connection app;
    private String ventureName;
    private UUID venture;
    private UUID holder;

    @BeforeAll
    static void createDatabase() {
        db = TestPostgres.newDatabase();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @BeforeEach
    void ventureWithABand() throws SQLException {
        owner = db.ownerConnection();
        holder = user(owner, unique("Chloe"), "verified");
        ventureName = unique("Northwind");
        venture = venture(owner, ventureName, holder);
        app = db.appConnection(holder);
    }

    @AfterEach
    void close() throws SQLException {
        app.close();
        owner.close();
    }

    private void rule(boolean approved) throws SQLException {
        exec(owner, """
                INSERT INTO buz_issuance_rules (venture_id, monthly_issue_cap, conversion_band_min, conversion_band_max, board_approved)
                VALUES (?, 50000, 0.000040, 0.000060, ?)""", venture, approved);
    }

    private void convert(long buz, String percent) throws SQLException {
        exec(app, """
                INSERT INTO equity_conversions (venture_id, user_id, buz_spent, equity_percent_granted, effective_date, policy_snapshot)
                VALUES (?, ?, ?, ?, DATE '2026-06-01', '{"rule":"test"}'::jsonb)""", venture, holder, buz, new BigDecimal(percent));
    }

    @Test
    void bz4_a_rate_above_the_band_is_refused_with_the_figures() throws SQLException {
        rule(true);

        assertRefused(() -> convert(20_000, "2.000000"), "SSB04", "BZ-4",
                "20000 BUZ", ventureName, "rate of 0.0001% per BUZ", "band of 0.00004 to 0.00006% per BUZ");
    }

    @Test
    void bz4_a_rate_below_the_band_is_refused() throws SQLException {
        rule(true);

        assertRefused(() -> convert(20_000, "0.500000"), "SSB04", "BZ-4", "outside the conversion band");
    }

    @Test
    void bz4_a_rule_without_board_approval_is_refused() throws SQLException {
        rule(false);

        assertRefused(() -> convert(20_000, "1.000000"), "SSB04", "BZ-4", "not board approved", ventureName);
    }

    @Test
    void bz4_a_venture_without_an_issuance_rule_cannot_convert() {
        assertRefused(() -> convert(20_000, "1.000000"), "SSB04", "BZ-4", "no current BUZ issuance rule");
    }

    @Test
    void bz4_a_conversion_within_the_band_of_an_approved_rule_is_accepted_at_both_edges() throws SQLException {
        rule(true);

        convert(20_000, "1.000000");
        convert(25_000, "1.000000");
        convert(20_000, "1.200000");

        assertThat(number(owner, "SELECT count(*) FROM equity_conversions WHERE venture_id = ?", venture)).isEqualTo(3);
    }

    @Test
    void bz4_a_conversion_cannot_be_moved_outside_the_band_afterwards() throws SQLException {
        rule(true);
        convert(20_000, "1.000000");

        assertRefused(() -> exec(app, "UPDATE equity_conversions SET buz_spent = 1000 WHERE venture_id = ?", venture),
                "SSB04", "BZ-4", "1000 BUZ");
    }
}
