package org.smartstart.backoffice.ui.captable;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.smartstart.backoffice.domain.captable.ocf.OcfImport;
import org.smartstart.backoffice.domain.captable.ocf.OcfPackage;
import org.smartstart.backoffice.domain.captable.ocf.OcfPackages;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;
import org.smartstart.backoffice.ui.shell.Theme;
import org.smartstart.backoffice.ui.shell.ViewLoader;
import org.smartstart.backoffice.ui.tasks.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The robot exports the cap table shown as an OCF package, from the button and from its mnemonic; the package validates. */
@ExtendWith(ApplicationExtension.class)
class CapTableOcfExportTest {

    static BackOfficeFixture fixture;
    static CapTableScenario acme;

    FxTaskExecutor executor;
    final AtomicReference<Path> target = new AtomicReference<>();
    final AtomicReference<String> suggested = new AtomicReference<>();

    @TempDir
    Path temp;

    @BeforeAll
    static void setUp() throws Exception {
        fixture = BackOfficeFixture.create();
        acme = CapTableScenario.create(fixture.db());
    }

    @AfterAll
    static void tearDown() {
        fixture.close();
    }

    Stage stage;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        this.stage = stage;
        executor = new FxTaskExecutor(failure -> { throw new AssertionError("unhandled background failure", failure); });
    }

    /** The cap table screen as {@code user}, its first venture shown, "Export OCF…" answered with {@link #target}. */
    void show(FxRobot robot, java.util.UUID user) throws Exception {
        Clock clock = Clock.fixed(LocalDate.parse("2026-03-15").atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        CapTableViewModel vm = new CapTableViewModel(fixture.as(Adapter.LOCAL, user), executor, clock);
        CapTableView view = new CapTableView(vm);
        view.chooseOcfTargetWith(name -> {
            suggested.set(name);
            return target.get();
        });
        robot.interact(() -> {
            Parent root = ViewLoader.load("CapTables", view);
            Scene scene = new Scene(root, 1280, 800);
            scene.getStylesheets().add(Theme.appStylesheet());
            stage.setScene(scene);
            stage.show();
            vm.start();
        });
        TableView<HolderLine> holders = robot.lookup("#holders").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> holders.getItems().size() > 2
                && !robot.lookup("#exportOcf").queryButton().isDisabled());
    }

    /** The owner of a new venture whose cap table came from an OCF package, every holder with a real e-mail address. */
    static java.util.UUID exportableOwner() throws Exception {
        java.util.UUID owner = java.util.UUID.randomUUID();
        String tag = owner.toString().substring(0, 8);
        String email = "oona." + tag + "@orchard.example.com";
        org.smartstart.backoffice.testing.TestAccounts.exec(fixture.db(), "INSERT INTO users (id, display_name, email) VALUES ('" + owner
                + "', 'Oona Owner', '" + email + "')");
        java.util.UUID venture = org.smartstart.backoffice.testing.TestAccounts.venture(fixture.db(), "Orchard " + tag, "ca", "draft", owner);
        OcfPackage pkg = new org.smartstart.backoffice.testing.OcfTestPackage()
                .stakeholder("oona", "Oona Owner", email)
                .stakeholder("ben", "Ben Builder", "ben." + tag + "@orchard.example.com")
                .stakeholder("cleo", "Cleo Coder", "cleo." + tag + "@orchard.example.com")
                .issue("2024-01-10", "S-1", "oona", "7000")
                .issue("2024-01-10", "S-2", "ben", "3000")
                .transfer("2024-06-01", "S-1", "1000", "S-4", "S-3")
                .issue("2024-06-01", "S-3", "cleo", "1000")
                .issue("2024-06-01", "S-4", "oona", "6000")
                .build();
        var imported = fixture.as(Adapter.LOCAL, owner).capTableInterchange().importOcf(venture, pkg);
        assertThat(imported.isDone()).as(imported.describe()).isTrue();
        return owner;
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    @Test
    void exports_a_zip_and_a_folder_that_validate_and_says_so(FxRobot robot) throws Exception {
        show(robot, exportableOwner());
        Path zip = temp.resolve("acme.zip");
        target.set(zip);
        robot.clickOn("#exportOcf");
        Label message = robot.lookup("#message").queryAs(Label.class);
        Label problem = robot.lookup("#problem").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> message.getText().contains(zip.toString()) || !problem.getText().isEmpty());
        assertThat(problem.getText()).isEmpty();
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).contains("validates against the OCF schemas");
        assertThat(suggested.get()).startsWith("ocf-").endsWith(".zip");
        OcfPackage written = OcfPackages.read(zip);
        assertThat(written.files()).containsKeys(OcfPackage.MANIFEST, "Stakeholders.ocf.json", "Transactions.ocf.json");
        assertThat(OcfImport.check(written)).isEmpty();
        assertThat(written.files().get("Stakeholders.ocf.json")).contains("STAKEHOLDER");

        // by keyboard (Alt+X), into a folder
        Path folder = temp.resolve("acme-folder");
        target.set(folder);
        robot.press(KeyCode.ALT, KeyCode.X).release(KeyCode.X, KeyCode.ALT);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> message.isVisible() && message.getText().contains(folder.toString()));
        assertThat(Files.isRegularFile(folder.resolve(OcfPackage.MANIFEST))).isTrue();
        assertThat(OcfImport.check(OcfPackages.read(folder))).isEmpty();
    }

    @Test
    void a_package_that_does_not_check_out_lists_its_problems(FxRobot robot) throws Exception {
        // the scenario's people have addresses in the reserved .test domain, which the OCF schema refuses
        show(robot, acme.owner());
        Path zip = temp.resolve("acme.zip");
        target.set(zip);
        robot.clickOn("#exportOcf");
        Label problem = robot.lookup("#problem").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> problem.isVisible() && !problem.getText().isEmpty());
        assertThat(problem.getText()).startsWith("The OCF package of " + acme.name() + " was written to " + zip)
                .contains("does not check out", "Stakeholders.ocf.json", "email_address");
        assertThat(robot.lookup("#message").queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    void a_place_that_cannot_be_written_is_a_problem_on_screen(FxRobot robot) throws Exception {
        show(robot, exportableOwner());
        Path blocker = Files.writeString(temp.resolve("a-file"), "not a folder");
        target.set(blocker.resolve("inside"));
        robot.clickOn("#exportOcf");
        Label problem = robot.lookup("#problem").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> problem.isVisible() && !problem.getText().isEmpty());
        assertThat(problem.getText()).startsWith("The OCF package could not be written to " + blocker.resolve("inside"));
    }
}
