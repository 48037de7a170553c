package org.smartstart.backoffice.persistence.audit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.cli.AuditCommand;
import org.smartstart.backoffice.domain.audit.AuditEntry;
import org.smartstart.backoffice.domain.audit.ChainBreak;
import org.smartstart.backoffice.domain.audit.ChainBreak.Reason;
import org.smartstart.backoffice.domain.audit.VerificationResult;
import org.smartstart.backoffice.persistence.db.BackOfficeDatabase;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * AU-4 on tampered copies: a superuser switches triggers off (session_replication_role = replica),
 * which is exactly what the chain exists to catch. Each test tampers, verifies, and the log is put
 * back from a pristine copy afterwards.
 */
class AuditVerifierTest {

    private static final int ENTRIES = 30;

    private static TestDatabase db;
    private static UUID grace;
    private static UUID alan;

    @BeforeAll
    static void sealAChain() throws Exception {
        db = TestPostgres.newDatabase();
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement()) {
            grace = insertUser(s, "Grace", "grace@example.org");
            alan = insertUser(s, "Alan", "alan@example.org");
        }
        for (int i = 1; i <= ENTRIES; i++) {
            int n = i;
            db.transactions().inTransaction(grace, c -> {
                AuditOutbox.append(c, new AuditEntry(n % 3 == 0 ? null : grace, "EQUITY_CHANGE", "equity_ledger", UUID.randomUUID(), null,
                        Map.of("n", n, "before", Map.of("percent", "12.500"), "after", 1.50, "big", 12345678901234567L,
                                "name", "Zoë \"quoted\" \u0001 ✓", "list", List.of(1, 2e3, true))));
                return null;
            });
        }
        assertThat(new AuditSealer(db.database().dataSource()).sealPending()).isEqualTo(ENTRIES);
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE pristine_audit_log AS SELECT * FROM audit_log");
        }
    }

    private static UUID insertUser(Statement s, String name, String email) throws SQLException {
        try (ResultSet r = s.executeQuery("INSERT INTO users (display_name, email) VALUES ('" + name + "', '" + email + "') RETURNING id")) {
            r.next();
            return r.getObject(1, UUID.class);
        }
    }

    @AfterEach
    void restore() throws SQLException {
        superuser("DELETE FROM audit_log; INSERT INTO audit_log SELECT * FROM pristine_audit_log; "
                + "UPDATE audit_chain_head SET seq = " + ENTRIES + ", tx_hash = (SELECT tx_hash FROM audit_log WHERE seq = " + ENTRIES + ")");
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    /** Tampering as a superuser with triggers switched off, in one transaction. */
    private static void superuser(String sql) throws SQLException {
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET LOCAL session_replication_role = replica");
            s.execute(sql);
            c.commit();
        }
    }

    private static VerificationResult verify() throws SQLException {
        return new AuditVerifier(db.database().dataSource(), 7).verify();
    }

    private static ChainBreak firstBreak() throws SQLException {
        VerificationResult result = verify();
        assertThat(result.firstBreak()).as("the tampering is detected").isPresent();
        return result.firstBreak().get();
    }

    @Test
    void anUntouchedChainVerifiesWithProgressAndTheHead() throws SQLException {
        List<Long> progress = new ArrayList<>();
        VerificationResult result = new AuditVerifier(db.database().dataSource(), 7).verify(progress::add, () -> false);
        assertThat(result.firstBreak()).isEmpty();
        assertThat(result.verifiedEntries()).isEqualTo(ENTRIES);
        assertThat(result.lastSeq()).isEqualTo(ENTRIES);
        assertThat(result.lastTxHash()).matches("[0-9a-f]{64}");
        assertThat(progress).last().isEqualTo((long) ENTRIES);
    }

    @Test
    void changedDataIsNamedAtItsSeq() throws SQLException {
        superuser("UPDATE audit_log SET data = jsonb_set(data, '{before,percent}', '\"12.600\"') WHERE seq = 5");
        ChainBreak b = firstBreak();
        assertThat(b.seq()).isEqualTo(5);
        assertThat(b.reason()).isEqualTo(Reason.CONTENT_CHANGED);
        assertThat(b.explanation()).contains("its content was changed").contains("EQUITY_CHANGE on equity_ledger");
        assertThat(verify().verifiedEntries()).isEqualTo(4);
    }

    @Test
    void aChangedActorIsNamedAtItsSeq() throws SQLException {
        superuser("UPDATE audit_log SET actor_user_id = '" + alan + "' WHERE seq = 7");
        assertThat(firstBreak()).extracting(ChainBreak::seq, ChainBreak::reason).containsExactly(7L, Reason.CONTENT_CHANGED);
    }

    @Test
    void aSystemEntryGivenAnActorIsNamedAtItsSeq() throws SQLException {
        superuser("UPDATE audit_log SET actor_user_id = '" + alan + "' WHERE seq = 9");
        assertThat(firstBreak()).extracting(ChainBreak::seq, ChainBreak::reason).containsExactly(9L, Reason.CONTENT_CHANGED);
    }

    @Test
    void aTimeMovedByOneMicrosecondIsNamedAtItsSeq() throws SQLException {
        superuser("UPDATE audit_log SET ts = ts + interval '1 microsecond' WHERE seq = 3");
        assertThat(firstBreak()).extracting(ChainBreak::seq, ChainBreak::reason).containsExactly(3L, Reason.CONTENT_CHANGED);
    }

    @Test
    void aDeletedEntryIsNamedAsMissing() throws SQLException {
        superuser("DELETE FROM audit_log WHERE seq = 6");
        ChainBreak b = firstBreak();
        assertThat(b).extracting(ChainBreak::seq, ChainBreak::reason).containsExactly(6L, Reason.ENTRY_MISSING);
        assertThat(b.explanation()).isEqualTo("entry seq 6 is missing: the log goes from seq 5 to seq 7");
    }

    @Test
    void aDeletedLastEntryIsFoundThroughTheHead() throws SQLException {
        superuser("DELETE FROM audit_log WHERE seq = " + ENTRIES);
        ChainBreak b = firstBreak();
        assertThat(b).extracting(ChainBreak::seq, ChainBreak::reason).containsExactly((long) ENTRIES, Reason.ENTRY_MISSING);
        assertThat(b.explanation()).contains("the log ends at seq " + (ENTRIES - 1) + " but the chain head is at seq " + ENTRIES);
    }

    @Test
    void twoSwappedEntriesBreakTheLinkAtTheFirstOfThem() throws SQLException {
        superuser("UPDATE audit_log SET seq = -1 WHERE seq = 11; UPDATE audit_log SET seq = 11 WHERE seq = 12; "
                + "UPDATE audit_log SET seq = 12 WHERE seq = -1");
        ChainBreak b = firstBreak();
        assertThat(b).extracting(ChainBreak::seq, ChainBreak::reason).containsExactly(11L, Reason.LINK_BROKEN);
        assertThat(b.explanation()).contains("is not the tx_hash").contains("of seq 10");
    }

    @Test
    void anEntryRewrittenWithAFreshHashBreaksTheNextLink() throws SQLException {
        // the forger recomputes entry 8's hash correctly; entry 9 still points at the old one
        String prev;
        AuditHash.Content content;
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id, seq, ts, actor_user_id, action, object_type, object_id, venture_id, "
                     + "jsonb_set(data, '{after}', '99')::text, prev_tx_hash FROM audit_log WHERE seq = 8")) {
            r.next();
            content = new AuditHash.Content(r.getObject(1, UUID.class), r.getLong(2), r.getObject(3, java.time.OffsetDateTime.class),
                    r.getObject(4, UUID.class), r.getString(5), r.getString(6), r.getObject(7, UUID.class), r.getObject(8, UUID.class),
                    r.getString(9));
            prev = r.getString(10);
        }
        String forged = new AuditHash().txHash(prev, content);
        superuser("UPDATE audit_log SET data = '" + content.dataJson() + "'::jsonb, tx_hash = '" + forged + "' WHERE seq = 8");
        assertThat(firstBreak()).extracting(ChainBreak::seq, ChainBreak::reason).containsExactly(9L, Reason.LINK_BROKEN);
    }

    @Test
    void aHeadThatDoesNotMatchTheLastEntryIsReported() throws SQLException {
        superuser("UPDATE audit_chain_head SET tx_hash = repeat('a', 64)");
        assertThat(firstBreak()).extracting(ChainBreak::seq, ChainBreak::reason).containsExactly((long) ENTRIES, Reason.HEAD_MISMATCH);
    }

    @Test
    void unsealedEntriesAreCountedNotVerified() throws SQLException {
        superuser("INSERT INTO audit_outbox (action, object_type, data) VALUES ('WAITING', 'test', '{}')");
        try {
            VerificationResult result = verify();
            assertThat(result.intact()).isTrue();
            assertThat(result.unsealedEntries()).isEqualTo(1);
        } finally {
            superuser("DELETE FROM audit_outbox WHERE action = 'WAITING'");
        }
    }

    @Test
    void verificationCanBeCancelled() {
        AtomicInteger polls = new AtomicInteger();
        assertThatThrownBy(() -> new AuditVerifier(db.database().dataSource(), 7).verify(done -> { }, () -> polls.incrementAndGet() > 1))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void theCommandPrintsTheHeadOnSuccessAndTheFirstBadSeqOnFailure() throws SQLException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(auditVerify(out, err)).isZero();
        assertThat(out.toString()).startsWith("Audit chain verified: " + ENTRIES + " entries, head seq " + ENTRIES + " tx_hash ")
                .contains("; 0 entries waiting to be sealed");

        superuser("UPDATE audit_log SET data = '{}' WHERE seq = 4");
        out = new StringWriter();
        err = new StringWriter();
        assertThat(auditVerify(out, err)).isEqualTo(1);
        assertThat(err.toString()).startsWith("Audit chain broken at seq 4: its content was changed");
        assertThat(out.toString()).isEmpty();
    }

    private static int auditVerify(StringWriter out, StringWriter err) {
        CommandLine cli = new CommandLine(new AuditCommand(() -> BackOfficeDatabase.attach(db.settings())));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute("verify");
    }
}
