package org.smartstart.backoffice.persistence.audit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartstart.backoffice.domain.audit.AuditCheckpoint;
import org.smartstart.backoffice.domain.audit.AuditEntry;
import org.smartstart.backoffice.domain.audit.ChainBreak;
import org.smartstart.backoffice.domain.audit.ChainBreak.Reason;
import org.smartstart.backoffice.domain.audit.VerificationResult;
import org.smartstart.backoffice.domain.audit.VerificationStep;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * AU-5: a superuser who rewrites the whole chain consistently (every hash recomputed, head moved along)
 * passes the plain replay; only a signed checkpoint made before the rewrite gives it away.
 */
class AuditCheckpointTest {

    private static final int ENTRIES = 20;
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    static Path folder;

    private static TestDatabase db;
    private static KeyPair key;

    @BeforeAll
    static void sealAChainAndMakeAKey() throws Exception {
        db = TestPostgres.newDatabase();
        for (int i = 1; i <= ENTRIES; i++) {
            int n = i;
            db.transactions().inTransaction(null, c -> {
                AuditOutbox.append(c, new AuditEntry(null, "EQUITY_CHANGE", "equity_ledger", UUID.randomUUID(), null,
                        Map.of("n", n, "before", Map.of("percent", "12.500"), "after", Map.of("percent", "15.000"))));
                return null;
            });
        }
        assertThat(new AuditSealer(db.database().dataSource()).sealPending()).isEqualTo(ENTRIES);
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE pristine_audit_log AS SELECT * FROM audit_log");
        }
        key = new CheckpointKeyFile(folder.resolve("key.json"), 1_000).create("correct horse".toCharArray());
    }

    @AfterEach
    void restore() throws SQLException {
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET LOCAL session_replication_role = replica");
            s.execute("DELETE FROM audit_log; INSERT INTO audit_log SELECT * FROM pristine_audit_log; "
                    + "UPDATE audit_chain_head SET seq = " + ENTRIES + ", tx_hash = (SELECT tx_hash FROM audit_log WHERE seq = " + ENTRIES + ")");
            c.commit();
        }
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    private static AuditCheckpoint checkpoint() throws Exception {
        return new AuditCheckpoints(db.database().dataSource()).create(key, NOW);
    }

    private static VerificationResult verify(AuditCheckpoint checkpoint) throws SQLException {
        return new AuditVerifier(db.database().dataSource(), 7).verify(done -> { }, () -> false, checkpoint == null ? null : checkpoint.anchor());
    }

    private static void rewriteConsistentlyFrom(long seq, int keep) throws SQLException {
        try (Connection c = db.ownerConnection()) {
            ChainForger.rewriteConsistentlyFrom(c, seq, keep);
        }
    }

    @Test
    void aCheckpointSignsTheVerifiedHeadAndHoldsAgainstTheUntouchedLog() throws Exception {
        AuditCheckpoint checkpoint = checkpoint();
        assertThat(checkpoint.seq()).isEqualTo(ENTRIES);
        assertThat(checkpoint.createdAt()).isEqualTo(NOW);
        assertThat(checkpoint.signatureHolds()).isTrue();
        assertThat(checkpoint.problem(Base64.getEncoder().encodeToString(key.getPublic().getEncoded()))).isEmpty();
        assertThat(verify(checkpoint).intact()).isTrue();
    }

    @Test
    void aConsistentRewriteOfTheWholeChainPassesTheReplayButNotTheCheckpoint() throws Exception {
        AuditCheckpoint checkpoint = checkpoint();
        rewriteConsistentlyFrom(1, ENTRIES);

        assertThat(verify(null).intact()).as("the rewritten chain holds in itself").isTrue();
        ChainBreak b = verify(checkpoint).firstBreak().orElseThrow();
        assertThat(b.seq()).isEqualTo(ENTRIES);
        assertThat(b.reason()).isEqualTo(Reason.CHECKPOINT_MISMATCH);
        assertThat(b.explanation()).contains("rewritten").contains(checkpoint.txHash().substring(0, 16))
                .contains("signed 2026-12-01T10:00:00Z");
    }

    @Test
    void aRewriteThatAlsoCutsTheEndOffIsNamedAtTheFirstMissingSeq() throws Exception {
        AuditCheckpoint checkpoint = checkpoint();
        rewriteConsistentlyFrom(12, 15);

        assertThat(verify(null).intact()).isTrue();
        ChainBreak b = verify(checkpoint).firstBreak().orElseThrow();
        assertThat(b.seq()).isEqualTo(16);
        assertThat(b.reason()).isEqualTo(Reason.CHECKPOINT_MISMATCH);
        assertThat(b.explanation()).contains("the log ends at seq 15").contains("seq " + ENTRIES);
    }

    @Test
    void aRewriteAfterTheCheckpointedEntryLeavesTheCheckpointHolding() throws Exception {
        AuditCheckpoint early = AuditCheckpoint.sign(10, pristineHash(10), NOW, key.getPrivate(), key.getPublic());
        rewriteConsistentlyFrom(11, ENTRIES);
        assertThat(verify(early).intact()).as("entries after a checkpoint are only as safe as the next checkpoint").isTrue();
    }

    @Test
    void aTamperedChainIsNotSigned() throws Exception {
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET LOCAL session_replication_role = replica");
            s.execute("UPDATE audit_log SET data = '{}' WHERE seq = 3");
            c.commit();
        }
        assertThatThrownBy(AuditCheckpointTest::checkpoint).isInstanceOf(AuditCheckpoints.NothingToSignException.class)
                .hasMessageContaining("broken at seq 3");
    }

    @Test
    void anAlteredCheckpointFileOrAnotherKeyIsRefused() throws Exception {
        AuditCheckpoint checkpoint = checkpoint();
        AuditCheckpoint moved = new AuditCheckpoint(checkpoint.seq() - 1, pristineHash(ENTRIES - 1), checkpoint.createdAt(),
                checkpoint.publicKey(), checkpoint.signature());
        assertThat(moved.problem(null)).get().asString().contains("signature does not hold");

        KeyPair other = new CheckpointKeyFile(folder.resolve("other.json"), 1_000).create("another phrase".toCharArray());
        AuditCheckpoint foreign = AuditCheckpoint.sign(checkpoint.seq(), checkpoint.txHash(), NOW, other.getPrivate(), other.getPublic());
        assertThat(foreign.problem(null)).isEmpty();
        assertThat(foreign.problem(checkpoint.publicKey())).get().asString().contains("not by your checkpoint key");
    }

    @Test
    void theCheckpointFileRoundTripsAndTheKeyOpensOnlyWithItsPassphrase() throws Exception {
        AuditCheckpoint checkpoint = checkpoint();
        Path file = folder.resolve("cp.json");
        AuditCheckpoints.write(checkpoint, file);
        assertThat(Files.readString(file)).contains("\"seq\" : " + ENTRIES).contains("\"txHash\"").contains("\"signature\"");
        assertThat(AuditCheckpoints.read(file)).isEqualTo(checkpoint);

        CheckpointKeyFile keyFile = new CheckpointKeyFile(folder.resolve("key.json"));
        assertThat(keyFile.open("correct horse".toCharArray()).getPublic()).isEqualTo(key.getPublic());
        assertThatThrownBy(() -> keyFile.open("wrong horse".toCharArray()))
                .isInstanceOf(CheckpointKeyFile.KeyUnavailableException.class).hasMessageContaining("passphrase does not open");
        assertThat(Files.readString(keyFile.file())).doesNotContain(Base64.getEncoder().encodeToString(key.getPrivate().getEncoded()));
        assertThatThrownBy(() -> keyFile.create("correct horse".toCharArray())).hasMessageContaining("already exists");
    }

    @Test
    void verificationInStepsMeetsTheSameBreakAsTheWholeReplay() throws Exception {
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET LOCAL session_replication_role = replica");
            s.execute("UPDATE audit_log SET ts = ts + interval '1 microsecond' WHERE seq = 13");
            c.commit();
        }
        AuditVerifier verifier = new AuditVerifier(db.database().dataSource());
        VerificationStep first = verifier.verifyStep(0, AuditHash.GENESIS_HASH, 6, null);
        assertThat(first).extracting(VerificationStep::verifiedEntries, VerificationStep::lastSeq, VerificationStep::complete)
                .containsExactly(6L, 6L, false);
        VerificationStep second = verifier.verifyStep(first.lastSeq(), first.lastTxHash(), 6, null);
        assertThat(second.intact()).isTrue();
        VerificationStep third = verifier.verifyStep(second.lastSeq(), second.lastTxHash(), 6, null);
        assertThat(third.complete()).isTrue();
        assertThat(third.firstBreak()).get().extracting(ChainBreak::seq, ChainBreak::reason).containsExactly(13L, Reason.CONTENT_CHANGED);
    }

    private static String pristineHash(long seq) throws SQLException {
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT tx_hash FROM pristine_audit_log WHERE seq = " + seq)) {
            r.next();
            return r.getString(1);
        }
    }
}
