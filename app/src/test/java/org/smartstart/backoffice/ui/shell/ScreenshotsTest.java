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
        executor.close();
        places.close();
    }

    @Test
    void renderKycReview(FxRobot robot) throws Exception {
        robot.clickOn("#email").write(COMPLIANCE);
        robot.clickOn("#password").write(DEMO_PASSWORD);
        robot.clickOn("#signIn");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#table").tryQuery().isPresent());
        robot.clickOn("KYC review");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#queue").tryQuery().isPresent()
                && !robot.lookup("#queue").queryTableView().getItems().isEmpty());
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
}
