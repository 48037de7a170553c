package org.smartstart.backoffice.ui.legalholds;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.contract.HoldsAndDisputesFixtures;
import org.smartstart.backoffice.domain.legalholds.HoldScope;
import org.smartstart.backoffice.domain.legalholds.LegalHold;
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;
import org.smartstart.backoffice.ui.tasks.CurrentThreadTaskExecutor;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The legal holds workspace on a real database through the local adapter, as a compliance officer. */
class LegalHoldsViewModelTest {

    static BackOfficeFixture fixture;
    static HoldsAndDisputesFixtures data;
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();

    @BeforeAll
    static void setUp() {
        fixture = BackOfficeFixture.create();
        data = new HoldsAndDisputesFixtures(fixture);
    }

    @AfterAll
    static void tearDown() {
        fixture.close();
    }

    LegalHoldsViewModel signedInAs(UUID user) {
        BackOffice backOffice = fixture.as(Adapter.LOCAL, user);
        LegalHoldsViewModel viewModel = new LegalHoldsViewModel(backOffice.legalHolds(), backOffice.ventures(), executor);
        viewModel.load();
        return viewModel;
    }

    void choose(LegalHoldsViewModel viewModel, HoldsAndDisputesFixtures.Venture v) {
        viewModel.ventureProperty().set(viewModel.ventures().stream().filter(o -> o.id().equals(v.id())).findFirst().orElseThrow());
    }

    @Test
    void imposing_needs_the_freeze_preview_of_the_chosen_venture_and_scope_and_a_reason() throws Exception {
        HoldsAndDisputesFixtures.Venture v = data.venture();
        data.dispute(v, "buz_tx", v.earn(), v.chloe());
        LegalHoldsViewModel viewModel = signedInAs(data.staff("compliance"));

        choose(viewModel, v);
        viewModel.scopeProperty().set(HoldScope.BUZ);
        viewModel.reasonProperty().set("Litigation 26-14");
        assertThat(viewModel.canImposeProperty().get()).as("not before the preview").isFalse();

        viewModel.preview();
        assertThat(viewModel.previewTextProperty().get())
                .contains("A hold on BUZ of " + v.name(), "(BZ-6)", "1 wallet with BUZ of the venture", "1 undecided dispute (1 whose remedies would be blocked)");
        assertThat(viewModel.canImposeProperty().get()).isTrue();
        viewModel.scopeProperty().set(HoldScope.EQUITY);
        assertThat(viewModel.canImposeProperty().get()).as("another scope needs its own preview").isFalse();
        viewModel.scopeProperty().set(HoldScope.BUZ);
        viewModel.preview();

        viewModel.impose();

        assertThat(viewModel.problemProperty().get()).isEmpty();
        assertThat(viewModel.messageProperty().get()).startsWith("Imposed the BUZ hold on " + v.name());
        assertThat(viewModel.holds()).filteredOn(h -> h.ventureId().equals(v.id())).singleElement()
                .satisfies(h -> assertThat(h.active()).isTrue()).satisfies(h -> assertThat(h.reason()).isEqualTo("Litigation 26-14"));
        assertThat(viewModel.bannerProperty().get()).isEqualTo(v.name() + " is under a legal hold on BUZ (Litigation 26-14): BUZ transactions are refused (BZ-6).");
        assertThat(viewModel.reasonProperty().get()).isEmpty();
        assertThat(data.number("SELECT count(*) FROM legal_holds WHERE venture_id = '" + v.id() + "' AND released_at IS NULL")).isEqualTo(1);
    }

    @Test
    void releasing_needs_a_reason_and_a_released_hold_stays_released() throws Exception {
        HoldsAndDisputesFixtures.Venture v = data.venture();
        UUID officer = data.staff("compliance");
        data.exec("INSERT INTO legal_holds (venture_id, applies_to, reason, imposed_by_user_id) VALUES ('" + v.id()
                + "', 'all', 'Subpoena 7', '" + officer + "')");
        LegalHoldsViewModel viewModel = signedInAs(officer);
        LegalHold hold = viewModel.holds().stream().filter(h -> h.ventureId().equals(v.id())).findFirst().orElseThrow();
        viewModel.selectedProperty().set(hold);
        assertThat(viewModel.canReleaseProperty().get()).as("no reason yet").isFalse();

        viewModel.releaseReasonProperty().set("   ");
        viewModel.release();
        assertThat(viewModel.problemProperty().get()).startsWith("Releasing the hold was refused. LH-1: Releasing the all legal hold on " + v.name());
        assertThat(viewModel.releaseReasonProperty().get()).as("the input is kept").isEqualTo("   ");

        viewModel.releaseReasonProperty().set("Subpoena withdrawn");
        viewModel.release();
        assertThat(viewModel.problemProperty().get()).isEmpty();
        assertThat(viewModel.selectedProperty().get().active()).isFalse();
        assertThat(viewModel.selectedProperty().get().releaseReason()).isEqualTo("Subpoena withdrawn");
        assertThat(viewModel.canReleaseProperty().get()).isFalse();

        viewModel.releaseReasonProperty().set("Again");
        viewModel.release();
        assertThat(viewModel.problemProperty().get()).contains("LH-2:", "never edited again");

        viewModel.activeOnlyProperty().set(true);
        assertThat(viewModel.holds()).noneMatch(h -> h.ventureId().equals(v.id()));
        assertThat(viewModel.summaryProperty().get()).contains("released", "showing");
    }

    @Test
    void someone_without_the_compliance_role_sees_why_the_list_is_closed() throws Exception {
        LegalHoldsViewModel viewModel = signedInAs(data.staff("support"));
        assertThat(viewModel.problemProperty().get()).startsWith("The legal holds could not be loaded:").contains("compliance");
        assertThat(viewModel.holds()).isEmpty();
    }
}
