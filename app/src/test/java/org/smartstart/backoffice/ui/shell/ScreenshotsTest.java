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
    void capTables(FxRobot robot) throws Exception {
        robot.clickOn("#email").write("liam.tremblay@example.org");
        robot.clickOn("#password").write(DEMO_PASSWORD);
        robot.clickOn("#signIn");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#table").tryQuery().isPresent());
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
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(main, "cap-table-draft.png");

        robot.interact(() -> themeSwitch.darkProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(main, "cap-table-draft-dark.png");
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
