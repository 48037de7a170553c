package org.smartstart.backoffice.ui.kyc;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smartstart.backoffice.domain.kyc.QueueItem;
import org.smartstart.backoffice.domain.kyc.ReviewEvent;
import org.smartstart.backoffice.testing.TestAccounts;
import org.smartstart.backoffice.ui.navigation.Place;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;
import org.smartstart.backoffice.ui.shell.Theme;
import org.smartstart.backoffice.ui.shell.ViewLoader;
import org.smartstart.backoffice.ui.tasks.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The robot works the queue like a compliance officer: with the keyboard, and with a colleague for four eyes. */
@ExtendWith(ApplicationExtension.class)
class KycReviewWindowTest {

    private static BackOfficeFixture fixture;
    private static UUID cleo;
    private final List<FxTaskExecutor> executors = new ArrayList<>();
    private final List<Stage> extraStages = new ArrayList<>();
    /** Where the page's links led (the shell's navigator, recorded). */
    private final List<Place> visited = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void database() throws Exception {
        fixture = BackOfficeFixture.create();
        cleo = person("Cleo Compliance", "compliance");
        // The local adapter boots Hibernate and its pool on first use: here, not inside @Start on the FX thread,
        // whose setup has a time limit a loaded machine can exceed.
        fixture.as(Adapter.LOCAL, cleo).kycReview().counts();
    }

    @AfterAll
    static void dropDatabase() {
        fixture.close();
    }

    static UUID person(String name, String... roles) throws Exception {
        return ReviewFixtures.person(fixture, name, roles);
    }

    static UUID document(UUID applicant, String type, int risk) throws Exception {
        return ReviewFixtures.document(fixture, applicant, type, risk);
    }

    /** The review page of {@code officer}, as the shell builds it, in its own scene. */
    private Parent page(UUID officer) {
        FxTaskExecutor executor = new FxTaskExecutor(failure -> { throw new AssertionError("unhandled background failure", failure); });
        executors.add(executor);
        KycReviewViewModel viewModel = new KycReviewViewModel(fixture.as(Adapter.LOCAL, officer).kycReview(), officer, executor,
                ReasonCode.configured(), place -> visited.add(place));
        Parent root = ViewLoader.load("KycReview", new KycReviewView(viewModel, ZoneId.systemDefault()));
        root.getProperties().put(KycReviewViewModel.class, viewModel);
        viewModel.start();
        return root;
    }

    private static Scene scene(Parent root) {
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(Theme.appStylesheet());
        return scene;
    }

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        stage.setScene(scene(page(cleo)));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> extraStages.forEach(Stage::close)).get(10, TimeUnit.SECONDS);
        executors.forEach(FxTaskExecutor::close);
    }

    private static void shortcut(FxRobot robot, KeyCode... keys) {
        List<KeyCode> all = new ArrayList<>(List.of(KeyCode.CONTROL));
        all.addAll(List.of(keys));
        robot.press(all.toArray(KeyCode[]::new));
        java.util.Collections.reverse(all);
        robot.release(all.toArray(KeyCode[]::new));
    }

    @Test
    void claims_the_next_document_with_the_keyboard_views_it_and_rejects_it_with_a_reason(FxRobot robot) throws Exception {
        UUID doc = document(person("Ada Applicant"), "passport", 25);
        robot.clickOn("#queue");
        shortcut(robot, KeyCode.N);

        Label sha = robot.lookup("#shaCheck").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> sha.getText().startsWith("✔ sha256"));
        assertThat(sha.getText()).contains("matches the stored one (KY-7)");
        assertThat(robot.lookup("#pageView").queryAs(ImageView.class).getImage()).isNotNull();
        assertThat(robot.lookup("#pageLabel").queryAs(Label.class).getText()).isEqualTo("Page 1 of 1");
        assertThat(robot.lookup("#notice").queryAs(Label.class).getText()).startsWith("Claimed KYC passport until");
        TableView<?> queue = robot.lookup("#queue").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> queue.getItems().stream()
                .anyMatch(i -> ((QueueItem) i).documentId().equals(doc) && ((QueueItem) i).claimedBy() != null));

        // zoom and rotate the page
        Label zoom = robot.lookup("#zoomLabel").queryAs(Label.class);
        String fitted = zoom.getText();
        shortcut(robot, KeyCode.EQUALS);
        WaitForAsyncUtils.waitForFxEvents();
        int expected = Math.round(Integer.parseInt(fitted.replace(" %", "")) * 1.25f);
        assertThat(Integer.parseInt(zoom.getText().replace(" %", ""))).isBetween(expected - 1, expected + 1);
        shortcut(robot, KeyCode.R);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#pageView").queryAs(ImageView.class).getRotate()).isEqualTo(90);

        robot.clickOn("#reason");
        robot.clickOn("Resubmit: Image unreadable (glare, blur, cropped) (IMAGE_UNREADABLE)");
        robot.clickOn("#internalComment").write("Glare covers the MRZ.");
        robot.clickOn("#applicantComment").write("Please upload a photo without glare.");
        shortcut(robot, KeyCode.SHIFT, KeyCode.R);

        Label result = robot.lookup("#result").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> result.getText().startsWith("Now rejected."));
        assertThat(robot.lookup("#problem").queryAs(Label.class).getText()).isEmpty();
        assertThat(robot.lookup("#rejectResubmit").queryAs(Button.class).isDisabled()).isTrue();
        shortcut(robot, KeyCode.H);
        ListView<?> history = robot.lookup("#history").queryAs(ListView.class);
        // the claim and the decision, each with its audit entry
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> history.getItems().size() == 2);
        assertThat(history.isVisible()).isTrue();
        assertThat(history.getItems()).extracting(e -> ((ReviewEvent) e).action()).containsExactly("KYC_CLAIMED", "KYC_DECISION");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> queue.getItems().stream()
                .noneMatch(i -> ((QueueItem) i).documentId().equals(doc)));
    }

    @Test
    void a_high_risk_approval_waits_for_a_second_officer_who_confirms_it(FxRobot robot) throws Exception {
        UUID dan = person("Dan Diligence", "compliance");
        document(person("Ben Applicant"), "id_card", 85);
        robot.clickOn("#queue");
        shortcut(robot, KeyCode.N);
        Label sha = robot.lookup("#shaCheck").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> sha.getText().startsWith("✔ sha256"));
        robot.clickOn("#internalComment").write("Photo and MRZ consistent.");
        robot.clickOn("#approve");

        Label result = robot.lookup("#result").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> result.getText().startsWith("Now awaiting second approval."));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#secondTitle").queryAs(Label.class).getText()
                .contains("you approved it first"));
        assertThat(robot.lookup("#confirm").queryAs(Button.class).isDisabled()).isTrue();

        // Dan signs in on his own computer and finds it among the documents awaiting a second approval.
        Stage[] second = new Stage[1];
        WaitForAsyncUtils.asyncFx(() -> {
            second[0] = new Stage();
            second[0].setScene(scene(page(dan)));
            second[0].show();
            extraStages.add(second[0]);
        }).get(10, TimeUnit.SECONDS);
        Parent danRoot = second[0].getScene().getRoot();
        robot.clickOn(robot.from(danRoot).lookup("#statusFilter").queryComboBox());
        robot.clickOn("Awaiting second approval");
        TableView<?> danQueue = robot.from(danRoot).lookup("#queue").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> danQueue.getItems().size() == 1);
        // Cells are laid out on the next pulse after the items arrive.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.from(danRoot).lookup("Ben Applicant").tryQuery().isPresent());
        robot.clickOn(robot.from(danRoot).lookup("Ben Applicant").queryLabeled());
        Label danTitle = robot.from(danRoot).lookup("#secondTitle").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> danTitle.getText().startsWith("Awaiting second approval (risk 85"));
        robot.clickOn(robot.from(danRoot).lookup("#secondComment").queryTextInputControl()).write("Agree: photo matches the selfie.");
        robot.clickOn(robot.from(danRoot).lookup("#confirm").queryButton());

        Label danResult = robot.from(danRoot).lookup("#result").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> danResult.getText().startsWith("Now verified."));
        assertThat(robot.from(danRoot).lookup("#problem").queryAs(Label.class).getText()).isEmpty();
    }

    @Test
    void filters_the_queue_by_country_then_opens_the_history_and_its_audit_trail(FxRobot robot) throws Exception {
        UUID nora = person("Nora Neuseeland");
        TestAccounts.exec(fixture.db(), "UPDATE users SET country_code = 'NZ' WHERE id = '" + nora + "'");
        UUID elsewhere = person("Carla Chile");
        TestAccounts.exec(fixture.db(), "UPDATE users SET country_code = 'CL' WHERE id = '" + elsewhere + "'");
        UUID doc = document(nora, "passport", 40);
        document(elsewhere, "passport", 40);

        TableView<?> queue = robot.lookup("#queue").queryTableView();
        robot.clickOn("#countryFilter").write("nz").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> queue.getItems().size() == 1
                && ((QueueItem) queue.getItems().get(0)).documentId().equals(doc));
        assertThat(((QueueItem) queue.getItems().get(0)).country()).isEqualTo("NZ");

        // a risk bound that is no number is refused, naming the field; the queue is not read with it
        robot.clickOn("#minRiskFilter").write("high").type(KeyCode.ENTER);
        Label problem = robot.lookup("#problem").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> problem.getText().contains("Risk from"));
        robot.doubleClickOn("#minRiskFilter").eraseText(4).write("30").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> problem.getText().isEmpty() && queue.getItems().size() == 1);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Nora Neuseeland").tryQuery().isPresent());
        robot.clickOn(robot.lookup("Nora Neuseeland").queryLabeled());
        Label sha = robot.lookup("#shaCheck").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> sha.getText().startsWith("✔ sha256"));
        robot.clickOn("#claim");
        Label notice = robot.lookup("#notice").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> notice.getText().startsWith("Claimed until"));

        shortcut(robot, KeyCode.H);
        ListView<?> history = robot.lookup("#history").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> history.getItems().size() == 1);
        ReviewEvent claimed = (ReviewEvent) history.getItems().get(0);
        assertThat(claimed.action()).isEqualTo("KYC_CLAIMED");
        robot.clickOn("Open in audit trail");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !visited.isEmpty());
        assertThat(visited).containsExactly(new Place.AuditTrailOf("kyc_document", doc));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".kyc-audit-link").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".kyc-audit-link").queryAs(javafx.scene.control.Hyperlink.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> visited.size() == 2);
        assertThat(visited.get(1)).isEqualTo(claimed.seq() == null ? new Place.AuditTrailOf("kyc_document", doc)
                : new Place.AuditEntryAt(claimed.seq()));
    }

    @Test
    void a_document_place_opens_that_document_in_the_review_pane(FxRobot robot) throws Exception {
        UUID doc = document(person("Otto Opened"), "id_card", 10);
        KycReviewViewModel viewModel = (KycReviewViewModel) robot.lookup("#root").query().getProperties().get(KycReviewViewModel.class);

        boolean shown = WaitForAsyncUtils.asyncFx(() -> viewModel.show(new Place.ObjectOf("kyc_document", doc, null))).get(10, TimeUnit.SECONDS);

        assertThat(shown).isTrue();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> viewModel.detailProperty().get() != null
                && viewModel.detailProperty().get().documentId().equals(doc));
        assertThat(WaitForAsyncUtils.asyncFx(() -> viewModel.show(new Place.ObjectOf("dispute", doc, null))).get(10, TimeUnit.SECONDS)).isFalse();
    }
}

