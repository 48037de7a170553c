package org.smartstart.backoffice.persistence.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The demo ventures and their histories: cap tables, tasks, contracts, BUZ. */
final class DemoVentures {

    record Venture(String key, String name, String legalName, String region, String owner, String aliceCap,
                   Instant createdAt, Instant activatedAt, String jurisdiction, String tier, String paymentMethod,
                   String currency, String billingStatus, long monthlyCap, String bandMin, String bandMax,
                   String reviewer, List<String> contributors, String domain) {
        UUID id() {
            return DemoIds.venture(key);
        }

        boolean active() {
            return activatedAt != null;
        }
    }

    static final String NORTHWIND = "northwind";
    static final String HELIOS = "helios";
    static final String PRAIRIE = "prairie";
    static final String KUMO = "kumo";

    static final List<Venture> ALL = List.of(
            new Venture(NORTHWIND, "Northwind Robotics", "Northwind Robotics Inc.", "ca", "liam.tremblay", "15.000",
                    t("2025-01-12T15:00:00Z"), t("2025-01-22T10:00:00Z"), "Quebec, Canada", "t129", "interac", "CAD", "active",
                    60_000, "0.000040", "0.000060", "olivia.brown", List.of("noah.martin", "chloe.gagnon", "ravi.kumar"), "northwind-robotics"),
            new Venture(HELIOS, "Helios Grid", "Helios Grid GmbH", "eu", "anna.schmidt", "10.000",
                    t("2025-02-20T09:00:00Z"), t("2025-03-05T11:30:00Z"), "Hamburg, Germany", "t149", "card", "EUR", "past_due",
                    40_000, "0.000030", "0.000050", "marco.bianchi", List.of("jonas.berg", "elena.petrova"), "helios-grid"),
            new Venture(PRAIRIE, "Prairie Ledger", "Prairie Ledger LLC", "us", "emily.carter", "20.000",
                    t("2025-01-25T18:00:00Z"), t("2025-02-03T16:00:00Z"), "Colorado, United States", "t100", "ach", "USD", "active",
                    50_000, "0.000045", "0.000065", "fatima.zahra", List.of("james.wilson", "ravi.kumar", "lucas.silva"), "prairie-ledger"),
            new Venture(KUMO, "Kumo Analytics", "Kumo Analytics K.K.", "asia", "kenji.sato", "20.000",
                    t("2026-09-28T02:00:00Z"), null, "Fukuoka, Japan", "t100", "card", "USD", "active",
                    20_000, "0.000050", "0.000080", null, List.of("yuki.nakamura"), "kumo-analytics"));

    static Venture get(String key) {
        return ALL.stream().filter(v -> v.key().equals(key)).findFirst().orElseThrow();
    }

    // ---------------------------------------------------------------------------------------------
    // Cap tables (EQ-1..EQ-5): each event closes some open rows the day before and adds new ones.
    // ---------------------------------------------------------------------------------------------

    /** holder {@link #ALICE} = the platform (holder_type 'alice', no holder_id). */
    record Holding(String holder, String percent, String vesting) {
        BigDecimal amount() {
            return new BigDecimal(percent);
        }
    }

    record EquityEvent(String venture, LocalDate date, String description, List<String> closes, List<Holding> adds,
                       boolean byConversion) {
    }

    static final String ALICE = "alice";
    static final String VEST_4Y = "4y-1y-cliff-monthly";
    static final String VEST_2Y = "2y-quarterly-no-cliff";
    static final String VEST_3Y = "3y-6m-cliff-monthly";

    static final List<EquityEvent> EQUITY = List.of(
            ev(NORTHWIND, "2025-01-15", "Founding split between Liam Tremblay and Noah Martin", List.of(),
                    List.of(h("liam.tremblay", "70.000", null), h("noah.martin", "30.000", VEST_4Y))),
            ev(NORTHWIND, "2025-05-01", "Chloe Gagnon joins as design lead", List.of("liam.tremblay", "noah.martin"),
                    List.of(h("liam.tremblay", "60.000", null), h("noah.martin", "25.000", VEST_4Y), h("chloe.gagnon", "15.000", VEST_2Y))),
            ev(NORTHWIND, "2025-09-01", "SmartStart platform stake for the IT pack and accelerator", List.of("liam.tremblay", "noah.martin", "chloe.gagnon"),
                    List.of(h("liam.tremblay", "54.000", null), h("noah.martin", "22.500", VEST_4Y), h("chloe.gagnon", "13.500", VEST_2Y), h(ALICE, "10.000", null))),
            ev(NORTHWIND, "2026-02-01", "Noah Martin transfers 5.000% to Ravi Kumar", List.of("noah.martin"),
                    List.of(h("noah.martin", "17.500", VEST_4Y), h("ravi.kumar", "5.000", null))),
            new EquityEvent(NORTHWIND, LocalDate.parse("2026-06-01"), "Chloe Gagnon converts 20,000 BUZ into 1.000% (holders diluted pro rata)",
                    List.of("liam.tremblay", "noah.martin", "chloe.gagnon", ALICE, "ravi.kumar"),
                    List.of(h("liam.tremblay", "53.460", null), h("noah.martin", "17.325", VEST_4Y), h("chloe.gagnon", "14.365", VEST_2Y),
                            h(ALICE, "9.900", null), h("ravi.kumar", "4.950", null)), true),

            ev(HELIOS, "2025-03-01", "Founding split between Anna Schmidt and Jonas Berg", List.of(),
                    List.of(h("anna.schmidt", "60.000", null), h("jonas.berg", "40.000", VEST_4Y))),
            ev(HELIOS, "2025-10-01", "Elena Petrova joins as grid engineer", List.of("anna.schmidt", "jonas.berg"),
                    List.of(h("anna.schmidt", "55.000", null), h("jonas.berg", "33.000", VEST_4Y), h("elena.petrova", "12.000", VEST_2Y))),
            ev(HELIOS, "2026-04-01", "SmartStart platform stake", List.of("anna.schmidt", "jonas.berg", "elena.petrova"),
                    List.of(h("anna.schmidt", "51.000", null), h("jonas.berg", "30.000", VEST_4Y), h("elena.petrova", "11.000", VEST_2Y), h(ALICE, "8.000", null))),

            ev(PRAIRIE, "2025-02-01", "Founding split between Emily Carter and James Wilson", List.of(),
                    List.of(h("emily.carter", "80.000", null), h("james.wilson", "20.000", VEST_3Y))),
            ev(PRAIRIE, "2025-08-15", "Ravi Kumar and Lucas Silva join", List.of("emily.carter", "james.wilson"),
                    List.of(h("emily.carter", "65.000", null), h("james.wilson", "17.000", VEST_3Y), h("ravi.kumar", "10.000", VEST_2Y), h("lucas.silva", "8.000", VEST_2Y))),
            ev(PRAIRIE, "2026-03-01", "SmartStart platform stake, holders diluted pro rata", List.of("emily.carter", "james.wilson", "ravi.kumar", "lucas.silva"),
                    List.of(h("emily.carter", "57.200", null), h("james.wilson", "14.960", VEST_3Y), h("ravi.kumar", "8.800", VEST_2Y), h("lucas.silva", "7.040", VEST_2Y), h(ALICE, "12.000", null))),
            ev(PRAIRIE, "2026-07-01", "James Wilson transfers 2.000% to Lucas Silva", List.of("james.wilson", "lucas.silva"),
                    List.of(h("james.wilson", "12.960", VEST_3Y), h("lucas.silva", "9.040", VEST_2Y))),

            ev(KUMO, "2026-10-05", "Founding split between Kenji Sato and Yuki Nakamura", List.of(),
                    List.of(h("kenji.sato", "85.000", null), h("yuki.nakamura", "15.000", VEST_4Y))));

    static UUID ledgerRowId(String venture, String holder, LocalDate from) {
        return DemoIds.of("equity", venture + ":" + holder + ":" + from);
    }

    // ---------------------------------------------------------------------------------------------
    // Contracts: contributor contracts are signed before any task of that contributor is approved (LG-1).
    // ---------------------------------------------------------------------------------------------

    record Contract(String key, String venture, String type, Instant signedAt, List<String> signers) {
        UUID id() {
            return DemoIds.of("contract", key);
        }
    }

    static final List<Contract> CONTRACTS = List.of(
            new Contract("northwind:founders", NORTHWIND, "founder_agreement", t("2025-01-14T16:00:00Z"), List.of("liam.tremblay", "noah.martin")),
            new Contract("northwind:split", NORTHWIND, "equity_split", t("2025-01-15T09:30:00Z"), List.of("liam.tremblay", "noah.martin")),
            new Contract("northwind:contributor:noah.martin", NORTHWIND, "contributor", t("2025-01-16T10:00:00Z"), List.of("noah.martin", "liam.tremblay")),
            new Contract("northwind:contributor:chloe.gagnon", NORTHWIND, "contributor", t("2025-04-25T13:00:00Z"), List.of("chloe.gagnon", "liam.tremblay")),
            new Contract("northwind:ip", NORTHWIND, "ip", t("2025-05-02T15:20:00Z"), List.of("liam.tremblay", "noah.martin", "chloe.gagnon")),
            new Contract("northwind:contributor:ravi.kumar", NORTHWIND, "contributor", t("2025-12-20T11:00:00Z"), List.of("ravi.kumar", "liam.tremblay")),
            new Contract("helios:founders", HELIOS, "founder_agreement", t("2025-02-28T10:00:00Z"), List.of("anna.schmidt", "jonas.berg")),
            new Contract("helios:contributor:jonas.berg", HELIOS, "contributor", t("2025-03-02T09:00:00Z"), List.of("jonas.berg", "anna.schmidt")),
            new Contract("helios:contributor:elena.petrova", HELIOS, "contributor", t("2025-09-25T14:30:00Z"), List.of("elena.petrova", "anna.schmidt")),
            new Contract("prairie:founders", PRAIRIE, "founder_agreement", t("2025-01-31T17:00:00Z"), List.of("emily.carter", "james.wilson")),
            new Contract("prairie:contributor:james.wilson", PRAIRIE, "contributor", t("2025-02-05T15:00:00Z"), List.of("james.wilson", "emily.carter")),
            new Contract("prairie:contributor:ravi.kumar", PRAIRIE, "contributor", t("2025-08-10T12:00:00Z"), List.of("ravi.kumar", "emily.carter")),
            new Contract("prairie:contributor:lucas.silva", PRAIRIE, "contributor", t("2025-08-10T12:30:00Z"), List.of("lucas.silva", "emily.carter")),
            new Contract("kumo:nda", KUMO, "nda", t("2026-10-02T05:00:00Z"), List.of("kenji.sato", "yuki.nakamura")),
            new Contract("kumo:founders", KUMO, "founder_agreement", t("2026-10-04T06:00:00Z"), List.of("kenji.sato", "yuki.nakamura")));

    // ---------------------------------------------------------------------------------------------
    // Tasks, reviews, contributions
    // ---------------------------------------------------------------------------------------------

    record Task(String key, String venture, String title, String type, String criticality, String weight,
                String assignee, String status, Instant createdAt, Instant submittedAt, Instant decidedAt,
                long buz, int quality, String comment, boolean changesRequestedFirst) {
        UUID id() {
            return DemoIds.of("task", key);
        }

        UUID reviewId(int n) {
            return DemoIds.of("review", key + ":" + n);
        }
    }

    static final List<Task> TASKS = List.of(
            task("N1", NORTHWIND, "PID auto-tuning for the motor controller firmware", "code", "high", "2.000", "noah.martin", "approved",
                    "2025-08-18T09:00:00Z", "2025-09-15T17:00:00Z", "2025-09-20T10:00:00Z", 8_000, 91, "Tuning converges on all three test rigs; nice write-up.", false),
            task("N2", NORTHWIND, "Operator console wireframes v2", "design", "med", "1.500", "chloe.gagnon", "approved",
                    "2025-10-06T09:00:00Z", "2025-11-03T12:00:00Z", "2025-11-12T15:00:00Z", 9_000, 88, "Clear hierarchy; alarm states now readable at a glance.", true),
            task("N3", NORTHWIND, "Threat model for the fleet telemetry uplink", "security", "critical", "1.500", "chloe.gagnon", "approved",
                    "2025-12-01T09:00:00Z", "2026-01-14T16:00:00Z", "2026-01-20T11:00:00Z", 8_000, 93, "STRIDE table complete; mitigations ticketed.", false),
            task("N4", NORTHWIND, "Pilot customer onboarding checklist", "product", "med", "1.000", "chloe.gagnon", "approved",
                    "2026-02-16T09:00:00Z", "2026-03-12T10:00:00Z", "2026-03-18T14:00:00Z", 7_500, 84, "Good; add the safety briefing step next time.", false),
            task("N5", NORTHWIND, "Nightly backup restore drill", "ops", "high", "1.000", "ravi.kumar", "approved",
                    "2026-03-20T09:00:00Z", "2026-04-06T18:00:00Z", "2026-04-09T09:30:00Z", 5_000, 86, "Restore verified in 41 minutes; runbook updated.", false),
            task("N6", NORTHWIND, "Lidar point-cloud downsampling", "code", "med", "1.500", "noah.martin", "in_review",
                    "2026-09-14T09:00:00Z", "2026-11-02T16:00:00Z", "2026-11-06T10:00:00Z", 0, 55, "Voxel size is hard-coded; benchmarks on the warehouse set missing.", false),
            task("N7", NORTHWIND, "Q3 burn-rate model", "finance", "low", "0.750", "ravi.kumar", "rejected",
                    "2026-08-03T09:00:00Z", "2026-10-20T12:00:00Z", "2026-10-28T15:00:00Z", 0, 35, "Revenue assumptions contradict the signed pilot terms.", false),
            task("N8", NORTHWIND, "Export-control classification memo", "legal", "high", "1.000", "noah.martin", "open",
                    "2026-11-09T09:00:00Z", null, null, 0, 0, null, false),

            task("H1", HELIOS, "Inverter telemetry ingestion service", "code", "high", "2.000", "jonas.berg", "approved",
                    "2025-09-22T08:00:00Z", "2025-10-30T17:00:00Z", "2025-11-05T09:00:00Z", 6_000, 90, "Handles 12k msgs/s with back-pressure; well tested.", false),
            task("H2", HELIOS, "Grid dashboard colour system", "design", "med", "1.000", "elena.petrova", "approved",
                    "2026-01-12T08:00:00Z", "2026-02-04T12:00:00Z", "2026-02-10T13:00:00Z", 4_500, 82, "Accessible contrast; dark mode still rough.", true),
            task("H3", HELIOS, "Substation site survey checklist", "ops", "med", "1.000", "elena.petrova", "in_review",
                    "2026-10-05T08:00:00Z", "2026-11-10T09:00:00Z", null, 0, 0, null, false),
            task("H4", HELIOS, "Utility pilot term sheet draft", "bizdev", "high", "1.500", "jonas.berg", "rejected",
                    "2026-06-01T08:00:00Z", "2026-07-15T12:00:00Z", "2026-07-20T10:00:00Z", 0, 40, "Liability cap missing; counsel must draft this.", false),
            task("H5", HELIOS, "Rotate the SCADA VPN certificates", "security", "critical", "1.000", "jonas.berg", "open",
                    "2026-11-16T08:00:00Z", null, null, 0, 0, null, false),

            task("P1", PRAIRIE, "Reconciliation engine for ACH returns", "finance", "critical", "2.000", "james.wilson", "approved",
                    "2025-08-25T15:00:00Z", "2025-09-29T20:00:00Z", "2025-10-02T16:00:00Z", 7_000, 92, "Matches all R01-R29 return codes; property tests included.", false),
            task("P2", PRAIRIE, "Ledger export to CSV and OFX", "code", "med", "1.000", "ravi.kumar", "approved",
                    "2026-01-05T15:00:00Z", "2026-02-02T10:00:00Z", "2026-02-05T17:00:00Z", 6_500, 87, "OFX validated against two banks' importers.", false),
            task("P3", PRAIRIE, "Money-transmitter licence gap analysis", "legal", "high", "1.500", "lucas.silva", "approved",
                    "2026-04-06T15:00:00Z", "2026-05-08T19:00:00Z", "2026-05-14T14:00:00Z", 5_500, 89, "Thorough state-by-state table.", true),
            task("P4", PRAIRIE, "Merchant onboarding flow", "product", "med", "1.000", "lucas.silva", "in_review",
                    "2026-10-12T15:00:00Z", "2026-11-17T11:00:00Z", null, 0, 0, null, false),
            task("P5", PRAIRIE, "Flaky test triage", "code", "low", "0.500", "james.wilson", "rejected",
                    "2026-05-18T15:00:00Z", "2026-06-10T10:00:00Z", "2026-06-12T09:00:00Z", 0, 30, "Retries mask the race instead of fixing it.", false),
            task("P6", PRAIRIE, "Runbook for a payment-processor outage", "ops", "high", "1.000", "ravi.kumar", "open",
                    "2026-11-11T15:00:00Z", null, null, 0, 0, null, false),

            task("K1", KUMO, "Data-pipeline prototype", "code", "med", "1.000", "yuki.nakamura", "open",
                    "2026-10-06T01:00:00Z", null, null, 0, 0, null, false),
            task("K2", KUMO, "Brand moodboard", "design", "low", "0.500", "yuki.nakamura", "in_review",
                    "2026-10-07T01:00:00Z", "2026-11-04T03:00:00Z", null, 0, 0, null, false));

    // ---------------------------------------------------------------------------------------------
    // BUZ beyond task earnings
    // ---------------------------------------------------------------------------------------------

    record BuzMove(String key, String holder, String venture, String type, long amount, Instant at) {
        UUID id() {
            return DemoIds.of("buz", key);
        }
    }

    static final String CONVERSION_KEY = "northwind:chloe:convert";
    static final long CONVERSION_BUZ = 20_000;
    static final String CONVERSION_PERCENT = "1.000000";
    static final Instant CONVERSION_AT = t("2026-06-01T10:00:00Z");

    static final List<BuzMove> MOVES = List.of(
            new BuzMove(CONVERSION_KEY, "chloe.gagnon", NORTHWIND, "convert", -CONVERSION_BUZ, CONVERSION_AT),
            new BuzMove("northwind:chloe:redeem", "chloe.gagnon", NORTHWIND, "redeem", -1_500, t("2026-07-08T12:00:00Z")),
            new BuzMove("northwind:chloe:lock", "chloe.gagnon", NORTHWIND, "lock", -1_000, t("2026-08-03T09:00:00Z")),
            new BuzMove("northwind:chloe:unlock", "chloe.gagnon", NORTHWIND, "unlock", 1_000, t("2026-09-01T09:00:00Z")),
            new BuzMove("northwind:noah:lock", "noah.martin", NORTHWIND, "lock", -2_000, t("2026-10-20T08:00:00Z")),
            new BuzMove("helios:jonas:redeem", "jonas.berg", HELIOS, "redeem", -1_000, t("2026-03-01T10:00:00Z")),
            new BuzMove("prairie:james:lock", "james.wilson", PRAIRIE, "lock", -1_500, t("2026-04-15T10:00:00Z")),
            new BuzMove("prairie:james:unlock", "james.wilson", PRAIRIE, "unlock", 1_500, t("2026-05-15T10:00:00Z")));

    static UUID earnId(Task task) {
        return DemoIds.of("buz", "earn:" + task.key());
    }

    private static EquityEvent ev(String venture, String date, String description, List<String> closes, List<Holding> adds) {
        return new EquityEvent(venture, LocalDate.parse(date), description, closes, adds, false);
    }

    private static Holding h(String holder, String percent, String vesting) {
        return new Holding(holder, percent, vesting);
    }

    private static Task task(String key, String venture, String title, String type, String criticality, String weight, String assignee,
                             String status, String created, String submitted, String decided, long buz, int quality, String comment,
                             boolean changesRequestedFirst) {
        return new Task(key, venture, title, type, criticality, weight, assignee, status, t(created),
                submitted == null ? null : t(submitted), decided == null ? null : t(decided), buz, quality, comment, changesRequestedFirst);
    }

    static Instant t(String s) {
        return Instant.parse(s);
    }

    private DemoVentures() {
    }
}
