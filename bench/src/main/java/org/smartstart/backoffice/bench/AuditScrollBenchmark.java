package org.smartstart.backoffice.bench;

import org.smartstart.backoffice.domain.audit.AuditFilter;
import org.smartstart.backoffice.domain.audit.AuditHead;
import org.smartstart.backoffice.domain.audit.AuditLogEntry;
import org.smartstart.backoffice.domain.audit.AuditPage;
import org.smartstart.backoffice.domain.audit.AuditTrail;
import org.smartstart.backoffice.domain.audit.VerificationResult;
import org.smartstart.backoffice.domain.audit.VerificationStep;
import org.smartstart.backoffice.domain.audit.VerificationStepRequest;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.ui.audit.AuditViewModel;
import org.smartstart.backoffice.ui.tasks.CurrentThreadTaskExecutor;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Issue 7's "the app scrolls the whole log with -Xmx256m", for the part that could grow: the audit screen's
 * view model, scrolled screen by screen (30 rows, as the table reports them) from the newest of N entries
 * (default 10,000,000) down to seq 1 and back up 100,000 entries. The entries are made up on demand, each
 * about 700 bytes like the real ones, so only what the view model keeps stays in memory. Prints the most rows
 * it held and the heap in use after a GC now and then. Run it in a small heap:
 * {@code MAVEN_OPTS=-Xmx256m mvn -B -o -q -Pbench compile exec:java -Dbench.main=org.smartstart.backoffice.bench.AuditScrollBenchmark}.
 */
public final class AuditScrollBenchmark {

    private static final int VISIBLE = 30;
    private static final long EPOCH = 1_577_836_800L;

    public static void main(String[] args) {
        long total = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.out.printf("max heap %,d MB; scrolling %,d entries%n", Runtime.getRuntime().maxMemory() >> 20, total);
        AuditViewModel viewModel = new AuditViewModel(new GeneratedTrail(total), new CurrentThreadTaskExecutor(), ZoneOffset.UTC);
        int[] top = {0};
        viewModel.setOnShiftAbove(shift -> top[0] += shift);
        viewModel.load();
        long start = System.nanoTime();
        int mostHeld = 0;
        long mostHeap = 0;
        long screens = 0;
        while (true) {
            for (int k = 0; k < VISIBLE && top[0] + k < viewModel.rows().size(); k++) {
                viewModel.rowShown(top[0] + k);
            }
            mostHeld = Math.max(mostHeld, viewModel.rows().size());
            int last = Math.min(top[0] + VISIBLE, viewModel.rows().size()) - 1;
            long lastSeq = viewModel.rows().get(last).seq();
            if (++screens % 50_000 == 0) {
                System.gc();
                long heap = memory.getHeapMemoryUsage().getUsed();
                mostHeap = Math.max(mostHeap, heap);
                System.out.printf("  at seq %,d: %,d rows held, heap in use after GC %,d MB%n", lastSeq, viewModel.rows().size(), heap >> 20);
            }
            if (lastSeq == 1) break;
            top[0] += VISIBLE;
        }
        double down = (System.nanoTime() - start) / 1e9;
        long bottom = viewModel.rows().get(top[0]).seq();
        while (viewModel.rows().get(top[0]).seq() < Math.min(total, bottom + 100_000)) {
            for (int k = VISIBLE - 1; k >= 0; k--) {
                if (top[0] + k < viewModel.rows().size()) viewModel.rowShown(top[0] + k);
            }
            mostHeld = Math.max(mostHeld, viewModel.rows().size());
            top[0] -= Math.min(VISIBLE, top[0]);
        }
        System.gc();
        mostHeap = Math.max(mostHeap, memory.getHeapMemoryUsage().getUsed());
        System.out.printf("scrolled %,d entries down in %.1f s (%,d screens) and 100,000 back up; at most %,d rows held "
                + "(window %,d); heap in use after GC at most %,d MB of %,d MB%n", total, down, screens, mostHeld, AuditViewModel.WINDOW,
                mostHeap >> 20, Runtime.getRuntime().maxMemory() >> 20);

        // a jump to a date 90% back (the list in time order from there), 1,000,000 entries down and 1,000,000 up
        LocalDate day = Instant.ofEpochSecond(EPOCH + total / 10 * 3).atZone(ZoneOffset.UTC).toLocalDate();
        viewModel.jumpDateProperty().set(day);
        viewModel.jumpToDate();
        top[0] = 0;
        long jumpedTo = viewModel.rows().get(0).seq();
        int heldAfterJump = 0;
        long stop = Math.max(1, jumpedTo - 1_000_000);
        while (viewModel.rows().get(Math.min(top[0] + VISIBLE, viewModel.rows().size()) - 1).seq() > stop) {
            for (int k = 0; k < VISIBLE && top[0] + k < viewModel.rows().size(); k++) {
                viewModel.rowShown(top[0] + k);
            }
            heldAfterJump = Math.max(heldAfterJump, viewModel.rows().size());
            top[0] += VISIBLE;
        }
        long lowest = viewModel.rows().get(Math.min(top[0], viewModel.rows().size() - 1)).seq();
        while (top[0] > 0 || viewModel.rows().get(0).seq() < Math.min(total, jumpedTo + 1_000_000)) {
            for (int k = VISIBLE - 1; k >= 0; k--) {
                if (top[0] + k < viewModel.rows().size()) viewModel.rowShown(top[0] + k);
            }
            heldAfterJump = Math.max(heldAfterJump, viewModel.rows().size());
            if (top[0] == 0 && viewModel.rows().get(0).seq() >= total) {
                break;
            }
            top[0] -= Math.min(VISIBLE, top[0]);
        }
        System.gc();
        System.out.printf("jumped to %s (seq %,d, in time order), scrolled down to seq %,d and up to seq %,d; at most %,d rows held; "
                + "heap in use after GC %,d MB%n", day, jumpedTo, lowest, viewModel.rows().get(0).seq(), heldAfterJump,
                memory.getHeapMemoryUsage().getUsed() >> 20);
    }

    /** N entries made up on demand, newest or oldest first from a seq, like the keyset query answers. */
    private static final class GeneratedTrail implements AuditTrail {
        private final long total;
        private final String data = "{\"n\": 1, \"after\": {\"holder\": \"tok_5f3a9c1e2b4d6f70\", \"percent\": \"15.000\"}, "
                + "\"before\": {\"holder\": \"tok_1a2b3c4d5e6f7081\", \"percent\": \"12.500\"}, \"comment\": \"";

        GeneratedTrail(long total) {
            this.total = total;
        }

        @Override
        public Outcome<AuditPage> entries(AuditFilter filter) {
            long above = filter.afterSeq() == null ? 0 : filter.afterSeq();
            long below = filter.beforeSeq() == null ? total + 1 : filter.beforeSeq();
            // entry seq is stamped EPOCH + 3 s × seq, so here the time order is the seq order and a period is a seq range
            if (filter.fromTs() != null) {
                above = Math.max(above, Math.floorDiv(filter.fromTs().getEpochSecond() - EPOCH + 2, 3) - 1);
            }
            if (filter.toTs() != null) {
                below = Math.min(below, Math.floorDiv(filter.toTs().getEpochSecond() - EPOCH + 2, 3));
            }
            boolean newestFirst = filter.order() == AuditFilter.Direction.NEWEST_FIRST;
            List<AuditLogEntry> page = new ArrayList<>();
            for (long seq = newestFirst ? below - 1 : above + 1; seq > above && seq < below && page.size() < filter.pageSize();
                 seq += newestFirst ? -1 : 1) {
                // fresh strings per entry, as rows read from the database would be
                page.add(new AuditLogEntry(seq, Instant.ofEpochSecond(EPOCH + seq * 3), new UUID(seq, 1), "Bench " + seq % 8,
                        "EQUITY_CHANGE", "equity_ledger", new UUID(seq, 2), null, data + "x".repeat(180) + seq + "\"}",
                        Long.toHexString(seq).repeat(64).substring(0, 64), Long.toHexString(seq + 1).repeat(64).substring(0, 64)));
            }
            long lastSeq = page.isEmpty() ? 0 : page.get(page.size() - 1).seq();
            boolean more = page.size() == filter.pageSize() && (newestFirst ? lastSeq > 1 : lastSeq < total);
            return Outcome.done(new AuditPage(page, !newestFirst && more ? lastSeq : null, newestFirst && more ? lastSeq : null));
        }

        @Override
        public Outcome<AuditLogEntry> entry(long seq) {
            throw new UnsupportedOperationException("the scroll asks for pages only");
        }

        @Override
        public Outcome<AuditHead> head() {
            throw new UnsupportedOperationException("the scroll asks for pages only");
        }

        @Override
        public Outcome<VerificationResult> verify() {
            throw new UnsupportedOperationException("the scroll asks for pages only");
        }

        @Override
        public Outcome<VerificationStep> verifyStep(VerificationStepRequest step) {
            throw new UnsupportedOperationException("the scroll asks for pages only");
        }
    }
}
