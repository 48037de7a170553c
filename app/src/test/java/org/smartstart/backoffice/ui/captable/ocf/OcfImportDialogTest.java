package org.smartstart.backoffice.ui.captable.ocf;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.smartstart.backoffice.domain.captable.ocf.OcfPackages;
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.testing.OcfTestPackage;
import org.smartstart.backoffice.testing.TestAccounts;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;
import org.smartstart.backoffice.ui.shell.Theme;
import org.smartstart.backoffice.ui.shell.ViewLoader;
import org.smartstart.backoffice.ui.tasks.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The robot chooses a package, reads the preview, and imports it; a broken one lists its problems and cannot be imported. */
@ExtendWith(ApplicationExtension.class)
class OcfImportDialogTest {

    static BackOfficeFixture fixture;
    private FxTaskExecutor executor;
    private Stage stage;

    @TempDir
    Path temp;

    @BeforeAll
    static void setUp() {
        fixture = BackOfficeFixture.create();
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

    record Venture(UUID id, UUID owner, String ownerEmail) {
    }

    static Venture venture() throws Exception {
        UUID owner = UUID.randomUUID();
        String email = "oona." + owner.toString().substring(0, 8) + "@acme.example.com";
        TestAccounts.exec(fixture.db(), "INSERT INTO users (id, display_name, email) VALUES ('" + owner + "', 'Oona Owner', '" + email + "')");
        return new Venture(TestAccounts.venture(fixture.db(), "Acme " + owner.toString().substring(0, 8), "ca", "draft", owner), owner, email);
    }

    static OcfTestPackage founders(Venture v) {
        return new OcfTestPackage()
                .stakeholder("oona", "Oona Owner", v.ownerEmail())
                .stakeholder("ben", "Ben Builder", null)
                .issue("2024-01-10", "S-1", "oona", "7000")
                .issue("2024-01-10", "S-2", "ben", "3000")
                .transfer("2024-06-01", "S-1", "1000", "S-3", "S-4")
                .issue("2024-06-01", "S-3", "oona", "6000")
                .issue("2024-06-01", "S-4", "ben", "1000");
    }

    OcfImportViewModel show(FxRobot robot, Venture v, AtomicInteger imported) {
        BackOffice office = fixture.as(Adapter.LOCAL, v.owner());
        OcfImportViewModel vm = new OcfImportViewModel(office.capTableInterchange(), executor, v.id(), "Acme", imported::incrementAndGet);
        robot.interact(() -> {
            Scene scene = new Scene(ViewLoader.load("OcfImport", new OcfImportView(vm)), 900, 760);
            scene.getStylesheets().add(Theme.appStylesheet());
            stage.setScene(scene);
            stage.show();
        });
        return vm;
    }

    static long rows(UUID venture) throws Exception {
        try (Connection c = fixture.db().ownerConnection();
             PreparedStatement p = c.prepareStatement("SELECT count(*) FROM equity_ledger WHERE venture_id = '" + venture + "'");
             ResultSet r = p.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void previews_then_imports_a_package(FxRobot robot) throws Exception {
        Venture v = venture();
        Path folder = temp.resolve("acme-ocf");
        OcfPackages.write(founders(v).build(), folder);
        AtomicInteger imported = new AtomicInteger();
        OcfImportViewModel vm = show(robot, v, imported);
        assertThat(robot.lookup("#importButton").queryButton().isDisabled()).as("nothing chosen yet").isTrue();

        robot.interact(() -> vm.choose(folder));
        TableView<OcfImportViewModel.PreviewLine> preview = robot.lookup("#preview").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> preview.getItems().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(preview.getItems()).extracting(OcfImportViewModel.PreviewLine::date, OcfImportViewModel.PreviewLine::holder,
                        OcfImportViewModel.PreviewLine::percent)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2024-01-10", "Oona Owner", "70.000%"),
                        org.assertj.core.groups.Tuple.tuple("", "Ben Builder", "30.000%"),
                        org.assertj.core.groups.Tuple.tuple("2024-06-01", "Oona Owner", "60.000%"),
                        org.assertj.core.groups.Tuple.tuple("", "Ben Builder", "40.000%"));
        assertThat(robot.lookup("#status").queryAs(Label.class).getText()).startsWith("Ready");
        assertThat(rows(v.id())).as("a preview writes nothing").isZero();

        robot.clickOn("#importButton");
        Label status = robot.lookup("#status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status.getText().startsWith("Imported"));
        assertThat(status.getText()).contains("4 ledger rows").contains("1 pending users opened");
        assertThat(imported.get()).isEqualTo(1);
        assertThat(rows(v.id())).isEqualTo(4);
        assertThat(robot.lookup("#importButton").queryButton().isDisabled()).as("imported once").isTrue();
    }

    @Test
    void a_broken_package_lists_its_problems_and_cannot_be_imported(FxRobot robot) throws Exception {
        Venture v = venture();
        Path folder = temp.resolve("broken-ocf");
        OcfPackages.write(founders(v).issue("2024-07-01", "S-9", "nobody", "10").build(), folder);
        OcfImportViewModel vm = show(robot, v, new AtomicInteger());

        robot.interact(() -> vm.choose(folder));
        ListView<String> problems = robot.lookup("#problems").queryListView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !problems.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(problems.getItems()).anyMatch(p -> p.contains("Transactions.ocf.json, tx-6, stakeholder_id")
                && p.contains("stakeholder nobody"));
        assertThat(robot.lookup("#importButton").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#status").queryAs(Label.class).getText()).contains("problem");
        assertThat(rows(v.id())).isZero();
    }
}
