package org.smartstart.backoffice.ui.admin;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.domain.ventures.VentureDetail;
import org.smartstart.backoffice.domain.ventures.VentureOverview;
import org.smartstart.backoffice.testing.TestAccounts;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;
import org.smartstart.backoffice.ui.navigation.Navigator;
import org.smartstart.backoffice.ui.navigation.Place;
import org.smartstart.backoffice.ui.tasks.CurrentThreadTaskExecutor;

import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The Ventures section of the administration on a real database through the local adapter: every action and refusal. */
class VentureAdminViewModelTest {

    private static BackOfficeFixture fixture;
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final List<Place> visited = new ArrayList<>();
    private AdminScenario scenario;
    private AdministrationViewModel admin;
    private VentureAdminViewModel vm;

    @BeforeAll
    static void database() {
        fixture = BackOfficeFixture.create();
    }

    @AfterAll
    static void dropDatabase() {
        fixture.close();
    }

    @BeforeEach
    void signInAsAdministrator() throws SQLException {
        scenario = AdminScenario.create(fixture.db());
        admin = viewModelFor(scenario.admin());
        vm = admin.ventureAdmin();
        vm.setNavigator(new Navigator() {
            @Override
            public boolean go(Place place) {
                visited.add(place);
                return true;
            }
        });
        admin.load();
    }

    private AdministrationViewModel viewModelFor(UUID user) {
        BackOffice backOffice = fixture.as(Adapter.LOCAL, user);
        return new AdministrationViewModel(backOffice.people(), backOffice.ventures(),
                new BuzWalletViewModel(backOffice.wallets(), executor), executor, fixture.clock(), ZoneOffset.UTC);
    }

    private UUID draft(String name, String... holds) throws SQLException {
        return TestAccounts.venture(fixture.db(), name + " " + scenario.tag(), "eu", "draft", scenario.verified(), holds);
    }

    @Test
    void searches_by_name_status_region_and_owner_and_opens_a_venture_with_its_issuance_rule() {
        vm.nameTextProperty().set("juniper works " + scenario.tag());
        vm.search();
        assertThat(vm.found()).extracting(VentureOverview::id).containsExactly(scenario.venture());
        assertThat(vm.summaryProperty().get()).isEqualTo("1 venture");

        vm.statusFilterProperty().set("draft");
        vm.search();
        assertThat(vm.found()).isEmpty();
        vm.statusFilterProperty().set("active");
        vm.regionFilterProperty().set("ca");
        vm.ownerTextProperty().set("Oona Owner " + scenario.tag());
        vm.search();
        assertThat(vm.found()).extracting(VentureOverview::id).containsExactly(scenario.venture());

        vm.open(scenario.venture());
        VentureDetail d = vm.ventureProperty().get();
        assertThat(d.name()).isEqualTo(scenario.ventureName());
        assertThat(vm.factsProperty().get()).contains("Canada", "Active", "Oona Owner " + scenario.tag(), "platform cap 20.000%");
        assertThat(vm.issuanceRuleProperty().get()).contains("at most 1,000 BUZ a month", "board approved");
        assertThat(vm.kybProperty().get()).contains("may be active");
        assertThat(vm.nextStatuses()).containsExactly("suspended");
        assertThat(vm.billingProperty().get()).isEqualTo("No billing account.");
        assertThat(vm.itPackProperty().get()).isEqualTo("No IT pack provisioned.");
    }

    @Test
    void the_owners_offered_are_kyc_verified_and_a_draft_is_created_and_opened() {
        assertThat(vm.owners()).extracting(p -> p.id()).contains(scenario.verified()).doesNotContain(scenario.pending());
        assertThat(vm.canCreateProperty().get()).isFalse();

        vm.newNameProperty().set("Fresh Start " + scenario.tag());
        vm.newRegionProperty().set("us");
        vm.newOwnerProperty().set(vm.owners().stream().filter(p -> p.id().equals(scenario.verified())).findFirst().orElseThrow());
        vm.newCapProperty().set("15");
        assertThat(vm.canCreateProperty().get()).isTrue();
        vm.create();

        assertThat(vm.feedbackProperty().get().refused()).as(vm.feedbackProperty().get().sentence()).isFalse();
        assertThat(vm.feedbackProperty().get().sentence()).contains("Fresh Start " + scenario.tag(), "draft", "Vera Verified");
        assertThat(vm.ventureProperty().get().status()).isEqualTo("draft");
        assertThat(vm.ventureProperty().get().aliceEquityCap()).isEqualByComparingTo("15.000");
        assertThat(vm.newNameProperty().get()).isEmpty();
        assertThat(vm.nextStatuses()).containsExactly("active", "suspended");
    }

    @Test
    void a_cap_above_20_percent_and_a_taken_name_are_refused_naming_the_field_and_the_form_is_kept() {
        vm.newNameProperty().set(scenario.ventureName());
        vm.newRegionProperty().set("us");
        vm.newOwnerProperty().set(vm.owners().stream().filter(p -> p.id().equals(scenario.verified())).findFirst().orElseThrow());
        vm.newCapProperty().set("25");
        vm.create();

        AdminFeedback f = vm.feedbackProperty().get();
        assertThat(f.refused()).isTrue();
        assertThat(f.sentence()).contains("Platform cap:", "20.000%", "EQ-3");
        assertThat(vm.newNameProperty().get()).isEqualTo(scenario.ventureName());

        vm.newCapProperty().set("12.5");
        vm.create();
        assertThat(vm.feedbackProperty().get().sentence()).contains("Name:", "already the name of another venture");

        vm.newCapProperty().set("twelve");
        vm.create();
        assertThat(vm.feedbackProperty().get().sentence()).contains("Platform cap:", "not a percentage");
    }

    @Test
    void activating_without_kyb_documents_is_refused_naming_them_then_suspending_works() throws SQLException {
        UUID v = draft("Bare");
        vm.open(v);
        assertThat(vm.kybProperty().get()).contains("articles of inc", "tax id");
        vm.newStatusProperty().set("active");
        vm.statusReasonProperty().set("Launch");
        vm.changeStatus();

        AdminFeedback refused = vm.feedbackProperty().get();
        assertThat(refused.refused()).isTrue();
        assertThat(refused.ruleIds()).isEqualTo("KY-6");
        assertThat(refused.sentence()).contains("articles_of_inc and tax_id");
        assertThat(vm.statusReasonProperty().get()).isEqualTo("Launch");

        vm.newStatusProperty().set("suspended");
        vm.statusReasonProperty().set("Paused by the board");
        vm.changeStatus();
        assertThat(vm.feedbackProperty().get().refused()).isFalse();
        assertThat(vm.ventureProperty().get().status()).isEqualTo("suspended");
        assertThat(vm.nextStatuses()).containsExactly("active");
    }

    @Test
    void a_status_change_without_a_reason_names_the_field() throws SQLException {
        vm.open(draft("Reasonless"));
        vm.newStatusProperty().set("suspended");
        vm.changeStatus();
        assertThat(vm.feedbackProperty().get().sentence()).contains("Reason:", "is missing");
    }

    @Test
    void archiving_under_a_hold_is_refused_with_vs2_and_without_one_the_venture_is_archived() throws SQLException {
        UUID held = draft("Held", "equity");
        vm.open(held);
        assertThat(vm.holds()).extracting(VentureDetail.Hold::appliesTo).containsExactly("equity");
        vm.archiveReasonProperty().set("Wound up");
        vm.archive();
        assertThat(vm.feedbackProperty().get().ruleIds()).isEqualTo("VS-2");
        assertThat(vm.feedbackProperty().get().sentence()).contains("equity legal hold", "release it first");

        UUID free = draft("Free");
        vm.open(free);
        vm.archiveReasonProperty().set("Wound up");
        vm.archive();
        assertThat(vm.feedbackProperty().get().refused()).isFalse();
        assertThat(vm.ventureProperty().get().archived()).isTrue();
        assertThat(vm.canArchiveProperty().get()).isFalse();
        assertThat(vm.canChangeStatusProperty().get()).isFalse();
        assertThat(vm.nextStatuses()).isEmpty();
    }

    @Test
    void links_lead_to_the_cap_table_kyb_documents_holds_audit_trail_owner_and_wallet() throws SQLException {
        UUID v = draft("Linked", "buz");
        TestAccounts.exec(fixture.db(), "INSERT INTO kyb_documents (venture_id, doc_type, status) VALUES ('" + v + "', 'tax_id', 'pending')");
        vm.open(v);
        VentureDetail d = vm.ventureProperty().get();

        assertThat(vm.openCapTable()).isTrue();
        assertThat(vm.openKybDocument()).isTrue();
        assertThat(vm.openHolds()).isTrue();
        assertThat(vm.openAuditTrail()).isTrue();
        assertThat(vm.openOwner()).isTrue();
        assertThat(visited).containsExactly(
                new Place.ObjectOf("venture", v, v),
                new Place.ObjectOf("kyb_document", d.kybDocuments().get(0).id(), v),
                new Place.ObjectOf("legal_hold", d.activeHolds().get(0).id(), v),
                new Place.AuditTrailOf("venture", v),
                new Place.ObjectOf("user", scenario.verified(), null));

        assertThat(vm.openOwnerWallet()).isTrue();
        assertThat(admin.personProperty().get().id()).isEqualTo(scenario.verified());
        assertThat(admin.requestedViewProperty().get()).isEqualTo("wallet");
    }

    @Test
    void someone_without_a_staff_role_is_told_they_may_not() {
        AdministrationViewModel outsider = viewModelFor(scenario.verified());
        outsider.ventureAdmin().search();
        assertThat(outsider.ventureAdmin().feedbackProperty().get().sentence()).contains("may not list or open ventures");
        assertThat(outsider.ventureAdmin().found()).isEmpty();
    }
}
