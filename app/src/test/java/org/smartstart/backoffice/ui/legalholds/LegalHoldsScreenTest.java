package org.smartstart.backoffice.ui.legalholds;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smartstart.backoffice.contract.HoldsAndDisputesFixtures;
import org.smartstart.backoffice.domain.legalholds.HoldScope;
import org.smartstart.backoffice.domain.legalholds.LegalHold;
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.domain.ventures.VentureOverview;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;
import org.smartstart.backoffice.ui.shell.Theme;
import org.smartstart.backoffice.ui.shell.ViewLoader;
import org.smartstart.backoffice.ui.tasks.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The robot imposes a hold after its freeze preview and releases it with a reason, on the real screen. */
@ExtendWith(ApplicationExtension.class)
class LegalHoldsScreenTest {

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

    @Test
    void imposes_and_releases_a_hold(FxRobot robot) throws Exception {
        HoldsAndDisputesFixtures.Venture v = data.venture();
        UUID officer = data.staff("compliance");
        BackOffice backOffice = fixture.as(Adapter.LOCAL, officer);
        LegalHoldsViewModel viewModel = new LegalHoldsViewModel(backOffice.legalHolds(), backOffice.ventures(), executor);
        robot.interact(() -> {
            Scene scene = new Scene(ViewLoader.load("LegalHolds", new LegalHoldsView(viewModel)), 1200, 760);
            scene.getStylesheets().add(Theme.appStylesheet());
            stage.setScene(scene);
            stage.show();
            viewModel.load();
        });
        ComboBox<VentureOverview> venture = robot.lookup("#venture").queryComboBox();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> venture.getItems().stream().anyMatch(o -> o.id().equals(v.id())));
        ComboBox<HoldScope> scope = robot.lookup("#scope").queryComboBox();
        robot.interact(() -> {
            venture.getSelectionModel().select(venture.getItems().stream().filter(o -> o.id().equals(v.id())).findFirst().orElseThrow());
            scope.getSelectionModel().select(HoldScope.EQUITY);
        });
        robot.clickOn("#reason").write("Shareholder claim 26-03");
        assertThat(robot.lookup("#imposeButton").queryButton().isDisabled()).as("not before the preview").isTrue();

        robot.clickOn("#previewButton");
        Label preview = robot.lookup("#preview").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, preview::isVisible);
        assertThat(preview.getText()).contains("A hold on equity of " + v.name(), "(EQ-7)", "3 cap table holders");
        robot.clickOn("#imposeButton");

        Label message = robot.lookup("#message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> message.getText().startsWith("Imposed the equity hold on " + v.name()));
        Label banner = robot.lookup("#banner").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, banner::isVisible);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(banner.getText()).contains(v.name() + " is under a legal hold on equity (Shareholder claim 26-03)", "EQ-7");
        TableView<LegalHold> table = robot.lookup("#table").queryTableView();
        assertThat(table.getSelectionModel().getSelectedItem().active()).isTrue();

        assertThat(robot.lookup("#releaseButton").queryButton().isDisabled()).as("no release reason yet").isTrue();
        robot.clickOn("#releaseReason").write("Claim settled");
        robot.clickOn("#releaseButton");

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> message.getText().startsWith("Released the equity hold on " + v.name()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getSelectionModel().getSelectedItem().active()).isFalse();
        assertThat(banner.isVisible()).isFalse();
        assertThat(data.number("SELECT count(*) FROM legal_holds WHERE venture_id = '" + v.id()
                + "' AND released_at IS NOT NULL AND release_reason = 'Claim settled'")).isEqualTo(1);
    }
}
