package org.smartstart.backoffice.ui.legalholds;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.contract.HoldsAndDisputesFixtures;
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;
import org.smartstart.backoffice.ui.navigation.Place;
import org.smartstart.backoffice.ui.tasks.CurrentThreadTaskExecutor;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A link to a legal hold selects it (released ones too) and chooses its venture in the holds screen. */
class LegalHoldPlaceTest {

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

    @Test
    void a_link_to_a_released_hold_selects_it_and_its_venture() throws Exception {
        HoldsAndDisputesFixtures.Venture v = data.venture();
        UUID officer = data.staff("compliance");
        UUID hold = UUID.fromString(data.text("INSERT INTO legal_holds (venture_id, applies_to, reason, imposed_by_user_id) VALUES ('" + v.id()
                + "', 'buz', 'Subpoena 9', '" + officer + "') RETURNING id::text"));
        data.exec("UPDATE legal_holds SET released_at = now(), released_by_user_id = '" + officer + "', release_reason = 'Closed' WHERE id = '" + hold + "'");
        BackOffice backOffice = fixture.as(Adapter.LOCAL, officer);
        LegalHoldsViewModel viewModel = new LegalHoldsViewModel(backOffice.legalHolds(), backOffice.ventures(), executor);
        viewModel.load();
        viewModel.activeOnlyProperty().set(true);

        assertThat(viewModel.show(new Place.ObjectOf("legal_hold", hold, null))).isTrue();

        assertThat(viewModel.selectedProperty().get().id()).isEqualTo(hold);
        assertThat(viewModel.activeOnlyProperty().get()).as("a released hold is shown").isFalse();
        assertThat(viewModel.holds()).anyMatch(h -> h.id().equals(hold));
        assertThat(viewModel.ventureProperty().get().id()).isEqualTo(v.id());
        assertThat(viewModel.show(new Place.ObjectOf("dispute", hold, v.id()))).isFalse();
    }
}
