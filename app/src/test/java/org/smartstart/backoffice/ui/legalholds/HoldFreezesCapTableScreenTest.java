package org.smartstart.backoffice.ui.legalholds;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smartstart.backoffice.contract.HoldsAndDisputesFixtures;
import org.smartstart.backoffice.domain.legalholds.HoldScope;
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.domain.ventures.VentureOverview;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;
import org.smartstart.backoffice.ui.captable.CapTableView;
import org.smartstart.backoffice.ui.captable.CapTableViewModel;
import org.smartstart.backoffice.ui.shell.Theme;
import org.smartstart.backoffice.ui.shell.ViewLoader;
import org.smartstart.backoffice.ui.tasks.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The robot, as compliance, imposes an equity hold on the legal holds screen; the owner's cap table screen
 * then shows the hold's banner and its edit actions disabled; once the hold is released they are enabled again.
 */
@ExtendWith(ApplicationExtension.class)
class HoldFreezesCapTableScreenTest {

    static BackOfficeFixture fixture;
    static HoldsAndDisputesFixtures data;
    private FxTaskExecutor executor;
    private Stage stage;

    @BeforeAll
    static void setUp() {
        fixture = BackOfficeFixture.create();
        data = new HoldsAndDisputesFixtures(fixture);
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

    private void showHolds(FxRobot robot, Scene holds) {
        robot.interact(() -> stage.setScene(holds));
    }

    /** Opens the owner's cap table screen on the venture, as the shell opens the Cap tables page. */
    private void showCapTable(FxRobot robot, UUID owner, UUID ventureId) throws Exception {
        Clock clock = Clock.fixed(LocalDate.parse("2026-03-15").atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        CapTableViewModel capTable = new CapTableViewModel(fixture.as(Adapter.LOCAL, owner), executor, clock);
        robot.interact(() -> {
            Scene scene = new Scene(ViewLoader.load("CapTables", new CapTableView(capTable)), 1200, 760);
            scene.getStylesheets().add(Theme.appStylesheet());
            stage.setScene(scene);
            capTable.start();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> capTable.capTableProperty().get() != null
                && capTable.capTableProperty().get().ventureId().equals(ventureId));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void an_equity_hold_disables_the_cap_tables_edit_actions_with_its_reason_until_it_is_released(FxRobot robot) throws Exception {
        HoldsAndDisputesFixtures.Venture v = data.venture();
        BackOffice compliance = fixture.as(Adapter.LOCAL, data.staff("compliance"));
        LegalHoldsViewModel holds = new LegalHoldsViewModel(compliance.legalHolds(), compliance.ventures(), executor);
        robot.interact(() -> {
            Scene scene = new Scene(ViewLoader.load("LegalHolds", new LegalHoldsView(holds)), 1200, 760);
            scene.getStylesheets().add(Theme.appStylesheet());
            stage.setScene(scene);
            stage.show();
            holds.load();
        });
        Scene holdsScene = stage.getScene();

        showCapTable(robot, v.owner(), v.id());
        assertThat(robot.lookup("#addStep").queryButton().isDisabled()).as("editable before the hold").isFalse();
        assertThat(robot.lookup("#holdBanner").queryAs(Label.class).isVisible()).isFalse();

        showHolds(robot, holdsScene);
        ComboBox<VentureOverview> venture = robot.lookup("#venture").queryComboBox();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> venture.getItems().stream().anyMatch(o -> o.id().equals(v.id())));
        ComboBox<HoldScope> scope = robot.lookup("#scope").queryComboBox();
        robot.interact(() -> {
            venture.getSelectionModel().select(venture.getItems().stream().filter(o -> o.id().equals(v.id())).findFirst().orElseThrow());
            scope.getSelectionModel().select(HoldScope.EQUITY);
        });
        robot.clickOn("#reason").write("Shareholder claim 26-03");
        robot.clickOn("#previewButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#preview").queryAs(Label.class).isVisible());
        robot.clickOn("#imposeButton");
        Label message = robot.lookup("#message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> message.getText().startsWith("Imposed the equity hold on " + v.name()));

        showCapTable(robot, v.owner(), v.id());
        Label banner = robot.lookup("#holdBanner").queryAs(Label.class);
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getText()).contains("An active legal hold on equity freezes this cap table", "EQ-7");
        for (String id : new String[]{"#addStep", "#stepKind", "#percent", "#description"}) {
            assertThat(robot.lookup(id).queryAs(javafx.scene.Node.class).isDisabled()).as(id + " under the hold").isTrue();
        }
        assertThat(robot.lookup("#save").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#exportCsv").queryButton().isDisabled()).as("reading and exporting go on").isFalse();

        showHolds(robot, holdsScene);
        robot.clickOn("#releaseReason").write("Claim settled");
        robot.clickOn("#releaseButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> message.getText().startsWith("Released the equity hold on " + v.name()));

        showCapTable(robot, v.owner(), v.id());
        assertThat(robot.lookup("#holdBanner").queryAs(Label.class).isVisible()).isFalse();
        Button addStep = robot.lookup("#addStep").queryButton();
        assertThat(addStep.isDisabled()).as("editable again once released").isFalse();
        assertThat(robot.lookup("#description").queryAs(javafx.scene.Node.class).isDisabled()).isFalse();
    }
}
