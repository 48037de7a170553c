package org.smartstart.backoffice.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.smartstart.backoffice.domain.captable.ocf.OcfPackage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Hand-written OCF packages for tests: stakeholders, stock classes, vesting terms and transactions, each
 * as the OCF schemas want them, so a test names only what it is about.
 */
public final class OcfTestPackage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArrayNode stakeholders = JSON.createArrayNode();
    private final ArrayNode classes = JSON.createArrayNode();
    private final ArrayNode vesting = JSON.createArrayNode();
    private final ArrayNode transactions = JSON.createArrayNode();
    private String asOf = "2026-12-31";
    private int serial;

    public OcfTestPackage() {
        stockClass("common", "Common Stock");
    }

    /** The samples folder of the Open Cap Table Coalition, as a package. */
    public static OcfPackage samples() {
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : List.of("Manifest.ocf.json", "Stakeholders.ocf.json", "StockClasses.ocf.json", "Transactions.ocf.json",
                "VestingTerms.ocf.json", "StockPlans.ocf.json", "StockLegends.ocf.json", "Valuations.ocf.json", "Financings.ocf.json",
                "Documents.ocf.json", "VestingTerms.example1.ocf.json", "VestingTerms.example2.ocf.json",
                "VestingTransactions.examples.ocf.json")) {
            files.put(name, resource("/ocf/samples/" + name));
        }
        return new OcfPackage("samples", files);
    }

    public static String resource(String path) {
        try (InputStream in = OcfTestPackage.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public OcfTestPackage asOf(String date) {
        asOf = date;
        return this;
    }

    public OcfTestPackage stakeholder(String id, String name, String email) {
        ObjectNode s = stakeholders.addObject();
        s.put("object_type", "STAKEHOLDER");
        s.put("id", id);
        s.putObject("name").put("legal_name", name);
        s.put("stakeholder_type", "INDIVIDUAL");
        if (email != null) {
            ObjectNode e = s.putObject("contact_info").putArray("emails").addObject();
            e.put("email_type", "PERSONAL");
            e.put("email_address", email);
        }
        return this;
    }

    public OcfTestPackage stockClass(String id, String name) {
        ObjectNode c = classes.addObject();
        c.put("object_type", "STOCK_CLASS");
        c.put("id", id);
        c.put("name", name);
        c.put("class_type", id.equals("common") ? "COMMON" : "PREFERRED");
        c.put("default_id_prefix", id.toUpperCase() + "-");
        c.put("initial_shares_authorized", "100000000");
        c.put("votes_per_share", "1");
        c.put("seniority", "1");
        return this;
    }

    /** The sample's "4yr-1yr-cliff-schedule" vesting terms under {@code id}. */
    public OcfTestPackage fourYearsOneYearCliff(String id) {
        ObjectNode t = vesting.addObject();
        t.put("object_type", "VESTING_TERMS");
        t.put("id", id);
        t.put("name", "Four years, one-year cliff");
        t.put("description", "25% after a year, then monthly");
        t.put("allocation_type", "CUMULATIVE_ROUNDING");
        ArrayNode c = t.putArray("vesting_conditions");
        ObjectNode start = c.addObject();
        start.put("id", "start");
        start.put("quantity", "0");
        start.putObject("trigger").put("type", "VESTING_START_DATE");
        start.putArray("next_condition_ids").add("cliff");
        ObjectNode cliff = c.addObject();
        cliff.put("id", "cliff");
        cliff.putObject("portion").put("numerator", "12").put("denominator", "48");
        relative(cliff, 12, 1, "start");
        cliff.putArray("next_condition_ids").add("monthly");
        ObjectNode monthly = c.addObject();
        monthly.put("id", "monthly");
        monthly.putObject("portion").put("numerator", "1").put("denominator", "48");
        relative(monthly, 1, 36, "cliff");
        monthly.putArray("next_condition_ids");
        return this;
    }

    /** Vesting terms that vest on an event (a sale): no vesting policy fits them. */
    public OcfTestPackage eventVesting(String id) {
        ObjectNode t = vesting.addObject();
        t.put("object_type", "VESTING_TERMS");
        t.put("id", id);
        t.put("name", "On a sale");
        t.put("description", "All at once on a sale");
        t.put("allocation_type", "CUMULATIVE_ROUND_DOWN");
        ObjectNode all = t.putArray("vesting_conditions").addObject();
        all.put("id", "sale");
        all.putObject("portion").put("numerator", "1").put("denominator", "1");
        all.putObject("trigger").put("type", "VESTING_EVENT");
        all.putArray("next_condition_ids");
        return this;
    }

    private static void relative(ObjectNode c, int months, int occurrences, String to) {
        ObjectNode trigger = c.putObject("trigger");
        trigger.put("type", "VESTING_SCHEDULE_RELATIVE");
        ObjectNode period = trigger.putObject("period");
        period.put("length", months);
        period.put("type", "MONTHS");
        period.put("occurrences", occurrences);
        period.put("day_of_month", "VESTING_START_DAY_OR_LAST_DAY_OF_MONTH");
        trigger.put("relative_to_condition_id", to);
    }

    /** Any transaction: type, date and its own fields. */
    public OcfTestPackage tx(String type, String date, Consumer<ObjectNode> fields) {
        ObjectNode tx = transactions.addObject();
        tx.put("object_type", type);
        tx.put("id", "tx-" + (++serial));
        tx.put("date", date);
        fields.accept(tx);
        return this;
    }

    public OcfTestPackage issue(String date, String security, String holder, String quantity) {
        return issue(date, security, holder, quantity, "common", null);
    }

    public OcfTestPackage issue(String date, String security, String holder, String quantity, String stockClass, String vestingTerms) {
        return tx("TX_STOCK_ISSUANCE", date, t -> {
            t.put("security_id", security);
            t.put("custom_id", security);
            t.put("stakeholder_id", holder);
            t.put("stock_class_id", stockClass);
            t.put("quantity", quantity);
            t.putObject("share_price").put("amount", "1.00").put("currency", "USD");
            t.putArray("security_law_exemptions");
            t.putArray("stock_legend_ids");
            if (vestingTerms != null) {
                t.put("vesting_terms_id", vestingTerms);
            }
        });
    }

    public OcfTestPackage transfer(String date, String security, String quantity, String balance, String... resulting) {
        return tx("TX_STOCK_TRANSFER", date, t -> {
            t.put("security_id", security);
            t.put("quantity", quantity);
            ArrayNode r = t.putArray("resulting_security_ids");
            for (String s : resulting) {
                r.add(s);
            }
            if (balance != null) {
                t.put("balance_security_id", balance);
            }
        });
    }

    public OcfTestPackage cancel(String date, String security, String quantity, String balance) {
        return tx("TX_STOCK_CANCELLATION", date, t -> {
            t.put("security_id", security);
            t.put("quantity", quantity);
            t.put("reason_text", "cancelled");
            if (balance != null) {
                t.put("balance_security_id", balance);
            }
        });
    }

    public OcfTestPackage repurchase(String date, String security, String quantity, String balance) {
        return tx("TX_STOCK_REPURCHASE", date, t -> {
            t.put("security_id", security);
            t.put("quantity", quantity);
            t.putObject("price").put("amount", "2.00").put("currency", "USD");
            if (balance != null) {
                t.put("balance_security_id", balance);
            }
        });
    }

    public OcfTestPackage split(String date, String stockClass, String numerator, String denominator) {
        return tx("TX_STOCK_CLASS_SPLIT", date, t -> {
            t.put("stock_class_id", stockClass);
            t.putObject("split_ratio").put("numerator", numerator).put("denominator", denominator);
        });
    }

    public OcfPackage build() {
        ObjectNode m = JSON.createObjectNode();
        m.put("ocf_version", "1.2.1-alpha+main");
        m.put("file_type", "OCF_MANIFEST_FILE");
        ObjectNode issuer = m.putObject("issuer");
        issuer.put("object_type", "ISSUER");
        issuer.put("id", "issuer");
        issuer.put("legal_name", "Test Issuer Inc.");
        issuer.put("formation_date", "2020-01-01");
        issuer.put("country_of_formation", "US");
        m.put("as_of", asOf);
        m.put("generated_at", "2026-01-01T00:00:00Z");
        for (String list : List.of("stock_plans_files", "stock_legend_templates_files", "valuations_files")) {
            m.putArray(list);
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put("Stakeholders.ocf.json", file("OCF_STAKEHOLDERS_FILE", stakeholders));
        files.put("StockClasses.ocf.json", file("OCF_STOCK_CLASSES_FILE", classes));
        files.put("VestingTerms.ocf.json", file("OCF_VESTING_TERMS_FILE", vesting));
        files.put("Transactions.ocf.json", file("OCF_TRANSACTIONS_FILE", transactions));
        for (String[] list : new String[][] {{"stakeholders_files", "Stakeholders.ocf.json"}, {"stock_classes_files", "StockClasses.ocf.json"},
                {"vesting_terms_files", "VestingTerms.ocf.json"}, {"transactions_files", "Transactions.ocf.json"}}) {
            m.putArray(list[0]).addObject().put("filepath", "./" + list[1]).put("md5", md5(files.get(list[1])));
        }
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Manifest.ocf.json", m.toString());
        all.putAll(files);
        return new OcfPackage("test package", all);
    }

    static String md5(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String file(String type, ArrayNode items) {
        ObjectNode f = JSON.createObjectNode();
        f.put("file_type", type);
        f.set("items", items);
        return f.toString();
    }
}
