package org.smartstart.backoffice.persistence.rules;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smartstart.backoffice.persistence.db.RuleViolation;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The cap table rules as PostgreSQL enforces them (V2__equity_rules.sql), driven with plain SQL as psql
 * would: every refusal names its rule, carries its SQLSTATE and the figures; every valid neighbour commits.
 */
class EquityRulesSqlTest {

    private static final LocalDate JAN_1 = LocalDate.parse("2026-01-01");
    private static final LocalDate FEB_28 = LocalDate.parse("2026-02-28");
    private static final LocalDate MAR_1 = LocalDate.parse("2026-03-01");
    private static final AtomicInteger SEQ = new AtomicInteger();

    private static TestDatabase db;

    @BeforeAll
    static void database() {
        db = TestPostgres.newDatabase();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    // ---------------------------------------------------------------------------------------------
    // EQ-1 total
    // ---------------------------------------------------------------------------------------------
    @Nested
    class Eq1Total {
        @Test
        void closing_a_row_and_adding_less_is_refused_with_the_first_short_date() {
            CapTable acme = capTable("Acme 1");
            Throwable refused = refusedTx(c -> {
                close(c, acme.bobRow(), FEB_28);
                row(c, acme.id(), acme.bob(), "17.500", MAR_1, null);
            });
            assertRule(refused, "EQ-1", "SSE01",
                    "EQ-1: On 2026-03-01 the cap table of Acme 1 totals 97.500%, not 100.000%");
        }

        @Test
        void a_first_cap_table_not_totalling_100_is_refused() {
            UUID owner = user("Ann Lee");
            UUID venture = venture("Acme 1b", owner);
            Throwable refused = refusedTx(c -> row(c, venture, owner, "90.000", JAN_1, null));
            assertRule(refused, "EQ-1", "SSE01",
                    "EQ-1: On 2026-01-01 the cap table of Acme 1b totals 90.000%, not 100.000%");
        }

        @Test
        void closing_every_row_without_successors_is_refused_because_a_cap_table_cannot_vanish() {
            CapTable acme = capTable("Acme 1c");
            Throwable refused = refusedTx(c -> {
                close(c, acme.ownerRow(), LocalDate.parse("2026-12-31"));
                close(c, acme.bobRow(), LocalDate.parse("2026-12-31"));
                close(c, acme.aliceRow(), LocalDate.parse("2026-12-31"));
            });
            assertRule(refused, "EQ-1", "SSE01",
                    "EQ-1: On 2027-01-01 the cap table of Acme 1c totals 0.000%, not 100.000%");
        }

        @Test
        void closing_a_row_and_adding_rows_on_the_same_date_in_any_order_is_accepted() {
            CapTable acme = capTable("Acme 1d");
            UUID cy = user("Cy Dee");
            tx(c -> {
                // new rows first, the close last: only the state at commit counts
                row(c, acme.id(), acme.owner(), "55.000", MAR_1, null);
                row(c, acme.id(), cy, "5.000", MAR_1, null);
                close(c, acme.ownerRow(), FEB_28);
            });
            assertThat(totalOn(acme.id(), FEB_28)).isEqualByComparingTo("100.000");
            assertThat(holdingOn(acme.id(), acme.owner(), FEB_28)).isEqualByComparingTo("60.000");
            assertThat(holdingOn(acme.id(), acme.owner(), MAR_1)).isEqualByComparingTo("55.000");
            assertThat(holdingOn(acme.id(), cy, MAR_1)).isEqualByComparingTo("5.000");
        }

        @Test
        void a_backdated_correction_is_accepted_and_keeps_the_earlier_history() {
            CapTable acme = capTable("Acme 1e");
            LocalDate jan31 = LocalDate.parse("2026-01-31");
            LocalDate feb1 = LocalDate.parse("2026-02-01");
            // found out today: since Feb 1 Bob has held only 10% and Dee Fox the other 10%
            tx(c -> {
                row(c, acme.id(), acme.bob(), "10.000", feb1, null);
                row(c, acme.id(), user("Dee Fox"), "10.000", feb1, null);
                close(c, acme.bobRow(), jan31);
            });
            assertThat(holdingOn(acme.id(), acme.bob(), LocalDate.parse("2026-01-15"))).isEqualByComparingTo("20.000");
            assertThat(holdingOn(acme.id(), acme.bob(), LocalDate.parse("2026-02-15"))).isEqualByComparingTo("10.000");
            assertThat(totalOn(acme.id(), LocalDate.parse("2026-07-01"))).isEqualByComparingTo("100.000");
            assertThat(countRows(acme.id())).isEqualTo(5);
        }

        @Test
        void a_venture_without_any_row_has_no_cap_table_yet_and_is_fine() {
            UUID owner = user("Ann Lee");
            UUID venture = venture("Acme 1f", owner);
            tx(c -> exec(c, "UPDATE ventures SET alice_equity_cap = 10.000 WHERE id = '" + venture + "'"));
            assertThat(totalOn(venture, JAN_1)).isEqualByComparingTo("0");
        }

        @Test
        void with_constraints_made_immediate_the_statement_is_refused_at_its_end() {
            CapTable acme = capTable("Acme 1g");
            Throwable refused = refusedTx(c -> {
                exec(c, "SET CONSTRAINTS ALL IMMEDIATE");
                close(c, acme.bobRow(), FEB_28);
            });
            assertRule(refused, "EQ-1", "SSE01",
                    "EQ-1: On 2026-03-01 the cap table of Acme 1g totals 80.000%, not 100.000%");
        }

        @Test
        void a_venture_checked_by_an_immediate_statement_is_checked_again_after_a_later_change() {
            UUID owner = user("Ann Lee");
            UUID venture = venture("Acme 1h", owner, "15.000");
            tx(c -> {
                row(c, venture, owner, "90.000", JAN_1, null);
                row(c, venture, null, "10.000", JAN_1, null);
            });
            Throwable refused = refusedTx(c -> {
                exec(c, "SET CONSTRAINTS ALL IMMEDIATE");
                // checked (and valid) at the end of this statement
                exec(c, "UPDATE ventures SET alice_equity_cap = 12.000 WHERE id = '" + venture + "'");
                exec(c, "SET CONSTRAINTS ALL DEFERRED");
                row(c, venture, user("Fay Hill"), "2.000", MAR_1, null);
            });
            assertRule(refused, "EQ-1", "SSE01",
                    "EQ-1: On 2026-03-01 the cap table of Acme 1h totals 102.000%, not 100.000%");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // EQ-2 owner floor
    // ---------------------------------------------------------------------------------------------
    @Nested
    class Eq2OwnerFloor {
        @Test
        void the_owner_falling_below_35_is_refused() {
            CapTable acme = capTable("Acme 2");
            Throwable refused = refusedTx(c -> {
                close(c, acme.ownerRow(), FEB_28);
                row(c, acme.id(), acme.owner(), "30.000", MAR_1, null);
                row(c, acme.id(), user("Cy Dee"), "30.000", MAR_1, null);
            });
            assertRule(refused, "EQ-2", "SSE02",
                    "EQ-2: On 2026-03-01 the owner Ann Lee of Acme 2 holds 30.000%, below the 35.000% floor");
        }

        @Test
        void the_owner_at_exactly_35_is_accepted() {
            CapTable acme = capTable("Acme 2b");
            tx(c -> {
                close(c, acme.ownerRow(), FEB_28);
                row(c, acme.id(), acme.owner(), "35.000", MAR_1, null);
                row(c, acme.id(), user("Cy Dee"), "25.000", MAR_1, null);
            });
            assertThat(holdingOn(acme.id(), acme.owner(), MAR_1)).isEqualByComparingTo("35.000");
        }

        @Test
        void handing_the_venture_to_an_owner_holding_less_is_refused() {
            CapTable acme = capTable("Acme 2c");
            Throwable refused = refusedTx(c -> exec(c,
                    "UPDATE ventures SET owner_user_id = '" + acme.bob() + "' WHERE id = '" + acme.id() + "'"));
            assertRule(refused, "EQ-2", "SSE02",
                    "EQ-2: On 2026-01-01 the owner Bob Ray of Acme 2c holds 20.000%, below the 35.000% floor");
        }

        @Test
        void handing_the_venture_to_a_holder_of_35_or_more_on_every_date_is_accepted() {
            UUID ann = user("Ann Lee");
            UUID bob = user("Bob Ray");
            UUID venture = venture("Acme 2d", ann);
            tx(c -> {
                row(c, venture, ann, "40.000", JAN_1, null);
                row(c, venture, bob, "40.000", JAN_1, null);
                row(c, venture, null, "20.000", JAN_1, null);
            });
            tx(c -> exec(c, "UPDATE ventures SET owner_user_id = '" + bob + "' WHERE id = '" + venture + "'"));
            assertThat(scalar("SELECT owner_user_id FROM ventures WHERE id = '" + venture + "'", UUID.class)).isEqualTo(bob);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // EQ-3 platform cap
    // ---------------------------------------------------------------------------------------------
    @Nested
    class Eq3PlatformCap {
        @Test
        void a_platform_stake_above_the_ventures_cap_is_refused() {
            UUID owner = user("Ann Lee");
            UUID venture = venture("Acme 3", owner, "15.000");
            Throwable refused = refusedTx(c -> {
                row(c, venture, owner, "79.000", JAN_1, null);
                row(c, venture, null, "21.000", JAN_1, null);
            });
            assertRule(refused, "EQ-3", "SSE03",
                    "EQ-3: On 2026-01-01 the platform stake (AliceSolutions) of Acme 3 is 21.000%, above its cap of 15.000%");
        }

        @Test
        void a_platform_stake_at_the_cap_is_accepted() {
            UUID owner = user("Ann Lee");
            UUID venture = venture("Acme 3b", owner, "15.000");
            tx(c -> {
                row(c, venture, owner, "85.000", JAN_1, null);
                row(c, venture, null, "15.000", JAN_1, null);
            });
            assertThat(totalOn(venture, JAN_1)).isEqualByComparingTo("100.000");
        }

        @Test
        void lowering_the_cap_below_the_stake_held_is_refused() {
            CapTable acme = capTable("Acme 3c");
            Throwable refused = refusedTx(c -> exec(c,
                    "UPDATE ventures SET alice_equity_cap = 10.000 WHERE id = '" + acme.id() + "'"));
            assertRule(refused, "EQ-3", "SSE03",
                    "EQ-3: On 2026-01-01 the platform stake (AliceSolutions) of Acme 3c is 20.000%, above its cap of 10.000%");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // EQ-4 shape
    // ---------------------------------------------------------------------------------------------
    @Nested
    class Eq4Shape {
        @Test
        void a_user_row_without_a_user_is_refused() {
            CapTable acme = capTable("Acme 4a");
            Throwable refused = refusedTx(c -> exec(c, insertSql(acme.id(), "user", null, "5.000", MAR_1, null)));
            assertRule(refused, "EQ-4", "SSE04",
                    "EQ-4: A cap table row of Acme 4a for a user must name the user (holder_id is empty; 5.000% from 2026-03-01)");
        }

        @Test
        void a_platform_row_naming_a_user_is_refused() {
            CapTable acme = capTable("Acme 4b");
            Throwable refused = refusedTx(c -> exec(c, insertSql(acme.id(), "alice", acme.bob(), "5.000", MAR_1, null)));
            assertRule(refused, "EQ-4", "SSE04",
                    "EQ-4: The platform row (AliceSolutions) of Acme 4b must not name a user, but names Bob Ray (5.000% from 2026-03-01)");
        }

        @Test
        void a_row_of_zero_percent_is_refused() {
            CapTable acme = capTable("Acme 4c");
            Throwable refused = refusedTx(c -> row(c, acme.id(), acme.bob(), "0.000", MAR_1, null));
            assertRule(refused, "EQ-4", "SSE04",
                    "EQ-4: A cap table row of Acme 4c holds 0.000%; a row must hold more than 0.000% and at most 100.000%");
        }

        @Test
        void a_row_above_100_percent_is_refused_by_the_rule_before_the_check_constraint() {
            CapTable acme = capTable("Acme 4d");
            Throwable refused = refusedTx(c -> row(c, acme.id(), acme.bob(), "120.000", MAR_1, null));
            assertRule(refused, "EQ-4", "SSE04",
                    "EQ-4: A cap table row of Acme 4d holds 120.000%; a row must hold more than 0.000% and at most 100.000%");
        }

        @Test
        void a_row_ending_before_it_starts_is_refused() {
            CapTable acme = capTable("Acme 4e");
            Throwable refused = refusedTx(c -> row(c, acme.id(), user("Cy Dee"), "5.000", MAR_1, FEB_28));
            assertRule(refused, "EQ-4", "SSE04",
                    "EQ-4: A cap table row of Acme 4e would end on 2026-02-28, before it starts on 2026-03-01 (5.000%)");
        }

        @Test
        void closing_a_row_before_it_starts_is_refused() {
            CapTable acme = capTable("Acme 4f");
            Throwable refused = refusedTx(c -> close(c, acme.bobRow(), LocalDate.parse("2025-12-31")));
            assertRule(refused, "EQ-4", "SSE04",
                    "EQ-4: A cap table row of Acme 4f would end on 2025-12-31, before it starts on 2026-01-01 (20.000%)");
        }

        @Test
        void a_holder_with_two_rows_on_one_date_is_refused_at_commit() {
            CapTable acme = capTable("Acme 4g");
            Throwable refused = refusedTx(c -> {
                close(c, acme.ownerRow(), FEB_28);
                row(c, acme.id(), acme.owner(), "55.000", MAR_1, null);
                row(c, acme.id(), acme.bob(), "5.000", MAR_1, null); // Bob's 20% row is still open
            });
            assertRule(refused, "EQ-4", "SSE04",
                    "EQ-4: On 2026-03-01 Bob Ray would hold two rows of the cap table of Acme 4g at once (20.000% from 2026-01-01 and 5.000% from 2026-03-01)");
        }

        @Test
        void the_platform_with_two_rows_on_one_date_is_refused_at_commit() {
            CapTable acme = capTable("Acme 4h");
            Throwable refused = refusedTx(c -> {
                close(c, acme.ownerRow(), FEB_28);
                row(c, acme.id(), acme.owner(), "55.000", MAR_1, null);
                row(c, acme.id(), null, "5.000", MAR_1, null);
            });
            assertRule(refused, "EQ-4", "SSE04",
                    "EQ-4: On 2026-03-01 the platform (AliceSolutions) would hold two rows of the cap table of Acme 4h at once (20.000% from 2026-01-01 and 5.000% from 2026-03-01)");
        }

        @Test
        void well_shaped_rows_are_accepted_including_a_single_day_row_and_a_row_of_100_percent() {
            CapTable acme = capTable("Acme 4i");
            UUID cy = user("Cy Dee");
            tx(c -> {
                close(c, acme.bobRow(), FEB_28);
                row(c, acme.id(), cy, "20.000", MAR_1, MAR_1);
                row(c, acme.id(), acme.bob(), "20.000", MAR_1.plusDays(1), null);
            });
            assertThat(holdingOn(acme.id(), cy, MAR_1)).isEqualByComparingTo("20.000");
            assertThat(holdingOn(acme.id(), acme.bob(), MAR_1)).isEqualByComparingTo("0");

            UUID owner = user("Ann Lee");
            UUID solo = venture("Acme 4j", owner);
            tx(c -> row(c, solo, owner, "100.000", JAN_1, null));
            assertThat(totalOn(solo, JAN_1)).isEqualByComparingTo("100.000");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // EQ-5 history
    // ---------------------------------------------------------------------------------------------
    @Nested
    class Eq5History {
        @Test
        void changing_the_percent_of_a_row_is_refused() {
            CapTable acme = capTable("Acme 5a");
            Throwable refused = refusedTx(c -> exec(c,
                    "UPDATE equity_ledger SET percent = 25.000 WHERE id = '" + acme.bobRow() + "'"));
            assertRule(refused, "EQ-5", "SSE05",
                    "EQ-5: A cap table row of Acme 5a (20.000% from 2026-01-01) cannot be rewritten; only closing it is allowed, corrections are new rows");
        }

        @Test
        void deleting_a_row_is_refused() {
            CapTable acme = capTable("Acme 5b");
            Throwable refused = refusedTx(c -> exec(c, "DELETE FROM equity_ledger WHERE id = '" + acme.bobRow() + "'"));
            assertRule(refused, "EQ-5", "SSE05",
                    "EQ-5: The cap table row of Acme 5b (20.000% from 2026-01-01) cannot be deleted; close it instead, corrections are new rows");
        }

        @Test
        void truncating_the_ledger_is_refused() {
            capTable("Acme 5c");
            Throwable refused = refusedTx(c -> exec(c, "TRUNCATE equity_ledger"));
            assertRule(refused, "EQ-5", "SSE05",
                    "EQ-5: The cap table history (equity_ledger) is never truncated; rows are only closed, corrections are new rows");
            // Truncating the ventures is refused too; their own soft-delete rule (SD-1) may speak first.
            Throwable cascaded = refusedTx(c -> exec(c, "TRUNCATE ventures CASCADE"));
            assertThat(violation(cascaded).ruleId()).isIn("EQ-5", "SD-1");
        }

        @Test
        void reopening_a_closed_row_is_refused() {
            CapTable acme = capTable("Acme 5d");
            tx(c -> {
                close(c, acme.bobRow(), FEB_28);
                row(c, acme.id(), acme.bob(), "20.000", MAR_1, null);
            });
            Throwable refused = refusedTx(c -> exec(c,
                    "UPDATE equity_ledger SET effective_to = NULL WHERE id = '" + acme.bobRow() + "'"));
            assertRule(refused, "EQ-5", "SSE05",
                    "EQ-5: The cap table row of Acme 5d (20.000% from 2026-01-01) was closed on 2026-02-28 and cannot be reopened or closed again");
            Throwable moved = refusedTx(c -> close(c, acme.bobRow(), LocalDate.parse("2026-02-27")));
            assertThat(violation(moved).ruleId()).isEqualTo("EQ-5");
        }

        @Test
        void an_update_leaving_the_row_open_is_refused() {
            CapTable acme = capTable("Acme 5e");
            Throwable refused = refusedTx(c -> exec(c,
                    "UPDATE equity_ledger SET version = version + 1 WHERE id = '" + acme.bobRow() + "'"));
            assertRule(refused, "EQ-5", "SSE05",
                    "EQ-5: The open cap table row of Acme 5e (20.000% from 2026-01-01) may only be changed by closing it with an end date");
        }

        @Test
        void closing_an_open_row_with_its_version_is_accepted() {
            CapTable acme = capTable("Acme 5f");
            tx(c -> {
                exec(c, "UPDATE equity_ledger SET effective_to = DATE '2026-02-28', version = version + 1 WHERE id = '"
                        + acme.bobRow() + "' AND version = 1");
                row(c, acme.id(), acme.bob(), "20.000", MAR_1, null);
            });
            try (Connection c = db.ownerConnection();
                 ResultSet rs = c.createStatement().executeQuery(
                         "SELECT effective_to, version FROM equity_ledger WHERE id = '" + acme.bobRow() + "'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getObject(1, LocalDate.class)).isEqualTo(FEB_28);
                assertThat(rs.getInt(2)).isEqualTo(2);
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // EQ-7 legal hold
    // ---------------------------------------------------------------------------------------------
    @Nested
    class Eq7LegalHold {
        @ParameterizedTest
        @ValueSource(strings = {"equity", "all"})
        void under_an_active_equity_hold_no_ledger_row_and_no_conversion_is_written(String scope) {
            CapTable acme = capTable("Acme 7 " + scope);
            hold(acme.id(), scope, "court order 17");
            String held = "all".equals(scope) ? "all its records" : "its equity";

            Throwable ledger = refusedTx(c -> row(c, acme.id(), user("Cy Dee"), "5.000", MAR_1, null));
            assertRule(ledger, "EQ-7", "SSE07", "EQ-7: Acme 7 " + scope + " is under a legal hold on " + held + " since ");
            assertThat(violation(ledger).message())
                    .contains("(court order 17)").endsWith("no cap table row may be written while it is active");

            Throwable closing = refusedTx(c -> close(c, acme.bobRow(), FEB_28));
            assertThat(violation(closing).sqlState()).isEqualTo("SSE07");

            Throwable conversion = refusedTx(c -> conversion(c, acme.id(), acme.bob()));
            assertRule(conversion, "EQ-7", "SSE07", "EQ-7: Acme 7 " + scope + " is under a legal hold on " + held + " since ");
            assertThat(violation(conversion).message()).endsWith("no equity conversion may be written while it is active");
        }

        @Test
        void a_hold_on_buz_only_lets_equity_be_written() {
            CapTable acme = capTable("Acme 7 buz");
            hold(acme.id(), "buz", "tax audit");
            UUID cy = user("Cy Dee");
            tx(c -> {
                close(c, acme.ownerRow(), FEB_28);
                row(c, acme.id(), acme.owner(), "55.000", MAR_1, null);
                row(c, acme.id(), cy, "5.000", MAR_1, null);
                conversion(c, acme.id(), cy);
            });
            assertThat(holdingOn(acme.id(), cy, MAR_1)).isEqualByComparingTo("5.000");
        }

        @Test
        void after_the_hold_is_released_equity_is_written_again() {
            CapTable acme = capTable("Acme 7 released");
            UUID hold = hold(acme.id(), "equity", "court order 18");
            tx(c -> exec(c, "UPDATE legal_holds SET released_at = now(), release_reason = 'settled', released_by_user_id = (SELECT owner_user_id FROM ventures v WHERE v.id = legal_holds.venture_id) WHERE id = '" + hold + "'"));
            UUID cy = user("Cy Dee");
            tx(c -> {
                close(c, acme.ownerRow(), FEB_28);
                row(c, acme.id(), acme.owner(), "55.000", MAR_1, null);
                row(c, acme.id(), cy, "5.000", MAR_1, null);
                conversion(c, acme.id(), cy);
            });
            assertThat(holdingOn(acme.id(), cy, MAR_1)).isEqualByComparingTo("5.000");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Scale: a venture with 10,000 rows and 500 holders
    // ---------------------------------------------------------------------------------------------
    @Test
    void a_cap_table_of_10000_rows_and_500_holders_is_accepted_and_an_edit_of_it_is_checked() {
        UUID owner = user("Ann Lee");
        UUID venture = venture("Bigco", owner);
        String prefix = "bulk" + SEQ.incrementAndGet() + "-";
        tx(c -> exec(c, "INSERT INTO users (display_name, email) SELECT 'Holder ' || i, '" + prefix + "' || i || '@x.test'"
                + " FROM generate_series(1, 498) i"));
        // 20 monthly periods; each: owner 40.200, the platform 10.000, 498 holders 0.100 each = 100.000
        String insert = """
                INSERT INTO equity_ledger (venture_id, holder_type, holder_id, percent, effective_from, effective_to)
                SELECT '%1$s', h.holder_type::holder_type, h.holder_id, h.percent,
                       (DATE '2020-01-01' + make_interval(months => k))::date,
                       CASE WHEN k < 19 THEN (DATE '2020-01-01' + make_interval(months => k + 1))::date - 1 END
                  FROM generate_series(0, 19) k,
                       (SELECT 'user' AS holder_type, '%2$s'::uuid AS holder_id, 40.200 AS percent
                        UNION ALL SELECT 'alice', NULL, 10.000
                        UNION ALL SELECT 'user', id, 0.100 FROM users WHERE email LIKE '%3$s%%') h
                """.formatted(venture, owner, prefix);
        long start = System.nanoTime();
        tx(c -> {
            try (Statement s = c.createStatement()) {
                assertThat(s.executeUpdate(insert)).isEqualTo(10_000);
            }
        });
        long bulkMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(countRows(venture)).isEqualTo(10_000);
        assertThat(totalOn(venture, LocalDate.parse("2021-08-15"))).isEqualByComparingTo("100.000");

        UUID ownerOpenRow = scalar("SELECT id FROM equity_ledger WHERE venture_id = '" + venture + "' AND holder_id = '"
                + owner + "' AND effective_to IS NULL", UUID.class);
        LocalDate lastStart = LocalDate.parse("2021-08-01");
        UUID lateJoiner = user("Late Joiner");
        start = System.nanoTime();
        tx(c -> {
            close(c, ownerOpenRow, lastStart.plusMonths(2).minusDays(1));
            row(c, venture, owner, "40.000", lastStart.plusMonths(2), null);
            row(c, venture, lateJoiner, "0.200", lastStart.plusMonths(2), null);
        });
        long editMillis = (System.nanoTime() - start) / 1_000_000;
        Throwable refused = refusedTx(c -> row(c, venture, user("Too Late"), "0.100", lastStart.plusMonths(3), null));
        assertRule(refused, "EQ-1", "SSE01", "EQ-1: On 2021-11-01 the cap table of Bigco totals 100.100%, not 100.000%");
        System.out.printf("EQ rules at scale: 10,000 rows / 500 holders inserted and checked in %d ms;"
                + " a 3-row edit of that cap table (connect, write, check, commit) took %d ms%n", bulkMillis, editMillis);
    }

    // ---------------------------------------------------------------------------------------------
    // V26: the commit-time check runs from the first date a transaction touches; the revision is kept
    // ---------------------------------------------------------------------------------------------
    @Nested
    class CheckedFromTheFirstTouchedDate {
        @Test
        void a_later_valid_statement_does_not_hide_an_earlier_date_an_other_statement_broke() {
            CapTable acme = capTable("Acme 26a");
            UUID cy = user("Cy Dee");
            Throwable refused = refusedTx(c -> {
                // valid on its own: from 2027 Cy holds 5% of Ann's
                close(c, acme.ownerRow(), LocalDate.parse("2026-12-31"));
                row(c, acme.id(), acme.owner(), "55.000", LocalDate.parse("2027-01-01"), null);
                row(c, acme.id(), cy, "5.000", LocalDate.parse("2027-01-01"), null);
                // a later statement breaks an earlier date: Bob's row ends in February, nobody takes it over
                close(c, acme.bobRow(), FEB_28);
            });
            assertRule(refused, "EQ-1", "SSE01",
                    "EQ-1: On 2026-03-01 the cap table of Acme 26a totals 80.000%, not 100.000%");
        }

        @Test
        void with_immediate_constraints_a_later_statement_on_an_earlier_date_is_checked_from_that_date() {
            CapTable acme = capTable("Acme 26b");
            UUID cy = user("Cy Dee");
            Throwable refused = refusedTx(c -> {
                exec(c, "SET CONSTRAINTS ALL IMMEDIATE");
                // one valid statement from 2027 (checked at its end from 2027 on) ...
                exec(c, "WITH closed AS (UPDATE equity_ledger SET effective_to = DATE '2026-12-31' WHERE id = '" + acme.ownerRow()
                        + "' RETURNING venture_id) " + insertSql(acme.id(), "user", acme.owner(), "60.000", LocalDate.parse("2027-01-01"), null));
                // ... then a statement that breaks March 2026 must still be refused
                row(c, acme.id(), cy, "5.000", MAR_1, null);
            });
            assertRule(refused, "EQ-1", "SSE01",
                    "EQ-1: On 2026-03-01 the cap table of Acme 26b totals 105.000%, not 100.000%");
        }

        @Test
        void a_lower_platform_cap_after_a_late_ledger_change_is_checked_on_every_date() {
            CapTable acme = capTable("Acme 26c");
            UUID cy = user("Cy Dee");
            Throwable refused = refusedTx(c -> {
                close(c, acme.bobRow(), LocalDate.parse("2027-12-31"));
                row(c, acme.id(), cy, "20.000", LocalDate.parse("2028-01-01"), null);
                exec(c, "UPDATE ventures SET alice_equity_cap = 15.000 WHERE id = '" + acme.id() + "'");
            });
            assertRule(refused, "EQ-3", "SSE03",
                    "EQ-3: On 2026-01-01 the platform stake (AliceSolutions) of Acme 26c is 20.000%, above its cap of 15.000%");
        }

        @Test
        void the_kept_revision_and_change_dates_are_those_of_the_rows() {
            CapTable acme = capTable("Acme 26d");
            UUID cy = user("Cy Dee");
            tx(c -> {
                close(c, acme.bobRow(), FEB_28);
                row(c, acme.id(), acme.bob(), "15.000", MAR_1, null);
                row(c, acme.id(), cy, "5.000", MAR_1, null);
            });
            String fromRows = scalar("SELECT count(*) || '-' || count(effective_to) || '-' || lpad(to_hex(bit_xor(('x' || substr(encode(sha256(convert_to("
                    + "id::text || ':' || coalesce(to_char(effective_to, 'YYYY-MM-DD'), 'null') || ';', 'UTF8')), 'hex'), 1, 16))::bit(64)::bigint)), 16, '0')"
                    + " FROM equity_ledger WHERE venture_id = '" + acme.id() + "'", String.class);
            assertThat(scalar("SELECT revision FROM cap_table_digest('" + acme.id() + "')", String.class)).isEqualTo(fromRows).startsWith("5-1-");
            assertThat(scalar("SELECT array_to_string(change_dates, ',') FROM cap_table_digest('" + acme.id() + "')", String.class))
                    .isEqualTo("2026-01-01,2026-03-01");
        }
    }

    // =============================================================================================
    // Fixtures and helpers
    // =============================================================================================

    /** A venture "name" owned by Ann Lee: Ann 60%, Bob Ray 20%, the platform 20%, all open from 2026-01-01. */
    record CapTable(UUID id, UUID owner, UUID bob, UUID ownerRow, UUID bobRow, UUID aliceRow) {
    }

    private static CapTable capTable(String name) {
        UUID ann = user("Ann Lee");
        UUID bob = user("Bob Ray");
        UUID venture = venture(name, ann);
        UUID[] rows = new UUID[3];
        tx(c -> {
            rows[0] = row(c, venture, ann, "60.000", JAN_1, null);
            rows[1] = row(c, venture, bob, "20.000", JAN_1, null);
            rows[2] = row(c, venture, null, "20.000", JAN_1, null);
        });
        return new CapTable(venture, ann, bob, rows[0], rows[1], rows[2]);
    }

    private static UUID user(String displayName) {
        String email = displayName.toLowerCase().replace(' ', '.') + "." + SEQ.incrementAndGet() + "@x.test";
        return insertReturningId("INSERT INTO users (display_name, email) VALUES ('" + displayName + "', '" + email + "') RETURNING id");
    }

    private static UUID venture(String name, UUID owner) {
        return venture(name, owner, "20.000");
    }

    private static UUID venture(String name, UUID owner, String aliceCap) {
        return insertReturningId("INSERT INTO ventures (name, region, owner_user_id, alice_equity_cap) VALUES ('"
                + name + "', 'ca', '" + owner + "', " + aliceCap + ") RETURNING id");
    }

    private static UUID hold(UUID venture, String scope, String reason) {
        return insertReturningId("INSERT INTO legal_holds (venture_id, reason, applies_to) VALUES ('"
                + venture + "', '" + reason + "', '" + scope + "') RETURNING id");
    }

    /** A user's row (holder != null) or the platform's row (holder == null). */
    private static UUID row(Connection c, UUID venture, UUID holder, String percent, LocalDate from, LocalDate to)
            throws SQLException {
        String sql = insertSql(venture, holder == null ? "alice" : "user", holder, percent, from, to) + " RETURNING id";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1, UUID.class);
        }
    }

    private static String insertSql(UUID venture, String holderType, UUID holder, String percent, LocalDate from, LocalDate to) {
        return "INSERT INTO equity_ledger (venture_id, holder_type, holder_id, percent, effective_from, effective_to) VALUES ('"
                + venture + "', '" + holderType + "', " + (holder == null ? "NULL" : "'" + holder + "'") + ", " + percent
                + ", DATE '" + from + "', " + (to == null ? "NULL" : "DATE '" + to + "'") + ")";
    }

    private static void close(Connection c, UUID row, LocalDate to) throws SQLException {
        exec(c, "UPDATE equity_ledger SET effective_to = DATE '" + to + "' WHERE id = '" + row + "'");
    }

    private static void close(UUID row, LocalDate to) {
        tx(c -> close(c, row, to));
    }

    private static void conversion(Connection c, UUID venture, UUID user) throws SQLException {
        // BZ-4 (V10): a conversion needs the venture's board-approved rule whose band holds the rate.
        exec(c, "INSERT INTO buz_issuance_rules (venture_id, monthly_issue_cap, conversion_band_min, conversion_band_max, board_approved)"
                + " SELECT '" + venture + "', 100000, 0.000100, 0.001000, true WHERE NOT EXISTS"
                + " (SELECT 1 FROM buz_issuance_rules WHERE venture_id = '" + venture + "' AND replaced_at IS NULL)");
        exec(c, "INSERT INTO equity_conversions (venture_id, user_id, buz_spent, equity_percent_granted, effective_date, policy_snapshot)"
                + " VALUES ('" + venture + "', '" + user + "', 1000, 0.250000, DATE '2026-03-01', '{}')");
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    interface Work {
        void run(Connection c) throws SQLException;
    }

    /** One committed transaction, as psql with BEGIN ... COMMIT. */
    private static void tx(Work work) {
        try (Connection c = db.ownerConnection()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new AssertionError("expected the transaction to commit, but: " + e.getMessage(), e);
        }
    }

    /** The failure of a transaction expected to be refused, by a statement or at COMMIT. */
    private static Throwable refusedTx(Work work) {
        Throwable thrown;
        try (Connection c = db.ownerConnection()) {
            c.setAutoCommit(false);
            thrown = catchThrowable(() -> {
                work.run(c);
                c.commit();
            });
            if (thrown != null) {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        assertThat(thrown).as("the transaction should have been refused").isInstanceOf(SQLException.class);
        return thrown;
    }

    private static RuleViolation violation(Throwable refused) {
        return RuleViolation.from(refused).orElseThrow(() -> new AssertionError("not a rule violation", refused));
    }

    private static void assertRule(Throwable refused, String ruleId, String sqlState, String messageStart) {
        assertThat(((SQLException) refused).getSQLState()).isEqualTo(sqlState);
        RuleViolation v = violation(refused);
        assertThat(v.ruleId()).isEqualTo(ruleId);
        assertThat(v.sqlState()).isEqualTo(sqlState);
        assertThat(v.message()).startsWith(messageStart);
    }

    private static BigDecimal totalOn(UUID venture, LocalDate day) {
        return sumOn("venture_id = '" + venture + "'", day);
    }

    private static BigDecimal holdingOn(UUID venture, UUID holder, LocalDate day) {
        return sumOn("venture_id = '" + venture + "' AND holder_id = '" + holder + "'", day);
    }

    private static BigDecimal sumOn(String where, LocalDate day) {
        return scalar("SELECT coalesce(sum(percent), 0) FROM equity_ledger WHERE " + where
                + " AND effective_from <= DATE '" + day + "' AND (effective_to IS NULL OR effective_to >= DATE '" + day + "')",
                BigDecimal.class);
    }

    private static long countRows(UUID venture) {
        return scalar("SELECT count(*) FROM equity_ledger WHERE venture_id = '" + venture + "'", Long.class);
    }

    private static UUID insertReturningId(String sql) {
        UUID[] id = new UUID[1];
        tx(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                id[0] = rs.getObject(1, UUID.class);
            }
        });
        return id[0];
    }

    private static <T> T scalar(String sql, Class<T> type) {
        try (Connection c = db.ownerConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            assertThat(rs.next()).isTrue();
            return rs.getObject(1, type);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

}
