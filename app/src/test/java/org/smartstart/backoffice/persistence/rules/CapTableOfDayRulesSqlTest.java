package org.smartstart.backoffice.persistence.rules;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartstart.backoffice.persistence.rules.RuleSql.*;

/**
 * ID-5 on the one-statement cap table of a date (cap_table_of_day, V30) against plain SQL: it is SECURITY
 * INVOKER, so it answers each user exactly what the separate reads it replaces answer them under row-level
 * security — nothing of a venture to a stranger, only their own row (and no holds) to a mere holder,
 * everything to the owner and the venture's staff.
 */
class CapTableOfDayRulesSqlTest {

    private static final String DAY = "2026-03-01";

    private static TestDatabase db;
    private Connection owner;
    private UUID anna;       // owner of Acme
    private UUID carl;       // contributor on Acme
    private UUID dora;       // holds a row of Acme, no role on it
    private UUID otto;       // owner of another venture
    private UUID acme;
    private UUID policy;     // Acme's own vesting policy, Dora's row vests by it

    @BeforeAll
    static void createDatabase() {
        db = TestPostgres.newDatabase();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @BeforeEach
    void acme() throws SQLException {
        owner = db.ownerConnection();
        anna = user(owner, unique("Anna"), "verified");
        carl = user(owner, unique("Carl"), "verified");
        dora = user(owner, unique("Dora"), "verified");
        otto = user(owner, unique("Otto"), "verified");
        acme = venture(owner, unique("Acme"), anna);
        venture(owner, unique("Other"), otto);
        exec(owner, "INSERT INTO role_assignments (user_id, venture_id, role, scope) VALUES (?, ?, 'contributor', 'venture')", carl, acme);
        policy = uuid(owner, "INSERT INTO vesting_policies (venture_id, name, cliff_months, duration_months, frequency) "
                + "VALUES (?, 'Acme 4y/1y', 12, 48, 'monthly') RETURNING id", acme);
        exec(owner, "INSERT INTO equity_ledger (venture_id, holder_type, holder_id, percent, vesting_policy_id, effective_from) VALUES "
                + "(?, 'user', ?, 80.000, NULL, DATE '2026-01-01'), (?, 'user', ?, 10.000, ?, DATE '2026-01-01'), "
                + "(?, 'alice', NULL, 10.000, NULL, DATE '2026-01-01')", acme, anna, acme, dora, policy, acme);
        hold(owner, acme, "buz", null, "Court order");
    }

    @AfterEach
    void close() throws SQLException {
        owner.close();
    }

    /** The function's answer to the user on {@code conn}: the first row's facts, then one line per ledger row. */
    private static List<String> ofDay(Connection conn, UUID venture) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement p = conn.prepareStatement("SELECT * FROM cap_table_of_day(?, DATE '" + DAY + "')")) {
            p.setObject(1, venture);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString("id") == null
                            ? "venture " + r.getString("venture_name") + " owner " + r.getString("owner_user_id") + " holds [" + r.getString("holds")
                              + "] revision " + r.getString("revision") + " dates " + r.getString("change_dates")
                            : "row " + r.getString("id") + " " + r.getString("holder_id") + " " + r.getString("percent") + " "
                              + r.getString("holder_name") + " policy " + r.getString("policy_name"));
                }
            }
        }
        return out;
    }

    /** The same, from the separate statements the use case ran before V30, under the same row-level security. */
    private static List<String> separately(Connection conn, UUID venture) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement p = conn.prepareStatement("""
                SELECT v.name, v.owner_user_id,
                       coalesce(array_to_string(array_agg(DISTINCT h.applies_to::text) FILTER (WHERE h.id IS NOT NULL), ','), ''),
                       d.revision, array_to_string(d.change_dates, ',')
                  FROM ventures v LEFT JOIN legal_holds h ON h.venture_id = v.id AND h.released_at IS NULL
                 CROSS JOIN cap_table_digest(v.id) d
                 WHERE v.id = ? AND v.archived_at IS NULL
                 GROUP BY v.id, d.revision, d.change_dates""")) {
            p.setObject(1, venture);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return out;
                }
                out.add("venture " + r.getString(1) + " owner " + r.getString(2) + " holds [" + r.getString(3) + "] revision "
                        + r.getString(4) + " dates " + r.getString(5));
            }
        }
        try (PreparedStatement p = conn.prepareStatement("""
                SELECT l.id, l.holder_id, l.percent,
                       (SELECT display_name FROM users WHERE id = l.holder_id),
                       (SELECT name FROM vesting_policies WHERE id = l.vesting_policy_id)
                  FROM cap_table_rows_on(?, DATE '%s') l""".formatted(DAY))) {
            p.setObject(1, venture);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add("row " + r.getString(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getString(4)
                            + " policy " + r.getString(5));
                }
            }
        }
        return out;
    }

    @Test
    void id5_the_one_read_answers_each_user_what_the_separate_reads_answer() throws SQLException {
        try (Connection ownerOfAcme = db.appConnection(anna); Connection contributor = db.appConnection(carl);
             Connection holder = db.appConnection(dora); Connection stranger = db.appConnection(otto)) {
            for (Connection c : List.of(ownerOfAcme, contributor, holder, stranger)) {
                assertThat(ofDay(c, acme)).isEqualTo(separately(c, acme));
            }
            assertThat(ofDay(ownerOfAcme, acme)).hasSize(4).first().asString().contains("holds [buz]");
            assertThat(ofDay(contributor, acme)).hasSize(4);
            assertThat(ofDay(ownerOfAcme, acme)).anyMatch(line -> line.contains(dora.toString()) && line.endsWith("policy Acme 4y/1y"));
        }
    }

    @Test
    void id5_a_stranger_gets_nothing_of_the_venture() throws SQLException {
        try (Connection stranger = db.appConnection(otto)) {
            assertThat(ofDay(stranger, acme)).isEmpty();
            // As plain SELECTs under the row policies answer them.
            assertThat(number(stranger, "SELECT count(*) FROM ventures WHERE id = ?", acme)).isZero();
            assertThat(number(stranger, "SELECT count(*) FROM equity_ledger WHERE venture_id = ?", acme)).isZero();
        }
    }

    @Test
    void id5_a_mere_holder_sees_only_their_own_row_and_no_holds() throws SQLException {
        try (Connection holder = db.appConnection(dora)) {
            List<String> seen = ofDay(holder, acme);
            assertThat(seen).hasSize(2);
            assertThat(seen.get(0)).contains("holds []");
            assertThat(seen.get(1)).contains(dora.toString()).endsWith("policy Acme 4y/1y");
            assertThat(seen).noneMatch(line -> line.contains(anna.toString() + " 80"));
            assertThat(number(holder, "SELECT count(*) FROM equity_ledger WHERE venture_id = ?", acme)).isEqualTo(1);
            assertThat(number(holder, "SELECT count(*) FROM legal_holds WHERE venture_id = ?", acme)).isZero();
        }
    }

    @Test
    void the_function_runs_with_the_callers_rights_not_its_owners() throws SQLException {
        assertThat(text(owner, "SELECT CASE WHEN prosecdef THEN 'definer' ELSE 'invoker' END FROM pg_proc "
                + "WHERE oid = 'cap_table_of_day(uuid, date, text)'::regprocedure")).isEqualTo("invoker");
    }

    @Test
    void the_change_dates_are_left_out_only_while_the_known_revision_is_still_the_ledgers() throws SQLException {
        try (Connection ownerOfAcme = db.appConnection(anna); Connection holder = db.appConnection(dora)) {
            for (Connection c : List.of(ownerOfAcme, holder)) {
                String[] fresh = digest(c, null);
                assertThat(fresh[1]).isEqualTo("2026-01-01");
                assertThat(digest(c, fresh[0])).containsExactly(fresh[0], null);
                assertThat(digest(c, "3-0-00000000000000ff")).containsExactly(fresh);
            }
            // the whole ledger's revision is not the mere holder's: she is sent her own dates
            String whole = digest(ownerOfAcme, null)[0];
            assertThat(digest(holder, whole)).containsExactly(digest(holder, null));
            // a closed row changes the revision and the dates: a caller still holding the old revision gets the new dates
            exec(owner, "WITH closed AS (UPDATE equity_ledger SET effective_to = DATE '2026-05-31' WHERE venture_id = ? AND holder_type = 'alice' RETURNING venture_id) "
                    + "INSERT INTO equity_ledger (venture_id, holder_type, holder_id, percent, effective_from) "
                    + "SELECT venture_id, 'alice', NULL, 10.000, DATE '2026-06-01' FROM closed", acme);
            String[] after = digest(ownerOfAcme, whole);
            assertThat(after[0]).isNotEqualTo(whole);
            assertThat(after[1]).isEqualTo("2026-01-01,2026-06-01");
        }
    }

    /** The first row's revision and change dates, given the revision the caller says it already holds the dates of. */
    private String[] digest(Connection conn, String knownRevision) throws SQLException {
        try (PreparedStatement p = conn.prepareStatement("SELECT revision, change_dates FROM cap_table_of_day(?, DATE '" + DAY + "', ?) WHERE id IS NULL")) {
            p.setObject(1, acme);
            p.setString(2, knownRevision);
            try (ResultSet r = p.executeQuery()) {
                assertThat(r.next()).isTrue();
                return new String[] {r.getString(1), r.getString(2)};
            }
        }
    }

    @Test
    void an_archived_venture_is_not_read() throws SQLException {
        exec(owner, "UPDATE legal_holds SET released_at = now(), released_by_user_id = ?, release_reason = 'Settled' WHERE venture_id = ?", anna, acme);
        exec(owner, "UPDATE ventures SET archived_at = now() WHERE id = ?", acme);
        try (Connection ownerOfAcme = db.appConnection(anna)) {
            assertThat(ofDay(ownerOfAcme, acme)).isEmpty();
        }
    }
}
