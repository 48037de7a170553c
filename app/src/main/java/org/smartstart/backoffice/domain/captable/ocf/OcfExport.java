package org.smartstart.backoffice.domain.captable.ocf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.smartstart.backoffice.domain.captable.CapTable;
import org.smartstart.backoffice.domain.captable.Holder;
import org.smartstart.backoffice.domain.captable.LedgerRow;
import org.smartstart.backoffice.domain.captable.VentureFacts;
import org.smartstart.backoffice.domain.captable.VestingPolicy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A venture's cap table as an OCF package: the manifest, one stakeholder per holder (the platform marked by
 * {@link OcfImport#PLATFORM_ID}), one common stock class, the vesting policies as vesting terms, and the
 * transactions that reproduce the ledger's history. A percent becomes shares at 1,000 shares per 0.001%,
 * so every date has exactly 100,000 shares outstanding and an import gives back the same percents: the
 * first date issues every stake, and each later change moves shares by transfers (from those whose stake
 * shrinks to those whose stake grows, with the balance reissued to the giver), issuing or cancelling only
 * what transfers cannot balance.
 */
public final class OcfExport {

    public static final String STOCK_CLASS_ID = "common";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final BigDecimal UNITS_PER_PERCENT = BigDecimal.valueOf(1000);

    /** A holder's name and e-mail, for their stakeholder. */
    public record Person(String name, String email) {
    }

    private final VentureFacts venture;
    private final List<LedgerRow> ledger;
    private final Map<UUID, Person> people;
    private final Map<UUID, VestingPolicy> policies;
    private final String countryCode;
    private final LocalDate today;
    private final Instant now;

    private final ArrayNode transactions = JSON.createArrayNode();
    private final Map<String, Deque<Holding>> holdings = new HashMap<>();
    private int serial;
    private int txSerial;

    private static final class Holding {
        final String securityId;
        long units;

        Holding(String securityId, long units) {
            this.securityId = securityId;
            this.units = units;
        }
    }

    private OcfExport(VentureFacts venture, List<LedgerRow> ledger, Map<UUID, Person> people, Map<UUID, VestingPolicy> policies,
                      String countryCode, LocalDate today, Instant now) {
        this.venture = venture;
        this.ledger = ledger;
        this.people = people;
        this.policies = policies;
        this.countryCode = countryCode == null || !countryCode.matches("[A-Z]{2}") ? "ZZ" : countryCode;
        this.today = today;
        this.now = now;
    }

    /**
     * The package of {@code venture}'s {@code ledger}.
     *
     * @param people      name and e-mail of every user holding a row
     * @param policies    the vesting policies the rows name
     * @param countryCode the issuer's country of formation (the owner's country; "ZZ", unknown, when there is none)
     */
    public static OcfPackage export(VentureFacts venture, List<LedgerRow> ledger, Map<UUID, Person> people,
                                    Map<UUID, VestingPolicy> policies, String countryCode, LocalDate today, Instant now) {
        return new OcfExport(venture, ledger, people, policies, countryCode, today, now).build();
    }

    static String stakeholderId(Holder h) {
        return h.platform() ? "platform-alicesolutions" : "user-" + h.userId();
    }

    private OcfPackage build() {
        List<LocalDate> dates = CapTable.changeDates(ledger);
        Map<String, Holder> holders = new TreeMap<>();
        for (LedgerRow r : ledger) {
            holders.put(stakeholderId(r.holder()), r.holder());
        }
        for (LocalDate day : dates) {
            Map<String, Long> target = new TreeMap<>();
            Map<String, UUID> vesting = new HashMap<>();
            for (LedgerRow r : ledger) {
                if (r.effectiveOn(day)) {
                    String id = stakeholderId(r.holder());
                    target.merge(id, r.percent().multiply(UNITS_PER_PERCENT).longValueExact(), Long::sum);
                    if (r.vestingPolicyId() != null) {
                        vesting.put(id, r.vestingPolicyId());
                    }
                }
            }
            move(day, target, vesting);
        }
        LocalDate last = dates.isEmpty() ? today : dates.get(dates.size() - 1);
        LocalDate asOf = last.isAfter(today) ? last : today;
        LocalDate formation = dates.isEmpty() ? today : dates.get(0);

        Map<String, String> files = new LinkedHashMap<>();
        files.put("Stakeholders.ocf.json", file("OCF_STAKEHOLDERS_FILE", stakeholders(holders)));
        files.put("StockClasses.ocf.json", file("OCF_STOCK_CLASSES_FILE", stockClasses()));
        files.put("VestingTerms.ocf.json", file("OCF_VESTING_TERMS_FILE", vestingTerms()));
        files.put("Transactions.ocf.json", file("OCF_TRANSACTIONS_FILE", transactions));
        Map<String, String> all = new LinkedHashMap<>();
        all.put(OcfPackage.MANIFEST, manifest(formation, asOf, files));
        all.putAll(files);
        return new OcfPackage(venture.name() + " (export)", all);
    }

    /** The transactions that take every holder from their current shares to {@code target} on {@code day}. */
    private void move(LocalDate day, Map<String, Long> target, Map<String, UUID> vesting) {
        List<String> everyone = new ArrayList<>(holdings.keySet());
        target.keySet().forEach(id -> {
            if (!holdings.containsKey(id)) {
                everyone.add(id);
            }
        });
        everyone.sort(Comparator.naturalOrder());
        Deque<long[]> givers = new ArrayDeque<>();   // index into names, amount
        Deque<long[]> takers = new ArrayDeque<>();
        List<String> names = new ArrayList<>();
        for (String id : everyone) {
            long now = held(id);
            long want = target.getOrDefault(id, 0L);
            names.add(id);
            if (want < now) {
                givers.add(new long[] {names.size() - 1, now - want});
            } else if (want > now) {
                takers.add(new long[] {names.size() - 1, want - now});
            }
        }
        while (!givers.isEmpty() && !takers.isEmpty()) {
            long[] g = givers.peek();
            long[] t = takers.peek();
            long amount = Math.min(g[1], t[1]);
            transfer(day, names.get((int) g[0]), names.get((int) t[0]), amount, vesting);
            g[1] -= amount;
            t[1] -= amount;
            if (g[1] == 0) {
                givers.pop();
            }
            if (t[1] == 0) {
                takers.pop();
            }
        }
        for (long[] t : takers) {
            String id = names.get((int) t[0]);
            holdings.computeIfAbsent(id, k -> new ArrayDeque<>()).add(new Holding(issue(day, id, t[1], vesting.get(id)), t[1]));
        }
        for (long[] g : givers) {
            cancel(day, names.get((int) g[0]), g[1], vesting);
        }
    }

    private long held(String id) {
        Deque<Holding> h = holdings.get(id);
        return h == null ? 0 : h.stream().mapToLong(x -> x.units).sum();
    }

    private void transfer(LocalDate day, String from, String to, long amount, Map<String, UUID> vesting) {
        long left = amount;
        Deque<Holding> mine = holdings.get(from);
        while (left > 0) {
            Holding source = mine.peek();
            long moved = Math.min(left, source.units);
            String received = issue(day, to, moved, vesting.get(to));
            holdings.computeIfAbsent(to, k -> new ArrayDeque<>()).add(new Holding(received, moved));
            ObjectNode tx = tx("TX_STOCK_TRANSFER", day);
            tx.put("security_id", source.securityId);
            tx.put("quantity", Long.toString(moved));
            tx.putArray("resulting_security_ids").add(received);
            mine.pop();
            long rest = source.units - moved;
            if (rest > 0) {
                String balance = issue(day, from, rest, vesting.get(from));
                tx.put("balance_security_id", balance);
                mine.push(new Holding(balance, rest));
            }
            transactions.add(tx);
            left -= moved;
        }
        if (mine.isEmpty()) {
            holdings.remove(from);
        }
    }

    private void cancel(LocalDate day, String from, long amount, Map<String, UUID> vesting) {
        long left = amount;
        Deque<Holding> mine = holdings.get(from);
        while (left > 0) {
            Holding source = mine.pop();
            long cancelled = Math.min(left, source.units);
            ObjectNode tx = tx("TX_STOCK_CANCELLATION", day);
            tx.put("security_id", source.securityId);
            tx.put("quantity", Long.toString(cancelled));
            tx.put("reason_text", "The holder's stake shrank in the ledger of " + venture.name() + " on " + day);
            long rest = source.units - cancelled;
            if (rest > 0) {
                String balance = issue(day, from, rest, vesting.get(from));
                tx.put("balance_security_id", balance);
                mine.push(new Holding(balance, rest));
            }
            transactions.add(tx);
            left -= cancelled;
        }
        if (mine.isEmpty()) {
            holdings.remove(from);
        }
    }

    private String issue(LocalDate day, String stakeholder, long units, UUID vestingPolicy) {
        String securityId = "CS-" + (++serial);
        ObjectNode tx = tx("TX_STOCK_ISSUANCE", day);
        tx.put("security_id", securityId);
        tx.put("custom_id", securityId);
        tx.put("stakeholder_id", stakeholder);
        tx.put("stock_class_id", STOCK_CLASS_ID);
        tx.put("quantity", Long.toString(units));
        ObjectNode price = tx.putObject("share_price");
        price.put("amount", "0");
        price.put("currency", "USD");
        tx.putArray("security_law_exemptions");
        tx.putArray("stock_legend_ids");
        if (vestingPolicy != null && policies.containsKey(vestingPolicy)) {
            tx.put("vesting_terms_id", "vesting-" + vestingPolicy);
        }
        transactions.add(tx);
        return securityId;
    }

    private ObjectNode tx(String type, LocalDate day) {
        ObjectNode tx = JSON.createObjectNode();
        tx.put("object_type", type);
        tx.put("id", "tx-" + (++txSerial));
        tx.put("date", day.toString());
        return tx;
    }

    private ArrayNode stakeholders(Map<String, Holder> holders) {
        ArrayNode items = JSON.createArrayNode();
        for (Map.Entry<String, Holder> e : holders.entrySet()) {
            ObjectNode s = items.addObject();
            s.put("object_type", "STAKEHOLDER");
            s.put("id", e.getKey());
            Holder h = e.getValue();
            if (h.platform()) {
                s.putObject("name").put("legal_name", "AliceSolutions (platform)");
                s.put("stakeholder_type", "INSTITUTION");
                s.put("issuer_assigned_id", OcfImport.PLATFORM_ID);
                continue;
            }
            Person p = people.getOrDefault(h.userId(), new Person("user " + h.userId(), null));
            s.putObject("name").put("legal_name", p.name());
            s.put("stakeholder_type", "INDIVIDUAL");
            s.put("issuer_assigned_id", h.userId().toString());
            // An address in the reserved .invalid domain stands for "none yet" (see OcfInterchangeUseCases) and is no e-mail.
            if (p.email() != null && !p.email().isBlank() && !p.email().endsWith(".invalid")) {
                ObjectNode email = s.putObject("contact_info").putArray("emails").addObject();
                email.put("email_type", "BUSINESS");
                email.put("email_address", p.email());
            }
        }
        return items;
    }

    private ArrayNode stockClasses() {
        ArrayNode items = JSON.createArrayNode();
        ObjectNode c = items.addObject();
        c.put("object_type", "STOCK_CLASS");
        c.put("id", STOCK_CLASS_ID);
        c.put("name", "Common Stock");
        c.put("class_type", "COMMON");
        c.put("default_id_prefix", "CS-");
        c.put("initial_shares_authorized", "100000");
        c.put("votes_per_share", "1");
        c.put("seniority", "1");
        c.putArray("comments").add("1,000 shares stand for 0.001% of " + venture.name() + "; 100,000 shares are outstanding on every date.");
        return items;
    }

    private ArrayNode vestingTerms() {
        ArrayNode items = JSON.createArrayNode();
        policies.values().stream().filter(Objects::nonNull).sorted(Comparator.comparing(p -> p.id().toString())).forEach(p -> {
            ObjectNode t = items.addObject();
            t.put("object_type", "VESTING_TERMS");
            t.put("id", "vesting-" + p.id());
            t.put("name", p.name() == null ? VestingFits.policyName(p) : p.name());
            t.put("description", VestingFits.policyName(p) + " (a vesting policy of the SmartStart ledger)");
            t.put("allocation_type", "CUMULATIVE_ROUND_DOWN");
            ArrayNode conditions = t.putArray("vesting_conditions");
            ObjectNode start = conditions.addObject();
            start.put("id", "start");
            start.put("quantity", "0");
            start.putObject("trigger").put("type", "VESTING_START_DATE");
            int period = p.frequency().months();
            int installments = (p.durationMonths() - p.cliffMonths()) / period;
            String previous = "start";
            if (p.cliffMonths() > 0) {
                start.putArray("next_condition_ids").add("cliff");
                ObjectNode cliff = conditions.addObject();
                cliff.put("id", "cliff");
                portion(cliff, p.cliffMonths(), p.durationMonths());
                relative(cliff, p.cliffMonths(), 1, "start");
                previous = "cliff";
            }
            ObjectNode periodic = conditions.addObject();
            periodic.put("id", "installments");
            portion(periodic, period, p.durationMonths());
            relative(periodic, period, Math.max(installments, 1), previous);
            periodic.putArray("next_condition_ids");
            if (p.cliffMonths() > 0) {
                ((ObjectNode) conditions.get(1)).putArray("next_condition_ids").add("installments");
            } else {
                start.putArray("next_condition_ids").add("installments");
            }
        });
        return items;
    }

    private static void portion(ObjectNode c, int numerator, int denominator) {
        ObjectNode portion = c.putObject("portion");
        portion.put("numerator", Integer.toString(numerator));
        portion.put("denominator", Integer.toString(denominator));
    }

    private static void relative(ObjectNode c, int months, int occurrences, String relativeTo) {
        ObjectNode trigger = c.putObject("trigger");
        trigger.put("type", "VESTING_SCHEDULE_RELATIVE");
        ObjectNode period = trigger.putObject("period");
        period.put("length", months);
        period.put("type", "MONTHS");
        period.put("occurrences", occurrences);
        period.put("day_of_month", "VESTING_START_DAY_OR_LAST_DAY_OF_MONTH");
        trigger.put("relative_to_condition_id", relativeTo);
    }

    private String manifest(LocalDate formation, LocalDate asOf, Map<String, String> files) {
        ObjectNode m = JSON.createObjectNode();
        m.put("ocf_version", "1.2.1-alpha+main");
        m.put("file_type", "OCF_MANIFEST_FILE");
        ObjectNode issuer = m.putObject("issuer");
        issuer.put("object_type", "ISSUER");
        issuer.put("id", venture.ventureId().toString());
        issuer.put("legal_name", venture.name());
        issuer.put("formation_date", formation.toString());
        issuer.put("country_of_formation", countryCode);
        m.put("as_of", asOf.toString());
        m.put("generated_at", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(now.atOffset(ZoneOffset.UTC)));
        for (String list : List.of("stock_plans_files", "stock_legend_templates_files", "valuations_files")) {
            m.putArray(list);
        }
        for (String[] list : new String[][] {{"stakeholders_files", "Stakeholders.ocf.json"}, {"stock_classes_files", "StockClasses.ocf.json"},
                {"vesting_terms_files", "VestingTerms.ocf.json"}, {"transactions_files", "Transactions.ocf.json"}}) {
            m.putArray(list[0]).addObject().put("filepath", "./" + list[1]).put("md5", md5(files.get(list[1])));
        }
        m.putArray("comments").add("Exported by the SmartStart Back Office from the equity ledger of " + venture.name() + ".");
        return write(m);
    }

    private static String md5(String text) {
        return OcfImport.md5(text);
    }

    private static String file(String type, ArrayNode items) {
        ObjectNode f = JSON.createObjectNode();
        f.put("file_type", type);
        f.set("items", items);
        return write(f);
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always writes", e);
        }
    }
}
