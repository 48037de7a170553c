package org.smartstart.backoffice.ui.shell;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smartstart.backoffice.persistence.demo.DemoDataLoader;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;
import org.smartstart.backoffice.ui.tasks.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

/**
 * Renders the user guide's screenshots into docs/screenshots. Not part of the normal build:
 * {@code mvn -o test -Dtest=ScreenshotsTest -Dscreenshots=true}.
 */
@Tag("slow")
@EnabledIfSystemProperty(named = "screenshots", matches = "true")
@ExtendWith(ApplicationExtension.class)
class ScreenshotsTest {

    private static final Path OUT = Path.of("docs", "screenshots");
    /** Demo credentials (demo only), as listed in the README. */
    private static final String ADMIN = "ann.lee@example.com";
    private static final String COMPLIANCE = "grace.okafor@example.com";
    private static final String DEMO_PASSWORD = "demo-password-2026";
    private static TestDatabase db;
    private FxTaskExecutor executor;
    private ThemeSwitch themeSwitch;
    private BackOfficePlaces places;

    @BeforeAll
    static void database() throws Exception {
        db = TestPostgres.newDatabase();
        // The real demo data, as a new user sees it after the first start.
        DemoDataLoader.load(db.database());
        Files.createDirectories(OUT);
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        executor = new FxTaskExecutor(failure -> { throw new AssertionError("unhandled background failure", failure); });
        themeSwitch = new ThemeSwitch(Theme.LIGHT, theme -> { });
        try {
            places = DesktopWiring.places(db.database(), DesktopWiring.SERVERS,
                    UiPreferences.load(Files.createTempDirectory("screenshots").resolve("settings.properties")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        new DesktopShell(places, executor, themeSwitch, stage, ZoneId.systemDefault()).showSignIn();
    }

    @Test
    void render(FxRobot robot) throws Exception {
        robot.clickOn("#email").write(ADMIN);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#status").queryAs(javafx.scene.control.Label.class).getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(robot.lookup("#email").query().getScene(), "sign-in.png");

        robot.clickOn("#password").write(DEMO_PASSWORD);
        robot.clickOn("#signIn");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#table").tryQuery().isPresent());
        TableView<?> table = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() == 4);
        robot.moveTo("#summary");
        WaitForAsyncUtils.waitForFxEvents();
        Scene main = table.getScene();
        snapshot(main, "ventures-overview.png");

        robot.interact(() -> themeSwitch.darkProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(main, "ventures-overview-dark.png");
        robot.interact(() -> themeSwitch.darkProperty().set(false));

        disputes(robot, main);
        legalHolds(robot);
        executor.close();
        places.close();
    }

    @Test
    void renderAudit(FxRobot robot) throws Exception {
        signIn(robot, ADMIN, "#table");
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.DIGIT6)
                .release(javafx.scene.input.KeyCode.DIGIT6, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#verify").tryQuery().isPresent());
        TableView<org.smartstart.backoffice.domain.audit.AuditLogEntry> table = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        int withChange = 0;
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).data().contains("\"before\"")) {
                withChange = i;
                break;
            }
        }
        int row = withChange;
        robot.interact(() -> {
            table.getSelectionModel().select(row);
            table.scrollTo(Math.max(0, row - 3));
        });
        robot.clickOn("#verify");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#verifyStatus").queryAs(javafx.scene.control.Label.class).getText().startsWith("Chain intact"));
        WaitForAsyncUtils.waitForFxEvents();
        Scene main = table.getScene();
        snapshot(main, "audit-browser.png");
        robot.interact(() -> themeSwitch.darkProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(main, "audit-browser-dark.png");
    }

    @Test
    void administration(FxRobot robot) throws Exception {
        signIn(robot, ADMIN, "#nav-administration");
        robot.clickOn("#nav-administration");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#peopleList").tryQuery().isPresent());
        javafx.scene.control.ListView<?> people = robot.lookup("#peopleList").queryListView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !people.getItems().isEmpty());
        javafx.scene.control.Label name = robot.lookup("#personName").queryAs(javafx.scene.control.Label.class);
        Scene main = people.getScene();

        // A person whose role history shows a revoked assignment.
        openPerson(robot, "priya", name, "Priya Nair");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#rolesTable").queryTableView().getItems().size() >= 2);
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(main, "administration-roles.png");

        // KY-5: no role for a person whose KYC is still pending.
        openPerson(robot, "hannah", name, "Hannah Kim");
        javafx.scene.control.ComboBox<org.smartstart.backoffice.domain.ventures.VentureOverview> ventures = robot.lookup("#grantVenture").queryComboBox();
        javafx.scene.control.ComboBox<org.smartstart.backoffice.domain.identity.Role> roles = robot.lookup("#grantRole").queryComboBox();
        robot.interact(() -> {
            roles.getSelectionModel().select(org.smartstart.backoffice.domain.identity.Role.CONTRIBUTOR);
            ventures.getSelectionModel().select(ventures.getItems().stream().filter(v -> v.name().equals("Northwind Robotics")).findFirst().orElseThrow());
        });
        robot.clickOn("#grantReason").write("Joins the robotics firmware team");
        robot.clickOn("#grantButton");
        javafx.scene.control.Label rule = robot.lookup("#feedbackRule").queryAs(javafx.scene.control.Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> rule.getText().equals("KY-5"));
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(main, "administration-kyc-refusal.png");

        // A wallet with its chain, and the monthly cap refusal, in the dark theme.
        openPerson(robot, "chloe.gagnon", name, "Chloe Gagnon");
        robot.clickOn("BUZ wallet");
        javafx.scene.control.TableView<?> transactions = robot.lookup("#transactionsTable").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !transactions.getItems().isEmpty());
        javafx.scene.control.ComboBox<org.smartstart.backoffice.domain.ventures.VentureOverview> issueVenture = robot.lookup("#issueVenture").queryComboBox();
        robot.interact(() -> issueVenture.getSelectionModel().select(
                issueVenture.getItems().stream().filter(v -> v.name().equals("Northwind Robotics")).findFirst().orElseThrow()));
        robot.clickOn("#issueAmount").write("900000");
        robot.clickOn("#issueMemo").write("Firmware release 2.0");
        robot.clickOn("#issueButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> rule.getText().equals("BZ-3"));
        robot.interact(() -> themeSwitch.darkProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(main, "administration-buz-dark.png");
        robot.interact(() -> themeSwitch.darkProperty().set(false));
        executor.close();
        places.close();
    }

    /** An account opened with a temporary password, a person's KYC documents, and the new person's first sign-in. */
    @Test
    void newPersonAndFirstSignIn(FxRobot robot) throws Exception {
        signIn(robot, ADMIN, "#nav-administration");
        robot.clickOn("#nav-administration");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#peopleList").tryQuery().isPresent());
        javafx.scene.control.ListView<?> people = robot.lookup("#peopleList").queryListView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !people.getItems().isEmpty());
        javafx.scene.control.Label name = robot.lookup("#personName").queryAs(javafx.scene.control.Label.class);
        Scene main = people.getScene();

        openPerson(robot, "chloe.gagnon", name, "Chloe Gagnon");
        robot.clickOn("KYC documents");
        javafx.scene.control.TableView<?> documents = robot.lookup("#kycTable").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !documents.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(main, "administration-kyc-documents.png");
        robot.clickOn("Sign-ins");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Roles");

        robot.clickOn("#newPersonPane");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#newName").query().isVisible());
        robot.clickOn("#newName").write("Maya Fontaine");
        robot.clickOn("#newEmail").write("maya.fontaine@example.org");
        robot.clickOn("#newCountry").write("FR");
        robot.clickOn("#createButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> name.getText().equals("Maya Fontaine"));
        javafx.scene.control.TextField temporary = robot.lookup("#temporaryPassword").queryAs(javafx.scene.control.TextField.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !temporary.getText().isEmpty());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#feedback").queryAs(javafx.scene.control.Label.class).getText()
                .startsWith("The account of Maya"));
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(main, "administration-new-person.png");
        String password = temporary.getText();

        robot.clickOn("#signOut");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#email").tryQuery().isPresent()
                && robot.lookup("#email").query().getScene().getWindow().isShowing());
        robot.interact(() -> robot.lookup("#email").queryTextInputControl().clear());
        robot.clickOn("#email").write("maya.fontaine@example.org");
        robot.clickOn("#password").write(password);
        robot.clickOn("#signIn");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#passwordStep").query().isVisible());
        robot.clickOn("#newPassword").write("maya2026");
        robot.clickOn("#repeatedPassword").write("maya2026");
        robot.clickOn("#changePassword");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#passwordMessage").queryAs(javafx.scene.control.Label.class)
                .getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(robot.lookup("#passwordStep").query().getScene(), "sign-in-change-password.png");
        executor.close();
        places.close();
    }

    private static void openPerson(FxRobot robot, String search, javafx.scene.control.Label name, String displayName) throws Exception {
        javafx.scene.control.TextField field = robot.lookup("#searchText").queryAs(javafx.scene.control.TextField.class);
        robot.interact(field::clear);
        robot.clickOn(field).write(search).type(javafx.scene.input.KeyCode.ENTER);
        javafx.scene.control.ListView<?> people = robot.lookup("#peopleList").queryListView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> people.getItems().size() == 1);
        robot.interact(() -> people.getSelectionModel().select(0));
        robot.clickOn("#peopleList").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> name.getText().equals(displayName));
    }

    /** Diego's view of the disputes as support staff: the open dispute with breached deadlines selected, a BUZ remedy previewed. */
    private void disputes(FxRobot robot, Scene main) throws Exception {
        robot.clickOn("#nav-disputes");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#timeline").tryQuery().isPresent());
        javafx.scene.Node page = robot.lookup("#timeline").query().getParent();
        while (page.getParent() != null && !page.getStyleClass().contains("page")) {
            page = page.getParent();
        }
        TableView<org.smartstart.backoffice.domain.disputes.Dispute> disputes = robot.from(page).lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !disputes.getItems().isEmpty());
        robot.interact(() -> disputes.getItems().stream()
                .filter(d -> d.status() == org.smartstart.backoffice.domain.disputes.DisputeStatus.IN_REVIEW)
                .min(java.util.Comparator.comparing(d -> d.objectType() != org.smartstart.backoffice.domain.disputes.DisputeObjectType.BUZ_TX))
                .ifPresent(d -> disputes.getSelectionModel().select(d)));
        robot.clickOn("#resolution").write("Task paid short; compensated");
        robot.clickOn("#compensate");
        robot.clickOn("#amount").write("1500");
        // Only a dispute in review can be previewed; the demo data has one over a BUZ transaction.
        if (!robot.lookup("#previewRemedy").queryButton().isDisabled()) {
            robot.clickOn("#previewRemedy");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#remedyPreview").queryAs(javafx.scene.control.Label.class).isVisible());
        }
        javafx.scene.control.ListView<?> context = robot.from(page).lookup("#context").queryListView();
        javafx.scene.control.ListView<?> timeline = robot.from(page).lookup("#timeline").queryListView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !context.getItems().isEmpty() && !timeline.getItems().isEmpty());
        snapshotLightAndDark(robot, main, "disputes");

        // The equity dispute over Ravi's transfer: the cap table around the disputed row, the board resolution
        // attached as evidence with its sha256, and the dispute's audit timeline.
        robot.interact(() -> disputes.getItems().stream()
                .filter(d -> d.objectType() == org.smartstart.backoffice.domain.disputes.DisputeObjectType.EQUITY
                        && "Chloe Gagnon".equals(d.raisedByName()))
                .findFirst().ifPresent(d -> {
                    disputes.getSelectionModel().select(d);
                    disputes.scrollTo(d);
                }));
        javafx.scene.control.ListView<?> evidence = robot.from(page).lookup("#evidence").queryListView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !evidence.getItems().isEmpty() && !context.getItems().isEmpty());
        javafx.scene.control.SplitPane split = robot.from(page).lookup("#split").queryAs(javafx.scene.control.SplitPane.class);
        robot.interact(() -> {
            evidence.getSelectionModel().select(0);
            split.setDividerPositions(0.16);
            ((javafx.scene.control.ScrollPane) split.getItems().get(1)).setVvalue(1.0);
        });
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(main, "disputes-evidence.png");
    }

    /** Grace, a compliance officer: the holds, and a freeze preview for Helios Grid, which already has an active hold. */
    private void legalHolds(FxRobot robot) throws Exception {
        robot.clickOn("#signOut");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#email").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#email").queryTextInputControl().clear());
        signIn(robot, COMPLIANCE, "#nav-legal-holds");
        robot.clickOn("#nav-legal-holds");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#venture").tryQuery().isPresent());
        javafx.scene.control.ComboBox<org.smartstart.backoffice.domain.ventures.VentureOverview> venture = robot.lookup("#venture").queryComboBox();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> venture.getItems().stream().anyMatch(v -> v.name().equals("Helios Grid")));
        robot.interact(() -> venture.getSelectionModel().select(
                venture.getItems().stream().filter(v -> v.name().equals("Helios Grid")).findFirst().orElseThrow()));
        robot.clickOn("#reason").write("Founder dispute, counsel letter 2026-11-28");
        robot.clickOn("#previewButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#preview").queryAs(javafx.scene.control.Label.class).isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(venture.getScene(), "legal-holds.png");
    }

    @Test
    void capTables(FxRobot robot) throws Exception {
        signIn(robot, "liam.tremblay@example.org", "#table");
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.DIGIT2)
                .release(javafx.scene.input.KeyCode.DIGIT2, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#holders").tryQuery().isPresent());
        TableView<?> holders = robot.lookup("#holders").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> holders.getItems().size() > 2);
        WaitForAsyncUtils.waitForFxEvents();
        Scene main = holders.getScene();
        snapshot(main, "cap-table.png");
        robot.clickOn("Charts");
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(main, "cap-table-charts.png");
        robot.clickOn("Convert BUZ");
        robot.clickOn("#convertFor");
        robot.type(javafx.scene.input.KeyCode.DOWN).type(javafx.scene.input.KeyCode.ENTER);
        robot.clickOn("#buzAmount").write("20000");
        robot.clickOn("#convertPercent").write("1.5");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#dilution").queryListView().getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(main, "cap-table-convert.png");
        robot.clickOn("Holders");

        // A draft that breaks the owner floor: the rule, the date and the figures show before saving.
        robot.clickOn("#from");
        robot.type(javafx.scene.input.KeyCode.DOWN).type(javafx.scene.input.KeyCode.DOWN).type(javafx.scene.input.KeyCode.ENTER);
        robot.clickOn("#to");
        robot.type(javafx.scene.input.KeyCode.DOWN).type(javafx.scene.input.KeyCode.ENTER);
        robot.clickOn("#percent").write("20");
        robot.clickOn("#addStep");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#preview").queryTableView().getItems().isEmpty());
        snapshotLightAndDark(robot, main, "cap-table-draft");
        executor.close();
        places.close();
    }

    /** The cap table's history with audit entries, a holding's vesting schedule, and finding a new holder. */
    @Test
    void capTableVestingAndHistory(FxRobot robot) throws Exception {
        signIn(robot, "liam.tremblay@example.org", "#table");
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.DIGIT2)
                .release(javafx.scene.input.KeyCode.DIGIT2, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#holders").tryQuery().isPresent());
        TableView<org.smartstart.backoffice.ui.captable.HolderLine> holders = robot.lookup("#holders").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> holders.getItems().size() > 2);
        Scene main = holders.getScene();

        robot.interact(() -> robot.lookup("#stepKind").<javafx.scene.control.ComboBox<org.smartstart.backoffice.ui.captable.CapTableViewModel.StepKind>>query()
                .setValue(org.smartstart.backoffice.ui.captable.CapTableViewModel.StepKind.ADD_HOLDER));
        robot.clickOn("#holderSearch").write(ADMIN).type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#message").queryAs(javafx.scene.control.Label.class).getText().startsWith("Found"));
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(main, "cap-table-find-holder.png");

        robot.clickOn(tabLabel(robot, "Ledger changes"));
        TableView<?> changes = robot.lookup("#changeTable").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !changes.getItems().isEmpty());
        robot.interact(() -> changes.getSelectionModel().select(0));
        snapshotLightAndDark(robot, main, "cap-table-history");

        robot.clickOn(tabLabel(robot, "Holders"));
        int vesting = 0;
        for (int i = 0; i < holders.getItems().size(); i++) {
            if (!holders.getItems().get(i).total() && !holders.getItems().get(i).vesting().equals("Fully vested")) {
                vesting = i;
                break;
            }
        }
        int line = vesting;
        robot.interact(() -> holders.getSelectionModel().select(line));
        robot.clickOn(tabLabel(robot, "Vesting"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#scheduleTable").queryTableView().getItems().isEmpty());
        snapshotLightAndDark(robot, main, "cap-table-vesting");
        executor.close();
        places.close();
    }

    /** ocf: the OCF import preview of a package for a new venture of a demo owner, with its notes. */
    @Test
    void ocfImportPreview(FxRobot robot) throws Exception {
        signIn(robot, "liam.tremblay@example.org", "#table");
        java.util.UUID liam;
        java.util.UUID venture = java.util.UUID.randomUUID();
        try (java.sql.Connection c = db.ownerConnection(); java.sql.Statement st = c.createStatement()) {
            java.sql.ResultSet r = st.executeQuery("SELECT id FROM users WHERE email = 'liam.tremblay@example.org'");
            r.next();
            liam = r.getObject(1, java.util.UUID.class);
            st.execute("INSERT INTO ventures (id, name, region, status, owner_user_id) VALUES ('" + venture
                    + "', 'Orchard Labs', 'ca', 'draft', '" + liam + "')");
        }
        org.smartstart.backoffice.domain.captable.ocf.OcfPackage pkg = new org.smartstart.backoffice.testing.OcfTestPackage()
                .fourYearsOneYearCliff("4y1y").eventVesting("on-sale")
                .stakeholder("liam", "Liam Tremblay", "liam.tremblay@example.org")
                .stakeholder("maya", "Maya Chen", "maya.chen@maplewood.example.com")
                .stakeholder("omar", "Omar Haddad", "omar.haddad@maplewood.example.com")
                .stakeholder("fund", "Maple Seed Fund I", "deals@maple-seed.example.com")
                .issue("2024-02-01", "CS-1", "liam", "6000000")
                .issue("2024-02-01", "CS-2", "maya", "2500000", "common", "4y1y")
                .issue("2024-02-01", "CS-3", "omar", "1500000", "common", "on-sale")
                .transfer("2024-09-01", "CS-1", "500000", "CS-5", "CS-4")
                .issue("2024-09-01", "CS-4", "omar", "500000")
                .issue("2024-09-01", "CS-5", "liam", "5500000")
                .issue("2025-03-15", "CS-6", "fund", "1250000")
                .split("2025-06-01", "common", "2", "1")
                .build();
        java.nio.file.Path folder = Files.createTempDirectory("maplewood-ocf");
        org.smartstart.backoffice.domain.captable.ocf.OcfPackages.write(pkg, folder);
        org.smartstart.backoffice.persistence.usecase.LocalServices services =
                org.smartstart.backoffice.persistence.usecase.LocalServices.open(db.database(), java.time.Clock.systemUTC());
        try (org.smartstart.backoffice.persistence.usecase.LocalConnector connector =
                     new org.smartstart.backoffice.persistence.usecase.LocalConnector(services, services)) {
            var signedIn = (org.smartstart.backoffice.domain.identity.SignInResult.SignedIn) connector.signIn(
                    "liam.tremblay@example.org", DEMO_PASSWORD.toCharArray(), new org.smartstart.backoffice.domain.identity.ClientInfo("test", "screenshots"));
            var vm = new org.smartstart.backoffice.ui.captable.ocf.OcfImportViewModel(
                    connector.open(signedIn.session()).capTableInterchange(), executor, venture, "Orchard Labs", () -> { });
            Stage[] dialog = new Stage[1];
            robot.interact(() -> {
                dialog[0] = org.smartstart.backoffice.ui.captable.ocf.OcfImportDialog.open(robot.lookup("#table").query().getScene().getWindow(), vm);
                vm.choose(folder);
            });
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.lines().isEmpty());
            WaitForAsyncUtils.waitForFxEvents();
            snapshot(dialog[0].getScene(), "ocf-import-preview.png");
            robot.interact(() -> dialog[0].close());
        }
        executor.close();
        places.close();
    }

    private static javafx.scene.Node tabLabel(FxRobot robot, String title) {
        return robot.lookup(".tab .tab-label").match((javafx.scene.control.Label l) -> title.equals(l.getText())).query();
    }

    @Test
    void renderKycReview(FxRobot robot) throws Exception {
        signIn(robot, COMPLIANCE, "#table");
        robot.clickOn("KYC review");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#queue").tryQuery().isPresent()
                && !robot.lookup("#queue").queryTableView().getItems().isEmpty());
        // a person's document, so the applicant tab below shows their devices
        robot.clickOn("#kindFilter");
        robot.clickOn("KYC (people)");
        robot.clickOn("#queue");
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.N)
                .release(javafx.scene.input.KeyCode.N, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#shaCheck").queryAs(javafx.scene.control.Label.class)
                .getText().startsWith("✔") && robot.lookup("#notice").queryAs(javafx.scene.control.Label.class).getText().startsWith("Claimed"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#counts").queryAs(javafx.scene.control.Label.class)
                .getText().contains("(1 claimed)") && robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.Label l && l.getText() != null
                        && l.getText().startsWith("you until")).tryQuery().isPresent());
        robot.clickOn("#internalComment").write("Utility bill dated 2026-09-30; address matches the profile.");
        robot.moveTo("#counts");
        WaitForAsyncUtils.waitForFxEvents();
        Scene main = robot.lookup("#queue").query().getScene();
        snapshot(main, "kyc-review.png");

        robot.interact(() -> themeSwitch.darkProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(main, "kyc-review-dark.png");
        robot.interact(() -> themeSwitch.darkProperty().set(false));

        // the applicant beside the document: devices, other documents and their decisions
        javafx.scene.control.TabPane tabs = robot.lookup("#tabs").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("Device posture").tryQuery().isPresent());
        robot.moveTo("#counts");
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(main, "kyc-review-applicant.png");

        // the history: every step with its audit entry
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.H)
                .release(javafx.scene.input.KeyCode.H, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".kyc-audit-link").tryQuery().isPresent());
        robot.moveTo("#counts");
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(main, "kyc-review-history.png");

        // the queue narrowed: overdue documents, the earliest deadline first
        robot.clickOn("#orderChoice");
        robot.clickOn("Due first");
        robot.clickOn("#overdue");
        robot.clickOn("#minRiskFilter").write("50").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#queue").queryTableView().getItems().isEmpty()
                && robot.lookup("#queue").queryTableView().getItems().stream()
                .allMatch(i -> ((org.smartstart.backoffice.domain.kyc.QueueItem) i).riskScore() >= 50));
        robot.moveTo("#counts");
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(main, "kyc-review-filters.png");
        executor.close();
        places.close();
    }

    /** captable: the issuance rule and the conversion's result before converting (BZ-4); renaming a vesting policy. */
    @Test
    void capTableConversionRuleAndPolicyRename(FxRobot robot) throws Exception {
        signIn(robot, "liam.tremblay@example.org", "#table");
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.DIGIT2)
                .release(javafx.scene.input.KeyCode.DIGIT2, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#holders").tryQuery().isPresent());
        TableView<?> holders = robot.lookup("#holders").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> holders.getItems().size() > 2);
        Scene main = holders.getScene();
        robot.clickOn("Convert BUZ");
        robot.clickOn("#convertFor");
        robot.type(javafx.scene.input.KeyCode.DOWN).type(javafx.scene.input.KeyCode.ENTER);
        robot.clickOn("#buzAmount").write("30000"); // 0.00005% per BUZ: inside the demo rule's band
        robot.clickOn("#convertPercent").write("1.5");
        javafx.scene.control.Label result = robot.lookup("#conversionResult").queryAs(javafx.scene.control.Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !result.getText().isEmpty());
        snapshotLightAndDark(robot, main, "cap-table-convert-rule");

        robot.clickOn(tabLabel(robot, "Vesting"));
        javafx.scene.control.ListView<org.smartstart.backoffice.domain.captable.VestingPolicy> policies = robot.lookup("#policies").queryListView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !policies.getItems().isEmpty());
        // The demo has platform templates only: the owner defines the venture's own policy first (one audit entry).
        int templates = policies.getItems().size();
        javafx.scene.control.ScrollPane pane = (javafx.scene.control.ScrollPane) robot.lookup(".scroll-pane").match(n -> n instanceof javafx.scene.control.ScrollPane
                && ((javafx.scene.control.ScrollPane) n).getContent() != null && ((javafx.scene.control.ScrollPane) n).getContent().lookup("#policies") != null).query();
        robot.interact(() -> pane.setVvalue(1.0));
        robot.interact(() -> {
            robot.lookup("#policyName").queryAs(javafx.scene.control.TextField.class).setText("Founders 3y");
            robot.lookup("#cliffMonths").queryAs(javafx.scene.control.TextField.class).setText("6");
            robot.lookup("#durationMonths").queryAs(javafx.scene.control.TextField.class).setText("36");
            robot.lookup("#frequency").<javafx.scene.control.ComboBox<org.smartstart.backoffice.domain.captable.VestingFrequency>>query()
                    .setValue(org.smartstart.backoffice.domain.captable.VestingFrequency.MONTHLY);
        });
        robot.interact(() -> robot.lookup("#createPolicy").queryButton().fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> policies.getItems().size() > templates);
        robot.interact(() -> policies.getSelectionModel().select(policies.getItems().size() - 1));
        robot.interact(() -> policies.scrollTo(policies.getItems().size() - 1));
        robot.interact(() -> pane.setVvalue(1.0));
        javafx.scene.control.TextField renameTo = robot.lookup("#renameTo").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> renameTo.setText("Founders: 3 years, 6-month cliff"));
        robot.interact(() -> renameTo.requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(main, "cap-table-rename-policy.png");
        executor.close();
        places.close();
    }

    private static void snapshot(Scene scene, String name) throws Exception {
        WritableImage[] image = new WritableImage[1];
        WaitForAsyncUtils.asyncFx(() -> image[0] = scene.snapshot(null)).get(10, TimeUnit.SECONDS);
        File file = OUT.resolve(name).toFile();
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", file);
        System.out.println("Wrote " + file.getAbsolutePath() + " " + (int) image[0].getWidth() + "x" + (int) image[0].getHeight());
    }

    /** {@code name}.png in the light theme and {@code name}-dark.png in the dark one; the light theme is left on. */
    private void snapshotLightAndDark(FxRobot robot, Scene scene, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(scene, name + ".png");
        robot.interact(() -> themeSwitch.darkProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(scene, name + "-dark.png");
        robot.interact(() -> themeSwitch.darkProperty().set(false));
    }

    /** Signs in with the demo password (demo only) and waits until the main window shows {@code shown}. */
    private static void signIn(FxRobot robot, String email, String shown) throws java.util.concurrent.TimeoutException {
        robot.clickOn("#email").write(email);
        robot.clickOn("#password").write(DEMO_PASSWORD);
        robot.clickOn("#signIn");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(shown).tryQuery().isPresent());
    }

    /** ocf: the cap table screen after "Export OCF…" wrote a package of a demo venture, light and dark. */
    @Test
    void ocfExport(FxRobot robot) throws Exception {
        signIn(robot, "liam.tremblay@example.org", "#table");
        java.nio.file.Path zip = Files.createTempDirectory("ocf").resolve("northwind-ocf.zip");
        org.smartstart.backoffice.persistence.usecase.LocalServices services =
                org.smartstart.backoffice.persistence.usecase.LocalServices.open(db.database(), java.time.Clock.systemUTC());
        try (org.smartstart.backoffice.persistence.usecase.LocalConnector connector =
                     new org.smartstart.backoffice.persistence.usecase.LocalConnector(services, services)) {
            var signedIn = (org.smartstart.backoffice.domain.identity.SignInResult.SignedIn) connector.signIn(
                    "liam.tremblay@example.org", DEMO_PASSWORD.toCharArray(), new org.smartstart.backoffice.domain.identity.ClientInfo("test", "screenshots"));
            var vm = new org.smartstart.backoffice.ui.captable.CapTableViewModel(connector.open(signedIn.session()), executor,
                    java.time.Clock.systemUTC());
            var view = new org.smartstart.backoffice.ui.captable.CapTableView(vm);
            view.chooseOcfTargetWith(name -> zip);
            Stage[] window = new Stage[1];
            robot.interact(() -> {
                window[0] = new Stage();
                Scene scene = new Scene(org.smartstart.backoffice.ui.shell.ViewLoader.load("CapTables", view), 1280, 800);
                scene.getStylesheets().add(Theme.appStylesheet());
                window[0].setScene(scene);
                window[0].show();
                vm.start();
            });
            TableView<?> holders = robot.lookup((javafx.scene.Node n) -> n.getScene() == window[0].getScene() && "holders".equals(n.getId()))
                    .queryTableView();
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> holders.getItems().size() > 2);
            robot.interact(() -> vm.exportOcf(zip));
            javafx.scene.control.Label message = robot.lookup((javafx.scene.Node n) -> n.getScene() == window[0].getScene()
                    && "message".equals(n.getId())).queryAs(javafx.scene.control.Label.class);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> message.isVisible() && message.getText().contains("validates"));
            WaitForAsyncUtils.waitForFxEvents();
            snapshot(window[0].getScene(), "cap-table-ocf-export.png");
            robot.interact(() -> themeSwitch.darkProperty().set(true));
            WaitForAsyncUtils.waitForFxEvents();
            snapshot(window[0].getScene(), "cap-table-ocf-export-dark.png");
            robot.interact(() -> {
                themeSwitch.darkProperty().set(false);
                window[0].close();
            });
        }
        executor.close();
        places.close();
    }

    /** The administration's Ventures section: the list with Northwind open, its billing, and Kumo's KY-6 refusal; light and dark. */
    @Test
    void ventureAdministration(FxRobot robot) throws Exception {
        signIn(robot, ADMIN, "#nav-administration");
        robot.clickOn("#nav-administration");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#sections").tryQuery().isPresent());
        javafx.scene.control.TabPane sections = robot.lookup("#sections").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> sections.getSelectionModel().select(1));
        javafx.scene.control.ListView<org.smartstart.backoffice.domain.ventures.VentureOverview> list = robot.lookup("#venturesList").queryListView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> list.getItems().size() >= 4);
        javafx.scene.control.Label title = robot.lookup("#ventureTitle").queryAs(javafx.scene.control.Label.class);
        javafx.scene.control.Label rule = robot.lookup("#ventureIssuanceRule").queryAs(javafx.scene.control.Label.class);
        Scene main = list.getScene();

        openVenture(robot, list, title, "Northwind Robotics");
        javafx.scene.control.TabPane detailTabs = robot.lookup("#ventureTabs").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> detailTabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#ventureKybTable").queryTableView().getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(main, "administration-ventures.png");

        robot.interact(() -> detailTabs.getSelectionModel().select(3));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#ventureInvoices").queryTableView().getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(main, "administration-venture-billing.png");
        robot.interact(() -> themeSwitch.darkProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(main, "administration-venture-billing-dark.png");

        // KY-6: Kumo Analytics is a draft without its verified KYB documents.
        openVenture(robot, list, title, "Kumo Analytics");
        javafx.scene.control.TabPane ventureTabs = robot.lookup("#ventureTabs").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> ventureTabs.getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !rule.getText().isEmpty());
        robot.clickOn("#ventureStatusReason").write("Seed round closed");
        robot.clickOn("#ventureChangeStatus");
        javafx.scene.control.Label refused = robot.lookup("#ventureFeedback .rule-badge").queryAs(javafx.scene.control.Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "KY-6".equals(refused.getText()));
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(main, "administration-ventures-ky6-dark.png");
        robot.interact(() -> themeSwitch.darkProperty().set(false));
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(main, "administration-ventures-ky6.png");
        executor.close();
        places.close();
    }

    private static void openVenture(FxRobot robot, javafx.scene.control.ListView<org.smartstart.backoffice.domain.ventures.VentureOverview> list,
                                    javafx.scene.control.Label title, String name) throws Exception {
        robot.interact(() -> list.getSelectionModel().select(
                list.getItems().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> title.getText().equals(name));
    }

    /** The audit list after a jump to a date: in time order from the last entry of that day, the line above the table says so. */
    @Test
    void renderAuditJumpToDate(FxRobot robot) throws Exception {
        signIn(robot, ADMIN, "#table");
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.DIGIT6)
                .release(javafx.scene.input.KeyCode.DIGIT6, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#goDate").tryQuery().isPresent());
        TableView<org.smartstart.backoffice.domain.audit.AuditLogEntry> table = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        javafx.scene.control.DatePicker day = robot.lookup("#jumpDate").queryAs(javafx.scene.control.DatePicker.class);
        robot.interact(() -> day.setValue(table.getItems().get(0).ts().atZone(java.time.ZoneId.systemDefault()).toLocalDate()));
        robot.clickOn("#goDate");
        javafx.scene.control.Label summary = robot.lookup("#summary").queryAs(javafx.scene.control.Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> summary.getText().contains("in time order"));
        robot.interact(() -> table.getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(table.getScene(), "audit-browser-jump-to-date.png");
    }
}
