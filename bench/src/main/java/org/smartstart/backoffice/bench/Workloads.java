package org.smartstart.backoffice.bench;

import org.smartstart.backoffice.bench.LocalVsRemoteBenchmark.BenchEnvironment;
import org.smartstart.backoffice.bench.LocalVsRemoteBenchmark.Workload;
import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.kyc.Claim;
import org.smartstart.backoffice.domain.kyc.ClaimNext;
import org.smartstart.backoffice.domain.kyc.Decision;
import org.smartstart.backoffice.domain.kyc.DecisionOutcome;
import org.smartstart.backoffice.domain.kyc.DocumentDetail;
import org.smartstart.backoffice.domain.kyc.DocumentKind;
import org.smartstart.backoffice.domain.kyc.QueueOrder;
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.domain.usecase.Outcome;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** The use cases {@link LocalVsRemoteBenchmark} measures. */
final class Workloads {

    private Workloads() {
    }

    static List<Workload> all() {
        return List.of(new CapTableRead(), new KycDecision());
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

    /**
     * Write: a compliance officer's KYC decision as the screen makes it — claim the next document from the
     * queue (KY-3, SKIP LOCKED), read it (its stored sha256), approve it naming that sha256 (KY-7). Three
     * use cases, two of them audited commands; timed together as one decision. The queue holds
     * {@link #DOCUMENTS} low-risk pending documents of {@link #APPLICANTS} applicants, enough for every slice.
     */
    static final class KycDecision implements Workload {
        private static final int APPLICANTS = 1_000;
        private static final int DOCUMENTS = 60_000;

        @Override
        public String name() {
            return "kyc-decision";
        }

        @Override
        public Session prepare(BenchEnvironment env) throws Exception {
            byte[] scan = "bench scan".getBytes(StandardCharsets.UTF_8);
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(scan));
            try (Connection c = env.database().dataSource().getConnection()) {
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO document_blobs (sha256, media_type, bytes) VALUES (?, 'image/png', ?) ON CONFLICT DO NOTHING")) {
                    p.setString(1, sha256);
                    p.setBytes(2, scan);
                    p.executeUpdate();
                }
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TEMP TABLE bench_applicants AS SELECT gen_random_uuid() AS id, g AS n FROM generate_series(1, "
                            + APPLICANTS + ") g");
                    s.execute("INSERT INTO users (id, display_name, email, kyc_status, country_code) "
                            + "SELECT id, 'Applicant ' || n, 'applicant' || n || '@bench.example', 'pending', 'DE' FROM bench_applicants");
                    s.execute("INSERT INTO kyc_documents (user_id, doc_type, evidence_sha256, media_type, original_filename, risk_score, submitted_at) "
                            + "SELECT a.id, 'proof_of_address', '" + sha256 + "', 'image/png', 'scan.png', 20, "
                            + "timestamptz '2026-01-01' + g * interval '1 second' "
                            + "FROM generate_series(1, " + DOCUMENTS + ") g JOIN bench_applicants a ON a.n = 1 + g % " + APPLICANTS);
                    s.execute("ANALYZE kyc_documents");
                }
            }
            return env.signIn("grace.okafor@example.com");
        }

        @Override
        public Outcome<?> call(BackOffice backOffice, int client, long n) {
            return backOffice.kycReview().claimNext(new ClaimNext(DocumentKind.KYC, QueueOrder.OLDEST_FIRST))
                    .flatMap((Claim claim) -> backOffice.kycReview().document(claim.documentId()))
                    .flatMap((DocumentDetail document) -> backOffice.kycReview().decide(document.documentId(),
                            new Decision(DecisionOutcome.APPROVE, "DOC_OK", "Benchmark: address matches the profile.",
                                    "Thank you, your document is approved.", document.sha256())));
        }
    }
}
