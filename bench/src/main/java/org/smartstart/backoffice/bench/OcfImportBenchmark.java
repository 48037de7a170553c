package org.smartstart.backoffice.bench;

import org.smartstart.backoffice.domain.captable.ocf.OcfImport;
import org.smartstart.backoffice.domain.captable.ocf.OcfImportResult;
import org.smartstart.backoffice.domain.captable.ocf.OcfImportTarget;
import org.smartstart.backoffice.domain.captable.ocf.OcfPackage;
import org.smartstart.backoffice.domain.captable.ocf.OcfPackages;
import org.smartstart.backoffice.domain.identity.ClientInfo;
import org.smartstart.backoffice.domain.identity.SignInResult;
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.persistence.db.BackOfficeDatabase;
import org.smartstart.backoffice.persistence.db.DataFolder;
import org.smartstart.backoffice.persistence.db.EmbeddedPostgresServer;
import org.smartstart.backoffice.persistence.demo.DemoDataLoader;
import org.smartstart.backoffice.persistence.usecase.LocalConnector;
import org.smartstart.backoffice.persistence.usecase.LocalServices;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Issue 9 benchmark: import of a generated OCF package with 5,000 stakeholders and 50,000 transactions,
 * read from a folder, checked against the OCF schemas, replayed and written in one transaction, in ≤ 30 s.
 *
 * <p>The package: on the first date the founder (the venture's owner, 60%) and 4,999 holders are issued
 * their stock (5,000 issuances); then 14,998 secondary transfers on 750 dates, each a transfer with the
 * issuance of the received and of the balance security (44,994 transactions), and two financing rounds that
 * dilute everyone (2 issuances and 4 new stakeholders' issuances). 50,000 transactions in all.
 *
 * <p>Run: {@code mvn -B -o -q -Pbench compile exec:java -Dbench.main=org.smartstart.backoffice.bench.OcfImportBenchmark}.
 */
public final class OcfImportBenchmark {

    private static final int STAKEHOLDERS = 5_000;
    private static final int TRANSACTIONS = 50_000;
    private static final String ADMIN = "ann.lee@example.com";
    private static final String DEMO_PASSWORD = "demo-password-2026";

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("ocf-bench");
        Path folder = root.resolve("package");
        long g0 = System.nanoTime();
        int written = generate(folder);
        System.out.printf(Locale.ROOT, "Package generated: %,d stakeholders, %,d transactions, %.1f MB in %.1f s%n", STAKEHOLDERS, written,
                folderSize(folder) / 1e6, (System.nanoTime() - g0) / 1e9);
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(new DataFolder(root.resolve("db")),
                Map.of("synchronous_commit", "on", "fsync", "on"));
             BackOfficeDatabase db = BackOfficeDatabase.attach(server.settings())) {
            db.migrate();
            DemoDataLoader.load(db);
            UUID venture = UUID.randomUUID();
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                UUID founder = UUID.randomUUID();
                s.execute("INSERT INTO users (id, display_name, email) VALUES ('" + founder + "', 'Fran Founder', 'founder@bench.example.com')");
                s.execute("INSERT INTO ventures (id, name, region, status, owner_user_id) VALUES ('" + venture
                        + "', 'Bench Holdings', 'ca', 'draft', '" + founder + "')");
            }
            LocalServices services = LocalServices.open(db, Clock.systemUTC());
            try (LocalConnector local = new LocalConnector(services, services)) {
                SignInResult result = local.signIn(ADMIN, DEMO_PASSWORD.toCharArray(), new ClientInfo("bench", "OcfImportBenchmark"));
                if (!(result instanceof SignInResult.SignedIn signedIn)) {
                    throw new IllegalStateException("Cannot sign in the demo admin: " + result);
                }
                BackOffice office = local.open(signedIn.session());

                // The parts on their own: reading, and the plan (schemas, references, replay, percents, rules).
                long r0 = System.nanoTime();
                OcfPackage pkg = OcfPackages.read(folder);
                long r1 = System.nanoTime();
                OcfImportTarget target = office.capTableInterchange().ocfImportTarget(venture).orElseThrow();
                OcfImport.Plan plan = OcfImport.plan(pkg, target);
                long r2 = System.nanoTime();
                if (!plan.importable()) {
                    throw new IllegalStateException("The generated package has problems: " + plan.preview().problems().subList(0,
                            Math.min(5, plan.preview().problems().size())));
                }
                System.out.printf(Locale.ROOT, "Read %.2f s; plan (schemas, references, replay, percents, rules) %.2f s: %,d rows on %,d dates%n",
                        (r1 - r0) / 1e9, (r2 - r1) / 1e9, plan.rows().size(), plan.preview().dates().size());

                // The measured import: read the folder again and import it, all in one go.
                long t0 = System.nanoTime();
                OcfPackage again = OcfPackages.read(folder);
                Outcome<OcfImportResult> imported = office.capTableInterchange().importOcf(venture, again);
                long t1 = System.nanoTime();
                OcfImportResult r = imported.orElseThrow();
                System.out.printf(Locale.ROOT, "Import (read + validation + replay + write + commit): %.2f s; %,d ledger rows on %,d dates, "
                                + "%,d pending users opened, %,d matched%n", (t1 - t0) / 1e9, r.rowsWritten(), r.changeDates(),
                        r.usersCreated(), r.usersMatched());
                try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT count(*) FROM equity_ledger WHERE venture_id = '" + venture + "'")) {
                    rs.next();
                    System.out.printf(Locale.ROOT, "Rows in the ledger after the import: %,d%n", rs.getLong(1));
                }
                System.out.println((t1 - t0) / 1e9 <= 30 ? "Target (≤ 30 s) met." : "Target (≤ 30 s) NOT met.");
            }
        }
    }

    private static long folderSize(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** Writes the package; answers the number of transactions. */
    static int generate(Path folder) throws Exception {
        Files.createDirectories(folder);
        Random random = new Random(9);
        StringBuilder stakeholders = new StringBuilder("{\"file_type\":\"OCF_STAKEHOLDERS_FILE\",\"items\":[");
        for (int i = 0; i < STAKEHOLDERS + 4; i++) {
            String id = "sh-" + i;
            String name = i == 0 ? "Fran Founder" : i >= STAKEHOLDERS ? "Round Fund " + (i - STAKEHOLDERS + 1) : "Holder " + i;
            String email = i == 0 ? "founder@bench.example.com" : "holder" + i + "@bench.example.com";
            if (i > 0) {
                stakeholders.append(',');
            }
            stakeholders.append("{\"object_type\":\"STAKEHOLDER\",\"id\":\"").append(id).append("\",\"name\":{\"legal_name\":\"")
                    .append(name).append("\"},\"stakeholder_type\":\"").append(i >= STAKEHOLDERS ? "INSTITUTION" : "INDIVIDUAL")
                    .append("\",\"contact_info\":{\"emails\":[{\"email_type\":\"BUSINESS\",\"email_address\":\"").append(email)
                    .append("\"}]}}");
        }
        stakeholders.append("]}");

        List<String> txs = new ArrayList<>(TRANSACTIONS);
        int[] serial = {0};
        List<List<long[]>> holdings = new ArrayList<>(); // per holder: [security number, shares]
        for (int i = 0; i < STAKEHOLDERS + 4; i++) {
            holdings.add(new ArrayList<>());
        }
        LocalDate day = LocalDate.parse("2021-01-04");
        holdings.get(0).add(new long[] {issue(txs, serial, day, 0, 6_000_000), 6_000_000});
        for (int i = 1; i < STAKEHOLDERS; i++) {
            holdings.get(i).add(new long[] {issue(txs, serial, day, i, 800), 800});
        }
        int transfersPerDay = 20;
        int rounds = 0;
        while (txs.size() + 3 <= TRANSACTIONS - (2 - rounds) * 2) {
            day = day.plusDays(2);
            for (int t = 0; t < transfersPerDay && txs.size() + 3 <= TRANSACTIONS - (2 - rounds) * 2; t++) {
                int from = 1 + random.nextInt(STAKEHOLDERS - 1);
                int to = 1 + random.nextInt(STAKEHOLDERS - 1);
                List<long[]> mine = holdings.get(from);
                long[] source = mine.isEmpty() ? null : mine.get(mine.size() - 1);
                if (to == from || source == null || source[1] < 2) {
                    t--;
                    continue;
                }
                long quantity = Math.max(1, source[1] / 4);
                long received = issue(txs, serial, day, to, quantity);
                long balance = source[1] - quantity;
                long balanceSecurity = issue(txs, serial, day, from, balance);
                txs.add("{\"object_type\":\"TX_STOCK_TRANSFER\",\"id\":\"tx-" + (txs.size() + 1) + "\",\"date\":\"" + day
                        + "\",\"security_id\":\"CS-" + source[0] + "\",\"quantity\":\"" + quantity + "\",\"resulting_security_ids\":[\"CS-"
                        + received + "\"],\"balance_security_id\":\"CS-" + balanceSecurity + "\"}");
                mine.remove(mine.size() - 1);
                mine.add(new long[] {balanceSecurity, balance});
                holdings.get(to).add(new long[] {received, quantity});
            }
            if (rounds < 2 && txs.size() >= (rounds + 1) * TRANSACTIONS / 3) {
                // A financing round: two funds buy new shares, diluting every holder.
                for (int f = 0; f < 2; f++) {
                    int fund = STAKEHOLDERS + rounds * 2 + f;
                    holdings.get(fund).add(new long[] {issue(txs, serial, day.plusDays(1), fund, 100_000), 100_000});
                }
                rounds++;
                day = day.plusDays(1);
            }
        }
        StringBuilder transactions = new StringBuilder("{\"file_type\":\"OCF_TRANSACTIONS_FILE\",\"items\":[");
        transactions.append(String.join(",", txs)).append("]}");
        String classes = "{\"file_type\":\"OCF_STOCK_CLASSES_FILE\",\"items\":[{\"object_type\":\"STOCK_CLASS\",\"id\":\"common\","
                + "\"name\":\"Common Stock\",\"class_type\":\"COMMON\",\"default_id_prefix\":\"CS-\",\"initial_shares_authorized\":\"100000000\","
                + "\"votes_per_share\":\"1\",\"seniority\":\"1\"}]}";
        Files.writeString(folder.resolve("Stakeholders.ocf.json"), stakeholders, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("Transactions.ocf.json"), transactions, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("StockClasses.ocf.json"), classes, StandardCharsets.UTF_8);
        String manifest = "{\"ocf_version\":\"1.2.1-alpha+main\",\"file_type\":\"OCF_MANIFEST_FILE\",\"issuer\":{\"object_type\":\"ISSUER\","
                + "\"id\":\"bench\",\"legal_name\":\"Bench Holdings\",\"formation_date\":\"2021-01-01\",\"country_of_formation\":\"CA\"},"
                + "\"as_of\":\"" + day.plusDays(1) + "\",\"generated_at\":\"2026-12-01T00:00:00Z\",\"stock_plans_files\":[],"
                + "\"stock_legend_templates_files\":[],\"vesting_terms_files\":[],\"valuations_files\":[],"
                + "\"stock_classes_files\":[" + entry("StockClasses.ocf.json", classes) + "],"
                + "\"stakeholders_files\":[" + entry("Stakeholders.ocf.json", stakeholders.toString()) + "],"
                + "\"transactions_files\":[" + entry("Transactions.ocf.json", transactions.toString()) + "]}";
        Files.writeString(folder.resolve("Manifest.ocf.json"), manifest, StandardCharsets.UTF_8);
        return txs.size();
    }

    private static long issue(List<String> txs, int[] serial, LocalDate day, int holder, long shares) {
        long security = ++serial[0];
        txs.add("{\"object_type\":\"TX_STOCK_ISSUANCE\",\"id\":\"tx-" + (txs.size() + 1) + "\",\"date\":\"" + day + "\",\"security_id\":\"CS-"
                + security + "\",\"custom_id\":\"CS-" + security + "\",\"stakeholder_id\":\"sh-" + holder + "\",\"stock_class_id\":\"common\","
                + "\"quantity\":\"" + shares + "\",\"share_price\":{\"amount\":\"0.01\",\"currency\":\"USD\"},\"security_law_exemptions\":[],"
                + "\"stock_legend_ids\":[]}");
        return security;
    }

    private static String entry(String file, String text) throws Exception {
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        return "{\"filepath\":\"./" + file + "\",\"md5\":\"" + md5 + "\"}";
    }
}
