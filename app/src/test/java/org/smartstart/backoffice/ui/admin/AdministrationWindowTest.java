package org.smartstart.backoffice.ui.admin;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smartstart.backoffice.domain.identity.PasswordRule;
import org.smartstart.backoffice.domain.identity.Role;
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

import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** The robot administers people like an administrator does: it searches, opens, grants, unlocks and issues BUZ. */
@ExtendWith(ApplicationExtension.class)
class AdministrationWindowTest {

    private static BackOfficeFixture fixture;
    private static AdminScenario scenario;
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

    private void open(FxRobot robot, String who) throws TimeoutException {
        robot.clickOn("#searchText").write(who + " " + scenario.tag()).type(KeyCode.ENTER);
        ListView<?> list = robot.lookup("#peopleList").queryListView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> list.getItems().size() == 1);
        robot.interact(() -> list.getSelectionModel().select(0));
        robot.clickOn("#peopleList").type(KeyCode.ENTER);
        Label name = robot.lookup("#personName").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> name.getText().startsWith(who));
    }

    private static <T> void choose(FxRobot robot, String comboId, T value) {
        ComboBox<T> combo = robot.lookup(comboId).queryComboBox();
        robot.interact(() -> combo.getSelectionModel().select(value));
    }

    private String feedback(FxRobot robot) {
        return robot.lookup("#feedback").queryAs(Label.class).getText();
    }

    @Test
    void an_admin_grants_a_role_and_sees_the_KYC_refusal_for_an_unverified_person(FxRobot robot) throws Exception {
        open(robot, "Pia Pending");
        assertThat(robot.lookup("#kycBadge").queryAs(Label.class).getText()).isEqualTo("KYC pending");
        ComboBox<VentureOverview> ventures = robot.lookup("#grantVenture").queryComboBox();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !ventures.getItems().isEmpty());
        assertThat(robot.lookup("#grantButton").queryButton().isDisabled()).isTrue();

        choose(robot, "#grantRole", Role.CONTRIBUTOR);
        choose(robot, "#grantVenture", ventures.getItems().stream().filter(v -> v.id().equals(scenario.venture())).findFirst().orElseThrow());
        robot.clickOn("#grantReason").write("Joins the hardware team");
        robot.clickOn("#grantButton");

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#feedbackRule").queryAs(Label.class).getText().equals("KY-5"));
        assertThat(feedback(robot)).contains("was not granted to Pia Pending").contains("is not KYC-verified (status pending)");
        assertThat(robot.lookup("#feedbackRule").queryAs(Label.class).isVisible()).isTrue();
        assertThat(robot.lookup("#grantReason").queryTextInputControl().getText()).isEqualTo("Joins the hardware team");
        assertThat(robot.lookup("#rolesTable").queryTableView().getItems()).isEmpty();

        // her documents show why: the passport still waits for review
        robot.clickOn("KYC documents");
        TableView<?> documents = robot.lookup("#kycTable").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> documents.getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".table-cell").queryAllAs(javafx.scene.control.Labeled.class).stream().map(javafx.scene.control.Labeled::getText))
                .contains("Passport", "pia-passport.pdf", "Waiting for review");
    }

    @Test
    void an_admin_unlocks_a_locked_account(FxRobot robot) throws Exception {
        open(robot, "Lars Locked");
        Label state = robot.lookup("#loginState").queryAs(Label.class);
        assertThat(state.getText()).startsWith("Locked until").endsWith("after 5 failed sign-ins");
        assertThat(robot.lookup("#unlockButton").queryButton().isDisabled()).isFalse();

        robot.press(KeyCode.ALT, KeyCode.U).release(KeyCode.U, KeyCode.ALT);

        // The sentence is set last, after the person is redrawn: wait for it, then read the rest.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !feedback(robot).isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(state.getText()).isEqualTo("Can sign in");
        assertThat(feedback(robot)).isEqualTo("The account of Lars Locked " + scenario.tag() + " is unlocked; the failed sign-ins are forgotten.");
        assertThat(robot.lookup("#unlockButton").queryButton().isDisabled()).isTrue();
    }

    @Test
    void an_admin_issues_buz_and_sees_the_monthly_cap_refusal_with_the_figures(FxRobot robot) throws Exception {
        open(robot, "Vera Verified");
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        robot.clickOn("BUZ wallet");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> tabs.getSelectionModel().getSelectedIndex() == 1);
        Label balance = robot.lookup("#walletBalance").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !balance.getText().isEmpty());
        ComboBox<VentureOverview> ventures = robot.lookup("#issueVenture").queryComboBox();
        choose(robot, "#issueVenture", ventures.getItems().stream().filter(v -> v.id().equals(scenario.venture())).findFirst().orElseThrow());

        Label rule = robot.lookup("#issuanceRule").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> rule.getText().contains("at most 1,000 BUZ a month"));
        assertThat(rule.getText()).contains("0 issued in", "board approved (BZ-4)");

        robot.clickOn("#issueAmount").write("800");
        robot.clickOn("#issueMemo").write("Sprint 12 delivery");
        robot.clickOn("#issueButton");
        TableView<?> transactions = robot.lookup("#transactionsTable").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> transactions.getItems().size() == 1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> balance.getText().startsWith("800 BUZ spendable"));
        assertThat(robot.lookup("#walletChain").queryAs(Label.class).getText()).startsWith("Chain intact (BZ-5)");

        robot.clickOn("#issueAmount").write("300").type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#feedbackRule").queryAs(Label.class).getText().equals("BZ-3"));
        assertThat(feedback(robot)).contains("Issuing 300 BUZ would bring").contains("to 1100 BUZ, above its monthly cap of 1000 BUZ")
                .contains("800 BUZ already issued this month");
        assertThat(robot.lookup("#issueAmount").queryTextInputControl().getText()).isEqualTo("300");
        assertThat(transactions.getItems()).hasSize(1);

        // The roles tab shows the people actions' feedback, not the BUZ refusal.
        robot.clickOn("Roles");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#feedbackBox").query().isVisible());
    }

    @Test
    void an_admin_creates_a_person_and_sees_the_temporary_password_once(FxRobot robot) throws Exception {
        String email = "nora." + scenario.tag() + "@admin.test";
        robot.clickOn("#newPersonPane");
        TextField name = robot.lookup("#newName").queryAs(TextField.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, name::isVisible);
        assertThat(robot.lookup("#createButton").queryButton().isDisabled()).isTrue();
        robot.clickOn("#newName").write("Nora New " + scenario.tag());
        robot.clickOn("#newEmail").write("not-an-address");
        robot.clickOn("#createButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> feedback(robot).startsWith("The account was not created"));
        assertThat(feedback(robot)).contains("E-mail:", "is not an e-mail address");
        assertThat(robot.lookup("#temporaryPasswordBox").query().isVisible()).isFalse();

        robot.doubleClickOn("#newEmail").eraseText("not-an-address".length()).write(email);
        robot.clickOn("#newCountry").write("ca").type(KeyCode.ENTER);

        Label personName = robot.lookup("#personName").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> personName.getText().equals("Nora New " + scenario.tag()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> feedback(robot).startsWith("The account of Nora New"));
        TextField shown = robot.lookup("#temporaryPassword").queryAs(TextField.class);
        assertThat(robot.lookup("#temporaryPasswordBox").query().isVisible()).isTrue();
        assertThat(shown.getText()).hasSize(16);
        assertThat(PasswordRule.problem("temporaryPassword", shown.getText(), email)).isEmpty();
        assertThat(robot.lookup("#loginState").queryAs(Label.class).getText()).startsWith("Temporary password");
        assertThat(robot.lookup("#kycBadge").queryAs(Label.class).getText()).isEqualTo("KYC pending");
        assertThat(robot.lookup("#newName").queryTextInputControl().getText()).isEmpty();

        // the list is searched again after creating: let that settle before dismissing
        ListView<?> list = robot.lookup("#peopleList").queryListView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !list.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Button dismiss = robot.lookup("#dismissTemporaryPassword").queryButton();
        assertThat(shown.getText()).hasSize(16);
        robot.interact(dismiss::fire);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#temporaryPasswordBox").query().isVisible());
        assertThat(shown.getText()).isEmpty();
    }
}
