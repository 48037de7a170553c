package org.smartstart.backoffice.contract;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartstart.backoffice.domain.audit.AuditFilter;
import org.smartstart.backoffice.domain.audit.AuditFilter.Direction;
import org.smartstart.backoffice.domain.audit.AuditLogEntry;
import org.smartstart.backoffice.domain.audit.AuditPage;
import org.smartstart.backoffice.domain.audit.AuditTrail;
import org.smartstart.backoffice.domain.usecase.FieldProblem;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.persistence.audit.AuditSealer;
import org.smartstart.backoffice.testing.TestAccounts;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A period and a date jump are listed by time (ts, seq breaking ties) and paged by keyset on (ts, seq). On a log
 * whose times and seqs disagree — entries stamped long before they were sealed, entries sharing one instant,
 * entries exactly on a period's edges — every page, followed either way from any entry, must hold exactly what a
 * brute-force query gives: the same rows as the old way (by seq, the period as a plain condition), in time order.
 */
@ParameterizedClass
@EnumSource(Adapter.class)
class AuditTimeOrderContractTest {

    private static final int ENTRIES = 600;
    private static final Instant BASE = Instant.parse("2031-03-10T00:00:00Z");

    @Parameter
    Adapter adapter;

    static BackOfficeFixture fixture;
    static UUID compliance;
    static UUID ownerA;
    static UUID ownerB;
    static UUID ventureA;
    static UUID ventureB;

    @BeforeAll
    static void setUp() throws Exception {
        fixture = BackOfficeFixture.create();
        compliance = TestAccounts.user(fixture.db(), "Cora Compliance", "cora." + UUID.randomUUID() + "@time.test", "pw", "compliance");
        ownerA = TestAccounts.user(fixture.db(), "Ann Owner", "ann." + UUID.randomUUID() + "@time.test", "pw");
        ownerB = TestAccounts.user(fixture.db(), "Ben Owner", "ben." + UUID.randomUUID() + "@time.test", "pw");
        ventureA = TestAccounts.venture(fixture.db(), "Alder Labs", "eu", "draft", ownerA);
        ventureB = TestAccounts.venture(fixture.db(), "Beech Works", "eu", "draft", ownerB);
        // written straight into the outbox with their times, in seal order: most a minute apart, but one in seven
        // stamped 40 minutes before it was sealed (a long transaction), one in eleven sharing its predecessor's
        // instant, and some exactly at midnight, on the edge of a day
        Random random = new Random(20261201);
        try (Connection c = fixture.db().ownerConnection(); PreparedStatement p = c.prepareStatement(
                "INSERT INTO audit_outbox (ts, actor_user_id, action, object_type, object_id, venture_id, data) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)")) {
            Instant previous = BASE;
            for (int i = 0; i < ENTRIES; i++) {
                Instant ts = BASE.plusSeconds(i * 60L + random.nextInt(50));
                if (i % 7 == 3) {
                    ts = ts.minusSeconds(40 * 60);
                } else if (i % 11 == 0) {
                    ts = previous;
                } else if (i % 97 == 50) {
                    ts = BASE.plusSeconds(86_400L * (1 + i / 400)).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
                }
                previous = ts;
                p.setObject(1, ts.atOffset(ZoneOffset.UTC));
                p.setObject(2, i % 2 == 0 ? ownerA : ownerB, Types.OTHER);
                p.setString(3, i % 3 == 0 ? "EQUITY_CHANGE" : "VESTING_CHANGE");
                p.setString(4, i % 3 == 0 ? "equity_ledger" : "vesting_policy");
                p.setObject(5, UUID.randomUUID(), Types.OTHER);
                p.setObject(6, i % 5 == 4 ? null : i % 2 == 0 ? ventureA : ventureB, Types.OTHER);
                p.setString(7, "{\"n\": " + i + "}");
                p.addBatch();
            }
            p.executeBatch();
        }
        new AuditSealer(fixture.db().database().dataSource()).sealPending();
        assertThat(disorder()).as("the log's times and seqs disagree").isGreaterThan(50);
    }

    @AfterAll
    static void tearDown() {
        fixture.close();
    }

    private AuditTrail trail(UUID user) {
        return fixture.as(adapter, user).auditTrail();
    }

    /** How many entries have an earlier time than the entry sealed before them. */
    private static int disorder() throws SQLException {
        try (Connection c = fixture.db().ownerConnection(); PreparedStatement p = c.prepareStatement(
                "SELECT count(*) FROM (SELECT ts < lag(ts) OVER (ORDER BY seq) AS back FROM audit_log WHERE seq IS NOT NULL) t WHERE back");
             ResultSet r = p.executeQuery()) {
            r.next();
            return r.getInt(1);
        }
    }

    /** The brute-force answer: the seqs matching the period and the condition, in the given SQL order. */
    private static List<Long> bruteForce(Instant from, Instant to, String condition, String order) throws SQLException {
        String sql = "SELECT seq FROM audit_log WHERE seq IS NOT NULL AND ts IS NOT NULL" + (from == null ? "" : " AND ts >= ?")
                + (to == null ? "" : " AND ts < ?") + (condition == null ? "" : " AND " + condition) + " ORDER BY " + order;
        List<Long> seqs = new ArrayList<>();
        try (Connection c = fixture.db().ownerConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            int i = 1;
            if (from != null) {
                p.setObject(i++, from.atOffset(ZoneOffset.UTC));
            }
            if (to != null) {
                p.setObject(i, to.atOffset(ZoneOffset.UTC));
            }
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    seqs.add(r.getLong(1));
                }
            }
        }
        return seqs;
    }

    /** Every page of the filter, each continuing from the last entry of the page before. */
    private static List<Long> allPages(AuditTrail trail, AuditFilter filter) {
        List<Long> seqs = new ArrayList<>();
        AuditFilter next = filter;
        for (int pages = 0; pages < 10_000; pages++) {
            AuditPage page = trail.entries(next).orElseThrow();
            page.entries().forEach(e -> seqs.add(e.seq()));
            if (!page.hasMore()) {
                return seqs;
            }
            next = filter.order() == Direction.OLDEST_FIRST ? next.after(page.nextAfterSeq()) : next.before(page.nextBeforeSeq());
        }
        throw new AssertionError("paging did not end");
    }

    private static Instant at(int minutes) {
        return BASE.plusSeconds(minutes * 60L);
    }

    @Test
    void every_page_of_a_period_holds_exactly_the_brute_force_rows_in_time_order() throws Exception {
        AuditTrail trail = trail(compliance);
        Instant exactlyAnEntry = trail.entries(AuditFilter.all().before(301L).limitedTo(1)).orElseThrow().entries().get(0).ts();
        Instant[][] periods = {
                {at(100), at(400)},                      // mid-log, its edges crossed by late entries
                {exactlyAnEntry, at(480)},               // "from" exactly on an entry's time (inclusive)
                {at(50), exactlyAnEntry},                // "to" exactly on an entry's time (exclusive)
                {BASE.plusSeconds(86_400), null},        // from a midnight to now
                {null, at(200)},                         // up to a time: the shape of a jump to a date
                {at(7), at(9)},                          // a few entries only
        };
        String[] conditions = {null, "actor_user_id = '" + ownerA + "'", "venture_id = '" + ventureB + "'"};
        for (Instant[] period : periods) {
            for (String condition : conditions) {
                AuditFilter filter = AuditFilter.all().between(period[0], period[1]);
                if (condition != null && condition.startsWith("actor")) {
                    filter = filter.withActor(ownerA);
                } else if (condition != null) {
                    filter = filter.withVenture(ventureB);
                }
                List<Long> newestFirst = bruteForce(period[0], period[1], condition, "ts DESC, seq DESC");
                List<Long> oldestFirst = bruteForce(period[0], period[1], condition, "ts, seq");
                String what = period[0] + " to " + period[1] + (condition == null ? "" : " where " + condition);
                for (int size : new int[] {7, 100}) {
                    assertThat(allPages(trail, filter.limitedTo(size))).as("newest first, pages of %d, %s", size, what).isEqualTo(newestFirst);
                    assertThat(allPages(trail, filter.limitedTo(size).ordered(Direction.OLDEST_FIRST)))
                            .as("oldest first, pages of %d, %s", size, what).isEqualTo(oldestFirst);
                }
                // the same rows as the old way: the period as a plain condition on the log in seq order
                assertThat(new LinkedHashSet<>(newestFirst)).as(what).containsExactlyInAnyOrderElementsOf(
                        bruteForce(period[0], period[1], condition, "seq"));
            }
        }
    }

    @Test
    void from_any_entry_the_pages_below_and_above_are_exact() throws Exception {
        AuditTrail trail = trail(compliance);
        List<Long> timeOrder = bruteForce(null, null, null, "ts DESC, seq DESC");
        Random random = new Random(7);
        for (int n = 0; n < 25; n++) {
            int at = random.nextInt(timeOrder.size());
            long cursor = timeOrder.get(at);
            List<Long> below = timeOrder.subList(at + 1, timeOrder.size());
            List<Long> above = new ArrayList<>(timeOrder.subList(0, at));
            java.util.Collections.reverse(above);
            AuditFilter byTime = AuditFilter.all().listedByTime().limitedTo(1 + random.nextInt(60));
            assertThat(allPages(trail, byTime.before(cursor))).as("below seq %d", cursor).isEqualTo(below);
            assertThat(allPages(trail, byTime.after(cursor).ordered(Direction.OLDEST_FIRST))).as("above seq %d", cursor).isEqualTo(above);
        }
    }

    @Test
    void a_venture_owner_pages_their_own_entries_by_time_and_cannot_continue_from_anothers() throws Exception {
        AuditTrail ann = trail(ownerA);
        AuditFilter period = AuditFilter.all().between(at(100), at(400)).limitedTo(9);
        assertThat(allPages(ann, period)).isEqualTo(bruteForce(at(100), at(400), "venture_id = '" + ventureA + "'", "ts DESC, seq DESC"));

        long bens = bruteForce(at(100), at(400), "venture_id = '" + ventureB + "'", "seq").get(0);
        Outcome<AuditPage> fromBens = ann.entries(period.before(bens));
        assertThat(fromBens).isInstanceOf(Outcome.Invalid.class);
        assertThat(((Outcome.Invalid<AuditPage>) fromBens).problems()).extracting(FieldProblem::field).containsExactly("beforeSeq");
    }

    @Test
    void by_time_a_page_must_continue_from_an_entry_and_a_period_cannot_be_listed_by_seq() throws Exception {
        AuditTrail trail = trail(compliance);
        long head = bruteForce(null, null, null, "seq DESC").get(0);
        Outcome<AuditPage> nowhere = trail.entries(AuditFilter.all().between(at(10), at(20)).after(head + 1).ordered(Direction.OLDEST_FIRST));
        assertThat(nowhere).isInstanceOf(Outcome.Invalid.class);
        FieldProblem problem = ((Outcome.Invalid<AuditPage>) nowhere).problems().get(0);
        assertThat(problem.field()).isEqualTo("afterSeq");
        assertThat(problem.message()).contains("no sealed entry with seq " + (head + 1));

        Outcome<AuditPage> bySeq = trail.entries(new AuditFilter(at(10), at(20), null, null, null, null, null, null, null, null, null, false));
        assertThat(bySeq).isInstanceOf(Outcome.Invalid.class);
        assertThat(((Outcome.Invalid<AuditPage>) bySeq).problems()).extracting(FieldProblem::field).containsExactly("byTime");

        // without a period, seq bounds stay bounds: nothing changed for the seq order
        assertThat(allPages(trail, AuditFilter.all().before(head + 5).limitedTo(50))).isEqualTo(bruteForce(null, null, null, "seq DESC"));
        List<AuditLogEntry> firstOfPeriod = trail.entries(AuditFilter.all().between(at(100), at(400)).limitedTo(3)).orElseThrow().entries();
        assertThat(firstOfPeriod).extracting(AuditLogEntry::seq).isEqualTo(bruteForce(at(100), at(400), null, "ts DESC, seq DESC").subList(0, 3));
    }
}
