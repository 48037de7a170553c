package org.smartstart.backoffice.ui.disputes;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smartstart.backoffice.contract.HoldsAndDisputesFixtures;
import org.smartstart.backoffice.domain.disputes.Dispute;
import org.smartstart.backoffice.domain.disputes.DisputeStatus;
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;
import org.smartstart.backoffice.ui.shell.Theme;
import org.smartstart.backoffice.ui.shell.ViewLoader;
import org.smartstart.backoffice.ui.tasks.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The robot works a BUZ dispute on the real screen: resolved with compensation, and refused under a hold. */
@ExtendWith(ApplicationExtension.class)
class DisputesScreenTest {

    static BackOfficeFixture fixture;
    static HoldsAndDisputesFixtures data;
    static UUID support;
    private FxTaskExecutor executor;
    private Stage stage;
    private DisputesViewModel viewModel;

    @BeforeAll
    static void setUp() throws Exception {
        fixture = BackOfficeFixture.create();
        data = new HoldsAndDisputesFixtures(fixture);
        support = data.staff("support");
    }

    @AfterAll
    static void tearDown() {
        fixture.close();
    }

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        this.stage = stage;
        executor = new FxTaskExecutor(failure -> { throw new AssertionError("unhandled background failure", failure); });
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    /** Opens the disputes screen as support, with the dispute selected once the list has it. */
    TableView<Dispute> open(FxRobot robot, UUID disputeId) throws Exception {
        BackOffice backOffice = fixture.as(Adapter.LOCAL, support);
        viewModel = new DisputesViewModel(backOffice.disputes(), backOffice.ventures(), backOffice.people(), support,
                executor, ZoneOffset.UTC);
        robot.interact(() -> {
            Scene scene = new Scene(ViewLoader.load("Disputes", new DisputesView(viewModel, ZoneOffset.UTC)), 1200, 760);
            scene.getStylesheets().add(Theme.appStylesheet());
            stage.setScene(scene);
            stage.show();
            viewModel.load();
        });
        TableView<Dispute> table = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().stream().anyMatch(d -> d.id().equals(disputeId)));
        robot.interact(() -> {
            Dispute d = table.getItems().stream().filter(x -> x.id().equals(disputeId)).findFirst().orElseThrow();
            table.getSelectionModel().select(d);
            table.scrollTo(d);
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !viewModel.loadingProperty().get() && !viewModel.busyProperty().get());
        // The detail (object in context, timeline, evidence) arrives after the selection and moves the layout:
        // the robot clicks once it is in place.
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !viewModel.contextLines().isEmpty());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no context: heading '" + viewModel.contextHeadingProperty().get() + "', problem '"
                    + viewModel.problemProperty().get() + "', selected " + viewModel.selectedProperty().get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        return table;
    }

    static Dispute selected(TableView<Dispute> table) {
        return table.getSelectionModel().getSelectedItem();
    }

    void reviewAndCompensate(FxRobot robot, TableView<Dispute> table) throws Exception {
        robot.clickOn("#startReview");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> selected(table) != null && selected(table).status() == DisputeStatus.IN_REVIEW);
        compensate(robot);
    }

    void compensate(FxRobot robot) throws Exception {
        robot.clickOn("#resolution").write("The export was paid short");
        robot.clickOn("#compensate");
        robot.clickOn("#amount").write("2500");
        robot.clickOn("#previewRemedy");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#remedyPreview").queryAs(Label.class).isVisible());
    }

    @Test
    void resolves_a_buz_dispute_with_a_compensating_transaction(FxRobot robot) throws Exception {
        HoldsAndDisputesFixtures.Venture v = data.venture();
        UUID disputeId = data.dispute(v, "buz_tx", v.earn(), v.chloe());
        TableView<Dispute> table = open(robot, disputeId);

        reviewAndCompensate(robot, table);
        assertThat(robot.lookup("#remedyPreview").queryAs(Label.class).getText()).contains("Credit 2500 BUZ", "30000 → 32500");
        robot.clickOn("#decide");

        Label message = robot.lookup("#message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> message.isVisible() && message.getText().startsWith("The dispute is resolved"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> selected(table) != null && selected(table).status() == DisputeStatus.RESOLVED);
        assertThat(data.number("SELECT buz_balance FROM user_wallets WHERE user_id = '" + v.chloe() + "'")).isEqualTo(32_500);
        assertThat(robot.lookup("#decide").queryButton().isDisabled()).isTrue();
    }

    @Test
    void a_remedy_refused_by_an_active_hold_keeps_the_dispute_open(FxRobot robot) throws Exception {
        HoldsAndDisputesFixtures.Venture v = data.venture();
        UUID disputeId = data.dispute(v, "buz_tx", v.earn(), v.chloe());
        TableView<Dispute> table = open(robot, disputeId);
        robot.clickOn("#startReview");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> selected(table) != null && selected(table).status() == DisputeStatus.IN_REVIEW);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !viewModel.loadingProperty().get());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> viewModel.timeline().size() == 1);
        // Compliance freezes the venture's BUZ while support has the dispute on screen.
        data.exec("INSERT INTO legal_holds (venture_id, applies_to, reason, imposed_by_user_id) VALUES ('" + v.id()
                + "', 'buz', 'Litigation 26-14', '" + data.staff("compliance") + "')");
        compensate(robot);
        assertThat(robot.lookup("#remedyPreview").queryAs(Label.class).getText()).contains("Refused now: BZ-6");
        robot.clickOn("#decide");

        Label problem = robot.lookup("#problem").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, problem::isVisible);
        assertThat(problem.getText()).contains("BZ-6", "stays in review");
        assertThat(selected(table).status()).isEqualTo(DisputeStatus.IN_REVIEW);
        assertThat(robot.lookup("#resolution").queryTextInputControl().getText()).isEqualTo("The export was paid short");
        assertThat(robot.lookup("#decide").queryButton().isDisabled()).as("the dispute can be decided again").isFalse();
        assertThat(data.number("SELECT buz_balance FROM user_wallets WHERE user_id = '" + v.chloe() + "'")).isEqualTo(30_000);
    }

    @Test
    void a_known_buz_hold_shows_its_banner_and_disables_the_remedy(FxRobot robot) throws Exception {
        HoldsAndDisputesFixtures.Venture v = data.venture();
        UUID disputeId = data.dispute(v, "buz_tx", v.earn(), v.chloe());
        data.exec("INSERT INTO legal_holds (venture_id, applies_to, reason, imposed_by_user_id) VALUES ('" + v.id()
                + "', 'all', 'Subpoena 7', '" + data.staff("compliance") + "')");
        open(robot, disputeId);
        Label banner = robot.lookup("#banner").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, banner::isVisible);
        assertThat(banner.getText()).contains("under a legal hold on all records", "BZ-6", "EQ-7");
        assertThat(robot.lookup("#compensate").queryAs(javafx.scene.control.CheckBox.class).isDisabled()).isTrue();
    }

    @Test
    void shows_the_task_with_its_reviews_and_resolves_the_dispute_by_reopening_the_task(FxRobot robot) throws Exception {
        HoldsAndDisputesFixtures.Venture v = data.venture();
        data.exec("UPDATE tasks SET status = 'rejected', version = version + 1 WHERE id = '" + v.task() + "'");
        UUID disputeId = fixture.as(Adapter.LOCAL, v.ravi()).disputes().raise(new org.smartstart.backoffice.domain.disputes.NewDispute(
                org.smartstart.backoffice.domain.disputes.DisputeObjectType.REVIEW, v.review(), "Quality 40 is a typo")).orElseThrow().id();
        TableView<Dispute> table = open(robot, disputeId);
        javafx.scene.control.ListView<?> context = robot.lookup("#context").queryListView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> context.getItems().size() == 2);
        assertThat(robot.lookup("#contextHeading").queryAs(Label.class).getText()).contains("Payment export", "rejected", "Ravi Kumar");
        javafx.scene.control.CheckBox reopen = robot.lookup("#reopenTask").queryAs(javafx.scene.control.CheckBox.class);
        assertThat(reopen.isDisabled()).as("not before the review starts").isTrue();

        robot.clickOn("#startReview");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> selected(table) != null && selected(table).status() == DisputeStatus.IN_REVIEW);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !reopen.isDisabled());
        assertThat(reopen.getText()).isEqualTo("Reopen the task (now rejected)");
        robot.clickOn("#resolution").write("The score was a typo; the work is reviewed again");
        robot.clickOn("#reopenTask");
        robot.clickOn("#decide");

        Label message = robot.lookup("#message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> message.isVisible() && message.getText().startsWith("The dispute is resolved"));
        assertThat(message.getText()).isEqualTo("The dispute is resolved; the task was reopened with the decision.");
        assertThat(data.text("SELECT status::text FROM tasks WHERE id = '" + v.task() + "'")).isEqualTo("open");
        javafx.scene.control.ListView<?> timeline = robot.lookup("#timeline").queryListView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> timeline.getItems().size() == 3);
    }
}
