package org.smartstart.backoffice.persistence.rules;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartstart.backoffice.persistence.rules.RuleSql.*;

/**
 * The whole ID-3 matrix as plain SQL under row-level security: every kind of user against every action of
 * DOMAIN.md's table that the database guards, each cell one real statement as the application role with the
 * acting user set (as the app runs it), in a transaction whose deferred rules are fired and which is then
 * rolled back, so the cells do not depend on each other. The same matrix through the use cases and the API is
 * {@code PermissionMatrixContractTest}.
 *
 * <p>A cell the matrix allows is never refused for want of permission (SQLSTATE SSI03, a row-level-security
 * violation 42501, or LH-1's SSH01; the statement may still meet a business rule, as the contract test's calls
 * may). Every other cell is refused by the database for want of permission, or finds nothing to act on because
 * row-level security hides the rows from that user; either way nothing changed. Browsing the audit trail is
 * left out on purpose: V14 leaves audit_log without row-level security (the verifier replays every entry) and
 * AuditAccess decides who sees which entries.
 */
class PermissionMatrixSqlTest {

    /** Who acts: venture roles on the venture under test ("Acme"), global roles, and nobody special. */
    enum Who {
        OWNER_OF_ACME, CONTRIBUTOR_ON_ACME, REVIEWER_ON_ACME, OWNER_OF_ANOTHER_VENTURE,
        GLOBAL_COMPLIANCE, GLOBAL_ADMIN, GLOBAL_SUPPORT, NO_ROLE
    }

    /** The permission refusals: ID-3's own, row-level security's, and LH-1's (only compliance imposes holds). */
    private static final Set<String> PERMISSION_STATES = Set.of("SSI03", "42501", "SSH01");

    @FunctionalInterface
    interface Cell {
        /** Runs the action's statements as {@code who}; answers the rows it saw or changed. */
        long run(Connection c, UUID who) throws SQLException;
    }

    /** The rows of the ID-3 table the database guards, each as the plain SQL a client could send. */
    enum Action {
        READ_CAP_TABLE((c, who) -> number(c, "SELECT count(*) FROM equity_ledger WHERE venture_id = ?", acme),
                Who.OWNER_OF_ACME, Who.CONTRIBUTOR_ON_ACME, Who.REVIEWER_ON_ACME, Who.GLOBAL_COMPLIANCE, Who.GLOBAL_ADMIN,
                Who.GLOBAL_SUPPORT),
        EDIT_CAP_TABLE((c, who) -> update(c, "UPDATE equity_ledger SET effective_to = DATE '2026-05-31', version = version + 1 "
                        + "WHERE venture_id = ? AND effective_to IS NULL", acme)
                + update(c, "INSERT INTO equity_ledger (venture_id, holder_type, holder_id, percent, effective_from) "
                        + "VALUES (?, 'user', ?, 100.000, DATE '2026-06-01')", acme, people.get(Who.OWNER_OF_ACME)),
                Who.OWNER_OF_ACME, Who.GLOBAL_ADMIN),
        CONVERT_BUZ((c, who) -> update(c, "INSERT INTO equity_conversions (venture_id, user_id, buz_spent, equity_percent_granted, "
                        + "effective_date, policy_snapshot) VALUES (?, ?, 1000, 0.100000, DATE '2026-06-01', '{}'::jsonb)",
                acme, people.get(Who.CONTRIBUTOR_ON_ACME)),
                Who.OWNER_OF_ACME, Who.GLOBAL_ADMIN),
        // a decided document written straight in (the decision columns of an existing one meet KY-1..KY-7 first)
        DECIDE_KYC((c, who) -> update(c, "INSERT INTO kyc_documents (user_id, doc_type, status, verifier) VALUES (?, 'id_card', 'verified', 'matrix')",
                applicant),
                Who.GLOBAL_COMPLIANCE),
        MANAGE_LEGAL_HOLDS((c, who) -> update(c, "INSERT INTO legal_holds (venture_id, reason, applies_to, imposed_by_user_id) "
                        + "VALUES (?, 'Matrix', 'equity', ?)", acme, who),
                Who.GLOBAL_COMPLIANCE),
        WORK_DISPUTES((c, who) -> update(c, "UPDATE disputes SET assigned_to = ?, status = 'in_review', first_responded_at = now(), "
                        + "version = version + 1 WHERE id = ?", who, dispute),
                Who.GLOBAL_SUPPORT, Who.GLOBAL_ADMIN),
        MANAGE_USERS((c, who) -> update(c, "INSERT INTO role_assignments (user_id, venture_id, role, scope, granted_by, reason) "
                        + "VALUES (?, ?, 'reviewer', 'venture', ?, 'matrix')", newcomer, acme, who),
                Who.GLOBAL_ADMIN);

        final Cell cell;
        final Set<Who> allowed;

        Action(Cell cell, Who first, Who... more) {
            this.cell = cell;
            this.allowed = EnumSet.of(first, more);
        }
    }

    private static TestDatabase db;
    static UUID acme;
    static UUID applicant;
    static UUID dispute;
    static UUID newcomer;
    static final Map<Who, UUID> people = new EnumMap<>(Who.class);

    @BeforeAll
    static void setUp() throws SQLException {
        db = TestPostgres.newDatabase();
        try (Connection owner = db.ownerConnection()) {
            for (Who who : Who.values()) {
                UUID id = user(owner, unique(who.name().toLowerCase().replace('_', ' ')), "verified");
                String global = switch (who) {
                    case GLOBAL_COMPLIANCE -> "compliance";
                    case GLOBAL_ADMIN -> "admin";
                    case GLOBAL_SUPPORT -> "support";
                    default -> null;
                };
                if (global != null) {
                    exec(owner, "INSERT INTO role_assignments (user_id, role, scope, reason) VALUES (?, '" + global + "', 'global', 'matrix')", id);
                }
                people.put(who, id);
            }
            acme = venture(owner, unique("Acme"), people.get(Who.OWNER_OF_ACME));
            venture(owner, unique("Other"), people.get(Who.OWNER_OF_ANOTHER_VENTURE));
            exec(owner, "INSERT INTO equity_ledger (venture_id, holder_type, holder_id, percent, effective_from) "
                    + "VALUES (?, 'user', ?, 100.000, DATE '2026-01-01')", acme, people.get(Who.OWNER_OF_ACME));
            exec(owner, "INSERT INTO role_assignments (user_id, venture_id, role, scope, reason) VALUES (?, ?, 'contributor', 'venture', 'matrix'), "
                    + "(?, ?, 'reviewer', 'venture', 'matrix')", people.get(Who.CONTRIBUTOR_ON_ACME), acme, people.get(Who.REVIEWER_ON_ACME), acme);
            issuanceRule(owner, acme, 50_000);
            wallet(owner, people.get(Who.CONTRIBUTOR_ON_ACME));
            applicant = user(owner, unique("Applicant"), "pending");
            UUID row = uuid(owner, "SELECT id FROM equity_ledger WHERE venture_id = ?", acme);
            dispute = uuid(owner, "INSERT INTO disputes (venture_id, raised_by_user_id, object_type, object_id, reason) "
                    + "VALUES (?, ?, 'equity', ?, 'My share is wrong') RETURNING id", acme, people.get(Who.CONTRIBUTOR_ON_ACME), row);
            newcomer = user(owner, unique("Newcomer"), "verified");
        }
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    static Stream<Arguments> cells() {
        return Stream.of(Action.values()).flatMap(action -> Stream.of(Who.values()).map(who -> Arguments.of(action, who)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("cells")
    void the_database_decides_who_may(Action action, Who who) throws SQLException {
        List<Long> before = footprint();
        long rows;
        String refused = null;
        String message = null;
        try (Connection app = db.appConnection(people.get(who))) {
            app.setAutoCommit(false);
            try {
                rows = action.cell.run(app, people.get(who));
                try (Statement s = app.createStatement()) {
                    s.execute("SET CONSTRAINTS ALL IMMEDIATE"); // the deferred rules speak now, not at a commit that never comes
                }
            } catch (SQLException e) {
                rows = -1;
                refused = e.getSQLState();
                message = e.getMessage();
            } finally {
                app.rollback();
                app.setAutoCommit(true);
            }
        }
        String cell = action + " by " + who + ": " + (refused == null ? rows + " rows" : "refused " + refused + " " + message);
        if (action.allowed.contains(who)) {
            assertThat(refused).as(cell).isNotIn(PERMISSION_STATES);
            if (refused == null) {
                assertThat(rows).as("%s: an allowed user sees or changes the rows", cell).isPositive();
            }
        } else if (refused == null) {
            assertThat(rows).as("%s: a refused user may only find nothing to act on", cell).isZero();
        } else {
            assertThat(refused).as(cell).isIn(PERMISSION_STATES);
            if (!refused.equals("42501")) {
                assertThat(message).as(cell).containsAnyOf("ID-3: ", "LH-1: ");
            }
        }
        assertThat(footprint()).as("%s: nothing stays changed", cell).isEqualTo(before);
    }

    /** What the cells could change, read as the owner. */
    private static List<Long> footprint() throws SQLException {
        try (Connection owner = db.ownerConnection()) {
            return List.of(
                    number(owner, "SELECT count(*) FROM equity_ledger WHERE venture_id = ? AND effective_to IS NULL", acme),
                    number(owner, "SELECT count(*) FROM equity_conversions WHERE venture_id = ?", acme),
                    number(owner, "SELECT count(*) FROM kyc_documents WHERE user_id = ?", applicant),
                    number(owner, "SELECT count(*) FROM legal_holds WHERE venture_id = ?", acme),
                    number(owner, "SELECT count(*) FROM disputes WHERE id = ? AND assigned_to IS NULL", dispute),
                    number(owner, "SELECT count(*) FROM role_assignments WHERE user_id = ?", newcomer));
        }
    }

    private static long update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i]);
            }
            return p.executeUpdate();
        }
    }
}
