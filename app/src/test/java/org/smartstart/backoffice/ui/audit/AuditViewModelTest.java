package org.smartstart.backoffice.ui.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.ui.navigation.Place;
import org.junit.jupiter.api.io.TempDir;
import org.smartstart.backoffice.domain.audit.AuditCheckpoint;
import org.smartstart.backoffice.domain.audit.AuditFilter;
import org.smartstart.backoffice.domain.audit.AuditHead;
import org.smartstart.backoffice.domain.audit.AuditLogEntry;
import org.smartstart.backoffice.domain.audit.AuditPage;
import org.smartstart.backoffice.domain.audit.AuditTrail;
import org.smartstart.backoffice.domain.audit.VerificationResult;
import org.smartstart.backoffice.domain.audit.VerificationStep;
import org.smartstart.backoffice.domain.audit.VerificationStepRequest;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.persistence.audit.AuditCheckpoints;
import org.smartstart.backoffice.persistence.audit.ChainForger;
import org.smartstart.backoffice.persistence.audit.CheckpointKeyFile;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.ui.tasks.CurrentThreadTaskExecutor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit screen's view model over a real sealed log, through the local adapter. */
class AuditViewModelTest {

    @TempDir
    static Path folder;

    static AuditFixture log;
    static long total;

    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();

    @BeforeAll
    static void sealALog() throws Exception {
        log = new AuditFixture();
        total = log.sealedCount();
    }

    @AfterEach
    void restore() throws Exception {
        log.restore();
    }

    @AfterAll
    static void close() {
        log.close();
    }

    private AuditTrail trail() {
        return log.fixture.as(Adapter.LOCAL, log.compliance).auditTrail();
    }

    private AuditViewModel viewModel(AuditTrail trail) {
        return new AuditViewModel(trail, executor, ZoneOffset.UTC, System::nanoTime, 100);
    }

    @Test
    void the_list_pages_by_seq_as_rows_come_into_view_and_covers_the_log_once() {
        List<AuditFilter> asked = new java.util.ArrayList<>();
        AuditTrail counting = new ForwardingTrail(trail()) {
            @Override
            public Outcome<AuditPage> entries(AuditFilter filter) {
                asked.add(filter);
                return super.entries(filter);
            }
        };
        AuditViewModel vm = viewModel(counting);
        vm.load();
        assertThat(vm.rows()).hasSize(AuditViewModel.PAGE);
        assertThat(vm.rows().get(0).seq()).isEqualTo(total);
        assertThat(vm.summaryProperty().get()).isEqualTo("200 entries loaded (seq " + total + " down to " + (total - 199) + "); more load as you scroll");

        vm.rowShown(10);
        assertThat(vm.rows()).as("a row far from the end fetches nothing").hasSize(AuditViewModel.PAGE);
        while (vm.rows().size() < total) {
            int before = vm.rows().size();
            vm.rowShown(vm.rows().size() - 1);
            assertThat(vm.rows().size()).isGreaterThan(before);
        }
        vm.rowShown(vm.rows().size() - 1);
        assertThat(vm.rows()).hasSize((int) total);
        assertThat(new HashSet<>(vm.rows().stream().map(AuditLogEntry::seq).toList())).hasSize((int) total);
        assertThat(vm.summaryProperty().get()).endsWith("that is all that match");
        assertThat(asked).allSatisfy(f -> assertThat(f.limit()).isEqualTo(AuditViewModel.PAGE));
        assertThat(asked.subList(1, asked.size())).allSatisfy(f -> assertThat(f.beforeSeq()).isNotNull());
        assertThat(executor.executedTitles()).containsOnly("Loading audit entries…");
    }

    @Test
    void filters_narrow_the_list_and_bad_input_is_named_and_kept() {
        AuditViewModel vm = viewModel(trail());
        vm.actionProperty().set("EQUITY_CHANGE");
        vm.load();
        assertThat(vm.rows()).isNotEmpty().allSatisfy(e -> assertThat(e.action()).isEqualTo("EQUITY_CHANGE"));
        assertThat(vm.rows()).hasSize(AuditFixture.ENTRIES / 3);

        vm.actorProperty().set("not-an-id");
        vm.load();
        assertThat(vm.problemProperty().get()).contains("Actor: \"not-an-id\" is not an id");
        assertThat(vm.actorProperty().get()).isEqualTo("not-an-id");
        assertThat(vm.rows()).as("the last good list stays").hasSize(AuditFixture.ENTRIES / 3);

        vm.actorProperty().set(log.owner.toString());
        vm.objectTypeProperty().set("vesting_policy");
        vm.actionProperty().set("");
        vm.load();
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(vm.rows()).hasSize(AuditViewModel.PAGE)
                .allSatisfy(e -> assertThat(e.objectType()).isEqualTo("vesting_policy"))
                .allSatisfy(e -> assertThat(e.actorUserId()).isEqualTo(log.owner));

        vm.fromProperty().set(LocalDate.of(2030, 1, 1));
        vm.load();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.summaryProperty().get()).isEqualTo("No entry matches.");
        vm.toProperty().set(LocalDate.of(2029, 1, 1));
        vm.load();
        assertThat(vm.problemProperty().get()).contains("The period ends (2029-01-01) before it starts (2030-01-01)");
    }

    @Test
    void jumping_to_a_seq_or_a_day_starts_the_list_there() {
        AuditViewModel vm = viewModel(trail());
        vm.jumpSeqProperty().set("123");
        vm.jumpToSeq();
        assertThat(vm.rows().get(0).seq()).isEqualTo(123);
        assertThat(vm.rows().get(vm.rows().size() - 1).seq()).isEqualTo(1);

        vm.jumpSeqProperty().set("abc");
        vm.jumpToSeq();
        assertThat(vm.problemProperty().get()).contains("\"abc\" is not a seq");

        vm.jumpDateProperty().set(LocalDate.of(2000, 1, 1));
        vm.jumpToDate();
        assertThat(vm.rows()).as("nothing was logged before 2000: the list shows what comes after").hasSize(AuditViewModel.PAGE);
        assertThat(vm.rows().get(vm.rows().size() - 1).seq()).isEqualTo(1);
        vm.jumpDateProperty().set(LocalDate.now(ZoneOffset.UTC).plusDays(1));
        vm.jumpToDate();
        assertThat(vm.rows().get(0).seq()).isEqualTo(total);
    }

    /** The fixture's entries spread over 19 days an hour apart, one in seven stamped five hours before it was sealed. */
    private static void scrambleTimes() throws Exception {
        log.tamper("UPDATE audit_log SET ts = timestamptz '2031-01-01 00:00:00+00' + seq * interval '1 hour' + (seq % 13) * interval '1 second'"
                + " - CASE WHEN seq % 7 = 3 THEN interval '5 hours' ELSE interval '0' END WHERE seq > " + log.before);
    }

    /** The seqs in time order (newest first) from a brute-force query, within [from, to) when given. */
    private static List<Long> inTimeOrder(String from, String to) throws Exception {
        List<Long> seqs = new java.util.ArrayList<>();
        try (Connection c = log.fixture.db().ownerConnection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery("SELECT seq FROM audit_log WHERE seq IS NOT NULL AND ts IS NOT NULL"
                     + (from == null ? "" : " AND ts >= timestamptz '" + from + " 00:00:00+00'")
                     + (to == null ? "" : " AND ts < timestamptz '" + to + " 00:00:00+00'") + " ORDER BY ts DESC, seq DESC")) {
            while (r.next()) {
                seqs.add(r.getLong(1));
            }
        }
        return seqs;
    }

    /** Scrolls to the top and then to the bottom of the list, as far as it goes; the seqs it then holds. */
    private static List<Long> scrolledThrough(AuditViewModel vm) {
        for (int guard = 0; guard < 100; guard++) {
            int size = vm.rows().size();
            vm.rowShown(0);
            if (vm.rows().size() == size) {
                break;
            }
        }
        for (int guard = 0; guard < 100; guard++) {
            int size = vm.rows().size();
            vm.rowShown(vm.rows().size() - 1);
            if (vm.rows().size() == size) {
                break;
            }
        }
        return vm.rows().stream().map(AuditLogEntry::seq).toList();
    }

    @Test
    void a_period_and_a_date_jump_list_by_time_exactly_where_time_and_seq_disagree() throws Exception {
        scrambleTimes();
        AuditViewModel vm = viewModel(trail());

        vm.fromProperty().set(LocalDate.of(2031, 1, 3));
        vm.toProperty().set(LocalDate.of(2031, 1, 14));
        vm.load();
        List<Long> period = inTimeOrder("2031-01-03", "2031-01-15");
        assertThat(period).as("more than a page").hasSizeGreaterThan(AuditViewModel.PAGE);
        assertThat(period).as("out of seq order").isNotEqualTo(period.stream().sorted(java.util.Comparator.reverseOrder()).toList());
        assertThat(vm.summaryProperty().get()).startsWith("200 entries loaded (in time order, 2031-01-14 ");
        assertThat(scrolledThrough(vm)).isEqualTo(period);

        // a day inside the period: the entries before its end below, the rest of the period above
        vm.jumpDateProperty().set(LocalDate.of(2031, 1, 8));
        vm.jumpToDate();
        List<Long> below = inTimeOrder("2031-01-03", "2031-01-09");
        assertThat(vm.rows().get(0).seq()).as("the list starts at the last entry of the day").isEqualTo(below.get(0));
        assertThat(vm.fromProperty().get()).as("the period stays").isEqualTo(LocalDate.of(2031, 1, 3));
        assertThat(scrolledThrough(vm)).isEqualTo(period);

        // without a period the jump is a place in the whole log: above it everything newer
        vm.fromProperty().set(null);
        vm.toProperty().set(null);
        vm.jumpToDate();
        List<Long> whole = inTimeOrder(null, null);
        assertThat(vm.rows().get(0).seq()).isEqualTo(inTimeOrder(null, "2031-01-09").get(0));
        assertThat(scrolledThrough(vm)).isEqualTo(whole);

        // a jump to a seq is a place in seq order: the period goes
        vm.fromProperty().set(LocalDate.of(2031, 1, 5));
        vm.jumpSeqProperty().set("123");
        vm.jumpToSeq();
        assertThat(vm.fromProperty().get()).isNull();
        assertThat(vm.rows().get(0).seq()).isEqualTo(123);
        assertThat(vm.summaryProperty().get()).contains("(seq 123 down to ");
    }

    @Test
    void a_period_exports_in_the_order_the_screen_lists_it() throws Exception {
        scrambleTimes();
        AuditViewModel vm = viewModel(trail());
        vm.fromProperty().set(LocalDate.of(2031, 1, 5));
        vm.toProperty().set(LocalDate.of(2031, 1, 6));
        Path jsonl = folder.resolve("period.jsonl");
        vm.export(jsonl, AuditExport.Format.JSON_LINES);
        ObjectMapper json = new ObjectMapper();
        List<Long> written = new java.util.ArrayList<>();
        for (String row : Files.readAllLines(jsonl)) {
            written.add(json.readTree(row).get("seq").asLong());
        }
        List<Long> expected = new java.util.ArrayList<>(inTimeOrder("2031-01-05", "2031-01-07"));
        java.util.Collections.reverse(expected);
        assertThat(written).isEqualTo(expected);
        JsonNode proof = json.readTree(folder.resolve("period.jsonl.proof.json").toFile());
        assertThat(proof.get("order").asText()).isEqualTo("time");
        assertThat(proof.get("entries").asInt()).isEqualTo(expected.size());
    }

    @Test
    void another_screen_can_send_the_user_to_an_objects_trail_or_to_one_entry() {
        AuditViewModel vm = viewModel(trail());
        vm.actionProperty().set("EQUITY_CHANGE");
        vm.load();
        AuditLogEntry some = vm.rows().get(3);

        assertThat(vm.show(new Place.AuditTrailOf(some.objectType(), some.objectId()))).isTrue();
        assertThat(vm.actionProperty().get()).as("the other filters are cleared").isEmpty();
        assertThat(vm.rows()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.objectType()).isEqualTo(some.objectType());
            assertThat(e.objectId()).isEqualTo(some.objectId());
        });

        assertThat(vm.show(new Place.AuditEntryAt(42))).isTrue();
        assertThat(vm.objectIdProperty().get()).isEmpty();
        assertThat(vm.rows().get(0).seq()).isEqualTo(42);
        assertThat(vm.selectedProperty().get()).isNotNull().extracting(AuditLogEntry::seq).isEqualTo(42L);
        assertThat(vm.show(new Place.ObjectOf("dispute", some.objectId(), null))).as("objects open in their own screens").isFalse();
    }

    @Test
    void the_detail_shows_before_and_after_and_the_chain_link() {
        AuditViewModel vm = viewModel(trail());
        vm.actionProperty().set("EQUITY_CHANGE");
        vm.load();
        AuditLogEntry entry = vm.rows().get(0);
        vm.selectedProperty().set(entry);
        EntryDetail d = vm.detailProperty().get();
        assertThat(d.changes()).extracting(EntryDetail.Change::field, EntryDetail.Change::before, EntryDetail.Change::after,
                        EntryDetail.Change::changed)
                .contains(org.assertj.core.groups.Tuple.tuple("percent", "12.500", "15.000", true),
                        org.assertj.core.groups.Tuple.tuple("holder", "h-1", "h-1", false));
        assertThat(d.changes()).extracting(EntryDetail.Change::field).contains("n");
        assertThat(d.chainLink()).contains("seq " + (entry.seq() - 1) + "  " + entry.prevTxHash())
                .contains("→ seq " + entry.seq() + "  " + entry.txHash());
        vm.selectedProperty().set(null);
        assertThat(vm.detailProperty().get()).isNull();
    }

    @Test
    void verification_runs_in_steps_with_progress_and_names_the_first_bad_seq() throws Exception {
        List<String> statuses = new java.util.ArrayList<>();
        AuditViewModel vm = viewModel(trail());
        vm.verifyStatusProperty().addListener((o, a, b) -> statuses.add(b));
        vm.verify();
        assertThat(vm.verifyingProperty().get()).isFalse();
        assertThat(vm.verifyProgressProperty().get()).isEqualTo(1.0);
        assertThat(vm.verifyStatusProperty().get()).startsWith("Chain intact: " + total + " entries verified up to seq " + total);
        assertThat(statuses).filteredOn(s -> s.startsWith("Verified "))
                .hasSize((int) (total / 100))
                .first().asString().matches("Verified 100 of " + String.format("%,d", total) + " entries · [\\d,]+ entries/s · about \\d+ s left");

        log.tamper("UPDATE audit_log SET ts = ts + interval '1 microsecond' WHERE seq = 321");
        vm.verify();
        assertThat(vm.verifyStatusProperty().get()).startsWith("Chain broken at seq 321 (content changed): its content was changed");
        assertThat(vm.chainBrokenProperty().get()).isTrue();
        assertThat(vm.verifyProgressProperty().get()).isLessThan(1.0);
    }

    @Test
    void verification_stops_between_steps_when_cancelled() {
        AtomicInteger steps = new AtomicInteger();
        AtomicReference<AuditViewModel> vm = new AtomicReference<>();
        vm.set(viewModel(new ForwardingTrail(trail()) {
            @Override
            public Outcome<VerificationStep> verifyStep(VerificationStepRequest step) {
                if (steps.incrementAndGet() == 2) {
                    vm.get().cancelVerify();
                }
                return super.verifyStep(step);
            }
        }));
        vm.get().verify();
        assertThat(steps.get()).isEqualTo(2);
        assertThat(vm.get().verifyStatusProperty().get()).isEqualTo("Verification cancelled after 200 entries (up to seq 200); nothing wrong was found so far.");
        assertThat(vm.get().verifyingProperty().get()).isFalse();
    }

    @Test
    void a_checkpoint_loaded_from_its_file_exposes_a_consistent_rewrite() throws Exception {
        KeyPair key = new CheckpointKeyFile(folder.resolve("key.json"), 1_000).create("screen phrase".toCharArray());
        AuditCheckpoint checkpoint = new AuditCheckpoints(log.fixture.db().database().dataSource()).create(key, Instant.parse("2026-12-01T09:00:00Z"));
        Path file = folder.resolve("checkpoint.json");
        AuditCheckpoints.write(checkpoint, file);

        AuditViewModel vm = viewModel(trail());
        vm.loadCheckpoint(file);
        assertThat(vm.checkpointProperty().get()).isEqualTo(checkpoint);
        vm.verify();
        assertThat(vm.verifyStatusProperty().get()).contains("the checkpoint of seq " + total + " (signed 2026-12-01T09:00:00Z, key "
                + checkpoint.keyFingerprint() + ") holds");

        try (Connection c = log.fixture.db().ownerConnection()) {
            ChainForger.rewriteConsistentlyFrom(c, 5, total);
        }
        vm.forgetCheckpoint();
        vm.verify();
        assertThat(vm.verifyStatusProperty().get()).as("without the checkpoint the rewrite passes").startsWith("Chain intact");
        vm.loadCheckpoint(file);
        vm.verify();
        assertThat(vm.verifyStatusProperty().get()).startsWith("Chain broken at seq " + total + " (does not match the checkpoint): the log was rewritten");

        Files.writeString(file, Files.readString(file).replace("\"seq\" : " + total, "\"seq\" : 7"));
        vm.forgetCheckpoint();
        vm.loadCheckpoint(file);
        assertThat(vm.checkpointProperty().get()).isNull();
        assertThat(vm.problemProperty().get()).contains("signature does not hold");
    }

    @Test
    void the_filtered_range_exports_as_csv_and_json_lines_with_the_head_as_proof() throws Exception {
        AuditViewModel vm = viewModel(trail());
        vm.actionProperty().set("EQUITY_CHANGE");
        Path csv = folder.resolve("equity.csv");
        vm.export(csv, AuditExport.Format.CSV);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("seq,ts,actor_user_id,actor,action,object_type,object_id,venture_id,data,prev_tx_hash,tx_hash");
        assertThat(lines).hasSize(AuditFixture.ENTRIES / 3 + 1);
        assertThat(lines.get(1)).contains(",EQUITY_CHANGE,equity_ledger,").contains("\"{\"\"n\"\": 0");
        AuditHead head = trail().head().orElseThrow();
        JsonNode proof = new ObjectMapper().readTree(folder.resolve("equity.csv.proof.json").toFile());
        assertThat(proof.get("headSeq").asLong()).isEqualTo(head.seq());
        assertThat(proof.get("headTxHash").asText()).isEqualTo(head.txHash());
        assertThat(proof.get("entries").asInt()).isEqualTo(AuditFixture.ENTRIES / 3);
        assertThat(proof.get("filter").get("action").asText()).isEqualTo("EQUITY_CHANGE");
        assertThat(proof.get("checkpoint").isNull()).isTrue();
        assertThat(vm.exportStatusProperty().get()).isEqualTo("Exported 150 entries (seq " + proof.get("firstSeq") + " to "
                + proof.get("lastSeq") + ") to equity.csv; head seq " + head.seq() + " and its hash in equity.csv.proof.json.");

        vm.actionProperty().set("");
        Path jsonl = folder.resolve("all.jsonl");
        vm.export(jsonl, AuditExport.Format.JSON_LINES);
        List<String> rows = Files.readAllLines(jsonl);
        assertThat(rows).hasSize((int) total);
        ObjectMapper json = new ObjectMapper();
        JsonNode previous = null;
        for (String row : rows) {
            JsonNode e = json.readTree(row);
            if (previous != null) {
                assertThat(e.get("seq").asLong()).isEqualTo(previous.get("seq").asLong() + 1);
                assertThat(e.get("prev_tx_hash").asText()).isEqualTo(previous.get("tx_hash").asText());
            }
            previous = e;
        }
        assertThat(previous.get("tx_hash").asText()).isEqualTo(head.txHash());
    }

    @Test
    void csv_cells_are_quoted_and_defused() {
        assertThat(AuditExport.csv("plain")).isEqualTo("plain");
        assertThat(AuditExport.csv("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditExport.csv("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditExport.csv("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(AuditExport.csv(null)).isEmpty();
    }

    /** Passes every call on; tests override what they watch. */
    static class ForwardingTrail implements AuditTrail {
        private final AuditTrail inner;

        ForwardingTrail(AuditTrail inner) {
            this.inner = inner;
        }

        @Override
        public Outcome<AuditPage> entries(AuditFilter filter) {
            return inner.entries(filter);
        }

        @Override
        public Outcome<AuditLogEntry> entry(long seq) {
            return inner.entry(seq);
        }

        @Override
        public Outcome<AuditHead> head() {
            return inner.head();
        }

        @Override
        public Outcome<VerificationResult> verify() {
            return inner.verify();
        }

        @Override
        public Outcome<VerificationStep> verifyStep(VerificationStepRequest step) {
            return inner.verifyStep(step);
        }
    }

    @Test
    void scrolling_through_fifty_thousand_entries_and_back_holds_a_bounded_window() {
        int total = 50_000;
        AuditViewModel viewModel = new AuditViewModel(new GeneratedTrail(total), executor, ZoneOffset.UTC, System::nanoTime, 100);
        int visible = 30;
        int[] top = {0};
        viewModel.setOnShiftAbove(shift -> top[0] += shift);
        viewModel.load();

        // down to the oldest entry, a screenful at a time, as the table would show the rows
        long expected = total;
        int mostHeld = 0;
        int pages = 0;
        while (true) {
            for (int i = top[0]; i < Math.min(top[0] + visible, viewModel.rows().size()); i++) {
                assertThat(viewModel.rows().get(i).seq()).as("row %d on screen", i).isEqualTo(expected - (i - top[0]));
            }
            // top moves when rows above the screen are dropped, as the view scrolls to keep its place
            for (int k = 0; k < visible && top[0] + k < viewModel.rows().size(); k++) {
                viewModel.rowShown(top[0] + k);
            }
            mostHeld = Math.max(mostHeld, viewModel.rows().size());
            if (viewModel.rows().get(Math.min(top[0] + visible, viewModel.rows().size()) - 1).seq() == 1) break;
            top[0] += visible;
            expected -= visible;
            assertThat(++pages).as("the end comes").isLessThan(total);
        }
        assertThat(mostHeld).isLessThanOrEqualTo(AuditViewModel.WINDOW);
        assertThat(viewModel.rows().get(viewModel.rows().size() - 1).seq()).isEqualTo(1);

        // and back up to the newest, which had long been dropped
        expected = viewModel.rows().get(top[0]).seq();
        while (true) {
            assertThat(viewModel.rows().get(top[0]).seq()).as("first row on screen").isEqualTo(expected);
            for (int k = visible - 1; k >= 0; k--) {
                if (top[0] + k < viewModel.rows().size()) viewModel.rowShown(top[0] + k);
            }
            mostHeld = Math.max(mostHeld, viewModel.rows().size());
            if (viewModel.rows().get(top[0]).seq() == total) break;
            int up = Math.min(visible, top[0]);
            assertThat(up).as("rows above the screen once the newer page came").isPositive();
            top[0] -= up;
            expected += up;
        }
        assertThat(mostHeld).isLessThanOrEqualTo(AuditViewModel.WINDOW);
        assertThat(viewModel.summaryProperty().get()).contains("seq " + total + " down to");
    }

    /** A log of {@code total} entries made up on demand, so the test measures the view model, not a database. */
    static final class GeneratedTrail extends ForwardingTrail {
        private final long total;

        GeneratedTrail(long total) {
            super(null);
            this.total = total;
        }

        @Override
        public Outcome<AuditPage> entries(AuditFilter filter) {
            long above = filter.afterSeq() == null ? 0 : filter.afterSeq();
            long below = filter.beforeSeq() == null ? total + 1 : filter.beforeSeq();
            List<AuditLogEntry> page = new java.util.ArrayList<>();
            boolean newestFirst = filter.order() == AuditFilter.Direction.NEWEST_FIRST;
            for (long seq = newestFirst ? below - 1 : above + 1; seq > above && seq < below && page.size() < filter.pageSize();
                 seq += newestFirst ? -1 : 1) {
                page.add(new AuditLogEntry(seq, Instant.ofEpochSecond(1_700_000_000L + seq), null, null, "EQUITY_CHANGE", "equity_ledger",
                        null, null, "{}", "0".repeat(64), "0".repeat(64)));
            }
            boolean full = page.size() == filter.pageSize();
            long lastSeq = page.isEmpty() ? 0 : page.get(page.size() - 1).seq();
            boolean more = full && (newestFirst ? lastSeq > 1 : lastSeq < total);
            return Outcome.done(new AuditPage(page, !newestFirst && more ? lastSeq : null, newestFirst && more ? lastSeq : null));
        }
    }
}
