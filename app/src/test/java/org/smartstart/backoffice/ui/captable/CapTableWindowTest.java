package org.smartstart.backoffice.ui.captable;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smartstart.backoffice.domain.captable.LedgerRow;
import org.smartstart.backoffice.domain.usecase.Rejection;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The robot works the cap table screen as an owner: steps through dates, drafts a transfer, sees the rules, saves. */
@ExtendWith(ApplicationExtension.class)
class CapTableWindowTest {

    static BackOfficeFixture fixture;
    static CapTableScenario acme;
    static CapTableScenario held;
    static CapTableScenario contested;
    static CapTableScenario vesting;
    static CapTableScenario converting;

    FxTaskExecutor executor;

    @BeforeAll
    static void setUp() throws Exception {
        fixture = BackOfficeFixture.create();
        acme = CapTableScenario.create(fixture.db());
        held = CapTableScenario.create(fixture.db(), acme.owner(), "equity");
        contested = CapTableScenario.create(fixture.db(), acme.owner());
        vesting = CapTableScenario.create(fixture.db(), acme.owner());
        converting = CapTableScenario.create(fixture.db(), acme.owner());
    }

    @AfterAll
    static void tearDown() {
        fixture.close();
    }

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        executor = new FxTaskExecutor(failure -> { throw new AssertionError("unhandled background failure", failure); });
        Clock clock = Clock.fixed(LocalDate.parse("2026-03-15").atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        CapTableViewModel vm = new CapTableViewModel(fixture.as(Adapter.LOCAL, acme.owner()), executor, clock);
        Parent root = ViewLoader.load("CapTables", new CapTableView(vm));
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(Theme.appStylesheet());
        stage.setScene(scene);
        stage.show();
        vm.start();
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    @Test
    void an_owner_steps_through_dates_sees_a_broken_draft_then_saves_a_five_percent_transfer(FxRobot robot) throws Exception {
        TableView<HolderLine> holders = robot.lookup("#holders").queryTableView();
        pick(robot, "#venture", acme.name());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> holders.getItems().size() == 4
                && robot.lookup("#heading").queryAs(Label.class).getText().startsWith(acme.name()));
        assertThat(holders.getItems()).extracting(HolderLine::percentText).containsExactly("10.000%", "60.000%", "30.000%", "100.000%");

        robot.clickOn("#later");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> holders.getItems().get(1).percentText().equals("55.000%"));
        assertThat(robot.lookup("#asOf").queryAs(DatePicker.class).getValue()).isEqualTo(LocalDate.parse("2026-07-01"));
        robot.press(KeyCode.ALT, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.ALT);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> holders.getItems().get(1).percentText().equals("60.000%"));

        String owner = holders.getItems().get(1).name();
        String ben = holders.getItems().get(2).name();
        pick(robot, "#from", owner);
        pick(robot, "#to", ben);
        robot.clickOn("#percent").write("30");
        robot.interact(() -> robot.lookup("#stepDate").queryAs(DatePicker.class).setValue(LocalDate.parse("2026-09-01")));
        robot.clickOn("#addStep");

        ListView<Rejection> violations = robot.lookup("#violations").queryListView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> violations.getItems().size() == 1);
        assertThat(violations.getItems().get(0).ruleId()).isEqualTo("EQ-2");
        // The rule and its figures are on screen, not only in the model.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#violations .violation").tryQueryAs(Label.class).isPresent());
        assertThat(robot.lookup("#violations .violation").queryAs(Label.class).getText())
                .startsWith("EQ-2 · On 2026-09-01 the owner " + owner).contains("would hold 25.000%", "below the 35.000% floor");
        assertThat(robot.lookup("#violationsHeading").queryAs(Label.class).getText()).contains("cannot be saved");
        TableView<HolderLine> preview = robot.lookup("#preview").queryTableView();
        assertThat(preview.getItems()).extracting(HolderLine::percentText).containsExactly("10.000%", "65.000%", "25.000%", "100.000%");
        robot.interact(() -> robot.lookup(".draft-scroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        robot.clickOn("#description").write("Ben takes over sales");
        assertThat(robot.lookup("#save").queryButton().isDisabled()).isTrue();

        robot.clickOn("#steps").press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> preview.getItems().isEmpty());
        robot.interact(() -> robot.lookup(".draft-scroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(0));
        robot.doubleClickOn("#percent").write("5");
        robot.clickOn("#addStep");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> preview.getItems().size() == 4 && violations.getItems().isEmpty());
        assertThat(preview.getItems()).extracting(HolderLine::percentText).containsExactly("10.000%", "50.000%", "40.000%", "100.000%");
        Button save = robot.lookup("#save").queryButton();
        assertThat(robot.lookup("#description").queryTextInputControl().getText()).isEqualTo("Ben takes over sales");
        assertThat(save.isDisabled()).isFalse();

        robot.interact(() -> robot.lookup(".draft-scroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        robot.clickOn("#save");
        Label message = robot.lookup("#message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> message.getText().startsWith("Saved:"));
        assertThat(message.getText()).isEqualTo("Saved: Ben takes over sales (1 step).");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> holders.getItems().get(1).percentText().equals("50.000%"));
        List<LedgerRow> ledger = fixture.as(Adapter.LOCAL, acme.owner()).capTables().ledger(acme.venture()).orElseThrow();
        assertThat(ledger).hasSize(7);
    }

    /** Opens the combo box and clicks the entry in its popup (the same text may also show in the table). */
    static void pick(FxRobot robot, String comboBox, String entry) throws Exception {
        javafx.scene.Scene page = robot.lookup(comboBox).query().getScene();
        robot.clickOn(comboBox);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> popupCell(robot, page, entry) != null);
        robot.clickOn(popupCell(robot, page, entry));
    }

    private static javafx.scene.control.ListCell<?> popupCell(FxRobot robot, javafx.scene.Scene page, String entry) {
        return robot.lookup(".list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .filter(c -> c.getScene() != page && entry.equals(c.getText()) && c.isVisible())
                .findFirst().orElse(null);
    }

    @Test
    void a_venture_under_an_equity_hold_shows_why_and_cannot_be_edited(FxRobot robot) throws Exception {
        TableView<HolderLine> holders = robot.lookup("#holders").queryTableView();
        pick(robot, "#venture", held.name() + "  (on hold)");
        Label banner = robot.lookup("#holdBanner").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> holders.getItems().size() == 4 && banner.isVisible());
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getText()).contains("legal hold on equity", "EQ-7");
        assertThat(robot.lookup("#addStep").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#percent").queryTextInputControl().isDisabled()).isTrue();
        assertThat(robot.lookup("#save").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#exportCsv").queryButton().isDisabled()).isFalse();
    }

    @Test
    void a_save_after_someone_else_changed_the_ledger_keeps_the_draft_and_says_what_changed(FxRobot robot) throws Exception {
        TableView<HolderLine> holders = robot.lookup("#holders").queryTableView();
        pick(robot, "#venture", contested.name());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> holders.getItems().size() == 4
                && robot.lookup("#heading").queryAs(Label.class).getText().startsWith(contested.name()));
        String owner = holders.getItems().get(1).name();
        String ben = holders.getItems().get(2).name();
        pick(robot, "#from", owner);
        pick(robot, "#to", ben);
        robot.clickOn("#percent").write("5");
        robot.interact(() -> robot.lookup("#stepDate").queryAs(DatePicker.class).setValue(LocalDate.parse("2026-09-01")));
        robot.clickOn("#addStep");
        TableView<HolderLine> preview = robot.lookup("#preview").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> preview.getItems().size() == 4);
        robot.interact(() -> robot.lookup(".draft-scroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        robot.clickOn("#description").write("Ben takes over sales");

        // Meanwhile, in another session, 2% move to Ben from August.
        var elsewhere = fixture.as(Adapter.LOCAL, contested.owner()).capTables();
        List<LedgerRow> now = elsewhere.ledger(contested.venture()).orElseThrow();
        assertThat(elsewhere.changeCapTable(contested.venture(), new org.smartstart.backoffice.domain.captable.CapTableChange("Meanwhile",
                org.smartstart.backoffice.domain.captable.CapTable.revisionOf(now),
                org.smartstart.backoffice.domain.captable.CapTableEdits.transfer(now,
                        org.smartstart.backoffice.domain.captable.Holder.user(contested.owner()),
                        org.smartstart.backoffice.domain.captable.Holder.user(contested.ben()), new java.math.BigDecimal("2"),
                        LocalDate.parse("2026-08-01")))).isDone()).isTrue();

        robot.clickOn("#save");

        Label problem = robot.lookup("#problem").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> problem.isVisible() && problem.getText().contains("What changed:"));
        assertThat(problem.getText()).contains("was changed by", "nothing was saved", "got a row of 53.000% from 2026-08-01",
                "Your draft is now shown on the new cap table");
        ListView<String> steps = robot.lookup("#steps").queryListView();
        assertThat(steps.getItems()).containsExactly("Transfer 5.000% from " + owner + " to " + ben + " from 2026-09-01");
        assertThat(robot.lookup("#description").queryTextInputControl().getText()).isEqualTo("Ben takes over sales");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> preview.getItems().size() == 4
                && preview.getItems().get(1).percentText().equals("48.000%"));
        assertThat(preview.getItems()).extracting(HolderLine::percentText).containsExactly("10.000%", "48.000%", "42.000%", "100.000%");
        // Save is enabled again once the background preview of the kept draft on the new table has come back.
        javafx.scene.control.Button save = robot.lookup("#save").queryButton();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !save.isDisabled());
        assertThat(fixture.as(Adapter.LOCAL, contested.owner()).capTables().ledger(contested.venture()).orElseThrow()).hasSize(7);
    }

    @Test
    void a_selected_holding_shows_its_vesting_schedule_as_a_table_and_a_chart(FxRobot robot) throws Exception {
        TableView<HolderLine> holders = robot.lookup("#holders").queryTableView();
        pick(robot, "#venture", vesting.name());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> holders.getItems().size() == 4
                && robot.lookup("#heading").queryAs(Label.class).getText().startsWith(vesting.name()));
        String ben = holders.getItems().get(2).name();
        robot.clickOn(cellOf(robot, "#holders", ben));
        robot.clickOn(tab(robot, "Vesting"));

        TableView<?> schedule = robot.lookup("#scheduleTable").queryTableView();
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> schedule.getItems().size() == 37);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("schedule " + schedule.getItems().size() + " heading " + robot.lookup("#scheduleHeading").queryAs(Label.class).getText()
                    + " selected " + holders.getSelectionModel().getSelectedItem(), e);
        }
        assertThat(robot.lookup("#scheduleHeading").queryAs(Label.class).getText()).startsWith(ben + ": 30.000% from 2026-01-01 to 2026-06-30")
                .contains("vests by 4y/1y");
        javafx.scene.chart.LineChart<?, ?> chart = robot.lookup("#vestingChart").queryAs(javafx.scene.chart.LineChart.class);
        assertThat(chart.getData()).hasSize(1);
        assertThat(chart.getData().get(0).getData()).hasSize(37);
        assertThat(robot.lookup("#policies").queryListView().getItems()).isNotEmpty();
        // March's row of Ben has ended (June 30), so it cannot be put under another policy; July's can.
        assertThat(robot.lookup("#attach").queryButton().isDisabled()).isTrue();
        robot.clickOn("#later");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> holders.getItems().get(2).percentText().equals("35.000%"));
        robot.clickOn(tab(robot, "Holders"));
        robot.clickOn(cellOf(robot, "#holders", ben));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#attach").queryButton().isDisabled());
        assertThat(robot.lookup("#scheduleHeading").queryAs(Label.class).getText()).startsWith(ben + ": 35.000% from 2026-07-01, open");
    }

    @Test
    void a_buz_conversion_preview_appears_from_the_background_and_names_a_broken_rule(FxRobot robot) throws Exception {
        TableView<HolderLine> holders = robot.lookup("#holders").queryTableView();
        pick(robot, "#venture", converting.name());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> holders.getItems().size() == 4
                && robot.lookup("#heading").queryAs(Label.class).getText().startsWith(converting.name()));
        String owner = holders.getItems().get(1).name();
        String ben = holders.getItems().get(2).name();
        robot.clickOn(tab(robot, "Convert BUZ"));
        robot.interact(() -> robot.lookup("#convertOn").queryAs(DatePicker.class).setValue(LocalDate.parse("2026-09-01")));
        pick(robot, "#convertFor", ben);
        robot.interact(() -> robot.lookup("#convertPercent").queryTextInputControl().setText("10"));

        // The stakes and the rules are worked out by a background task; its answer shows once it is back.
        ListView<String> dilution = robot.lookup("#dilution").queryListView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> dilution.getItems().size() == 3);
        assertThat(dilution.getItems()).containsExactlyInAnyOrder("AliceSolutions (platform): 10.000% → 9.000%",
                owner + ": 55.000% → 49.500%", ben + ": 35.000% → 41.500%");
        assertThat(robot.lookup("#conversionResult").queryAs(Label.class).getText())
                .contains(ben + " would hold 35.000% → 41.500% from 2026-09-01");
        ListView<Rejection> problems = robot.lookup("#conversionProblems").queryListView();
        assertThat(problems.getItems()).isEmpty();

        robot.interact(() -> robot.lookup("#convertPercent").queryTextInputControl().setText("40")); // the owner would fall to 33%
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> problems.getItems().stream().anyMatch(r -> r.ruleId().equals("EQ-2")));
        assertThat(dilution.getItems()).contains(owner + ": 55.000% → 33.000%");
        assertThat(problems.getItems()).extracting(Rejection::ruleId).containsExactly("EQ-2");
    }

    /** The visible table cell showing exactly {@code text}. */
    static javafx.scene.Node cellOf(FxRobot robot, String table, String text) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(table + " .table-cell")
                .match((javafx.scene.control.TableCell<?, ?> c) -> text.equals(c.getText()) && c.isVisible()).tryQuery().isPresent());
        return robot.lookup(table + " .table-cell")
                .match((javafx.scene.control.TableCell<?, ?> c) -> text.equals(c.getText()) && c.isVisible()).query();
    }

    static javafx.scene.Node tab(FxRobot robot, String title) {
        return robot.lookup(".tab .tab-label").match((Label l) -> title.equals(l.getText())).query();
    }
}
