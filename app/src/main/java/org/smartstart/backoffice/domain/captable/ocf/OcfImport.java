package org.smartstart.backoffice.domain.captable.ocf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.smartstart.backoffice.domain.captable.CapTable;
import org.smartstart.backoffice.domain.captable.CapTablePolicy;
import org.smartstart.backoffice.domain.captable.Holder;
import org.smartstart.backoffice.domain.captable.LedgerRow;
import org.smartstart.backoffice.domain.captable.VestingPolicy;
import org.smartstart.backoffice.domain.usecase.Rejection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Plans the import of an OCF package into a venture's ledger, without writing anything: reads the
 * manifest and the files it names, checks every file against the OCF schemas, checks references and
 * dates, replays the stock transactions in date order into each stakeholder's shares on every change
 * date, turns shares into percents (three decimals, largest remainder, so each date totals exactly
 * 100.000; ties go to the stakeholder whose name sorts first) and checks the resulting ledger against
 * EQ-1..EQ-4 and EQ-7. The preview and the import run the same plan, so what was previewed is what is
 * written.
 *
 * <p>Only issued and outstanding stock is ownership (DOMAIN.md, Interchange): options, warrants and
 * convertibles are kept aside and named in the notes; their exercise or conversion becomes stock on its
 * date through the stock issuance that the exercise names.
 */
public final class OcfImport {

    /** A stakeholder with this issuer_assigned_id is the platform (AliceSolutions); export writes it so. */
    public static final String PLATFORM_ID = "SMARTSTART-PLATFORM-ALICESOLUTIONS";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who a stakeholder becomes in the ledger. */
    public enum Becomes { OWNER, PLATFORM, PERSON }

    /** A stakeholder holding stock on some date, as the import will write them. */
    public record Planned(String stakeholderId, String name, String email, Becomes becomes, UUID placeholderId,
                          VestingPolicy vesting) {
    }

    /** One ledger row to write, for a stakeholder (their user is resolved when writing). */
    public record PlannedRow(String stakeholderId, BigDecimal percent, LocalDate from, LocalDate to) {
    }

    /** The whole plan: the preview, the stakeholders, the rows, and the open rows of the venture to close first. */
    public record Plan(OcfImportPreview preview, Map<String, Planned> stakeholders, List<PlannedRow> rows,
                       List<LedgerRow> rowsToClose, LocalDate firstDate) {
        public boolean importable() {
            return preview.importable();
        }
    }

    private final OcfPackage pkg;
    private final OcfImportTarget target;
    private final List<OcfProblem> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private String issuerName = "";
    private LocalDate asOf;
    private LocalDate formation;
    private int fileCount;
    private final Map<String, Stakeholder> stakeholders = new LinkedHashMap<>();
    private final Set<String> stockClasses = new HashSet<>();
    private final Set<String> stockPlans = new HashSet<>();
    private final Map<String, OcfImportFit> vestingTerms = new HashMap<>();
    private final List<Tx> transactions = new ArrayList<>();

    private OcfImport(OcfPackage pkg, OcfImportTarget target) {
        this.pkg = pkg;
        this.target = target;
    }

    /** The plan for {@code pkg} into {@code target}; its preview lists every problem found. */
    public static Plan plan(OcfPackage pkg, OcfImportTarget target) {
        return new OcfImport(pkg, target).run();
    }

    /**
     * What is wrong with {@code pkg} as an OCF package on its own, before any venture: the manifest and
     * the files it names (schemas, checksums, ids, dates) and the references of its transactions, replayed.
     * An export checks what it wrote with this.
     */
    public static List<OcfProblem> check(OcfPackage pkg) {
        OcfImport check = new OcfImport(pkg, null);
        JsonNode manifest = check.readManifest();
        if (manifest != null) {
            check.readFiles(manifest);
            check.new Replay().run();
        }
        return List.copyOf(check.problems);
    }

    // ------------------------------------------------------------------------------------ reading

    private record Stakeholder(String id, String name, List<String> emails, boolean platform, String file) {
    }

    /** A transaction as read: its file, position (ties within a date keep the package's order) and JSON. */
    private record Tx(String file, int index, String id, String type, LocalDate date, JsonNode json) {
    }

    private Plan run() {
        JsonNode manifest = readManifest();
        if (manifest == null) {
            return failed();
        }
        readFiles(manifest);
        // The replay runs even after problems in the files, so one look lists the references and
        // quantities that are wrong too; what the schema already refused, it passes over quietly.
        Replay replay = new Replay();
        replay.run();
        if (!problems.isEmpty()) {
            return failed();
        }
        return percentages(replay);
    }

    private Plan failed() {
        OcfImportPreview preview = new OcfImportPreview(issuerName, asOf, fileCount, stakeholders.size(), transactions.size(),
                List.of(), List.of(), problems, notes);
        return new Plan(preview, Map.of(), List.of(), List.of(), null);
    }

    private JsonNode readManifest() {
        String text = pkg.files().get(OcfPackage.MANIFEST);
        if (text == null) {
            problems.add(new OcfProblem(OcfPackage.MANIFEST, "", "", "is missing: an OCF package is a folder or zip with "
                    + OcfPackage.MANIFEST + " and the files it names" + (pkg.files().isEmpty() ? " (no JSON file was found)" : "")));
            return null;
        }
        JsonNode manifest = parse(OcfPackage.MANIFEST, text);
        if (manifest == null) {
            return null;
        }
        fileCount++;
        problems.addAll(OcfSchemas.get().validate(OcfPackage.MANIFEST, "OCF_MANIFEST_FILE", manifest));
        JsonNode issuer = manifest.path("issuer");
        issuerName = issuer.path("legal_name").asText("");
        asOf = date(OcfPackage.MANIFEST, "", "as_of", manifest.path("as_of"));
        if (issuer.has("formation_date")) {
            formation = date(OcfPackage.MANIFEST, issuer.path("id").asText(""), "issuer.formation_date", issuer.path("formation_date"));
        }
        return manifest;
    }

    private static final Map<String, String> LISTS = new LinkedHashMap<>();

    static {
        LISTS.put("stakeholders_files", "OCF_STAKEHOLDERS_FILE");
        LISTS.put("stock_classes_files", "OCF_STOCK_CLASSES_FILE");
        LISTS.put("stock_plans_files", "OCF_STOCK_PLANS_FILE");
        LISTS.put("vesting_terms_files", "OCF_VESTING_TERMS_FILE");
        LISTS.put("stock_legend_templates_files", "OCF_STOCK_LEGEND_TEMPLATES_FILE");
        LISTS.put("valuations_files", "OCF_VALUATIONS_FILE");
        LISTS.put("financings_files", "OCF_FINANCINGS_FILE");
        LISTS.put("documents_files", "OCF_DOCUMENTS_FILE");
        LISTS.put("transactions_files", "OCF_TRANSACTIONS_FILE");
    }

    private void readFiles(JsonNode manifest) {
        Map<String, String> seen = new HashMap<>();
        for (Map.Entry<String, String> list : LISTS.entrySet()) {
            JsonNode entries = manifest.path(list.getKey());
            for (int i = 0; i < entries.size(); i++) {
                String field = list.getKey() + "[" + i + "].filepath";
                String path = normalise(entries.get(i).path("filepath").asText(""));
                if (seen.putIfAbsent(path, list.getKey()) != null) {
                    problems.add(new OcfProblem(OcfPackage.MANIFEST, "", field, "names " + path + " a second time"));
                    continue;
                }
                String text = pkg.files().get(path);
                if (text == null) {
                    problems.add(new OcfProblem(OcfPackage.MANIFEST, "", field, "names " + path + ", which the package lacks"));
                    continue;
                }
                checkMd5(list.getKey() + "[" + i + "].md5", path, entries.get(i).path("md5"), text);
                JsonNode file = parse(path, text);
                if (file == null) {
                    continue;
                }
                fileCount++;
                String fileType = file.path("file_type").asText("");
                if (!fileType.equals(list.getValue())) {
                    problems.add(new OcfProblem(path, "", "file_type", "is \"" + fileType + "\", but the manifest lists the file under "
                            + list.getKey() + " (" + list.getValue() + ")"));
                    continue;
                }
                problems.addAll(OcfSchemas.get().validate(path, fileType, file));
                collect(path, fileType, file.path("items"));
            }
        }
        if (manifest.path("stakeholders_files").isEmpty() || manifest.path("transactions_files").isEmpty()) {
            problems.add(new OcfProblem(OcfPackage.MANIFEST, "", manifest.path("stakeholders_files").isEmpty()
                    ? "stakeholders_files" : "transactions_files", "names no file: a cap table needs stakeholders and transactions"));
        }
    }

    /**
     * The manifest's checksum of a file (OCF's File type: filepath and md5) against the file itself: a
     * mismatch means the file changed after the manifest was written, or the manifest names another
     * version of it. A checksum that is not 32 hex digits is left to the schema.
     */
    private void checkMd5(String field, String path, JsonNode md5, String text) {
        if (!md5.isTextual() || !md5.asText().matches("[0-9a-fA-F]{32}")) {
            return;
        }
        String actual = md5(text);
        if (!actual.equalsIgnoreCase(md5.asText())) {
            problems.add(new OcfProblem(OcfPackage.MANIFEST, "", field, "is " + md5.asText() + ", but " + path + " has the MD5 checksum "
                    + actual + ": the file changed after the manifest was written, or the manifest names another version of it"));
        }
    }

    /** The MD5 checksum of a package file's UTF-8 bytes, in lower-case hex (OCF's Md5 type). */
    static String md5(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }

    private static String normalise(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p;
    }

    private JsonNode parse(String name, String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            problems.add(new OcfProblem(name, "", "", "is not JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
            return null;
        }
    }

    private final Map<String, String> ids = new HashMap<>();

    private void collect(String file, String fileType, JsonNode items) {
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String id = item.path("id").asText("");
            if (id.isEmpty()) {
                continue; // the schema has named it
            }
            String kind = fileType.equals("OCF_TRANSACTIONS_FILE") ? "transaction" : fileType;
            String other = ids.putIfAbsent(kind + "\u0000" + id, file);
            if (other != null) {
                problems.add(new OcfProblem(file, id, "id", "is used twice (also in " + other + ")"));
                continue;
            }
            switch (fileType) {
                case "OCF_STAKEHOLDERS_FILE" -> stakeholders.put(id, stakeholder(file, id, item));
                case "OCF_STOCK_CLASSES_FILE" -> stockClasses.add(id);
                case "OCF_STOCK_PLANS_FILE" -> stockPlans.add(id);
                case "OCF_VESTING_TERMS_FILE" -> vestingTerms.put(id, VestingFits.fit(id, item));
                case "OCF_TRANSACTIONS_FILE" -> {
                    LocalDate date = date(file, id, "date", item.path("date"));
                    if (date != null) {
                        checkDate(file, id, date);
                        transactions.add(new Tx(file, transactions.size(), id, item.path("object_type").asText(""), date, item));
                    }
                }
                default -> { }
            }
        }
    }

    private void checkDate(String file, String id, LocalDate date) {
        if (asOf != null && date.isAfter(asOf)) {
            problems.add(new OcfProblem(file, id, "date", "is " + date + ", after the package's as_of date " + asOf));
        }
        if (formation != null && date.isBefore(formation)) {
            problems.add(new OcfProblem(file, id, "date", "is " + date + ", before the issuer was formed on " + formation));
        }
    }

    private static Stakeholder stakeholder(String file, String id, JsonNode item) {
        String name = item.path("name").path("legal_name").asText(id).strip();
        List<String> emails = new ArrayList<>();
        for (JsonNode list : List.of(item.path("contact_info").path("emails"), item.path("primary_contact").path("emails"))) {
            for (JsonNode e : list) {
                String address = e.path("email_address").asText("").strip();
                if (!address.isEmpty()) {
                    emails.add(address);
                }
            }
        }
        return new Stakeholder(id, name.isEmpty() ? id : name, emails, PLATFORM_ID.equals(item.path("issuer_assigned_id").asText()), file);
    }

    private LocalDate date(String file, String id, String field, JsonNode value) {
        if (!value.isTextual()) {
            return null; // missing or not a string: the schema names it
        }
        try {
            LocalDate d = LocalDate.parse(value.asText());
            if (d.getYear() < 1800 || d.getYear() > 2200) {
                problems.add(new OcfProblem(file, id, field, "is " + d + ", outside the years 1800 to 2200"));
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            problems.add(new OcfProblem(file, id, field, "is \"" + value.asText() + "\", not a calendar date (YYYY-MM-DD)"));
            return null;
        }
    }

    // ------------------------------------------------------------------------------------ replay

    private enum Kind { STOCK, OPTION, WARRANT, CONVERTIBLE }

    /** A security as the replay sees it: whose, of what kind, how many shares are outstanding. */
    private static final class Security {
        final String id;
        final String stakeholderId;
        final Kind kind;
        final String stockClassId;
        final LocalDate issued;
        final String vestingTermsId;
        final boolean explicitVestings;
        BigDecimal quantity;
        boolean retired;

        Security(String id, String stakeholderId, Kind kind, String stockClassId, LocalDate issued, BigDecimal quantity,
                 String vestingTermsId, boolean explicitVestings) {
            this.id = id;
            this.stakeholderId = stakeholderId;
            this.kind = kind;
            this.stockClassId = stockClassId;
            this.issued = issued;
            this.quantity = quantity;
            this.vestingTermsId = vestingTermsId;
            this.explicitVestings = explicitVestings;
        }
    }

    /** A check made once every transaction has run: a security named as a result must be issued. */
    private record Expected(Tx tx, String field, String securityId, BigDecimal quantity, String what) {
    }

    private final class Replay {
        final Map<String, Security> securities = new HashMap<>();
        final List<Expected> expected = new ArrayList<>();
        /** Shares of each stakeholder after each date on which stock changed hands. */
        final TreeMap<LocalDate, Map<String, BigDecimal>> sharesOn = new TreeMap<>();
        /** Each stakeholder's shares now (as last recorded); a stakeholder holding none is absent. */
        private final Map<String, BigDecimal> current = new HashMap<>();
        /** Every stakeholder that held shares on some recorded date. */
        final Set<String> everHeld = new HashSet<>();
        final Map<LocalDate, Tx> firstTxOn = new HashMap<>();
        final Map<String, Integer> ignored = new TreeMap<>();
        final Map<Kind, Integer> aside = new TreeMap<>();

        void run() {
            transactions.sort(Comparator.comparing(Tx::date).thenComparingInt(t -> phase(t.type())).thenComparingInt(Tx::index));
            LocalDate current = null;
            boolean changed = false;
            for (Tx tx : transactions) {
                if (current != null && !tx.date().equals(current) && changed) {
                    snapshot(current);
                    changed = false;
                }
                current = tx.date();
                firstTxOn.putIfAbsent(tx.date(), tx);
                changed |= apply(tx);
            }
            if (current != null && changed) {
                snapshot(current);
            }
            for (Expected e : expected) {
                Security s = securities.get(e.securityId());
                if (s == null) {
                    problems.add(new OcfProblem(e.tx().file(), e.tx().id(), e.field(), "names security " + e.securityId()
                            + " as " + e.what() + ", but no issuance in the package creates it"));
                } else if (s.kind == Kind.STOCK && e.quantity() != null && issuedQuantity(s).compareTo(e.quantity()) != 0) {
                    problems.add(new OcfProblem(e.tx().file(), e.tx().id(), e.field(), "names security " + e.securityId()
                            + " as " + e.what() + " of " + plain(e.quantity()) + " shares, but it was issued with "
                            + plain(issuedQuantity(s))));
                }
            }
            if (!aside.isEmpty()) {
                List<String> parts = new ArrayList<>();
                aside.forEach((k, n) -> parts.add(n + " " + k.name().toLowerCase(Locale.ROOT) + (n == 1 ? "" : "s")));
                notes.add("Kept aside, not ownership until exercised or converted: " + String.join(", ", parts)
                        + ". Their exercises and conversions count through the stock they are issued as.");
            }
            if (!ignored.isEmpty()) {
                List<String> parts = new ArrayList<>();
                ignored.forEach((t, n) -> parts.add(t + " ×" + n));
                notes.add("Checked but without effect on who owns what: " + String.join(", ", parts) + ".");
            }
        }

        private final Map<String, BigDecimal> issuedQuantities = new HashMap<>();
        /** Every stock security ever issued to each stakeholder, indexed as they are issued. */
        private final Map<String, List<Security>> stockByHolder = new HashMap<>();
        /** The stakeholders whose stock changed since the last snapshot: only their shares are summed again. */
        private final Set<String> touched = new HashSet<>();

        /** Every stock security ever issued to {@code stakeholderId}. */
        List<Security> stockOf(String stakeholderId) {
            return stockByHolder.getOrDefault(stakeholderId, List.of());
        }

        BigDecimal issuedQuantity(Security s) {
            return issuedQuantities.getOrDefault(s.id, s.quantity);
        }

        /** Splits first (they scale what is outstanding), then issuances, then what consumes securities. */
        int phase(String type) {
            if (type.equals("TX_STOCK_CLASS_SPLIT")) {
                return 0;
            }
            return type.endsWith("_ISSUANCE") ? 1 : 2;
        }

        /**
         * Records what changed in the stakeholders' outstanding shares after {@code day} (a stakeholder whose
         * shares are gone maps to null), unless nothing did; the first date is always recorded. Only the
         * stakeholders whose stock changed are summed again (an exact BigDecimal sum, so the same whatever
         * the order it was added in).
         */
        void snapshot(LocalDate day) {
            Map<String, BigDecimal> changes = new HashMap<>();
            for (String holder : touched) {
                BigDecimal sum = null;
                for (Security s : stockOf(holder)) {
                    if (!s.retired && s.quantity.signum() > 0) {
                        sum = sum == null ? s.quantity : sum.add(s.quantity);
                    }
                }
                if (!java.util.Objects.equals(sum, current.get(holder))) {
                    changes.put(holder, sum);
                    if (sum == null) {
                        current.remove(holder);
                    } else {
                        current.put(holder, sum);
                        everHeld.add(holder);
                    }
                }
            }
            touched.clear();
            if (!changes.isEmpty() || sharesOn.isEmpty()) {
                sharesOn.put(day, changes);
            }
        }

        /** Applies one transaction; true when it may have changed who holds stock. */
        boolean apply(Tx tx) {
            JsonNode j = tx.json();
            String type = tx.type();
            switch (type) {
                case "TX_STOCK_ISSUANCE" -> {
                    return issue(tx, Kind.STOCK);
                }
                case "TX_EQUITY_COMPENSATION_ISSUANCE", "TX_PLAN_SECURITY_ISSUANCE" -> issue(tx, Kind.OPTION);
                case "TX_WARRANT_ISSUANCE" -> issue(tx, Kind.WARRANT);
                case "TX_CONVERTIBLE_ISSUANCE" -> issue(tx, Kind.CONVERTIBLE);
                case "TX_STOCK_TRANSFER" -> {
                    return consume(tx, "quantity", true, "transferred", true);
                }
                case "TX_STOCK_CANCELLATION", "TX_STOCK_REPURCHASE" -> {
                    return consume(tx, "quantity", false, null, true);
                }
                case "TX_STOCK_CONVERSION" -> {
                    return consume(tx, "quantity_converted", true, null, true);
                }
                case "TX_STOCK_RETRACTION" -> {
                    return retire(tx, j.path("security_id").asText(), "security_id");
                }
                case "TX_STOCK_REISSUANCE" -> {
                    boolean changed = retire(tx, j.path("security_id").asText(), "security_id");
                    expectAll(tx, "resulting_security_ids", null, "a reissued security");
                    return changed;
                }
                case "TX_STOCK_CONSOLIDATION" -> {
                    boolean changed = false;
                    JsonNode sources = j.path("security_ids");
                    for (int i = 0; i < sources.size(); i++) {
                        changed |= retire(tx, sources.get(i).asText(), "security_ids[" + i + "]");
                    }
                    expected.add(new Expected(tx, "resulting_security_id", j.path("resulting_security_id").asText(), null,
                            "the consolidated security"));
                    return changed;
                }
                case "TX_STOCK_CLASS_SPLIT" -> {
                    return split(tx);
                }
                case "TX_STOCK_ACCEPTANCE" -> {
                    security(tx, j.path("security_id").asText(), "security_id", Kind.STOCK);
                    count(type);
                }
                case "TX_STOCK_CLASS_CONVERSION_RATIO_ADJUSTMENT", "TX_STOCK_CLASS_AUTHORIZED_SHARES_ADJUSTMENT" -> {
                    stockClass(tx, j.path("stock_class_id").asText());
                    count(type);
                }
                case "TX_STOCK_PLAN_POOL_ADJUSTMENT", "TX_STOCK_PLAN_RETURN_TO_POOL" -> {
                    String plan = j.path("stock_plan_id").asText();
                    if (!stockPlans.contains(plan)) {
                        problems.add(new OcfProblem(tx.file(), tx.id(), "stock_plan_id", "names stock plan " + plan
                                + ", which the package's stock plans files lack"));
                    }
                    count(type);
                }
                case "TX_EQUITY_COMPENSATION_EXERCISE", "TX_PLAN_SECURITY_EXERCISE" -> aside(tx, Kind.OPTION, true);
                case "TX_WARRANT_EXERCISE" -> aside(tx, Kind.WARRANT, true);
                case "TX_CONVERTIBLE_CONVERSION" -> aside(tx, Kind.CONVERTIBLE, true);
                case "TX_EQUITY_COMPENSATION_ACCEPTANCE", "TX_EQUITY_COMPENSATION_CANCELLATION", "TX_EQUITY_COMPENSATION_RELEASE",
                     "TX_EQUITY_COMPENSATION_RETRACTION", "TX_EQUITY_COMPENSATION_TRANSFER", "TX_EQUITY_COMPENSATION_REPRICING",
                     "TX_PLAN_SECURITY_ACCEPTANCE", "TX_PLAN_SECURITY_CANCELLATION", "TX_PLAN_SECURITY_RELEASE",
                     "TX_PLAN_SECURITY_RETRACTION", "TX_PLAN_SECURITY_TRANSFER" -> aside(tx, Kind.OPTION, false);
                case "TX_WARRANT_ACCEPTANCE", "TX_WARRANT_CANCELLATION", "TX_WARRANT_RETRACTION", "TX_WARRANT_TRANSFER" ->
                        aside(tx, Kind.WARRANT, false);
                case "TX_CONVERTIBLE_ACCEPTANCE", "TX_CONVERTIBLE_CANCELLATION", "TX_CONVERTIBLE_RETRACTION", "TX_CONVERTIBLE_TRANSFER" ->
                        aside(tx, Kind.CONVERTIBLE, false);
                case "TX_VESTING_START", "TX_VESTING_EVENT", "TX_VESTING_ACCELERATION" -> {
                    security(tx, j.path("security_id").asText(), "security_id", null);
                    count(type);
                }
                case "CE_STAKEHOLDER_RELATIONSHIP", "CE_STAKEHOLDER_STATUS" -> {
                    stakeholderRef(tx, j.path("stakeholder_id").asText());
                    count(type);
                }
                case "TX_ISSUER_AUTHORIZED_SHARES_ADJUSTMENT" -> count(type);
                default -> problems.add(new OcfProblem(tx.file(), tx.id(), "object_type", "\"" + type
                        + "\" is a transaction this import does not know"));
            }
            return false;
        }

        void count(String type) {
            ignored.merge(type, 1, Integer::sum);
        }

        boolean issue(Tx tx, Kind kind) {
            JsonNode j = tx.json();
            String securityId = j.path("security_id").asText();
            String holder = j.path("stakeholder_id").asText();
            boolean ok = stakeholderRef(tx, holder);
            String stockClass = j.path("stock_class_id").asText(null);
            if (kind == Kind.STOCK) {
                ok &= stockClass != null && stockClass(tx, stockClass);
            } else if (stockClass != null) {
                ok &= stockClass(tx, stockClass);
            }
            String vesting = j.path("vesting_terms_id").asText(null);
            if (vesting != null && !vestingTerms.containsKey(vesting)) {
                problems.add(new OcfProblem(tx.file(), tx.id(), "vesting_terms_id", "names vesting terms " + vesting
                        + ", which the package's vesting terms files lack"));
                ok = false;
            }
            BigDecimal quantity = kind == Kind.STOCK || j.has("quantity") ? quantity(tx, "quantity") : BigDecimal.ZERO;
            if (quantity == null) {
                return false;
            }
            if (securities.containsKey(securityId)) {
                problems.add(new OcfProblem(tx.file(), tx.id(), "security_id", "issues security " + securityId
                        + " a second time (first issued on " + securities.get(securityId).issued + ")"));
                return false;
            }
            if (kind != Kind.STOCK) {
                aside.merge(kind, 1, Integer::sum);
            }
            Security s = new Security(securityId, holder, kind, stockClass, tx.date(), quantity, vesting, j.has("vestings"));
            securities.put(securityId, s);
            issuedQuantities.put(securityId, quantity);
            if (kind == Kind.STOCK) {
                stockByHolder.computeIfAbsent(holder, k -> new ArrayList<>()).add(s);
                touched.add(holder);
            }
            return ok && kind == Kind.STOCK;
        }

        BigDecimal quantity(Tx tx, String field) {
            JsonNode q = tx.json().path(field);
            if (!q.isTextual()) {
                return null;
            }
            try {
                BigDecimal v = new BigDecimal(q.asText());
                if (v.signum() <= 0) {
                    problems.add(new OcfProblem(tx.file(), tx.id(), field, "is " + q.asText() + "; a quantity of shares is more than 0"));
                    return null;
                }
                return v;
            } catch (NumberFormatException e) {
                return null; // the schema's pattern has named it
            }
        }

        boolean stakeholderRef(Tx tx, String id) {
            if (!stakeholders.containsKey(id)) {
                problems.add(new OcfProblem(tx.file(), tx.id(), "stakeholder_id", "names stakeholder " + id
                        + ", which the package's stakeholders files lack"));
                return false;
            }
            return true;
        }

        boolean stockClass(Tx tx, String id) {
            if (!stockClasses.contains(id)) {
                problems.add(new OcfProblem(tx.file(), tx.id(), "stock_class_id", "names stock class " + id
                        + ", which the package's stock classes files lack"));
                return false;
            }
            return true;
        }

        /** The live security {@code id} of {@code kind} (null: any kind), or null after naming the problem. */
        Security security(Tx tx, String id, String field, Kind kind) {
            Security s = securities.get(id);
            if (s == null) {
                problems.add(new OcfProblem(tx.file(), tx.id(), field, "names security " + id
                        + ", which no earlier issuance in the package creates"));
                return null;
            }
            if (kind != null && s.kind != kind) {
                problems.add(new OcfProblem(tx.file(), tx.id(), field, "names security " + id + ", which is "
                        + article(s.kind) + ", not " + article(kind)));
                return null;
            }
            if (s.retired) {
                problems.add(new OcfProblem(tx.file(), tx.id(), field, "names security " + id
                        + ", which an earlier transaction already closed (transferred, cancelled, converted or reissued)"));
                return null;
            }
            return s;
        }

        boolean consume(Tx tx, String quantityField, boolean results, String resultWhat, boolean balance) {
            JsonNode j = tx.json();
            Security s = security(tx, j.path("security_id").asText(), "security_id", Kind.STOCK);
            BigDecimal quantity = quantity(tx, quantityField);
            if (s == null || quantity == null) {
                return false;
            }
            if (quantity.compareTo(s.quantity) > 0) {
                problems.add(new OcfProblem(tx.file(), tx.id(), quantityField, "is " + plain(quantity) + ", more than the "
                        + plain(s.quantity) + " shares of security " + s.id + " outstanding on " + tx.date()));
                return false;
            }
            BigDecimal rest = s.quantity.subtract(quantity);
            String balanceId = balance ? j.path("balance_security_id").asText(null) : null;
            if (results) {
                expectAll(tx, "resulting_security_ids", resultWhat == null ? null : quantity, resultWhat == null
                        ? "a resulting security" : "receiving the " + resultWhat + " shares");
            }
            touched.add(s.stakeholderId);
            if (balanceId != null) {
                expected.add(new Expected(tx, "balance_security_id", balanceId, rest, "the balance"));
                s.quantity = BigDecimal.ZERO;
                s.retired = true;
            } else {
                // Without a balance security the rest stays on the source security, as most tools write it.
                s.quantity = rest;
                s.retired = rest.signum() == 0;
            }
            return true;
        }

        void expectAll(Tx tx, String field, BigDecimal total, String what) {
            JsonNode ids = tx.json().path(field);
            if (total != null && ids.size() == 1) {
                expected.add(new Expected(tx, field + "[0]", ids.get(0).asText(), total, what));
                return;
            }
            for (int i = 0; i < ids.size(); i++) {
                expected.add(new Expected(tx, field + "[" + i + "]", ids.get(i).asText(), null, what));
            }
        }

        boolean retire(Tx tx, String id, String field) {
            Security s = security(tx, id, field, Kind.STOCK);
            if (s == null) {
                return false;
            }
            s.retired = true;
            touched.add(s.stakeholderId);
            return true;
        }

        boolean split(Tx tx) {
            JsonNode j = tx.json();
            String stockClass = j.path("stock_class_id").asText();
            if (!stockClass(tx, stockClass)) {
                return false;
            }
            BigDecimal numerator = ratio(tx, "split_ratio.numerator", j.path("split_ratio").path("numerator"));
            BigDecimal denominator = ratio(tx, "split_ratio.denominator", j.path("split_ratio").path("denominator"));
            if (numerator == null || denominator == null) {
                return false;
            }
            for (Security s : securities.values()) {
                if (s.kind == Kind.STOCK && !s.retired && stockClass.equals(s.stockClassId)) {
                    s.quantity = s.quantity.multiply(numerator).divide(denominator, 10, RoundingMode.HALF_EVEN).stripTrailingZeros();
                    touched.add(s.stakeholderId);
                }
            }
            return true;
        }

        BigDecimal ratio(Tx tx, String field, JsonNode value) {
            try {
                BigDecimal v = new BigDecimal(value.asText());
                if (v.signum() > 0) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // named below
            }
            problems.add(new OcfProblem(tx.file(), tx.id(), field, "is \"" + value.asText() + "\", not a number above 0"));
            return null;
        }

        void aside(Tx tx, Kind kind, boolean becomesStock) {
            JsonNode j = tx.json();
            Security s = security(tx, j.path("security_id").asText(), "security_id", kind);
            if (s != null && becomesStock) {
                expectAll(tx, "resulting_security_ids", null, "the stock it becomes");
            }
            count(tx.type());
        }
    }

    private static String article(Kind kind) {
        return switch (kind) {
            case STOCK -> "stock";
            case OPTION -> "an option (equity compensation)";
            case WARRANT -> "a warrant";
            case CONVERTIBLE -> "a convertible";
        };
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    // ------------------------------------------------------------------------------------ percents and rows

    private Plan percentages(Replay replay) {
        if (replay.sharesOn.isEmpty()) {
            problems.add(new OcfProblem("", "", "", "issues no stock: the cap table would be empty on every date"));
            return failed();
        }
        // stakeholders → holders
        Map<String, Planned> planned = new LinkedHashMap<>();
        Set<String> holding = new HashSet<>();
        holding.addAll(replay.everHeld);
        Map<String, String> byEmail = new HashMap<>();
        List<Stakeholder> ordered = stakeholders.values().stream().filter(s -> holding.contains(s.id()))
                .sorted(Comparator.comparing(Stakeholder::name).thenComparing(Stakeholder::id)).toList();
        for (Stakeholder s : ordered) {
            Becomes becomes = Becomes.PERSON;
            String email = s.emails().isEmpty() ? null : s.emails().get(0);
            if (s.platform()) {
                becomes = Becomes.PLATFORM;
            } else if (target.ownerEmail() != null
                    && s.emails().stream().anyMatch(e -> e.equalsIgnoreCase(target.ownerEmail()))) {
                becomes = Becomes.OWNER;
                email = target.ownerEmail();
            }
            if (becomes != Becomes.PLATFORM) {
                for (String e : s.emails()) {
                    String other = byEmail.putIfAbsent(e.toLowerCase(Locale.ROOT), s.id());
                    if (other != null && !other.equals(s.id())) {
                        problems.add(new OcfProblem(s.file(), s.id(), "contact_info.emails", "shares the e-mail " + e
                                + " with stakeholder " + other + "; one person is one holder of the cap table, so merge them"));
                    }
                }
            }
            UUID placeholder = becomes == Becomes.OWNER ? target.ownerUserId()
                    : UUID.nameUUIDFromBytes(("ocf:" + target.ventureId() + ":" + s.id()).getBytes(StandardCharsets.UTF_8));
            planned.put(s.id(), new Planned(s.id(), s.name(), email, becomes, placeholder, vestingOf(s.id(), replay)));
        }
        if (target.ownerUserId() != null && planned.values().stream().noneMatch(p -> p.becomes() == Becomes.OWNER)) {
            notes.add("No stakeholder has the owner's e-mail (" + target.ownerEmail() + "), so the owner holds nothing in the "
                    + "imported cap table; EQ-2 requires at least 35.000% for the owner on every date.");
        }

        // shares → percents on every change date. Holders are numbered in id order and ranked by name
        // then id (the tie order of the largest remainder and of the preview), so each date works on arrays.
        List<String> ids = new ArrayList<>(planned.keySet());
        java.util.Collections.sort(ids);
        int n = ids.size();
        Map<String, Integer> index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            index.put(ids.get(i), i);
        }
        int[] rank = new int[n];
        for (int r = 0; r < ordered.size(); r++) {
            rank[index.get(ordered.get(r).id())] = r;
        }
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = planned.get(ids.get(i)).name();
        }
        List<OcfImportPreview.Dated> dates = new ArrayList<>();
        int[] previous = new int[n];
        int[] now = new int[n];
        LocalDate[] openSince = new LocalDate[n];
        BigDecimal[] percentOf = new BigDecimal[n];     // the percent object of the units last seen, shared by the dates
        int[] percentUnits = new int[n];
        BigDecimal[] sharesSeen = new BigDecimal[n];    // the shares last seen, and the same without trailing zeros
        BigDecimal[] sharesPlain = new BigDecimal[n];
        BigDecimal[] sharesNow = new BigDecimal[n];
        int[] byRank = new int[n];
        for (int i = 0; i < n; i++) {
            byRank[rank[i]] = i;
        }
        int rankBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, n));
        long[] order = new long[n];
        List<PlannedRow> rows = new ArrayList<>();
        for (Map.Entry<LocalDate, Map<String, BigDecimal>> e : replay.sharesOn.entrySet()) {
            LocalDate day = e.getKey();
            for (Map.Entry<String, BigDecimal> change : e.getValue().entrySet()) {
                sharesNow[index.get(change.getKey())] = change.getValue(); // null: holds none any more
            }
            BigDecimal total = Percents.units(sharesNow, rank, now);
            int held = 0;
            for (int i = 0; i < n; i++) {
                if (now[i] > 0) {
                    // largest stake first, then by name (then id): the order of the preview, as one sortable number
                    order[held++] = ((long) (Percents.UNITS - now[i]) << rankBits) | rank[i];
                    if (percentOf[i] == null || percentUnits[i] != now[i]) {
                        percentUnits[i] = now[i];
                        percentOf[i] = BigDecimal.valueOf(now[i], 3);
                    }
                    if (sharesSeen[i] != sharesNow[i]) {
                        sharesSeen[i] = sharesNow[i];
                        sharesPlain[i] = sharesNow[i].stripTrailingZeros();
                    }
                } else if (sharesNow[i] != null) {
                    notes.add("On " + day + " " + names[i] + " holds " + plain(sharesNow[i])
                            + " shares, less than 0.001% once rounded; the ledger has no row for them that day.");
                }
            }
            if (held == 0) {
                Tx tx = replay.firstTxOn.get(day);
                problems.add(new OcfProblem(tx.file(), tx.id(), "date", "On " + day + " no stock is outstanding any more; the cap "
                        + "table of " + target.ventureName() + " would total 0.000%, not 100% (EQ-1)", "EQ-1"));
            }
            java.util.Arrays.sort(order, 0, held);
            List<OcfImportPreview.Stake> stakes = new ArrayList<>(held);
            long rankMask = (1L << rankBits) - 1;
            for (int k = 0; k < held; k++) {
                int i = byRank[(int) (order[k] & rankMask)];
                stakes.add(new OcfImportPreview.Stake(ids.get(i), names[i], sharesPlain[i], percentOf[i]));
            }
            dates.add(new OcfImportPreview.Dated(day, total.stripTrailingZeros(), stakes));
            // rows: close what changed, open what is new
            for (int i = 0; i < n; i++) {
                int was = previous[i];
                int is = now[i];
                if (was == is) {
                    continue;
                }
                if (was > 0) {
                    rows.add(new PlannedRow(ids.get(i), BigDecimal.valueOf(was, 3), openSince[i], day.minusDays(1)));
                    openSince[i] = null;
                }
                if (is > 0) {
                    openSince[i] = day;
                }
            }
            int[] swap = previous;
            previous = now;
            now = swap;
        }
        for (int i = 0; i < n; i++) {
            if (openSince[i] != null) {
                rows.add(new PlannedRow(ids.get(i), BigDecimal.valueOf(previous[i], 3), openSince[i], null));
            }
        }
        rows.sort(Comparator.comparing(PlannedRow::from).thenComparing(PlannedRow::stakeholderId));
        LocalDate first = replay.sharesOn.firstKey();

        // the venture's ledger so far: the import continues it after its last change
        List<LedgerRow> toClose = new ArrayList<>();
        List<LocalDate> existingDates = CapTable.changeDates(target.ledger());
        if (!existingDates.isEmpty()) {
            LocalDate last = existingDates.get(existingDates.size() - 1);
            if (!first.isAfter(last)) {
                Tx tx = replay.firstTxOn.get(first);
                problems.add(new OcfProblem(tx.file(), tx.id(), "date", "The imported history starts on " + first + ", but the cap "
                        + "table of " + target.ventureName() + " already changes on " + last + "; rows are never rewritten "
                        + "(EQ-5), so an import continues a ledger only after its last change", "EQ-5"));
            }
            for (LedgerRow r : target.ledger()) {
                if (r.open()) {
                    toClose.add(r);
                }
            }
            if (!toClose.isEmpty()) {
                notes.add("The " + toClose.size() + " open row(s) of the current cap table end on " + first.minusDays(1)
                        + "; the imported cap table holds from " + first + ".");
            }
        }

        // the rules, on the ledger as it would be
        if (problems.isEmpty()) {
            checkRules(rows, toClose, first, planned, replay);
        }
        List<OcfImportPreview.Holder> holders = new ArrayList<>();
        for (Planned p : planned.values()) {
            holders.add(new OcfImportPreview.Holder(p.stakeholderId(), p.name(), p.email() == null ? "" : p.email(),
                    p.becomes().name().toLowerCase(Locale.ROOT), p.vesting() == null ? "" : VestingFits.describe(p.vesting())));
        }
        OcfImportPreview preview = new OcfImportPreview(issuerName, asOf, fileCount, stakeholders.size(), transactions.size(),
                holders, dates, problems, notes);
        return new Plan(preview, planned, rows, toClose, first);
    }

    /** The vesting policy a stakeholder's rows follow: one fitting vesting terms shared by all their stock, else none (noted). */
    private VestingPolicy vestingOf(String stakeholderId, Replay replay) {
        Set<String> termIds = new HashSet<>();
        boolean unvested = false;
        boolean explicit = false;
        for (Security s : replay.stockOf(stakeholderId)) {
            explicit |= s.explicitVestings;
            if (s.vestingTermsId == null) {
                unvested = true;
            } else {
                termIds.add(s.vestingTermsId);
            }
        }
        String name = stakeholders.get(stakeholderId).name();
        if (explicit) {
            notes.add("Vesting of " + name + ": a stock issuance lists its vesting dates one by one (vestings); the ledger keeps "
                    + "a policy per row, not dated amounts, so the rows carry no vesting.");
            return null;
        }
        if (termIds.isEmpty()) {
            return null;
        }
        if (termIds.size() > 1 || unvested) {
            notes.add("Vesting of " + name + ": their stock follows " + (unvested ? "vesting terms and no vesting" : "several vesting terms ("
                    + String.join(", ", new java.util.TreeSet<>(termIds)) + ")") + "; the ledger keeps one policy per holder's row, "
                    + "so the rows carry no vesting.");
            return null;
        }
        OcfImportFit fit = vestingTerms.get(termIds.iterator().next());
        if (fit.policy() == null) {
            notes.add("Vesting of " + name + ": vesting terms " + fit.id() + " cannot be a vesting policy: " + fit.whyNot()
                    + ". The rows carry no vesting.");
            return null;
        }
        notes.add("Vesting of " + name + ": vesting terms " + fit.id() + " become " + VestingFits.describe(fit.policy())
                + ", counted from the start of each of their rows (EQ-6).");
        return fit.policy();
    }

    private void checkRules(List<PlannedRow> rows, List<LedgerRow> toClose, LocalDate first, Map<String, Planned> planned,
                            Replay replay) {
        List<LedgerRow> ledger = new ArrayList<>();
        for (LedgerRow r : target.ledger()) {
            ledger.add(r.open() ? r.closedOn(first.minusDays(1)) : r);
        }
        Map<UUID, String> names = new HashMap<>();
        for (PlannedRow r : rows) {
            Planned p = planned.get(r.stakeholderId());
            Holder holder = p.becomes() == Becomes.PLATFORM ? Holder.alice() : Holder.user(p.placeholderId());
            if (holder.userId() != null) {
                names.put(holder.userId(), p.name());
            }
            ledger.add(new LedgerRow(UUID.randomUUID(), holder, r.percent(), r.from(), r.to(), null, null, null));
        }
        if (target.ownerUserId() != null) {
            names.putIfAbsent(target.ownerUserId(), "the owner");
        }
        CapTablePolicy policy = new CapTablePolicy(target.facts(), names);
        List<Rejection> rejections = new ArrayList<>();
        if (target.facts().equityHeld()) {
            rejections.add(policy.holdRejection("cap table row"));
        }
        rejections.addAll(policy.check(ledger));
        String transactionsFile = transactions.isEmpty() ? "" : transactions.get(0).file();
        for (Rejection r : rejections) {
            LocalDate day = dayOf(r.message());
            Tx tx = day == null ? null : replay.firstTxOn.get(day);
            if (tx == null && day != null) {
                // a day after a closed row: the change that caused it is the last transaction before it
                Map.Entry<LocalDate, Tx> before = new TreeMap<>(replay.firstTxOn).floorEntry(day);
                tx = before == null ? null : before.getValue();
            }
            problems.add(new OcfProblem(tx == null ? transactionsFile : tx.file(), tx == null ? "" : tx.id(),
                    tx == null ? "" : "date", r.message(), r.ruleId()));
        }
    }

    private static LocalDate dayOf(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("On (\\d{4}-\\d{2}-\\d{2})").matcher(message);
        return m.find() ? LocalDate.parse(m.group(1)) : null;
    }
}
