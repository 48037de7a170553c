package org.smartstart.backoffice.contract;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartstart.backoffice.domain.usecase.FieldProblem;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Rejection;
import org.smartstart.backoffice.domain.ventures.NewVenture;
import org.smartstart.backoffice.domain.ventures.StatusChange;
import org.smartstart.backoffice.domain.ventures.VentureArchive;
import org.smartstart.backoffice.domain.ventures.VentureDetail;
import org.smartstart.backoffice.domain.ventures.VentureFilter;
import org.smartstart.backoffice.domain.ventures.VentureOverview;
import org.smartstart.backoffice.domain.ventures.Ventures;
import org.smartstart.backoffice.testing.TestAccounts;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ventures administration (issue 10): search and open every venture as global staff, create a draft (KY-5
 * owner, EQ-3 cap), change status (VS-1, KY-6), archive (VS-2, LH-3), each audited once; the same through every
 * adapter. The database's half is VentureLifecycleSqlTest and KycRulesSqlTest.
 */
@ParameterizedClass
@EnumSource(Adapter.class)
class VentureAdministrationContractTest {

    @Parameter
    Adapter adapter;

    static BackOfficeFixture fixture;

    @BeforeAll
    static void setUp() {
        fixture = BackOfficeFixture.create();
    }

    @AfterAll
    static void tearDown() {
        fixture.close();
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static UUID person(String displayName, String kyc, String... globalRoles) throws SQLException {
        UUID id = UUID.randomUUID();
        TestAccounts.exec(fixture.db(), "INSERT INTO users (id, display_name, email, kyc_status) VALUES ('" + id + "', '" + displayName
                + "', '" + id + "@ventures.test', '" + (globalRoles.length > 0 ? "verified" : kyc) + "')");
        for (String role : globalRoles) {
            TestAccounts.exec(fixture.db(), "INSERT INTO role_assignments (user_id, role, scope, reason) VALUES ('" + id + "', '" + role
                    + "', 'global', 'test')");
        }
        return id;
    }

    static UUID staff(String role) throws SQLException {
        return person("Staff " + role + " " + tag(), "verified", role);
    }

    Ventures as(UUID user) {
        return fixture.as(adapter, user).ventures();
    }

    static long number(String sql) throws SQLException {
        try (Connection c = fixture.db().ownerConnection(); PreparedStatement p = c.prepareStatement(sql); ResultSet r = p.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    static long audit(String action, UUID objectId) throws SQLException {
        return number("SELECT count(*) FROM (SELECT action, object_id FROM audit_outbox UNION ALL SELECT action, object_id FROM audit_log) a "
                + "WHERE a.action = '" + action + "' AND a.object_id = '" + objectId + "'");
    }

    static List<String> fields(Outcome<?> outcome) {
        assertThat(outcome).as(outcome.describe()).isInstanceOf(Outcome.Invalid.class);
        return ((Outcome.Invalid<?>) outcome).problems().stream().map(FieldProblem::field).toList();
    }

    static Rejection rejection(Outcome<?> outcome) {
        assertThat(outcome).as(outcome.describe()).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected<?>) outcome).first();
    }

    @Test
    void staff_search_every_venture_by_name_status_region_and_owner_and_others_are_denied() throws SQLException {
        String t = tag();
        UUID owner = person("Owner Searchable " + t, "verified");
        UUID alpha = TestAccounts.venture(fixture.db(), "Alpha " + t, "eu", "active", owner, "equity");
        UUID beta = TestAccounts.venture(fixture.db(), "Beta " + t, "ca", "draft", owner);
        UUID gone = TestAccounts.venture(fixture.db(), "Gone " + t, "ca", "draft", owner);
        TestAccounts.exec(fixture.db(), "UPDATE ventures SET status = 'archived', archived_at = now() WHERE id = '" + gone + "'");

        for (String role : List.of("admin", "support", "compliance")) {
            List<VentureOverview> mine = as(staff(role)).search(new VentureFilter(t, null, null, null)).orElseThrow();
            assertThat(mine).extracting(VentureOverview::id).as(role).containsExactly(alpha, beta);
        }
        UUID admin = staff("admin");
        assertThat(as(admin).search(new VentureFilter(t, "active", null, null)).orElseThrow()).extracting(VentureOverview::id)
                .containsExactly(alpha);
        assertThat(as(admin).search(new VentureFilter(null, null, "ca", "searchable " + t)).orElseThrow())
                .extracting(VentureOverview::id).containsExactly(beta);
        assertThat(as(admin).search(new VentureFilter(t, "archived", null, null)).orElseThrow()).extracting(VentureOverview::id)
                .containsExactly(gone);
        assertThat(as(admin).search(new VentureFilter(t, "active", null, null)).orElseThrow().get(0).activeHolds())
                .containsExactly("equity");
        assertThat(fields(as(admin).search(new VentureFilter(null, "closed", "mars", null)))).containsExactly("status", "region");

        Outcome<List<VentureOverview>> theOwner = as(owner).search(VentureFilter.all());
        assertThat(theOwner).as(theOwner.describe()).isInstanceOf(Outcome.Denied.class);
    }

    @Test
    void opening_a_venture_shows_owner_cap_it_pack_billing_invoices_holds_and_kyb_documents() throws SQLException {
        String t = tag();
        UUID owner = person("Olive " + t, "verified");
        UUID venture = TestAccounts.venture(fixture.db(), "Opened " + t, "us", "draft", owner, "buz");
        TestAccounts.exec(fixture.db(), "INSERT INTO venture_it_pack (venture_id, github_org, status) VALUES ('" + venture + "', 'opened-" + t
                + "', 'active')");
        UUID account = UUID.randomUUID();
        TestAccounts.exec(fixture.db(), "INSERT INTO billing_accounts (id, venture_id, pricing_tier, payment_method, next_invoice_at) VALUES ('"
                + account + "', '" + venture + "', (enum_range(NULL::pricing_tier))[1], (enum_range(NULL::payment_method))[1], now() + interval '10 days')");
        TestAccounts.exec(fixture.db(), "INSERT INTO invoices (billing_account_id, period_start, period_end, amount_due, due_at) VALUES ('"
                + account + "', '2026-10-01', '2026-10-31', 149.00, now())");
        TestAccounts.exec(fixture.db(), "INSERT INTO kyb_documents (venture_id, doc_type, status) VALUES ('" + venture
                + "', 'articles_of_inc', 'verified'), ('" + venture + "', 'tax_id', 'pending')");

        VentureDetail d = as(staff("support")).venture(venture).orElseThrow();

        assertThat(d.name()).isEqualTo("Opened " + t);
        assertThat(d.ownerId()).isEqualTo(owner);
        assertThat(d.ownerName()).isEqualTo("Olive " + t);
        assertThat(d.aliceEquityCap()).isEqualByComparingTo("20.000");
        assertThat(d.itPack().githubOrg()).isEqualTo("opened-" + t);
        assertThat(d.itPack().status()).isEqualTo("active");
        assertThat(d.billing().id()).isEqualTo(account);
        assertThat(d.billing().invoices()).singleElement().satisfies(i -> {
            assertThat(i.amountDue()).isEqualByComparingTo("149.00");
            assertThat(i.currency()).isEqualTo("USD");
        });
        assertThat(d.activeHolds()).extracting(VentureDetail.Hold::appliesTo).containsExactly("buz");
        assertThat(d.kybDocuments()).extracting(VentureDetail.KybDocument::docType).containsExactly("articles_of_inc", "tax_id");
        assertThat(d.missingForActive()).containsExactly("tax_id");

        assertThat(as(staff("admin")).venture(UUID.randomUUID())).isInstanceOf(Outcome.NotFound.class);
        assertThat(as(owner).venture(venture)).isInstanceOf(Outcome.Denied.class);
    }

    @Test
    void an_admin_creates_a_draft_for_a_verified_owner_audited_once_and_bad_input_names_its_fields() throws SQLException {
        UUID admin = staff("admin");
        String t = tag();
        UUID owner = person("Vera " + t, "verified");
        UUID pending = person("Paul " + t, "pending");

        VentureDetail created = as(admin).createVenture(new NewVenture("  Newco " + t + " ", "eu", owner, new BigDecimal("12.5"))).orElseThrow();

        assertThat(created.name()).isEqualTo("Newco " + t);
        assertThat(created.status()).isEqualTo("draft");
        assertThat(created.region()).isEqualTo("eu");
        assertThat(created.ownerId()).isEqualTo(owner);
        assertThat(created.aliceEquityCap()).isEqualByComparingTo("12.500");
        assertThat(audit("VENTURE_CREATED", created.id())).isEqualTo(1);

        assertThat(fields(as(admin).createVenture(new NewVenture(" ", "mars", null, new BigDecimal("20.001")))))
                .containsExactly("name", "region", "aliceEquityCap", "ownerUserId");
        assertThat(as(admin).createVenture(new NewVenture("X " + t, "us", owner, new BigDecimal("25"))).describe()).contains("EQ-3");
        assertThat(fields(as(admin).createVenture(new NewVenture("newco " + t, "us", owner, null)))).containsExactly("name");
        Rejection ky5 = rejection(as(admin).createVenture(new NewVenture("Pending " + t, "us", pending, null)));
        assertThat(ky5.ruleId()).isEqualTo("KY-5");
        assertThat(ky5.message()).contains("Paul " + t, "pending");
        assertThat(number("SELECT count(*) FROM ventures WHERE name = 'Pending " + t + "'")).isZero();

        Outcome<VentureDetail> bySupport = as(staff("support")).createVenture(new NewVenture("Support " + t, "us", owner, null));
        assertThat(bySupport).isInstanceOf(Outcome.Denied.class);
        assertThat(bySupport.describe()).contains("manage ventures");
    }

    @Test
    void ky6_activation_without_verified_kyb_documents_is_refused_naming_them_then_allowed_per_vs1() throws SQLException {
        UUID admin = staff("admin");
        String t = tag();
        UUID owner = person("Owen " + t, "verified");
        UUID venture = TestAccounts.venture(fixture.db(), "Activate " + t, "ca", "draft", owner);

        Rejection ky6 = rejection(as(admin).changeStatus(venture, new StatusChange("active", "Launch", 0)));
        assertThat(ky6.ruleId()).isEqualTo("KY-6");
        assertThat(ky6.message()).contains("Activate " + t, "articles_of_inc and tax_id");
        assertThat(audit("VENTURE_STATUS_CHANGED", venture)).isZero();

        assertThat(fields(as(admin).changeStatus(venture, new StatusChange("active", " ", 0)))).containsExactly("reason");
        assertThat(fields(as(admin).changeStatus(venture, new StatusChange("archived", "x", 0)))).containsExactly("status");

        TestAccounts.exec(fixture.db(), "INSERT INTO kyb_documents (venture_id, doc_type, status) VALUES ('" + venture
                + "', 'articles_of_inc', 'verified'), ('" + venture + "', 'tax_id', 'verified')");
        VentureDetail active = as(admin).changeStatus(venture, new StatusChange("active", "Launch", 0)).orElseThrow();
        assertThat(active.status()).isEqualTo("active");
        assertThat(audit("VENTURE_STATUS_CHANGED", venture)).isEqualTo(1);

        Rejection vs1 = rejection(as(admin).changeStatus(venture, new StatusChange("draft", "Back", 0)));
        assertThat(vs1.ruleId()).isEqualTo("VS-1");
        assertThat(vs1.message()).contains("from active to draft");

        Outcome<VentureDetail> stale = as(admin).changeStatus(venture, new StatusChange("suspended", "Audit", active.version() - 1));
        assertThat(stale).as(stale.describe()).isInstanceOf(Outcome.Conflict.class);
        assertThat(as(admin).changeStatus(venture, new StatusChange("suspended", "Audit", active.version())).orElseThrow().status())
                .isEqualTo("suspended");
        assertThat(as(owner).changeStatus(venture, new StatusChange("active", "Me", 0))).isInstanceOf(Outcome.Denied.class);
        assertThat(audit("VENTURE_STATUS_CHANGED", venture)).isEqualTo(2);
    }

    @Test
    void archiving_is_refused_under_an_active_hold_then_a_soft_delete_audited_once_and_final() throws SQLException {
        UUID admin = staff("admin");
        String t = tag();
        UUID owner = person("Arch " + t, "verified");
        UUID venture = TestAccounts.venture(fixture.db(), "Archive " + t, "asia", "draft", owner, "all");

        Rejection held = rejection(as(admin).archiveVenture(venture, new VentureArchive("Wound up")));
        assertThat(held.ruleId()).isEqualTo("VS-2");
        assertThat(held.message()).contains("Archive " + t, "all legal hold", "Litigation pending", "release it first");
        assertThat(fields(as(admin).archiveVenture(venture, new VentureArchive(" ")))).containsExactly("reason");

        TestAccounts.exec(fixture.db(), "UPDATE legal_holds SET released_at = now(), release_reason = 'Settled', released_by_user_id = '"
                + admin + "' WHERE venture_id = '" + venture + "'");
        VentureDetail archived = as(admin).archiveVenture(venture, new VentureArchive("Wound up")).orElseThrow();

        assertThat(archived.status()).isEqualTo("archived");
        assertThat(archived.archivedAt()).isNotNull();
        assertThat(audit("VENTURE_ARCHIVED", venture)).isEqualTo(1);
        assertThat(number("SELECT count(*) FROM ventures WHERE id = '" + venture + "'")).isEqualTo(1);
        assertThat(rejection(as(admin).archiveVenture(venture, new VentureArchive("Again"))).ruleId()).isEqualTo("VS-2");
        assertThat(rejection(as(admin).changeStatus(venture, new StatusChange("active", "Revive", 0))).ruleId()).isEqualTo("VS-2");
        assertThat(as(admin).search(new VentureFilter(t, null, null, null)).orElseThrow()).isEmpty();
        assertThat(as(staff("compliance")).archiveVenture(venture, new VentureArchive("x"))).isInstanceOf(Outcome.Denied.class);
    }
}
