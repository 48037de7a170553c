package org.smartstart.backoffice.ui.disputes;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.contract.HoldsAndDisputesFixtures;
import org.smartstart.backoffice.domain.disputes.Dispute;
import org.smartstart.backoffice.domain.disputes.DisputeObjectType;
import org.smartstart.backoffice.domain.disputes.DisputeOutcome;
import org.smartstart.backoffice.domain.disputes.DisputeStatus;
import org.smartstart.backoffice.domain.disputes.NewDispute;
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;
import org.smartstart.backoffice.ui.tasks.CurrentThreadTaskExecutor;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The disputes workspace on a real database through the local adapter, as support staff. */
class DisputesViewModelTest {

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

    DisputesViewModel signedInAs(UUID user) {
        BackOffice backOffice = fixture.as(Adapter.LOCAL, user);
        DisputesViewModel viewModel = new DisputesViewModel(backOffice.disputes(), backOffice.ventures(), backOffice.people(), user,
                executor, ZoneOffset.UTC);
        viewModel.load();
        return viewModel;
    }

    void select(DisputesViewModel viewModel, UUID disputeId) {
        viewModel.selectedProperty().set(viewModel.disputes().stream().filter(d -> d.id().equals(disputeId)).findFirst().orElseThrow());
    }

    long balanceOf(UUID user) throws Exception {
        return data.number("SELECT buz_balance FROM user_wallets WHERE user_id = '" + user + "'");
    }

    @Test
    void a_buz_dispute_is_resolved_with_a_previewed_compensating_transaction() throws Exception {
        HoldsAndDisputesFixtures.Venture v = data.venture();
        UUID disputeId = fixture.as(Adapter.LOCAL, v.chloe()).disputes()
                .raise(new NewDispute(DisputeObjectType.BUZ_TX, v.earn(), "Test dispute")).orElseThrow().id();
        UUID support = data.staff("support");
        DisputesViewModel viewModel = signedInAs(support);
        assertThat(viewModel.countsProperty().get()).matches("\\d+ disputes: \\d+ open.*");

        viewModel.objectTypeFilterProperty().set(DisputeObjectType.BUZ_TX);
        assertThat(viewModel.disputes()).allMatch(d -> d.objectType() == DisputeObjectType.BUZ_TX).anyMatch(d -> d.id().equals(disputeId));
        select(viewModel, disputeId);
        assertThat(viewModel.detailProperty().get()).startsWith("BUZ transaction " + v.earn().toString().substring(0, 8) + " of " + v.name() + " · Open");
        assertThat(viewModel.timeline()).singleElement().satisfies(e -> {
            assertThat(e.actorName()).isEqualTo("Chloe Gagnon");
            assertThat(e.what()).isEqualTo("Raised: Test dispute");
        });
        assertThat(viewModel.contextHeadingProperty().get()).contains("Chloe Gagnon's wallet", "30000 BUZ");
        assertThat(viewModel.contextLines()).singleElement().satisfies(l -> assertThat(l.disputed()).isTrue());
        assertThat(viewModel.canDecideProperty().get()).isFalse();

        viewModel.assignToMe();
        assertThat(viewModel.selectedProperty().get().assignedTo()).isEqualTo(support);
        viewModel.startReview();
        assertThat(viewModel.selectedProperty().get().status()).isEqualTo(DisputeStatus.IN_REVIEW);
        assertThat(viewModel.timeline()).extracting(e -> e.action()).containsExactly("DISPUTE_RAISED", "DISPUTE_ASSIGNED", "DISPUTE_IN_REVIEW");

        viewModel.resolutionProperty().set("The export was paid short");
        viewModel.compensateProperty().set(true);
        assertThat(viewModel.compensateLabelProperty().get()).isEqualTo("Compensate Chloe Gagnon's wallet with BUZ");
        viewModel.amountProperty().set("2,500");
        viewModel.previewRemedy();
        assertThat(viewModel.remedyPreviewTextProperty().get()).contains("Credit 2500 BUZ", "30000 → 32500", "No rule refuses it now");
        assertThat(balanceOf(v.chloe())).as("a preview writes nothing").isEqualTo(30_000);

        viewModel.decide();

        assertThat(viewModel.problemProperty().get()).isEmpty();
        assertThat(viewModel.messageProperty().get()).isEqualTo("The dispute is resolved; the compensating BUZ transaction was written with the decision.");
        assertThat(viewModel.selectedProperty().get().status()).isEqualTo(DisputeStatus.RESOLVED);
        assertThat(balanceOf(v.chloe())).isEqualTo(32_500);
        assertThat(viewModel.timeline()).last().satisfies(e -> {
            assertThat(e.actorName()).isEqualTo("Staff support");
            assertThat(e.what()).isEqualTo("Decided: resolved \u2014 The export was paid short (remedy: buz compensation)");
        });

        viewModel.appealReasonProperty().set("Should be 3,000");
        viewModel.appeal();
        assertThat(viewModel.selectedProperty().get().status()).isEqualTo(DisputeStatus.IN_REVIEW);
        assertThat(viewModel.selectedProperty().get().appealCount()).isEqualTo(1);
    }

    @Test
    void a_remedy_refused_by_a_hold_imposed_meanwhile_keeps_the_dispute_in_review_and_the_input() throws Exception {
        HoldsAndDisputesFixtures.Venture v = data.venture();
        UUID disputeId = data.dispute(v, "buz_tx", v.earn(), v.chloe());
        DisputesViewModel viewModel = signedInAs(data.staff("support"));
        select(viewModel, disputeId);
        assertThat(viewModel.bannerProperty().get()).isEmpty();
        viewModel.startReview();
        viewModel.outcomeProperty().set(DisputeOutcome.RESOLVED);
        viewModel.resolutionProperty().set("Paid short");
        viewModel.compensateProperty().set(true);
        viewModel.amountProperty().set("2500");
        // Compliance freezes the venture's BUZ while support has the dispute open.
        data.exec("INSERT INTO legal_holds (venture_id, applies_to, reason, imposed_by_user_id) VALUES ('" + v.id()
                + "', 'buz', 'Litigation 26-14', '" + data.staff("compliance") + "')");
        viewModel.previewRemedy();
        assertThat(viewModel.remedyPreviewTextProperty().get()).contains("Refused now: BZ-6:");

        viewModel.decide();

        assertThat(viewModel.problemProperty().get()).startsWith("Deciding the dispute was refused. BZ-6: DS-4: The remedy cannot be written")
                .contains("stays in review", "legal hold");
        Dispute shown = viewModel.selectedProperty().get();
        assertThat(shown.status()).isEqualTo(DisputeStatus.IN_REVIEW);
        assertThat(viewModel.resolutionProperty().get()).isEqualTo("Paid short");
        assertThat(viewModel.amountProperty().get()).isEqualTo("2500");
        assertThat(balanceOf(v.chloe())).isEqualTo(30_000);

        viewModel.load();
        assertThat(viewModel.bannerProperty().get()).isEqualTo(v.name() + " is under a legal hold on BUZ: a compensating BUZ transaction is "
                + "refused (BZ-6); the dispute can still be decided without one.");
        assertThat(viewModel.buzFrozenProperty().get()).isTrue();
        assertThat(viewModel.compensateProperty().get()).as("the frozen remedy is un-ticked").isFalse();
        assertThat(viewModel.resolutionProperty().get()).as("the decision text stays").isEqualTo("Paid short");
        assertThat(viewModel.canDecideProperty().get()).as("decidable without the remedy").isTrue();
    }

    @Test
    void the_overdue_filter_and_breached_badges_follow_ds3() throws Exception {
        HoldsAndDisputesFixtures.Venture v = data.venture();
        UUID disputeId = fixture.as(Adapter.LOCAL, v.ravi()).disputes()
                .raise(new NewDispute(DisputeObjectType.TASK, v.task(), "Closed by mistake")).orElseThrow().id();
        fixture.clock().advance(Duration.ofHours(25));
        DisputesViewModel viewModel = signedInAs(data.staff("support"));

        viewModel.overdueOnlyProperty().set(true);
        Dispute late = viewModel.disputes().stream().filter(d -> d.id().equals(disputeId)).findFirst().orElseThrow();
        assertThat(late.firstResponseBreached()).isTrue();
        assertThat(DisputeLabels.firstResponse(late, ZoneOffset.UTC)).startsWith("Breached: was due ");
        assertThat(DisputeLabels.resolution(late, ZoneOffset.UTC)).startsWith("Due ");
        assertThat(viewModel.countsProperty().get()).contains("overdue");
    }
}
