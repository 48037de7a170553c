package org.smartstart.backoffice.ui.audit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smartstart.backoffice.domain.audit.AuditLogEntry;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.ui.navigation.Navigator;
import org.smartstart.backoffice.ui.navigation.Place;
import org.smartstart.backoffice.ui.shell.Theme;
import org.smartstart.backoffice.ui.shell.ViewLoader;
import org.smartstart.backoffice.ui.tasks.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The robot filters the log, opens an entry's detail and verifies the chain, watching the progress. */
@ExtendWith(ApplicationExtension.class)
class AuditScreenTest {

    private static AuditFixture log;
    private FxTaskExecutor executor;
    private final List<String> statuses = new CopyOnWriteArrayList<>();
    private final List<Place> visited = new CopyOnWriteArrayList<>();
    /** Like the shell for a user whose screens show equity ledgers but no vesting policies. */
    private final Navigator navigator = new Navigator() {
        @Override
        public boolean go(Place place) {
            visited.add(place);
            return canGo(place);
        }

        @Override
        public boolean canGo(Place place) {
            return place instanceof Place.ObjectOf o && o.objectType().equals("equity_ledger");
        }
    };

    @BeforeAll
    static void sealALog() throws Exception {
        log = new AuditFixture();
    }

    @AfterAll
    static void close() {
        log.close();
    }

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        executor = new FxTaskExecutor(failure -> { throw new AssertionError("unhandled background failure", failure); });
        AuditViewModel viewModel = new AuditViewModel(log.fixture.as(Adapter.LOCAL, log.compliance).auditTrail(), executor,
                ZoneOffset.UTC, navigator, System::nanoTime, 100);
        viewModel.verifyStatusProperty().addListener((o, a, b) -> statuses.add(b));
        Scene scene = new Scene(ViewLoader.load("Audit", new AuditView(viewModel)), 1200, 760);
        scene.getStylesheets().add(Theme.appStylesheet());
        stage.setScene(scene);
        stage.show();
        viewModel.load();
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    @Test
    void filter_open_the_detail_and_verify_with_progress(FxRobot robot) throws Exception {
        TableView<AuditLogEntry> table = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() >= AuditViewModel.PAGE);

        robot.clickOn("#action").write("EQUITY_CHANGE");
        robot.clickOn("#apply");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() == AuditFixture.ENTRIES / 3
                && table.getItems().stream().allMatch(e -> e.action().equals("EQUITY_CHANGE")));

        robot.clickOn(firstRow(robot));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#detailTitle").queryAs(Label.class).getText().startsWith("Seq "));
        AuditLogEntry first = table.getSelectionModel().getSelectedItem();
        assertThat(first.action()).isEqualTo("EQUITY_CHANGE");
        assertThat(robot.lookup("#detailTitle").queryAs(Label.class).getText()).isEqualTo("Seq " + first.seq() + " · EQUITY_CHANGE on equity_ledger");
        TableView<EntryDetail.Change> changes = robot.lookup("#changes").queryTableView();
        assertThat(changes.getItems()).extracting(EntryDetail.Change::field).contains("percent", "holder");
        assertThat(robot.lookup("#chainLink").queryAs(javafx.scene.control.TextArea.class).getText()).contains(first.txHash());

        robot.clickOn("#verify");
        Label status = robot.lookup("#verifyStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> status.getText().startsWith("Chain intact"));
        assertThat(statuses).anySatisfy(s -> assertThat(s).matches("Verified [\\d,]+ of [\\d,]+ entries · [\\d,]+ entries/s · about .* left"));
        assertThat(robot.lookup("#verifyProgress").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
        assertThat(robot.lookup("#cancelVerify").queryButton().isDisabled()).isTrue();
    }

    @Test
    void open_object_goes_to_the_objects_screen_and_is_disabled_with_the_reason_where_none_shows_it(FxRobot robot) throws Exception {
        TableView<AuditLogEntry> table = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() >= AuditViewModel.PAGE);
        javafx.scene.control.Button open = robot.lookup("#openObject").queryButton();
        assertThat(open.isDisabled()).as("nothing selected yet").isTrue();

        // the newest entry is on a vesting policy, which no screen of this user shows
        robot.clickOn(firstRow(robot));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getSelectionModel().getSelectedItem() != null);
        assertThat(table.getSelectionModel().getSelectedItem().objectType()).isEqualTo("vesting_policy");
        assertThat(open.isDisabled()).isTrue();
        javafx.scene.Node box = robot.lookup("#openObjectBox").query();
        assertThat(((javafx.scene.control.Tooltip) box.getProperties().get("javafx.scene.control.Tooltip")).getText())
                .isEqualTo("No screen of yours shows vesting_policy objects.");

        robot.clickOn("#action").write("EQUITY_CHANGE");
        robot.clickOn("#apply");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !table.getItems().isEmpty()
                && table.getItems().stream().allMatch(e -> e.action().equals("EQUITY_CHANGE")));
        robot.clickOn(firstRow(robot));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !open.isDisabled());
        AuditLogEntry entry = table.getSelectionModel().getSelectedItem();
        robot.clickOn("#openObject");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !visited.isEmpty());
        assertThat(visited).containsExactly(new Place.ObjectOf("equity_ledger", entry.objectId(), entry.ventureId()));
    }

    /** The audit table's first row once the table has laid it out with an entry (items arrive before their cells). */
    private static javafx.scene.Node firstRow(FxRobot robot) throws java.util.concurrent.TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#table .table-row-cell").tryQuery()
                .map(n -> ((javafx.scene.control.TableRow<?>) n).getItem() != null).orElse(false));
        return robot.lookup("#table .table-row-cell").nth(0).query();
    }
}
