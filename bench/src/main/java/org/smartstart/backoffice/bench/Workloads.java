package org.smartstart.backoffice.bench;

import org.smartstart.backoffice.bench.LocalVsRemoteBenchmark.BenchEnvironment;
import org.smartstart.backoffice.bench.LocalVsRemoteBenchmark.Workload;
import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.domain.usecase.Outcome;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The use cases {@link LocalVsRemoteBenchmark} measures. */
final class Workloads {

    private Workloads() {
    }

    static List<Workload> all() {
        return List.of(new CapTableRead());
    }

    /**
     * Read: the global admin reads the cap table of the demo venture with the longest ledger, as of each of
     * its change dates in turn (so every call computes totals and vesting on a different date).
     */
    static final class CapTableRead implements Workload {
        private UUID venture;
        private List<LocalDate> dates;

        @Override
        public String name() {
            return "cap-table-read";
        }

        @Override
        public Session prepare(BenchEnvironment env) throws Exception {
            dates = new ArrayList<>();
            try (Connection c = env.database().dataSource().getConnection(); Statement s = c.createStatement()) {
                try (ResultSet r = s.executeQuery(
                        "SELECT venture_id FROM equity_ledger GROUP BY venture_id ORDER BY count(*) DESC, venture_id LIMIT 1")) {
                    r.next();
                    venture = r.getObject(1, UUID.class);
                }
                try (ResultSet r = s.executeQuery("SELECT DISTINCT effective_from FROM equity_ledger WHERE venture_id = '"
                        + venture + "' ORDER BY 1")) {
                    while (r.next()) {
                        dates.add(r.getObject(1, LocalDate.class));
                    }
                }
            }
            return env.signIn("ann.lee@example.com");
        }

        @Override
        public Outcome<?> call(BackOffice backOffice, int client, long n) {
            return backOffice.capTables().capTableOn(venture, dates.get((int) ((n + client) % dates.size())));
        }
    }
}
