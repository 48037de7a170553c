package org.smartstart.backoffice.persistence.audit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.domain.audit.AuditEntry;
import org.smartstart.backoffice.domain.audit.VerificationResult;
import org.smartstart.backoffice.persistence.db.BackOfficeDatabase;
import org.smartstart.backoffice.persistence.db.Transactions;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class AuditSealerTest {

    private static final int WRITERS = 8;
    private static final int ENTRIES_PER_WRITER = 60;

    private static TestDatabase db;
    private static UUID actor;

    @BeforeAll
    static void createDatabase() throws Exception {
        db = TestPostgres.newDatabase();
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("INSERT INTO users (display_name, email) VALUES ('Grace', 'grace@example.org') RETURNING id")) {
            r.next();
            actor = r.getObject(1, UUID.class);
        }
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void entriesFromConcurrentWritersAreSealedExactlyOnceInAGaplessChain() throws Exception {
        Transactions transactions = db.transactions();
        // a second sealer on its own pool stands for another back office process on the same database
        try (BackOfficeDatabase otherProcess = BackOfficeDatabase.attach(db.settings());
             AuditSealerService sealer = AuditSealerService.start(new AuditSealer(transactions, 25), Duration.ofMillis(5), Duration.ofMillis(2));
             AuditSealerService otherSealer = AuditSealerService.start(new AuditSealer(new Transactions(otherProcess.dataSource()), 25),
                     Duration.ofMillis(5), Duration.ofMillis(2))) {
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int n = 0; n < ENTRIES_PER_WRITER; n++) {
                        int number = n;
                        transactions.inTransaction(actor, c -> {
                            AuditOutbox.append(c, new AuditEntry(actor, "TEST_CHANGE", "test", UUID.randomUUID(), null,
                                    Map.of("writer", writer, "n", number, "amount", "12.500", "note", "Zoë \"quoted\" ✓")));
                            return null;
                        });
                        sealer.sealNow();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) f.get();
            pool.shutdown();
            sealer.awaitSealed(Duration.ofSeconds(30));
            // The other sealer may have committed the last batch without having counted it yet: stop both first.
            sealer.close();
            otherSealer.close();
            assertThat(sealer.sealedTotal() + otherSealer.sealedTotal()).isEqualTo(WRITERS * ENTRIES_PER_WRITER);
        }

        int total = WRITERS * ENTRIES_PER_WRITER;
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement()) {
            // other tests of this class may have sealed a few entries too: gapless over the whole log
            try (ResultSet r = s.executeQuery("SELECT count(*) = count(DISTINCT seq) AND min(seq) = 1 AND max(seq) = count(*), "
                    + "count(*) FILTER (WHERE action = 'TEST_CHANGE') FROM audit_log")) {
                r.next();
                assertThat(r.getBoolean(1)).as("seq runs 1..count without gaps or repeats").isTrue();
                assertThat(r.getLong(2)).isEqualTo(total);
            }
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM (SELECT data->>'writer', data->>'n' FROM audit_log "
                    + "WHERE action = 'TEST_CHANGE' GROUP BY 1, 2 HAVING count(*) = 1) once")) {
                r.next();
                assertThat(r.getLong(1)).as("distinct (writer, n) pairs sealed exactly once").isEqualTo(total);
            }
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM audit_outbox")) {
                r.next();
                assertThat(r.getLong(1)).isZero();
            }
        }

        VerificationResult result = new AuditVerifier(db.database().dataSource(), 100).verify();
        assertThat(result.firstBreak()).isEmpty();
        assertThat(result.verifiedEntries()).isGreaterThanOrEqualTo(total).isEqualTo(result.lastSeq());
        assertThat(result.unsealedEntries()).isZero();
    }

    @Test
    void aSealerThatFindsNothingDoesNothing() throws Exception {
        AuditSealer sealer = new AuditSealer(db.database().dataSource());
        sealer.sealPending();
        long headBefore;
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT seq FROM audit_chain_head")) {
            r.next();
            headBefore = r.getLong(1);
        }
        assertThat(sealer.hasPending()).isFalse();
        assertThat(sealer.sealPending()).isZero();
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT seq FROM audit_chain_head")) {
            r.next();
            assertThat(r.getLong(1)).isEqualTo(headBefore);
        }
    }

    @Test
    void theSealedEntryKeepsTheOutboxEntrysIdTimeAndData() throws Exception {
        UUID object = UUID.randomUUID();
        db.transactions().inTransaction(actor, c -> {
            AuditOutbox.append(c, new AuditEntry(actor, "KEEP_CHECK", "test", object, null, Map.of("x", List.of(1, 2.50, "3"))));
            return null;
        });
        String before;
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id, ts, data::text FROM audit_outbox WHERE object_id = '" + object + "'")) {
            r.next();
            before = r.getString(1) + "|" + r.getString(2) + "|" + r.getString(3);
        }
        new AuditSealer(db.database().dataSource()).sealPending();
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id, ts, data::text FROM audit_log WHERE object_id = '" + object + "'")) {
            r.next();
            assertThat(r.getString(1) + "|" + r.getString(2) + "|" + r.getString(3)).isEqualTo(before);
        }
    }
}
