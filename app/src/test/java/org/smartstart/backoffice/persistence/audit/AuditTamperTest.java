package org.smartstart.backoffice.persistence.audit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.domain.audit.AuditEntry;
import org.smartstart.backoffice.domain.audit.ChainAnchor;
import org.smartstart.backoffice.domain.audit.ChainBreak;
import org.smartstart.backoffice.domain.audit.ChainBreak.Reason;
import org.smartstart.backoffice.domain.audit.VerificationResult;
import org.smartstart.backoffice.domain.audit.VerificationStep;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, tampering: random single-field changes to random entries of a 2,000-entry audit log, made the way
 * a database superuser could (triggers off: {@code session_replication_role = replica}). Every change must
 * be found by the verifier at exactly the changed entry's seq. Each change is verified from the entry just
 * before it (a {@link AuditVerifier#verifyStep} from the pristine hash of seq − 1, as a checkpoint would
 * give), and every 100th one over the whole chain too, then put back from a pristine copy.
 *
 * <p>{@code -Dtamper.changes=N} sets how many (1,000 by default; 10,000 is the long run);
 * {@code -Dtamper.seed=S} replays a run (the seed is printed).
 */
class AuditTamperTest {

    private static final int ENTRIES = 2_000;
    private static final int CHANGES = Integer.getInteger("tamper.changes", 1_000);
    private static final long SEED = Long.getLong("tamper.seed", System.nanoTime());
    private static final int WHOLE_CHAIN_EVERY = 100;

    /** The columns a forger could change, one at a time. */
    enum Field { DATA_ADDED_KEY, DATA_CHANGED_VALUE, DATA_REMOVED_KEY, TS, ACTOR, ACTION, OBJECT_TYPE, OBJECT_ID, VENTURE_ID, ID, PREV_TX_HASH, TX_HASH, SEQ }

    private static TestDatabase db;
    private static final List<UUID> users = new ArrayList<>();
    private static final List<UUID> ventures = new ArrayList<>();
    private static final Map<Long, String> pristineHash = new HashMap<>();

    @BeforeAll
    static void sealALog() throws Exception {
        db = TestPostgres.newDatabase();
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement()) {
            for (int i = 0; i < 4; i++) {
                try (ResultSet r = s.executeQuery("INSERT INTO users (display_name, email) VALUES ('Tamper " + i + "', 'tamper" + i
                        + "@example.org') RETURNING id")) {
                    r.next();
                    users.add(r.getObject(1, UUID.class));
                }
            }
            for (int i = 0; i < 3; i++) {
                try (ResultSet r = s.executeQuery("INSERT INTO ventures (name, region, owner_user_id) VALUES ('Tamper venture " + i
                        + "', 'ca', '" + users.get(i) + "') RETURNING id")) {
                    r.next();
                    ventures.add(r.getObject(1, UUID.class));
                }
            }
        }
        Random random = new Random(42);
        for (int batch = 0; batch < ENTRIES / 200; batch++) {
            int first = batch * 200;
            db.transactions().inTransaction(users.get(0), c -> {
                for (int n = first; n < first + 200; n++) {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("n", n);
                    data.put("before", Map.of("percent", String.format("%d.%03d", random.nextInt(100), random.nextInt(1000))));
                    data.put("after", random.nextDouble() * 100);
                    data.put("memo", "Entry ✓ \"" + n + "\"");
                    data.put("amounts", List.of(random.nextInt(10_000), random.nextLong(), true));
                    AuditOutbox.append(c, new AuditEntry(n % 5 == 0 ? null : users.get(n % users.size()), n % 2 == 0 ? "EQUITY_CHANGE" : "BUZ_ISSUED",
                            n % 2 == 0 ? "equity_ledger" : "buz_transactions", UUID.randomUUID(), n % 7 == 0 ? null : ventures.get(n % ventures.size()),
                            data));
                }
                return null;
            });
        }
        assertThat(new AuditSealer(db.database().dataSource()).sealPending()).isEqualTo(ENTRIES);
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE pristine_audit_log AS SELECT * FROM audit_log");
            try (ResultSet r = s.executeQuery("SELECT seq, tx_hash FROM audit_log")) {
                while (r.next()) {
                    pristineHash.put(r.getLong(1), r.getString(2));
                }
            }
        }
        pristineHash.put(0L, AuditHash.GENESIS_HASH);
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void every_single_field_change_is_found_at_its_seq() throws Exception {
        System.out.println("AuditTamperTest: " + CHANGES + " changes, seed " + SEED + " (-Dtamper.seed=" + SEED + " replays)");
        Random random = new Random(SEED);
        Map<Field, Integer> found = new EnumMap<>(Field.class);
        AuditVerifier verifier = new AuditVerifier(db.database().dataSource(), 500);
        try (Connection c = db.ownerConnection()) {
            c.setAutoCommit(false);
            for (int i = 0; i < CHANGES; i++) {
                long seq = 1 + random.nextInt(ENTRIES);
                Field field = Field.values()[random.nextInt(Field.values().length)];
                String change = tamper(c, seq, field, random);

                VerificationStep step = verifier.verifyStep(seq - 1, pristineHash.get(seq - 1), 3, null);
                String what = "change " + i + " (" + field + " of seq " + seq + ": " + change + ")";
                assertThat(step.firstBreak()).as("%s is detected", what).isPresent();
                assertThat(step.firstBreak().get().seq()).as("%s is named at its seq: %s", what, step.firstBreak().get()).isEqualTo(seq);
                if (i % WHOLE_CHAIN_EVERY == 0) {
                    VerificationResult whole = verifier.verify();
                    assertThat(whole.firstBreak()).as("%s over the whole chain", what).isPresent();
                    assertThat(whole.firstBreak().get().seq()).as("%s over the whole chain: %s", what, whole.firstBreak().get()).isEqualTo(seq);
                    assertThat(whole.verifiedEntries()).isEqualTo(seq - 1);
                }
                found.merge(field, 1, Integer::sum);
                restore(c, seq);
            }
        }
        System.out.println("AuditTamperTest: all " + CHANGES + " changes found at their seq: " + found);
        assertThat(found.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(CHANGES);
        VerificationResult after = verifier.verify();
        assertThat(after.firstBreak()).as("the restored log verifies again").isEmpty();
        assertThat(after.verifiedEntries()).isEqualTo(ENTRIES);
    }

    /** A forger who recomputes every hash after a change and moves the head: only a checkpoint before the change tells. */
    @Test
    void consistent_rewrites_of_the_tail_are_found_against_a_checkpoint() throws Exception {
        Random random = new Random(SEED + 1);
        AuditVerifier verifier = new AuditVerifier(db.database().dataSource(), 500);
        int rewrites = Math.max(5, CHANGES / 200);
        for (int i = 0; i < rewrites; i++) {
            long checkpointSeq = 100 + random.nextInt(ENTRIES - 100);
            long changedSeq = 1 + random.nextInt((int) checkpointSeq);
            long keep = checkpointSeq + random.nextInt((int) (ENTRIES - checkpointSeq) + 1);
            ChainAnchor checkpoint = new ChainAnchor(checkpointSeq, pristineHash.get(checkpointSeq), "checkpoint " + checkpointSeq);
            try (Connection c = db.ownerConnection()) {
                ChainForger.rewriteConsistentlyFrom(c, changedSeq, keep);
            }
            try {
                assertThat(verifier.verify().firstBreak()).as("the rewritten chain holds in itself (why checkpoints exist)").isEmpty();
                VerificationResult against = verifier.verify(done -> { }, () -> false, checkpoint);
                assertThat(against.firstBreak()).as("rewrite from seq %d, checkpoint at %d", changedSeq, checkpointSeq).isPresent();
                ChainBreak b = against.firstBreak().get();
                assertThat(b.seq()).isEqualTo(checkpointSeq);
                assertThat(b.reason()).isEqualTo(Reason.CHECKPOINT_MISMATCH);
            } finally {
                try (Connection c = db.ownerConnection()) {
                    c.setAutoCommit(false);
                    restoreAll(c);
                }
            }
        }
        assertThat(verifier.verify(done -> { }, () -> false,
                new ChainAnchor(ENTRIES, pristineHash.get((long) ENTRIES), "the last checkpoint")).firstBreak()).isEmpty();
    }

    /** Changes one column of entry {@code seq} to a different value, in one transaction with triggers off; says what it did. */
    private static String tamper(Connection c, long seq, Field field, Random random) throws SQLException {
        String set = switch (field) {
            case DATA_ADDED_KEY -> "data = data || jsonb_build_object('k" + random.nextInt(1000) + "', " + random.nextInt() + ")";
            case DATA_CHANGED_VALUE -> switch (random.nextInt(4)) {
                case 0 -> "data = jsonb_set(data, '{n}', to_jsonb((data->>'n')::int + " + (1 + random.nextInt(9)) + "))";
                case 1 -> "data = jsonb_set(data, '{before,percent}', '\"" + (100 + random.nextInt(900)) + ".000\"')";
                case 2 -> "data = jsonb_set(data, '{memo}', to_jsonb(data->>'memo' || ' '))";
                default -> "data = jsonb_set(data, '{amounts,2}', 'false')";
            };
            case DATA_REMOVED_KEY -> "data = data - '" + List.of("n", "before", "after", "memo", "amounts").get(random.nextInt(5)) + "'";
            case TS -> "ts = ts + interval '" + ((random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(5_000_000))) + " microseconds'";
            case ACTOR -> "actor_user_id = CASE WHEN actor_user_id IS NULL OR actor_user_id <> '" + users.get(3) + "' THEN '"
                    + users.get(3) + "'::uuid ELSE NULL END";
            case ACTION -> "action = action || '_'";
            case OBJECT_TYPE -> "object_type = upper(substr(object_type, 1, 1)) || substr(object_type, 2)";
            case OBJECT_ID -> random.nextBoolean() ? "object_id = NULL" : "object_id = '" + UUID.randomUUID() + "'";
            case VENTURE_ID -> "venture_id = CASE WHEN venture_id IS NULL OR venture_id <> '" + ventures.get(0) + "' THEN '"
                    + ventures.get(0) + "'::uuid ELSE NULL END";
            case ID -> "id = '" + UUID.randomUUID() + "'";
            case PREV_TX_HASH -> "prev_tx_hash = '" + randomHash(random) + "'";
            case TX_HASH -> "tx_hash = '" + randomHash(random) + "'";
            case SEQ -> "seq = seq + 1000000";
        };
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL session_replication_role = replica");
            int changed = s.executeUpdate("UPDATE audit_log SET " + set + " WHERE seq = " + seq);
            assertThat(changed).isEqualTo(1);
        }
        c.commit();
        return set;
    }

    private static void restore(Connection c, long seq) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL session_replication_role = replica");
            // the SEQ change moved the row away from its seq: find it by what no change touches in the same step
            s.execute("DELETE FROM audit_log WHERE seq = " + seq + " OR seq = " + (seq + 1_000_000));
            s.execute("INSERT INTO audit_log SELECT * FROM pristine_audit_log WHERE seq = " + seq);
        }
        c.commit();
    }

    private static void restoreAll(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL session_replication_role = replica");
            s.execute("DELETE FROM audit_log");
            s.execute("INSERT INTO audit_log SELECT * FROM pristine_audit_log");
            s.execute("UPDATE audit_chain_head SET seq = " + ENTRIES + ", tx_hash = '" + pristineHash.get((long) ENTRIES) + "'");
        }
        c.commit();
    }

    private static String randomHash(Random random) {
        StringBuilder b = new StringBuilder(64);
        for (int i = 0; i < 64; i++) {
            b.append(Character.forDigit(random.nextInt(16), 16));
        }
        return b.toString();
    }
}
