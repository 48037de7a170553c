package org.smartstart.backoffice.contract;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartstart.backoffice.domain.captable.CapTable;
import org.smartstart.backoffice.domain.captable.CapTableHolder;
import org.smartstart.backoffice.domain.captable.LedgerRow;
import org.smartstart.backoffice.domain.captable.ocf.CapTableInterchange;
import org.smartstart.backoffice.domain.captable.ocf.OcfImportPreview;
import org.smartstart.backoffice.domain.captable.ocf.OcfImportResult;
import org.smartstart.backoffice.domain.captable.ocf.OcfPackage;
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.domain.usecase.FieldProblem;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Rejection;
import org.smartstart.backoffice.persistence.demo.DemoDataLoader;
import org.smartstart.backoffice.testing.OcfTestPackage;
import org.smartstart.backoffice.testing.TestAccounts;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** OCF import and export (all or nothing, ID-3, one audit entry, the round trip), the same through every adapter. */
@ParameterizedClass
@EnumSource(Adapter.class)
class CapTableInterchangeContractTest {

    @Parameter
    Adapter adapter;

    static BackOfficeFixture fixture;

    @BeforeAll
    static void setUp() throws Exception {
        fixture = BackOfficeFixture.create();
        DemoDataLoader.load(fixture.db().database());
    }

    @AfterAll
    static void tearDown() {
        fixture.close();
    }

    record Venture(UUID id, String name, UUID owner, String ownerEmail) {
    }

    static Venture venture() throws SQLException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "oona." + tag + "@acme.example.com";
        UUID owner = UUID.randomUUID();
        TestAccounts.exec(fixture.db(), "INSERT INTO users (id, display_name, email) VALUES ('" + owner + "', 'Oona Owner', '" + email + "')");
        String name = "Imported " + tag;
        return new Venture(TestAccounts.venture(fixture.db(), name, "ca", "draft", owner), name, owner, email);
    }

    static UUID person(String name, String... globalRoles) throws SQLException {
        UUID id = UUID.randomUUID();
        TestAccounts.exec(fixture.db(), "INSERT INTO users (id, display_name, email, kyc_status) VALUES ('" + id + "', '" + name
                + "', '" + id + "@contract.example.com', '" + (globalRoles.length > 0 ? "verified" : "pending") + "')");
        for (String role : globalRoles) {
            TestAccounts.exec(fixture.db(), "INSERT INTO role_assignments (user_id, role, scope, reason) VALUES ('" + id + "', '" + role
                    + "', 'global', 'test')");
        }
        return id;
    }

    CapTableInterchange as(UUID user) {
        return fixture.as(adapter, user).capTableInterchange();
    }

    static long number(String sql) throws SQLException {
        try (Connection c = fixture.db().ownerConnection(); PreparedStatement p = c.prepareStatement(sql); ResultSet r = p.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Everything an import could write, counted in plain SQL. */
    static List<Long> footprint(UUID venture) throws SQLException {
        return List.of(number("SELECT count(*) FROM equity_ledger WHERE venture_id = '" + venture + "'"),
                number("SELECT count(*) FROM users"),
                number("SELECT count(*) FROM vesting_policies"),
                number("SELECT count(*) FROM (SELECT id FROM audit_outbox UNION ALL SELECT id FROM audit_log) a"));
    }

    static long auditEntries(UUID venture, String action) throws SQLException {
        return number("SELECT count(*) FROM (SELECT action, venture_id FROM audit_outbox UNION ALL SELECT action, venture_id FROM audit_log) a "
                + "WHERE a.venture_id = '" + venture + "' AND a.action = '" + action + "'");
    }

    static OcfTestPackage founders(Venture v) {
        return new OcfTestPackage().fourYearsOneYearCliff("4y1y")
                .stakeholder("oona", "Oona Owner", v.ownerEmail())
                .stakeholder("ben", "Ben Builder " + v.id().toString().substring(0, 6), "ben." + v.id() + "@acme.example.com")
                .stakeholder("cleo", "Cleo Coder", null)
                .issue("2024-01-10", "S-1", "oona", "7000")
                .issue("2024-01-10", "S-2", "ben", "3000", "common", "4y1y")
                .transfer("2024-06-01", "S-1", "1000", "S-4", "S-3")
                .issue("2024-06-01", "S-3", "cleo", "1000")
                .issue("2024-06-01", "S-4", "oona", "6000");
    }

    /** holder name → percent, on {@code day}. */
    Map<String, String> table(UUID user, UUID venture, String day) {
        Map<String, String> out = new TreeMap<>();
        for (CapTableHolder h : fixture.as(adapter, user).capTables().capTableOn(venture, LocalDate.parse(day)).orElseThrow().holders()) {
            out.put(h.displayName(), h.percent().toPlainString());
        }
        return out;
    }

    @Test
    void the_owner_imports_a_package_in_one_transaction_with_one_audit_entry() throws Exception {
        Venture v = venture();
        UUID ben = person("Ben Already Here");
        TestAccounts.exec(fixture.db(), "UPDATE users SET email = 'ben." + v.id() + "@acme.example.com' WHERE id = '" + ben + "'");
        long usersBefore = number("SELECT count(*) FROM users");

        OcfImportPreview preview = as(v.owner()).previewOcfImport(v.id(), founders(v).build()).orElseThrow();
        assertThat(preview.problems()).isEmpty();
        assertThat(preview.dates()).hasSize(2);
        assertThat(footprint(v.id()).get(0)).isZero(); // a preview writes nothing

        Outcome<OcfImportResult> outcome = as(v.owner()).importOcf(v.id(), founders(v).build());

        OcfImportResult result = outcome.orElseThrow();
        assertThat(result.rowsWritten()).isEqualTo(4);
        assertThat(result.usersMatched()).isEqualTo(1);
        assertThat(result.usersCreated()).isEqualTo(1);
        assertThat(result.firstDate()).isEqualTo(LocalDate.parse("2024-01-10"));
        assertThat(number("SELECT count(*) FROM users")).isEqualTo(usersBefore + 1);
        assertThat(number("SELECT count(*) FROM users WHERE display_name = 'Cleo Coder' AND kyc_status = 'pending' "
                + "AND email LIKE '%@ocf-import.invalid'")).isGreaterThanOrEqualTo(1);
        assertThat(number("SELECT count(*) FROM equity_ledger WHERE venture_id = '" + v.id() + "' AND holder_id = '" + ben
                + "' AND vesting_policy_id IS NOT NULL")).isEqualTo(1);
        assertThat(auditEntries(v.id(), "OCF_IMPORTED")).isEqualTo(1);
        assertThat(table(v.owner(), v.id(), "2024-01-10")).containsEntry("Oona Owner", "70.000").containsEntry("Ben Already Here", "30.000");
        assertThat(table(v.owner(), v.id(), "2024-06-01")).containsEntry("Oona Owner", "60.000").containsEntry("Cleo Coder", "10.000");
    }

    @Test
    void every_class_of_problem_aborts_and_writes_nothing() throws Exception {
        Venture v = venture();
        List<Long> before = footprint(v.id());
        List<OcfPackage> broken = new ArrayList<>();
        // schema: an issuance without its quantity
        broken.add(founders(v).tx("TX_STOCK_ISSUANCE", "2024-07-01", t -> t.put("security_id", "S-9").put("stakeholder_id", "ben")).build());
        // a dangling reference
        broken.add(founders(v).issue("2024-07-01", "S-9", "nobody", "10").build());
        // a bad date
        broken.add(founders(v).issue("2024-02-30", "S-9", "ben", "10").build());
        // EQ-2: the owner below 35%
        broken.add(founders(v).issue("2024-07-01", "S-9", "cleo", "9000").build());
        for (OcfPackage p : broken) {
            Outcome<OcfImportResult> outcome = as(v.owner()).importOcf(v.id(), p);
            assertThat(outcome.isDone()).as(outcome.describe()).isFalse();
            assertThat(footprint(v.id())).as(outcome.describe()).isEqualTo(before);
        }
        Outcome<OcfImportResult> schema = as(v.owner()).importOcf(v.id(), broken.get(0));
        assertThat(schema).isInstanceOf(Outcome.Invalid.class);
        assertThat(((Outcome.Invalid<?>) schema).problems()).extracting(FieldProblem::field)
                .contains("Transactions.ocf.json › tx-6 › quantity");
        Outcome<OcfImportResult> floor = as(v.owner()).importOcf(v.id(), broken.get(3));
        assertThat(floor).isInstanceOf(Outcome.Rejected.class);
        assertThat(((Outcome.Rejected<?>) floor).rejections()).extracting(Rejection::ruleId).containsOnly("EQ-2");
        assertThat(footprint(v.id())).isEqualTo(before);
    }

    @Test
    void the_coalitions_sample_package_is_refused_with_its_problems_and_nothing_written() throws Exception {
        Venture v = venture();
        List<Long> before = footprint(v.id());
        Outcome<OcfImportResult> outcome = as(v.owner()).importOcf(v.id(), OcfTestPackage.samples());
        assertThat(outcome).isInstanceOf(Outcome.Invalid.class);
        assertThat(((Outcome.Invalid<?>) outcome).problems()).anyMatch(p -> p.field().endsWith("› stock_class_id"));
        assertThat(footprint(v.id())).isEqualTo(before);
    }

    @Test
    void under_an_equity_hold_nothing_is_imported() throws Exception {
        Venture v = venture();
        TestAccounts.exec(fixture.db(), "INSERT INTO legal_holds (venture_id, reason, applies_to) VALUES ('" + v.id() + "', 'Audit', 'equity')");
        List<Long> before = footprint(v.id());
        Outcome<OcfImportResult> outcome = as(v.owner()).importOcf(v.id(), founders(v).build());
        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        assertThat(((Outcome.Rejected<?>) outcome).rejections()).extracting(Rejection::ruleId).contains("EQ-7");
        assertThat(footprint(v.id())).isEqualTo(before);
    }

    @Test
    void only_the_owner_or_an_admin_imports_or_exports_id_3() throws Exception {
        Venture v = venture();
        UUID contributor = person("Carl Contributor");
        TestAccounts.exec(fixture.db(), "UPDATE users SET kyc_status = 'verified' WHERE id = '" + contributor + "'");
        TestAccounts.exec(fixture.db(), "INSERT INTO role_assignments (user_id, venture_id, role, scope, reason) VALUES ('" + contributor
                + "', '" + v.id() + "', 'contributor', 'venture', 'test')");
        UUID compliance = person("Cora Compliance", "compliance");
        for (UUID user : List.of(contributor, compliance)) {
            assertThat(as(user).importOcf(v.id(), founders(v).build())).isInstanceOf(Outcome.Denied.class);
            assertThat(as(user).exportOcf(v.id())).isInstanceOf(Outcome.Denied.class);
            assertThat(as(user).previewOcfImport(v.id(), founders(v).build())).isInstanceOf(Outcome.Denied.class);
        }
        assertThat(footprint(v.id()).get(0)).isZero();
        UUID admin = person("Ada Admin", "admin");
        assertThat(as(admin).importOcf(v.id(), founders(v).build()).isDone()).isTrue();
    }

    @Test
    void an_export_validates_and_imports_into_a_new_venture_as_the_same_cap_table_on_every_date_for_every_demo_venture()
            throws Exception {
        UUID admin = person("Ada Admin", "admin");
        List<UUID[]> demo = new ArrayList<>();
        try (Connection c = fixture.db().ownerConnection(); PreparedStatement p = c.prepareStatement(
                "SELECT v.id, v.owner_user_id FROM ventures v WHERE EXISTS (SELECT 1 FROM equity_ledger e WHERE e.venture_id = v.id) "
                        + "AND v.name NOT LIKE 'Imported %' AND v.name NOT LIKE 'Round trip %' ORDER BY v.name");
             ResultSet r = p.executeQuery()) {
            while (r.next()) {
                demo.add(new UUID[] {r.getObject(1, UUID.class), r.getObject(2, UUID.class)});
            }
        }
        assertThat(demo).hasSizeGreaterThanOrEqualTo(3);
        BackOffice office = fixture.as(adapter, admin);
        for (UUID[] d : demo) {
            OcfPackage exported = office.capTableInterchange().exportOcf(d[0]).orElseThrow();
            assertManifestChecksums(exported);
            UUID copy = TestAccounts.venture(fixture.db(), "Round trip " + UUID.randomUUID().toString().substring(0, 8), "ca", "draft", d[1]);
            TestAccounts.exec(fixture.db(), "UPDATE ventures SET alice_equity_cap = (SELECT alice_equity_cap FROM ventures WHERE id = '"
                    + d[0] + "') WHERE id = '" + copy + "'");
            OcfImportPreview preview = office.capTableInterchange().previewOcfImport(copy, exported).orElseThrow();
            assertThat(preview.problems()).as("problems of the export of " + d[0]).isEmpty();
            Outcome<OcfImportResult> imported = office.capTableInterchange().importOcf(copy, exported);
            assertThat(imported.isDone()).as(imported.describe()).isTrue();
            assertThat(imported.orElseThrow().usersCreated()).isZero(); // every holder came back as the same user

            List<LedgerRow> original = office.capTables().ledger(d[0]).orElseThrow();
            List<LedgerRow> again = office.capTables().ledger(copy).orElseThrow();
            assertThat(CapTable.changeDates(again)).isEqualTo(CapTable.changeDates(original));
            for (LocalDate day : CapTable.changeDates(original)) {
                assertThat(stakes(again, day)).as("cap table on " + day).isEqualTo(stakes(original, day));
            }
        }
    }

    /** Every file the manifest names carries the MD5 of the file as exported. */
    private static void assertManifestChecksums(OcfPackage exported) throws Exception {
        com.fasterxml.jackson.databind.JsonNode manifest = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(exported.files().get(OcfPackage.MANIFEST));
        int named = 0;
        for (var list : (Iterable<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>>) manifest::fields) {
            if (!list.getKey().endsWith("_files")) {
                continue;
            }
            for (com.fasterxml.jackson.databind.JsonNode entry : list.getValue()) {
                String file = entry.path("filepath").asText().replaceFirst("^\\./", "");
                String md5 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                        .digest(exported.files().get(file).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                assertThat(entry.path("md5").asText()).as("md5 of " + file).isEqualTo(md5);
                named++;
            }
        }
        assertThat(named).isGreaterThanOrEqualTo(3);
    }

    @Test
    void a_file_changed_after_its_manifest_was_written_is_refused_naming_the_checksum_and_writes_nothing() throws Exception {
        Venture v = venture();
        List<Long> before = footprint(v.id());
        Map<String, String> files = new java.util.LinkedHashMap<>(founders(v).build().files());
        files.put("Transactions.ocf.json", files.get("Transactions.ocf.json").replace("\"7000\"", "\"7001\""));
        Outcome<OcfImportResult> outcome = as(v.owner()).importOcf(v.id(), new OcfPackage("tampered", files));
        assertThat(outcome).isInstanceOf(Outcome.Invalid.class);
        assertThat(((Outcome.Invalid<?>) outcome).problems()).extracting(FieldProblem::field)
                .contains("Manifest.ocf.json › transactions_files[0].md5");
        assertThat(footprint(v.id())).isEqualTo(before);
    }

    private static Map<String, String> stakes(List<LedgerRow> ledger, LocalDate day) {
        Map<String, String> out = new TreeMap<>();
        CapTable.stakesOn(ledger, day).forEach((h, p) -> out.put(h.platform() ? "platform" : h.userId().toString(),
                p.setScale(3).toPlainString()));
        return out;
    }

    @Test
    void a_package_imports_after_the_ledger_so_far_and_closes_its_open_rows() throws Exception {
        Venture v = venture();
        TestAccounts.exec(fixture.db(), "INSERT INTO equity_ledger (venture_id, holder_type, holder_id, percent, effective_from, created_by) VALUES ('"
                + v.id() + "', 'user', '" + v.owner() + "', 100.000, DATE '2023-01-01', '" + v.owner() + "')");
        OcfImportResult result = as(v.owner()).importOcf(v.id(), founders(v).build()).orElseThrow();
        assertThat(result.rowsClosed()).isEqualTo(1);
        assertThat(table(v.owner(), v.id(), "2023-06-01")).containsExactly(Map.entry("Oona Owner", "100.000"));
        assertThat(table(v.owner(), v.id(), "2024-01-10")).containsEntry("Oona Owner", "70.000");
        // A second import of the same history would rewrite it: refused, nothing written.
        List<Long> before = footprint(v.id());
        Outcome<OcfImportResult> again = as(v.owner()).importOcf(v.id(), founders(v).build());
        assertThat(again.isDone()).isFalse();
        assertThat(footprint(v.id())).isEqualTo(before);
    }
}
