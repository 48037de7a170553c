package org.smartstart.backoffice.ui.captable;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smartstart.backoffice.contract.HoldsAndDisputesFixtures;
import org.smartstart.backoffice.domain.legalholds.HoldRelease;
import org.smartstart.backoffice.domain.legalholds.HoldRequest;
import org.smartstart.backoffice.domain.legalholds.HoldScope;
import org.smartstart.backoffice.domain.legalholds.LegalHold;
import org.smartstart.backoffice.domain.legalholds.LegalHolds;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The owner leaves the cap table screen for another one, compliance imposes (later releases) an equity hold,
 * and the owner comes back: the screen shows the hold at once (and editing again once it is released),
 * without reopening the venture. The screens are swapped in one content pane as the shell swaps its pages.
 */
@ExtendWith(ApplicationExtension.class)
class CapTableRevisitTest {

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
    void coming_back_to_the_cap_table_shows_a_hold_imposed_and_released_meanwhile(FxRobot robot) throws Exception {
        HoldsAndDisputesFixtures.Venture v = data.venture();
        LegalHolds compliance = fixture.as(Adapter.LOCAL, data.staff("compliance")).legalHolds();
        Clock clock = Clock.fixed(LocalDate.parse("2026-03-15").atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        CapTableViewModel capTable = new CapTableViewModel(fixture.as(Adapter.LOCAL, v.owner()), executor, clock);
        StackPane content = new StackPane();
        Node[] capTableNode = new Node[1];
        Label elsewhere = new Label("Another screen");
        AtomicInteger loads = new AtomicInteger();
        capTable.capTableProperty().addListener((o, was, now) -> loads.incrementAndGet());
        robot.interact(() -> {
            capTableNode[0] = ViewLoader.load("CapTables", new CapTableView(capTable));
            content.getChildren().setAll(capTableNode[0]);
            Scene scene = new Scene(content, 1200, 760);
            scene.getStylesheets().add(Theme.appStylesheet());
            stage.setScene(scene);
            stage.show();
            capTable.start();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> capTable.capTableProperty().get() != null
                && capTable.capTableProperty().get().ventureId().equals(v.id()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#addStep").queryButton().isDisabled()).as("editable before the hold").isFalse();

        // Away and back with nothing changed: no reload.
        robot.interact(() -> content.getChildren().setAll(elsewhere));
        int before = loads.get();
        int checked = capTable.revisitsCheckedProperty().get();
        robot.interact(() -> content.getChildren().setAll(capTableNode[0]));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> capTable.revisitsCheckedProperty().get() > checked);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(loads.get()).as("an unchanged cap table is not reloaded").isEqualTo(before);

        robot.interact(() -> content.getChildren().setAll(elsewhere));
        LegalHold hold = compliance.impose(v.id(), new HoldRequest(HoldScope.EQUITY, "Shareholder claim 26-04")).orElseThrow();
        robot.interact(() -> content.getChildren().setAll(capTableNode[0]));
        Label banner = robot.lookup("#holdBanner").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, banner::isVisible);
        assertThat(banner.getText()).contains("An active legal hold on equity freezes this cap table", "EQ-7");
        for (String id : new String[] {"#addStep", "#stepKind", "#percent", "#description", "#renamePolicy"}) {
            assertThat(robot.lookup(id).queryAs(Node.class).isDisabled()).as(id + " under the hold").isTrue();
        }

        robot.interact(() -> content.getChildren().setAll(elsewhere));
        assertThat(compliance.release(hold.id(), new HoldRelease("Claim settled")).isDone()).isTrue();
        robot.interact(() -> content.getChildren().setAll(capTableNode[0]));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !banner.isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#addStep").queryButton().isDisabled()).as("editable again once released").isFalse();
        Parent root = (Parent) capTableNode[0];
        assertThat(root.lookup("#description").isDisabled()).isFalse();
    }
}
