package org.smartstart.backoffice.ui.admin;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smartstart.backoffice.domain.identity.PersonSummary;
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.domain.ventures.VentureOverview;
import org.smartstart.backoffice.testing.TestAccounts;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;
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
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The robot administers ventures like an administrator does, from the keyboard where it can: it creates a
 * draft, tries to activate a venture without its KYB documents and reads the KY-6 refusal naming them, and
 * follows the link from a venture to its cap table.
 */
@ExtendWith(ApplicationExtension.class)
class VentureAdministrationWindowTest {

    private static BackOfficeFixture fixture;
    private static AdminScenario scenario;
    private final List<Place> visited = new CopyOnWriteArrayList<>();
    private FxTaskExecutor executor;

    @BeforeAll
    static void database() throws Exception {
        fixture = BackOfficeFixture.create();
        scenario = AdminScenario.create(fixture.db());
    }

    @AfterAll
    static void dropDatabase() {
        fixture.close();
    }

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        executor = new FxTaskExecutor(failure -> { throw new AssertionError("unhandled background failure", failure); });
        BackOffice backOffice = fixture.as(Adapter.LOCAL, scenario.admin());
        AdministrationViewModel viewModel = new AdministrationViewModel(backOffice.people(), backOffice.ventures(),
                new BuzWalletViewModel(backOffice.wallets(), executor), executor, fixture.clock(), ZoneOffset.UTC);
        viewModel.setNavigator(new Navigator() {
            @Override
            public boolean go(Place place) {
                visited.add(place);
                return true;
            }
        });
        Parent root = ViewLoader.load("Administration", new AdministrationView(viewModel));
        Scene scene = new Scene(root, 1200, 760);
        scene.getStylesheets().add(Theme.appStylesheet());
        stage.setScene(scene);
        stage.show();
        viewModel.load();
    }

    @AfterEach
    void stopExecutor() {
        executor.close();
    }

    private static void venturesSection(FxRobot robot) {
        TabPane sections = robot.lookup("#sections").queryAs(TabPane.class);
        robot.clickOn("Ventures");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sections.getSelectionModel().getSelectedIndex()).isEqualTo(1);
    }

    private static void open(FxRobot robot, String name) throws TimeoutException {
        robot.clickOn("#ventureSearchName").write(name).type(KeyCode.ENTER);
        ListView<VentureOverview> list = robot.lookup("#venturesList").queryListView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> list.getItems().size() == 1);
        robot.interact(() -> list.getSelectionModel().select(0));
        Label title = robot.lookup("#ventureTitle").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> title.getText().equals(name));
    }

    private static String feedback(FxRobot robot) {
        return robot.lookup("#ventureFeedbackText").queryAs(Label.class).getText();
    }

    private static void alt(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.ALT, key).release(key, KeyCode.ALT);
    }

    @Test
    void an_admin_creates_a_draft_venture(FxRobot robot) throws Exception {
        venturesSection(robot);
        robot.clickOn("New venture");
        String name = "Robot Draft " + scenario.tag();
        robot.clickOn("#newVentureName").write(name);
        ComboBox<String> region = robot.lookup("#newVentureRegion").queryComboBox();
        robot.interact(() -> region.getSelectionModel().select("eu"));
        ComboBox<PersonSummary> owner = robot.lookup("#newVentureOwner").queryComboBox();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> owner.getItems().stream().anyMatch(p -> p.id().equals(scenario.verified())));
        robot.interact(() -> owner.getSelectionModel().select(
                owner.getItems().stream().filter(p -> p.id().equals(scenario.verified())).findFirst().orElseThrow()));
        robot.clickOn("#newVentureCap").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("12.5");
        assertThat(robot.lookup("#newVentureCap").queryTextInputControl().getText()).isEqualTo("12.5");
        assertThat(robot.lookup("#createVenture").queryButton().isDisabled()).isFalse();

        robot.type(KeyCode.ENTER);

        Label title = robot.lookup("#ventureTitle").queryAs(Label.class);
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> title.getText().equals(name));
        } catch (TimeoutException e) {
            throw new AssertionError("not created; title '" + title.getText() + "', screen says: "
                    + robot.lookup(".label").queryAllAs(Label.class).stream().map(Label::getText)
                    .filter(t -> t != null && (t.contains("not") || t.contains("created"))).toList()
                    + ", focus " + robot.listTargetWindows().get(0).getScene().getFocusOwner(), e);
        }
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> feedback(robot).contains("is created as a draft"));
        assertThat(robot.lookup("#ventureStatusBadge").queryAs(Label.class).getText()).isEqualTo("Draft");
        assertThat(robot.lookup("#ventureFacts").queryAs(Label.class).getText()).contains("Europe", "Vera Verified", "12.500%");
        assertThat(TestAccountsQuery.count(fixture, "SELECT count(*) FROM ventures WHERE name = '" + name + "' AND status = 'draft'")).isEqualTo(1);
    }

    @Test
    void activating_a_venture_without_its_kyb_documents_shows_the_KY6_refusal_naming_them(FxRobot robot) throws Exception {
        String name = "Robot Bare " + scenario.tag();
        TestAccounts.venture(fixture.db(), name, "us", "draft", scenario.verified());
        venturesSection(robot);
        open(robot, name);
        ComboBox<String> next = robot.lookup("#ventureNextStatus").queryComboBox();
        assertThat(next.getValue()).isEqualTo("active");

        robot.clickOn("#ventureStatusReason").write("Ready to launch");
        alt(robot, KeyCode.C);

        Label rule = robot.lookup("#ventureFeedback .rule-badge").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> "KY-6".equals(rule.getText()));
        assertThat(feedback(robot)).contains(name + " did not become active", "articles_of_inc and tax_id");
        assertThat(robot.lookup("#ventureStatusReason").queryTextInputControl().getText()).isEqualTo("Ready to launch");
        assertThat(robot.lookup("#ventureStatusBadge").queryAs(Label.class).getText()).isEqualTo("Draft");
    }

    @Test
    void an_admin_opens_a_venture_and_follows_the_link_to_its_cap_table(FxRobot robot) throws Exception {
        venturesSection(robot);
        open(robot, scenario.ventureName());

        alt(robot, KeyCode.T);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !visited.isEmpty());
        UUID v = scenario.venture();
        assertThat(visited).containsExactly(new Place.ObjectOf("venture", v, v));
    }

    /** Counts rows as the database owner. */
    private static final class TestAccountsQuery {
        static long count(BackOfficeFixture fixture, String sql) throws Exception {
            try (var c = fixture.db().ownerConnection(); var s = c.createStatement(); var r = s.executeQuery(sql)) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
