package org.smartstart.backoffice.ui.shell;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;
import org.smartstart.backoffice.ui.tasks.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The robot signs in like a person: wrong password first, then the right one, and sees the ventures. */
@ExtendWith(ApplicationExtension.class)
class SignInWindowTest {

    private static TestDatabase db;
    private FxTaskExecutor executor;

    @BeforeAll
    static void database() throws Exception {
        db = TestPostgres.newDatabase();
        DemoVentures.fill(db);
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        executor = new FxTaskExecutor(failure -> { throw new AssertionError("unhandled background failure", failure); });
        DesktopServices services = DesktopWiring.services(db.database(), () -> { });
        new DesktopShell(services, executor, new ThemeSwitch(Theme.LIGHT, theme -> { }), stage, ZoneId.systemDefault()).showSignIn();
    }

    @AfterEach
    void stopExecutor() {
        executor.close();
    }

    @Test
    void a_wrong_password_is_refused_with_the_attempts_left_and_the_right_one_opens_the_ventures(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#signIn").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#database").queryAs(Label.class).getText()).startsWith("Connected to ").contains(db.name());

        robot.clickOn("#email").write(DemoVentures.EMAIL);
        robot.clickOn("#password").write("not my password");
        robot.type(javafx.scene.input.KeyCode.ENTER);

        Label message = robot.lookup("#message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !message.getText().isEmpty());
        assertThat(message.getText()).isEqualTo("Wrong e-mail or password. 4 attempts left before the account is locked for 15 minutes.");
        assertThat(robot.lookup("#password").queryTextInputControl().getText()).isEmpty();

        robot.clickOn("#password").write(DemoVentures.PASSWORD);
        robot.clickOn("#signIn");

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#table").tryQuery().isPresent());
        TableView<?> table = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() == 6);
        assertThat(robot.lookup("#userName").queryAs(Label.class).getText()).isEqualTo("Chloé Tremblay");
        assertThat(robot.lookup("#roles").queryAs(Label.class).getText()).isEqualTo("Administrator · Compliance");
        // Cells are laid out on the next pulse after the items arrive.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".hold-badge").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("Hold: equity")));
        assertThat(robot.lookup("#summary").queryAs(Label.class).getText())
                .isEqualTo("6 ventures: 3 active, 1 draft, 1 suspended, 1 archived · 3 on hold");

        robot.clickOn("#filter").write("maple");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 1);

        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.DIGIT2)
                .release(javafx.scene.input.KeyCode.DIGIT2, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("Cap tables arrive in a later version.").tryQuery().isPresent());

        robot.clickOn("#signOut");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#email").tryQuery().isPresent()
                && robot.lookup("#email").query().getScene().getWindow().isShowing());
        assertThat(robot.lookup("#table").tryQuery()).isEmpty();
    }
}
