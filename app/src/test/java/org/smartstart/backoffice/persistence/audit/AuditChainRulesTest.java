package org.smartstart.backoffice.persistence.audit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AU-2 (chain shape) and AU-3 (append-only) as any SQL client meets them. */
class AuditChainRulesTest {

    private static TestDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = TestPostgres.newDatabase();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    record Head(long seq, String txHash) {
    }

    static Head head(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT seq, tx_hash FROM audit_chain_head")) {
            r.next();
            return new Head(r.getLong(1), r.getString(2));
        }
    }

    static String randomHash() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** The seed's shape: no seq, no venture, no id. */
    static void seedInsert(Connection c, String prev, String tx) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO audit_log (action, object_type, data, prev_tx_hash, tx_hash) VALUES ('SEED_IMPORT', 'venture', '{\"k\": 1}', ?, ?)")) {
            p.setString(1, prev);
            p.setString(2, tx);
            p.executeUpdate();
        }
    }

    static void insertWithSeq(Connection c, long seq, String prev, String tx) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO audit_log (seq, action, object_type, data, prev_tx_hash, tx_hash) VALUES (?, 'SEED_IMPORT', 'venture', '{}', ?, ?)")) {
            p.setLong(1, seq);
            p.setString(2, prev);
            p.setString(3, tx);
            p.executeUpdate();
        }
    }

    static String sqlState(Throwable e) {
        return ((SQLException) e).getSQLState();
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ChainShape {

        @Test
        void seedShapedInsertContinuingTheHeadIsNumberedAndMovesTheHead() throws SQLException {
            try (Connection c = db.ownerConnection()) {
                Head before = head(c);
                String tx = randomHash();
                seedInsert(c, before.txHash(), tx);
                assertThat(head(c)).isEqualTo(new Head(before.seq() + 1, tx));
                try (Statement s = c.createStatement();
                     ResultSet r = s.executeQuery("SELECT seq FROM audit_log WHERE tx_hash = '" + tx + "'")) {
                    r.next();
                    assertThat(r.getLong(1)).isEqualTo(before.seq() + 1);
                }
            }
        }

        @Test
        void genesisPrevHashIsSixtyFourZeros() throws SQLException {
            TestDatabase fresh = TestPostgres.newDatabase();
            try (fresh; Connection c = fresh.ownerConnection()) {
                assertThat(head(c)).isEqualTo(new Head(0, "0".repeat(64)));
                assertThatThrownBy(() -> seedInsert(c, "1".repeat(64), randomHash()))
                        .satisfies(e -> assertThat(sqlState(e)).isEqualTo("SSA02"));
                seedInsert(c, "0".repeat(64), randomHash());
                assertThat(head(c).seq()).isEqualTo(1);
            }
        }

        @Test
        void seedShapedInsertWithAWrongPrevHashIsRefused() throws SQLException {
            try (Connection c = db.ownerConnection()) {
                seedInsert(c, head(c).txHash(), randomHash());
                Head before = head(c);
                String wrongPrev = randomHash();
                assertThatThrownBy(() -> seedInsert(c, wrongPrev, randomHash()))
                        .satisfies(e -> assertThat(sqlState(e)).isEqualTo("SSA02"))
                        .hasMessageContaining("AU-2: entry seq " + (before.seq() + 1) + " does not continue the chain: its prev_tx_hash is "
                                + wrongPrev.substring(0, 16))
                        .hasMessageContaining("the head is seq " + before.seq() + " with tx_hash " + before.txHash().substring(0, 16));
                assertThat(head(c)).isEqualTo(before);
            }
        }

        @Test
        void anExplicitSeqThatSkipsAheadIsRefusedAndTheNextOneAccepted() throws SQLException {
            try (Connection c = db.ownerConnection()) {
                seedInsert(c, head(c).txHash(), randomHash());
                Head before = head(c);
                assertThatThrownBy(() -> insertWithSeq(c, before.seq() + 2, before.txHash(), randomHash()))
                        .satisfies(e -> assertThat(sqlState(e)).isEqualTo("SSA02"))
                        .hasMessageContaining("AU-2: entry seq " + (before.seq() + 2) + " does not continue the chain: the head is seq "
                                + before.seq() + " with tx_hash " + before.txHash().substring(0, 16) + "…");
                assertThatThrownBy(() -> insertWithSeq(c, before.seq(), before.txHash(), randomHash()))
                        .satisfies(e -> assertThat(sqlState(e)).isEqualTo("SSA02"));

                String tx = randomHash();
                insertWithSeq(c, before.seq() + 1, before.txHash(), tx);
                assertThat(head(c)).isEqualTo(new Head(before.seq() + 1, tx));
            }
        }

        @Test
        void severalEntriesInOneStatementChainInOrderAndMoveTheHeadToTheLast() throws SQLException {
            try (Connection c = db.ownerConnection()) {
                Head before = head(c);
                String a = randomHash();
                String b = randomHash();
                String bad = randomHash();
                try (PreparedStatement p = c.prepareStatement("INSERT INTO audit_log (action, object_type, data, prev_tx_hash, tx_hash) "
                        + "VALUES ('SEED_IMPORT', 'venture', '{}', ?, ?), ('SEED_IMPORT', 'venture', '{}', ?, ?)")) {
                    p.setString(1, before.txHash());
                    p.setString(2, a);
                    p.setString(3, bad);
                    p.setString(4, randomHash());
                    assertThatThrownBy(p::executeUpdate)
                            .satisfies(e -> assertThat(sqlState(e)).isEqualTo("SSA02"))
                            .hasMessageContaining("AU-2: entry seq " + (before.seq() + 2) + " does not continue the chain")
                            .hasMessageContaining("the head is seq " + (before.seq() + 1));
                    assertThat(head(c)).isEqualTo(before);

                    p.setString(3, a);
                    p.setString(4, b);
                    assertThat(p.executeUpdate()).isEqualTo(2);
                }
                assertThat(head(c)).isEqualTo(new Head(before.seq() + 2, b));
            }
        }

        @Test
        void aTxHashThatIsNotLowercaseHexIsRefused() throws SQLException {
            try (Connection c = db.ownerConnection()) {
                Head before = head(c);
                assertThatThrownBy(() -> seedInsert(c, before.txHash(), randomHash().toUpperCase()))
                        .satisfies(e -> assertThat(sqlState(e)).isEqualTo("SSA02"))
                        .hasMessageContaining("not 64 lowercase hexadecimal digits");
                assertThat(head(c)).isEqualTo(before);
            }
        }

        @Test
        void theHeadCannotBeMovedDirectlyEvenByTheOwner() throws SQLException {
            try (Connection c = db.ownerConnection(); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_chain_head SET seq = seq + 1"))
                        .satisfies(e -> assertThat(sqlState(e)).isEqualTo("SSA02"))
                        .hasMessageContaining("AU-2: the audit chain head only moves when an entry is appended");
                assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_chain_head"))
                        .satisfies(e -> assertThat(sqlState(e)).isEqualTo("SSA02"));
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class AppendOnly {

        @BeforeAll
        void someEntries() throws SQLException {
            try (Connection c = db.ownerConnection()) {
                for (int i = 0; i < 2; i++) seedInsert(c, head(c).txHash(), randomHash());
            }
        }

        @Test
        void theOwnerCannotUpdateDeleteOrTruncateTheLog() throws SQLException {
            try (Connection c = db.ownerConnection(); Statement s = c.createStatement()) {
                long count = count(c);
                assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_log SET data = '{}' WHERE seq = 1"))
                        .satisfies(e -> assertThat(sqlState(e)).isEqualTo("SSA03"))
                        .hasMessageContaining("AU-3: the audit log is append-only: entry seq 1 (SEED_IMPORT on venture) cannot be changed");
                assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_log WHERE seq = 1"))
                        .satisfies(e -> assertThat(sqlState(e)).isEqualTo("SSA03"))
                        .hasMessageContaining("cannot be deleted");
                assertThatThrownBy(() -> s.executeUpdate("TRUNCATE audit_log"))
                        .satisfies(e -> assertThat(sqlState(e)).isEqualTo("SSA03"))
                        .hasMessageContaining("AU-3: the audit log is append-only: it cannot be truncated");
                assertThat(count(c)).isEqualTo(count);
            }
        }

        @Test
        void theAppRoleLacksThePrivilegesToUpdateDeleteOrTruncateTheLog() throws SQLException {
            try (Connection c = db.appConnection(null); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_log SET data = '{}' WHERE seq = 1"))
                        .satisfies(e -> assertThat(sqlState(e)).isIn("42501", "SSA03"));
                assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_log WHERE seq = 1"))
                        .satisfies(e -> assertThat(sqlState(e)).isIn("42501", "SSA03"));
                assertThatThrownBy(() -> s.executeUpdate("TRUNCATE audit_log"))
                        .satisfies(e -> assertThat(sqlState(e)).isIn("42501", "SSA03"));
            }
        }

        @Test
        void theAppRoleMayAppendAndTheTriggerMovesTheHeadForIt() throws SQLException {
            try (Connection c = db.appConnection(null)) {
                Head before = head(c);
                String tx = randomHash();
                seedInsert(c, before.txHash(), tx);
                assertThat(head(c)).isEqualTo(new Head(before.seq() + 1, tx));
            }
        }

        @Test
        void theAppRoleCannotTouchTheHead() throws SQLException {
            try (Connection c = db.appConnection(null); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_chain_head SET seq = seq + 1"))
                        .satisfies(e -> assertThat(sqlState(e)).isEqualTo("42501"));
                assertThatThrownBy(() -> s.executeQuery("SELECT seq FROM audit_chain_head FOR UPDATE"))
                        .satisfies(e -> assertThat(sqlState(e)).isEqualTo("42501"));
                assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_chain_head"))
                        .satisfies(e -> assertThat(sqlState(e)).isEqualTo("42501"));
            }
        }

        private long count(Connection c) throws SQLException {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM audit_log")) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Nested
    class ApplicationRole {

        @Test
        void cannotCreateOrDropTables() throws SQLException {
            try (Connection c = db.appConnection(null); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.execute("CREATE TABLE sneaky (id int)"))
                        .satisfies(e -> assertThat(sqlState(e)).isEqualTo("42501"));
                assertThatThrownBy(() -> s.execute("DROP TRIGGER audit_log_no_update_or_delete ON audit_log"))
                        .satisfies(e -> assertThat(sqlState(e)).isEqualTo("42501"));
                assertThatThrownBy(() -> s.execute("ALTER TABLE audit_log DISABLE TRIGGER ALL"))
                        .satisfies(e -> assertThat(sqlState(e)).isEqualTo("42501"));
            }
        }

        @Test
        void deletesOnlyFromTheOutbox() throws SQLException {
            try (Connection c = db.appConnection(null); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeUpdate("DELETE FROM users"))
                        .satisfies(e -> assertThat(sqlState(e)).isEqualTo("42501"));
                assertThatThrownBy(() -> s.executeUpdate("TRUNCATE audit_outbox"))
                        .satisfies(e -> assertThat(sqlState(e)).isEqualTo("42501"));
                s.executeUpdate("INSERT INTO audit_outbox (action, object_type, data) VALUES ('X', 'y', '{}')");
                assertThat(s.executeUpdate("DELETE FROM audit_outbox WHERE action = 'X'")).isEqualTo(1);
            }
        }

        @Test
        void worksOnBusinessTablesButNotOnFlywayHistoryOrTheTokenKey() throws SQLException {
            try (Connection c = db.appConnection(null); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO users (display_name, email) VALUES ('Ada', 'ada@example.org')");
                assertThat(s.executeUpdate("UPDATE users SET trust_score = 60 WHERE email = 'ada@example.org'")).isEqualTo(1);
                assertThatThrownBy(() -> s.executeQuery("SELECT * FROM flyway_schema_history"))
                        .satisfies(e -> assertThat(sqlState(e)).isEqualTo("42501"));
                s.executeQuery("SELECT count(*) FROM audit_token_key").close();
                assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_token_key SET created_at = now()"))
                        .satisfies(e -> assertThat(sqlState(e)).isEqualTo("42501"));
            }
        }
    }
}
