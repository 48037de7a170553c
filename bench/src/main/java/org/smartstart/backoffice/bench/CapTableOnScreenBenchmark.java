package org.smartstart.backoffice.bench;

import org.smartstart.backoffice.domain.captable.CapTable;
import org.smartstart.backoffice.domain.captable.Holder;
import org.smartstart.backoffice.domain.captable.LedgerRow;
import org.smartstart.backoffice.domain.captable.VentureFacts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Issue 4: what the cap table screen still computes on the FX thread when the date changes: the cap table of one date
 * from the ledger it already holds (no database). 500 holders and about 10,000 rows, each holder's stake re-issued 20
 * times over the years. Run: {@code mvn -B -o -q -Pbench compile exec:java
 * -Dbench.main=org.smartstart.backoffice.bench.CapTableOnScreenBenchmark}.
 */
public final class CapTableOnScreenBenchmark {

    private CapTableOnScreenBenchmark() {
    }

    public static void main(String[] args) {
        // 500 holders, 10,000 rows: every holder's stake re-issued 20 times over the years (rows closed and reopened)
        Random rnd = new Random(1);
        UUID venture = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < 498; i++) {
            people.add(UUID.randomUUID());
        }
        List<LedgerRow> ledger = new ArrayList<>();
        LocalDate first = LocalDate.of(2018, 1, 1);
        ledger.add(new LedgerRow(UUID.randomUUID(), Holder.alice(), new BigDecimal("10.000"), first, null, null, null, null));
        ledger.add(new LedgerRow(UUID.randomUUID(), Holder.user(owner), new BigDecimal("60.120"), first, null, null, null, null));
        for (UUID p : people) {
            LocalDate from = first;
            for (int k = 0; k < 20; k++) {
                LocalDate to = k == 19 ? null : from.plusDays(60 + rnd.nextInt(60));
                ledger.add(new LedgerRow(UUID.randomUUID(), Holder.user(p), new BigDecimal("0.060"), from, to, null, null, null));
                if (to != null) {
                    from = to.plusDays(1);
                }
            }
        }
        Map<UUID, String> names = new HashMap<>();
        people.forEach(p -> names.put(p, "Holder " + p.toString().substring(0, 6)));
        VentureFacts facts = new VentureFacts(venture, "Bench", owner, new BigDecimal("20.000"), List.of());
        List<LocalDate> dates = CapTable.changeDates(ledger);
        System.out.println("rows " + ledger.size() + ", change dates " + dates.size());
        for (int round = 0; round < 3; round++) {
            long[] t = new long[400];
            for (int i = 0; i < t.length; i++) {
                LocalDate day = dates.get(rnd.nextInt(dates.size()));
                long s = System.nanoTime();
                CapTable c = CapTable.on(facts, ledger, names, Map.of(), day, dates, "r");
                if (c.holders().isEmpty()) {
                    throw new IllegalStateException("no holder on " + day);
                }
                t[i] = System.nanoTime() - s;
            }
            Arrays.sort(t);
            System.out.printf(Locale.ROOT, "round %d: CapTable.on of a date over the whole ledger p50 %.3f ms p95 %.3f ms max %.3f ms%n",
                    round, t[200] / 1e6, t[380] / 1e6, t[399] / 1e6);
        }
    }
}
