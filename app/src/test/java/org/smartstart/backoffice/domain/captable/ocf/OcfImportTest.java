package org.smartstart.backoffice.domain.captable.ocf;

import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.domain.captable.VestingFrequency;
import org.smartstart.backoffice.testing.OcfTestPackage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The import's plan without a database: every transaction type, the rounding, every class of problem. */
class OcfImportTest {

    static final UUID VENTURE = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID OWNER = UUID.fromString("00000000-0000-0000-0000-0000000000b1");

    static OcfImportTarget target() {
        return new OcfImportTarget(VENTURE, "Acme", OWNER, "oona@acme.example.com", new BigDecimal("20.000"), List.of(), List.of());
    }

    static OcfTestPackage founders() {
        return new OcfTestPackage()
                .stakeholder("oona", "Oona Owner", "OONA@acme.example.com")
                .stakeholder("ben", "Ben Builder", "ben@acme.example.com")
                .stakeholder("cleo", "Cleo Coder", null);
    }

    static OcfImport.Plan plan(OcfTestPackage p) {
        return OcfImport.plan(p.build(), target());
    }

    /** stakeholder name → percent on {@code day}, from the preview. */
    static Map<String, String> on(OcfImport.Plan plan, String day) {
        Map<String, String> out = new LinkedHashMap<>();
        for (OcfImportPreview.Dated d : plan.preview().dates()) {
            if (d.date().equals(LocalDate.parse(day))) {
                d.stakes().forEach(s -> out.put(s.name(), s.percent().toPlainString()));
            }
        }
        return out;
    }

    static OcfImport.Plan importable(OcfTestPackage p) {
        OcfImport.Plan plan = plan(p);
        assertThat(plan.preview().problems()).as("problems").isEmpty();
        assertThat(plan.importable()).isTrue();
        for (OcfImportPreview.Dated d : plan.preview().dates()) {
            assertThat(d.stakes().stream().map(OcfImportPreview.Stake::percent).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as("total on " + d.date()).isEqualByComparingTo("100.000");
        }
        return plan;
    }

    @Test
    void issuances_transfers_with_a_balance_and_the_rows_they_make() {
        OcfImport.Plan plan = importable(founders()
                .issue("2024-01-10", "S-1", "oona", "7000")
                .issue("2024-01-10", "S-2", "ben", "3000")
                .transfer("2024-06-01", "S-1", "1000", "S-4", "S-3")
                .issue("2024-06-01", "S-3", "cleo", "1000")
                .issue("2024-06-01", "S-4", "oona", "6000"));

        assertThat(on(plan, "2024-01-10")).containsExactly(Map.entry("Oona Owner", "70.000"), Map.entry("Ben Builder", "30.000"));
        assertThat(on(plan, "2024-06-01")).containsExactly(Map.entry("Oona Owner", "60.000"), Map.entry("Ben Builder", "30.000"),
                Map.entry("Cleo Coder", "10.000"));
        // Ben's row spans both dates; Oona's closes the day before the transfer.
        assertThat(plan.rows()).extracting(OcfImport.PlannedRow::stakeholderId, r -> r.percent().toPlainString(),
                        r -> r.from().toString(), r -> String.valueOf(r.to()))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("oona", "70.000", "2024-01-10", "2024-05-31"),
                        org.assertj.core.groups.Tuple.tuple("ben", "30.000", "2024-01-10", "null"),
                        org.assertj.core.groups.Tuple.tuple("oona", "60.000", "2024-06-01", "null"),
                        org.assertj.core.groups.Tuple.tuple("cleo", "10.000", "2024-06-01", "null"));
        assertThat(plan.stakeholders().get("oona").becomes()).isEqualTo(OcfImport.Becomes.OWNER);
        assertThat(plan.stakeholders().get("oona").placeholderId()).isEqualTo(OWNER);
        assertThat(plan.stakeholders().get("cleo").becomes()).isEqualTo(OcfImport.Becomes.PERSON);
    }

    @Test
    void a_transfer_without_a_balance_security_keeps_the_rest_on_the_source() {
        OcfImport.Plan plan = importable(founders()
                .issue("2024-01-10", "S-1", "oona", "8000")
                .issue("2024-01-10", "S-2", "ben", "2000")
                .transfer("2024-03-01", "S-1", "500", null, "S-3")
                .issue("2024-03-01", "S-3", "ben", "500"));
        assertThat(on(plan, "2024-03-01")).containsExactly(Map.entry("Oona Owner", "75.000"), Map.entry("Ben Builder", "25.000"));
    }

    @Test
    void cancellation_repurchase_and_retraction_take_shares_out_of_the_count() {
        OcfImport.Plan plan = importable(founders()
                .issue("2024-01-10", "S-1", "oona", "6000")
                .issue("2024-01-10", "S-2", "ben", "2000")
                .issue("2024-01-10", "S-3", "cleo", "2000")
                .cancel("2024-02-01", "S-2", "1000", "S-4")
                .issue("2024-02-01", "S-4", "ben", "1000")
                .repurchase("2024-03-01", "S-4", "1000", null)
                .tx("TX_STOCK_RETRACTION", "2024-04-01", t -> t.put("security_id", "S-3").put("reason_text", "never accepted")));
        assertThat(on(plan, "2024-02-01")).containsExactly(Map.entry("Oona Owner", "66.667"), Map.entry("Cleo Coder", "22.222"),
                Map.entry("Ben Builder", "11.111"));
        assertThat(on(plan, "2024-03-01")).containsExactly(Map.entry("Oona Owner", "75.000"), Map.entry("Cleo Coder", "25.000"));
        assertThat(on(plan, "2024-04-01")).containsExactly(Map.entry("Oona Owner", "100.000"));
    }

    @Test
    void a_split_changes_share_counts_never_percents_and_a_reissuance_after_it_keeps_them() {
        OcfImport.Plan plan = importable(founders()
                .issue("2024-01-10", "S-1", "oona", "6000")
                .issue("2024-01-10", "S-2", "ben", "4000")
                .split("2024-05-01", "common", "2", "1")
                .tx("TX_STOCK_REISSUANCE", "2024-05-01", t -> t.put("security_id", "S-2").putArray("resulting_security_ids").add("S-3"))
                .issue("2024-05-01", "S-3", "ben", "8000"));
        assertThat(plan.preview().dates()).hasSize(2);
        assertThat(plan.preview().dates().get(1).totalShares()).isEqualByComparingTo("20000");
        assertThat(on(plan, "2024-05-01")).containsExactly(Map.entry("Oona Owner", "60.000"), Map.entry("Ben Builder", "40.000"));
        assertThat(plan.rows()).hasSize(2); // nothing changed in the ledger on the split
    }

    @Test
    void conversion_and_consolidation_move_stock_into_the_resulting_securities() {
        OcfImport.Plan plan = importable(founders().stockClass("pref", "Series Seed Preferred")
                .issue("2024-01-10", "S-1", "oona", "6000")
                .issue("2024-01-10", "P-1", "ben", "2000", "pref", null)
                .issue("2024-01-10", "S-2", "ben", "2000")
                .tx("TX_STOCK_CONVERSION", "2024-07-01", t -> t.put("security_id", "P-1").put("quantity_converted", "2000")
                        .putArray("resulting_security_ids").add("S-3"))
                .issue("2024-07-01", "S-3", "ben", "4000")
                .tx("TX_STOCK_CONSOLIDATION", "2024-08-01", t -> {
                    t.putArray("security_ids").add("S-2").add("S-3");
                    t.put("resulting_security_id", "S-4");
                })
                .issue("2024-08-01", "S-4", "ben", "6000"));
        assertThat(on(plan, "2024-01-10")).containsExactly(Map.entry("Oona Owner", "60.000"), Map.entry("Ben Builder", "40.000"));
        assertThat(on(plan, "2024-07-01")).containsOnly(Map.entry("Oona Owner", "50.000"), Map.entry("Ben Builder", "50.000"));
        assertThat(plan.preview().dates()).extracting(d -> d.date().toString()).containsExactly("2024-01-10", "2024-07-01");
    }

    @Test
    void options_warrants_and_convertibles_stay_aside_until_exercised_or_converted() {
        OcfImport.Plan plan = importable(founders()
                .issue("2024-01-10", "S-1", "oona", "9000")
                .tx("TX_EQUITY_COMPENSATION_ISSUANCE", "2024-01-10", t -> {
                    t.put("security_id", "O-1").put("custom_id", "O-1").put("stakeholder_id", "ben").put("quantity", "1000");
                    t.put("compensation_type", "OPTION_ISO").put("expiration_date", "2034-01-01");
                    t.putObject("exercise_price").put("amount", "0.10").put("currency", "USD");
                    t.putArray("termination_exercise_windows");
                    t.putArray("security_law_exemptions");
                })
                .tx("TX_WARRANT_ISSUANCE", "2024-01-10", t -> {
                    t.put("security_id", "W-1").put("custom_id", "W-1").put("stakeholder_id", "cleo");
                    t.putObject("purchase_price").put("amount", "100").put("currency", "USD");
                    t.putArray("exercise_triggers");
                    t.putArray("security_law_exemptions");
                })
                .issue("2024-01-10", "S-0", "cleo", "1000")
                .tx("TX_EQUITY_COMPENSATION_EXERCISE", "2024-09-01", t -> t.put("security_id", "O-1").put("quantity", "1000")
                        .putArray("resulting_security_ids").add("S-2"))
                .issue("2024-09-01", "S-2", "ben", "1000"));
        assertThat(on(plan, "2024-01-10")).containsExactly(Map.entry("Oona Owner", "90.000"), Map.entry("Cleo Coder", "10.000"));
        assertThat(on(plan, "2024-09-01")).containsExactly(Map.entry("Oona Owner", "81.818"), Map.entry("Ben Builder", "9.091"),
                Map.entry("Cleo Coder", "9.091"));
        assertThat(plan.preview().notes()).anyMatch(n -> n.startsWith("Kept aside") && n.contains("1 option") && n.contains("1 warrant"));
    }

    @Test
    void percents_round_by_largest_remainder_and_ties_go_to_the_name_that_sorts_first() {
        OcfImport.Plan plan = importable(founders()
                .issue("2024-01-10", "S-1", "oona", "4")
                .issue("2024-01-10", "S-2", "cleo", "1")
                .issue("2024-01-10", "S-3", "ben", "1"));
        // 66.6666…%, 16.6666…% and 16.6666…%: two 0.001 are left over, all three remainders are equal, and
        // "Ben Builder" and "Cleo Coder" sort before "Oona Owner".
        assertThat(on(plan, "2024-01-10")).containsExactly(Map.entry("Oona Owner", "66.666"), Map.entry("Ben Builder", "16.667"),
                Map.entry("Cleo Coder", "16.667"));
    }

    @Test
    void fitting_vesting_terms_become_a_policy_and_the_others_are_reported() {
        OcfImport.Plan plan = importable(founders().fourYearsOneYearCliff("4y1y").eventVesting("sale")
                .issue("2024-01-10", "S-1", "oona", "7000")
                .issue("2024-01-10", "S-2", "ben", "2000", "common", "4y1y")
                .issue("2024-01-10", "S-3", "cleo", "1000", "common", "sale"));
        assertThat(plan.stakeholders().get("ben").vesting().cliffMonths()).isEqualTo(12);
        assertThat(plan.stakeholders().get("ben").vesting().durationMonths()).isEqualTo(48);
        assertThat(plan.stakeholders().get("ben").vesting().frequency()).isEqualTo(VestingFrequency.MONTHLY);
        assertThat(plan.stakeholders().get("cleo").vesting()).isNull();
        assertThat(plan.preview().notes()).anyMatch(n -> n.contains("Cleo Coder") && n.contains("cannot be a vesting policy"));
    }

    @Test
    void the_sample_vesting_terms_fit_only_where_the_ledger_can_follow_them() throws Exception {
        com.fasterxml.jackson.databind.JsonNode terms = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(OcfTestPackage.resource("/ocf/samples/VestingTerms.ocf.json")).path("items");
        Map<String, Boolean> fits = new LinkedHashMap<>();
        terms.forEach(t -> fits.put(t.path("id").asText(), VestingFits.fit(t.path("id").asText(), t).policy() != null));
        assertThat(fits).containsEntry("4yr-1yr-cliff-schedule", true).containsEntry("multi-tranche-event-based", false)
                .containsEntry("custom-vesting-100pct-upfront", false).containsEntry("6-yr-option-back-loaded", false)
                .containsEntry("path-dependent-milestone-vesting", false);
    }

    // ---- problems -----------------------------------------------------------------------------

    static List<OcfProblem> problems(OcfTestPackage p) {
        OcfImport.Plan plan = plan(p);
        assertThat(plan.importable()).isFalse();
        return plan.preview().problems();
    }

    @Test
    void a_schema_error_names_file_object_and_field() {
        List<OcfProblem> problems = problems(founders()
                .issue("2024-01-10", "S-1", "oona", "7000")
                .tx("TX_STOCK_ISSUANCE", "2024-01-10", t -> t.put("security_id", "S-2").put("stakeholder_id", "ben")));
        assertThat(problems).anyMatch(p -> p.file().equals("Transactions.ocf.json") && p.objectId().equals("tx-2")
                && p.field().equals("quantity") && p.message().contains("required"));
    }

    @Test
    void dangling_references_are_each_named() {
        List<OcfProblem> problems = problems(founders()
                .issue("2024-01-10", "S-1", "oona", "7000")
                .issue("2024-01-10", "S-2", "nobody", "3000")
                .issue("2024-01-10", "S-3", "ben", "3000", "no-such-class", null)
                .transfer("2024-02-01", "S-404", "10", null, "S-5"));
        assertThat(problems).extracting(OcfProblem::objectId, OcfProblem::field).contains(
                org.assertj.core.groups.Tuple.tuple("tx-2", "stakeholder_id"),
                org.assertj.core.groups.Tuple.tuple("tx-3", "stock_class_id"),
                org.assertj.core.groups.Tuple.tuple("tx-4", "security_id"));
    }

    @Test
    void bad_dates_are_refused() {
        List<OcfProblem> problems = problems(founders().asOf("2024-12-31")
                .issue("2024-02-30", "S-1", "oona", "7000")
                .issue("2025-03-01", "S-2", "ben", "3000")
                .issue("2019-03-01", "S-3", "ben", "3000"));
        assertThat(problems).extracting(OcfProblem::objectId, OcfProblem::field).contains(
                org.assertj.core.groups.Tuple.tuple("tx-1", "date"),
                org.assertj.core.groups.Tuple.tuple("tx-2", "date"),
                org.assertj.core.groups.Tuple.tuple("tx-3", "date"));
        assertThat(problems).anyMatch(p -> p.message().contains("after the package's as_of date"))
                .anyMatch(p -> p.message().contains("before the issuer was formed"));
    }

    @Test
    void a_transfer_of_more_than_is_outstanding_and_a_mismatched_result_are_refused() {
        List<OcfProblem> problems = problems(founders()
                .issue("2024-01-10", "S-1", "oona", "7000")
                .issue("2024-01-10", "S-2", "ben", "3000")
                .transfer("2024-02-01", "S-2", "5000", null, "S-3")
                .transfer("2024-03-01", "S-1", "100", null, "S-4")
                .issue("2024-03-01", "S-4", "cleo", "99"));
        assertThat(problems).anyMatch(p -> p.objectId().equals("tx-3") && p.field().equals("quantity"))
                .anyMatch(p -> p.objectId().equals("tx-4") && p.field().equals("resulting_security_ids[0]"));
    }

    @Test
    void a_date_where_the_owner_would_fall_below_the_floor_is_an_eq_2_problem() {
        List<OcfProblem> problems = problems(founders()
                .issue("2024-01-10", "S-1", "oona", "6000")
                .issue("2024-01-10", "S-2", "ben", "4000")
                .issue("2024-05-01", "S-3", "cleo", "8000"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("EQ-2");
            assertThat(p.objectId()).isEqualTo("tx-3");
            assertThat(p.field()).isEqualTo("date");
            assertThat(p.message()).contains("2024-05-01").contains("33.333%");
        });
    }

    @Test
    void the_coalitions_sample_package_is_read_whole_and_refused_for_its_dangling_references() {
        OcfImport.Plan plan = OcfImport.plan(OcfTestPackage.samples(), target());
        List<OcfProblem> problems = plan.preview().problems();
        // Every file fits the schemas; the samples show each object on its own, so their references dangle.
        assertThat(problems).noneMatch(p -> p.message().startsWith("does not fit the OCF schema"));
        assertThat(plan.preview().files()).isEqualTo(9); // the manifest and the eight files it names
        assertThat(plan.preview().stakeholders()).isEqualTo(4);
        assertThat(problems).anyMatch(p -> p.field().equals("stakeholder_id") && p.message().contains("stakeholder-id"))
                .anyMatch(p -> p.field().equals("stock_class_id") && p.message().contains("stock-class-id"))
                .anyMatch(p -> p.field().equals("date") && p.message().contains("after the package's as_of date 2022-03-22"));
        assertThat(plan.rows()).isEmpty();
    }

    @Test
    void a_package_without_its_manifest_or_with_a_missing_file_is_refused() {
        assertThat(OcfImport.plan(new OcfPackage("empty", Map.of()), target()).preview().problems())
                .singleElement().satisfies(p -> assertThat(p.file()).isEqualTo("Manifest.ocf.json"));
        Map<String, String> files = new LinkedHashMap<>(founders().issue("2024-01-10", "S-1", "oona", "1").build().files());
        files.remove("StockClasses.ocf.json");
        files.put("Transactions.ocf.json", "{ not json");
        assertThat(OcfImport.plan(new OcfPackage("broken", files), target()).preview().problems())
                .extracting(OcfProblem::file, OcfProblem::field)
                .contains(org.assertj.core.groups.Tuple.tuple("Manifest.ocf.json", "stock_classes_files[0].filepath"),
                        org.assertj.core.groups.Tuple.tuple("Transactions.ocf.json", ""));
    }

    // ---- manifest checksums ---------------------------------------------------------------------

    @Test
    void a_file_changed_after_the_manifest_was_written_is_refused_naming_the_manifest_entry() {
        Map<String, String> files = new LinkedHashMap<>(founders().issue("2024-01-10", "S-1", "oona", "7000")
                .issue("2024-01-10", "S-2", "ben", "3000").build().files());
        files.put("Stakeholders.ocf.json", files.get("Stakeholders.ocf.json").replace("Ben Builder", "Ben Bilder"));
        OcfImport.Plan plan = OcfImport.plan(new OcfPackage("tampered", files), target());
        assertThat(plan.importable()).isFalse();
        assertThat(plan.preview().problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("Manifest.ocf.json");
            assertThat(p.field()).isEqualTo("stakeholders_files[0].md5");
            assertThat(p.message()).contains("Stakeholders.ocf.json").contains(OcfImport.md5(files.get("Stakeholders.ocf.json")));
        });
    }

    @Test
    void checksums_match_whatever_the_case_of_their_hex_digits() {
        Map<String, String> files = new LinkedHashMap<>(founders().issue("2024-01-10", "S-1", "oona", "7000")
                .issue("2024-01-10", "S-2", "ben", "3000").build().files());
        String md5 = OcfImport.md5(files.get("Transactions.ocf.json"));
        assertThat(files.get("Manifest.ocf.json")).contains(md5);
        files.put("Manifest.ocf.json", files.get("Manifest.ocf.json").replace(md5, md5.toUpperCase(java.util.Locale.ROOT)));
        OcfImport.Plan plan = OcfImport.plan(new OcfPackage("upper", files), target());
        assertThat(plan.preview().problems()).isEmpty();
        assertThat(plan.importable()).isTrue();
    }

    @Test
    void the_md5_of_a_file_is_that_of_its_utf8_bytes() {
        assertThat(OcfImport.md5("")).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(OcfImport.md5("Zoë")).isEqualTo(java.util.HexFormat.of().formatHex(md5Of("Zoë".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }

    private static byte[] md5Of(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("MD5").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
