package org.smartstart.backoffice.persistence.usecase;

import org.hibernate.StaleObjectStateException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.domain.audit.AuditEntry;
import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.testing.TestAccounts;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guarantees every local use case inherits from {@link LocalUseCases}. */
class LocalUseCasesTest {

    private static BackOfficeFixture fixture;
    private static LocalServices services;

    @BeforeAll
    static void setUp() {
        fixture = BackOfficeFixture.create();
        services = LocalServices.open(fixture.db().database(), Clock.systemUTC());
    }

    @AfterAll
    static void tearDown() {
        services.close();
        fixture.close();
    }

    @Test
    void a_successful_command_commits_its_change_with_exactly_one_audit_entry_as_the_acting_user() throws Exception {
        UUID user = TestAccounts.user(fixture.db(), "Cam Mand", unique(), "pw", "admin");
        Session session = fixture.sessionFor(user);
        String skill = "Skill " + UUID.randomUUID();

        Outcome<String> outcome = services.useCases().command(session, (actor, tx, audit) -> {
            insertSkill(tx.connection(), skill);
            audit.record(skillAdded(actor.userId(), skill));
            return Outcome.done(currentUser(tx.connection()));
        });

        assertThat(outcome.orElseThrow()).isEqualTo(user.toString());
        assertThat(count("SELECT count(*) FROM skills WHERE name = '" + skill + "'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_outbox WHERE action = 'SKILL_ADDED' AND actor_user_id = '" + user + "'")
                + count("SELECT count(*) FROM audit_log WHERE action = 'SKILL_ADDED' AND actor_user_id = '" + user + "'"))
                .isEqualTo(1);
    }

    @Test
    void a_refused_command_leaves_no_trace() throws Exception {
        UUID user = TestAccounts.user(fixture.db(), "Re Fused", unique(), "pw", "admin");
        String skill = "Skill " + UUID.randomUUID();

        Outcome<Object> outcome = services.useCases().command(fixture.sessionFor(user), (actor, tx, audit) -> {
            insertSkill(tx.connection(), skill);
            audit.record(new AuditEntry(actor.userId(), "SKILL_ADDED", "skill", null, null, Map.of()));
            return Outcome.rejected("EQ-1", "On 2026-03-01 the cap table of Acme would total 97.500%, not 100% (EQ-1).");
        });

        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        assertThat(count("SELECT count(*) FROM skills WHERE name = '" + skill + "'")).isZero();
    }

    @Test
    void a_command_that_forgets_its_audit_entry_is_a_bug_and_writes_nothing() throws Exception {
        UUID user = TestAccounts.user(fixture.db(), "For Gets", unique(), "pw", "admin");
        String skill = "Skill " + UUID.randomUUID();

        assertThatThrownBy(() -> services.useCases().command(fixture.sessionFor(user), (actor, tx, audit) -> {
            insertSkill(tx.connection(), skill);
            return Outcome.done("saved");
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("AU-1");
        assertThat(count("SELECT count(*) FROM skills WHERE name = '" + skill + "'")).isZero();
    }

    @Test
    void a_query_runs_read_only() throws Exception {
        UUID user = TestAccounts.user(fixture.db(), "Read Only", unique(), "pw", "admin");

        assertThatThrownBy(() -> services.useCases().query(fixture.sessionFor(user), (actor, tx) -> {
            insertSkill(tx.connection(), "Never");
            return Outcome.done("saved");
        })).hasMessageContaining("read-only");
    }

    @Test
    void a_database_rule_refusal_becomes_a_rejection_with_the_same_rule_id() throws Exception {
        UUID officer = TestAccounts.user(fixture.db(), "Cora Compliance", unique(), "pw", "compliance");
        UUID venture = TestAccounts.venture(fixture.db(), "Held " + UUID.randomUUID(), "ca", "draft", null, "equity");

        Outcome<Object> outcome = services.useCases().command(fixture.sessionFor(officer), (actor, tx, audit) -> {
            try (Statement s = tx.connection().createStatement()) {
                s.executeUpdate("UPDATE legal_holds SET reason = 'rewritten' WHERE venture_id = '" + venture + "'");
            }
            audit.record(new AuditEntry(actor.userId(), "HOLD_EDITED", "legal_hold", null, venture, Map.of()));
            return Outcome.done(null);
        });

        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        assertThat(((Outcome.Rejected<Object>) outcome).first().ruleId()).isEqualTo("LH-2");
        assertThat(count("SELECT count(*) FROM legal_holds WHERE reason = 'rewritten'")).isZero();
    }

    @Test
    void no_valid_session_no_work() {
        AtomicInteger ran = new AtomicInteger();
        Session unknown = new Session(UUID.randomUUID(), UUID.randomUUID(), "nope", java.time.Instant.now().plusSeconds(60));

        Outcome<Object> outcome = services.useCases().query(unknown, (actor, tx) -> {
            ran.incrementAndGet();
            return Outcome.done(null);
        });

        assertThat(outcome).isInstanceOf(Outcome.Unauthenticated.class);
        assertThat(ran).hasValue(0);
    }

    @Test
    void lost_races_and_lost_connections_become_conflict_and_unavailable() {
        Outcome<Object> stale = LocalUseCases.failure(new StaleObjectStateException("org.example.VentureEntity", 7));
        Outcome<Object> serialization = LocalUseCases.failure(new SQLException("could not serialize", "40001"));
        Outcome<Object> down = LocalUseCases.failure(new RuntimeException(new SQLTransientConnectionException("pool timed out")));
        Outcome<Object> refused = LocalUseCases.failure(new SQLException("Connection refused", "08001"));

        assertThat(stale).isInstanceOf(Outcome.Conflict.class);
        assertThat(stale.describe()).startsWith("Venture 7 was changed by someone else");
        assertThat(serialization).isInstanceOf(Outcome.Conflict.class);
        assertThat(down).isInstanceOf(Outcome.Unavailable.class);
        assertThat(refused).isInstanceOf(Outcome.Unavailable.class);
        assertThat(((Outcome.Unavailable<Object>) refused).retryAfter()).isPositive();
        assertThatThrownBy(() -> LocalUseCases.failure(new IllegalArgumentException("a bug"))).hasMessage("a bug");
    }

    @Test
    void a_connection_lost_while_committing_does_not_claim_that_nothing_was_saved() throws Exception {
        UUID user = TestAccounts.user(fixture.db(), "Com Mit", unique(), "pw", "admin");
        String skill = "Skill " + UUID.randomUUID();
        // Just before the COMMIT, the server process of this transaction is terminated (and waited for).
        LocalUseCases dying = services.useCases().beforeCommit((connection, actor, done) -> {
            int pid;
            try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT pg_backend_pid()")) {
                r.next();
                pid = r.getInt(1);
            }
            try (Connection owner = fixture.db().ownerConnection(); Statement s = owner.createStatement();
                 ResultSet r = s.executeQuery("SELECT pg_terminate_backend(" + pid + ", 10000)")) {
                r.next();
                assertThat(r.getBoolean(1)).isTrue();
            }
        });

        Outcome<Object> outcome = dying.command(fixture.sessionFor(user), (actor, tx, audit) -> {
            insertSkill(tx.connection(), skill);
            audit.record(skillAdded(actor.userId(), skill));
            return Outcome.done("saved");
        });

        assertThat(outcome).isInstanceOf(Outcome.Unavailable.class);
        assertThat(outcome.describe()).contains("may or may not have been saved").doesNotContain("nothing was saved");
        // Here the server died before the COMMIT reached it, so the change is in fact absent.
        assertThat(count("SELECT count(*) FROM skills WHERE name = '" + skill + "'")).isZero();
        // A connection lost before the commit is still "nothing was saved".
        assertThat(LocalUseCases.failure(new SQLException("An I/O error occurred", "08006")).describe()).contains("nothing was saved");
    }

    @Test
    void an_audit_entry_the_database_refuses_takes_the_change_with_it_and_the_connection_stays_usable() throws Exception {
        UUID user = TestAccounts.user(fixture.db(), "Aud It", unique(), "pw", "admin");
        Session session = fixture.sessionFor(user);
        String skill = "Skill " + UUID.randomUUID();

        // The entry and the COMMIT go to the server together: jsonb refuses a NUL character, and the COMMIT must not run.
        Outcome<Object> outcome = services.useCases().command(session, (actor, tx, audit) -> {
            insertSkill(tx.connection(), skill);
            audit.record(skillAdded(actor.userId(), "nul \u0000 here"));
            return Outcome.done("saved");
        });

        assertThat(outcome).isInstanceOf(Outcome.Invalid.class);
        assertThat(count("SELECT count(*) FROM skills WHERE name = '" + skill + "'")).isZero();
        // every pooled connection is back without an open or aborted transaction
        for (int i = 0; i < 20; i++) {
            assertThat(services.useCases().query(session, (actor, tx) -> Outcome.done(currentUser(tx.connection()))).orElseThrow())
                    .isEqualTo(user.toString());
        }
        assertThat(count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'")).isZero();
    }

    @Test
    void a_connection_lost_before_the_audit_entry_and_commit_does_not_claim_that_nothing_was_saved() throws Exception {
        UUID user = TestAccounts.user(fixture.db(), "Los T", unique(), "pw", "admin");
        String skill = "Skill " + UUID.randomUUID();

        Outcome<Object> outcome = services.useCases().command(fixture.sessionFor(user), (actor, tx, audit) -> {
            insertSkill(tx.connection(), skill);
            int pid;
            try (Statement s = tx.connection().createStatement(); ResultSet r = s.executeQuery("SELECT pg_backend_pid()")) {
                r.next();
                pid = r.getInt(1);
            }
            try (Connection owner = fixture.db().ownerConnection(); Statement s = owner.createStatement();
                 ResultSet r = s.executeQuery("SELECT pg_terminate_backend(" + pid + ", 10000)")) {
                r.next();
            }
            audit.record(skillAdded(actor.userId(), skill));
            return Outcome.done("saved");
        });

        // the round trip that carries the COMMIT broke: the outcome must not pretend to know
        assertThat(outcome).isInstanceOf(Outcome.Unavailable.class);
        assertThat(outcome.describe()).contains("may or may not have been saved");
        assertThat(count("SELECT count(*) FROM skills WHERE name = '" + skill + "'")).isZero();
    }

    /** The audit entry of adding a skill (the commands of these tests add skills). */
    private static AuditEntry skillAdded(UUID actor, String name) {
        return new AuditEntry(actor, "SKILL_ADDED", "skill", null, null, Map.of("name", name));
    }

    private static void insertSkill(Connection c, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO skills (slug, name, category) VALUES (?, ?, 'engineering')")) {
            p.setString(1, name.toLowerCase().replace(' ', '-'));
            p.setString(2, name);
            p.executeUpdate();
        }
    }

    private static String currentUser(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT current_setting('app.current_user_id')")) {
            r.next();
            return r.getString(1);
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = fixture.db().ownerConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String unique() {
        return "u." + UUID.randomUUID().toString().substring(0, 8) + "@usecases.test";
    }
}
