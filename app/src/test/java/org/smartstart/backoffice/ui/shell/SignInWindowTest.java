package org.smartstart.backoffice.ui.shell;

import javafx.scene.control.Label;
import org.smartstart.backoffice.domain.identity.ClientInfo;
import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.identity.SignInResult;
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.domain.usecase.BackOfficeConnector;
import org.smartstart.backoffice.ui.signin.Location;
import org.smartstart.backoffice.ui.signin.SignInChoice;
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

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The robot signs in like a person: wrong password first, then the right one, and sees the ventures. */
@ExtendWith(ApplicationExtension.class)
class SignInWindowTest {

    private static TestDatabase db;
    private Path settingsFile;
    private FxTaskExecutor executor;
    private BackOfficePlaces places;

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
    void start(Stage stage) throws IOException {
        // each test starts as on a new computer: nothing remembered
        settingsFile = Files.createTempDirectory("sign-in-window").resolve("settings.properties");
        Theme.LIGHT.apply();
        executor = new FxTaskExecutor(failure -> { throw new AssertionError("unhandled background failure", failure); });
        places = DesktopWiring.places(db.database(), UnreachableServer::new, UiPreferences.load(settingsFile));
        new DesktopShell(places, executor, new ThemeSwitch(Theme.LIGHT, theme -> { }), stage, ZoneId.systemDefault()).showSignIn();
    }

    @AfterEach
    void stopExecutor() {
        executor.close();
        places.close();
    }

    /**
     * Stands in for the remote client: really tries the server's port, and answers as the client does
     * when nothing listens there.
     */
    private record UnreachableServer(URI url) implements BackOfficeConnector {
        @Override
        public SignInResult signIn(String email, char[] password, ClientInfo client) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5_000);
                return new SignInResult.Unavailable("The test expected nothing to listen at " + url);
            } catch (IOException e) {
                return new SignInResult.Unavailable("The back office server at " + url + " cannot be reached: " + e.getMessage()
                        + ". Check the address, or try again in a moment.");
            }
        }

        @Override
        public BackOffice open(Session session) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void signOut(Session session, ClientInfo client) {
        }

        @Override
        public String description() {
            return "server " + url;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void a_server_that_is_not_listening_is_named_unreachable_and_the_email_stays(FxRobot robot) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        robot.clickOn("#server");
        assertThat(robot.lookup("#serverUrl").queryTextInputControl().isVisible()).isTrue();
        robot.clickOn("#serverUrl").write("127.0.0.1:" + closedPort);
        robot.clickOn("#email").write(DemoVentures.EMAIL);
        robot.clickOn("#password").write("whatever");
        robot.type(javafx.scene.input.KeyCode.ENTER);

        Label message = robot.lookup("#message").queryAs(Label.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(message.getText()).startsWith("The server address must start with https://");

        robot.clickOn("#serverUrl").press(javafx.scene.input.KeyCode.HOME).release(javafx.scene.input.KeyCode.HOME).write("http://");
        assertThat(robot.lookup("#database").queryAs(Label.class).getText()).isEqualTo("Server http://127.0.0.1:" + closedPort);
        robot.clickOn("#signIn");

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> message.getText().contains("cannot be reached"));
        assertThat(message.getText()).startsWith("The back office server at http://127.0.0.1:" + closedPort + " cannot be reached");
        assertThat(robot.lookup("#email").queryTextInputControl().getText()).isEqualTo(DemoVentures.EMAIL);
        assertThat(robot.lookup("#signIn").queryButton().isDisabled()).isFalse();
        assertThat(UiPreferences.load(settingsFile).signInChoice())
                .isEqualTo(new SignInChoice(Location.SERVER, "http://127.0.0.1:" + closedPort));
    }

    @Test
    void a_wrong_password_is_refused_with_the_attempts_left_and_the_right_one_opens_the_ventures(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#signIn").queryButton().isDisabled()).isTrue();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#status").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#database").queryAs(Label.class).getText()).startsWith("This computer's database: ").contains(db.name());

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
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#holders").tryQuery().isPresent());
        // exactly one navigation entry is selected: the open page's, also after clicking it again or another
        robot.clickOn("#nav-cap-tables");
        assertThat(selectedNavigation(robot)).containsExactly("nav-cap-tables");
        robot.clickOn("#nav-ventures");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selectedNavigation(robot)).containsExactly("nav-ventures");

        robot.clickOn("#signOut");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#email").tryQuery().isPresent()
                && robot.lookup("#email").query().getScene().getWindow().isShowing());
        assertThat(robot.lookup("#table").tryQuery()).isEmpty();
    }

    @Test
    void a_temporary_password_asks_for_a_new_one_twice_with_the_strength_rule_before_the_main_window_opens(FxRobot robot) throws Exception {
        String email = "theo.temp@smartstart.example";
        java.util.UUID theo = org.smartstart.backoffice.testing.TestAccounts.user(db, "Theo Temp", email, "Temp-Pass-7788", "support");
        org.smartstart.backoffice.testing.TestAccounts.exec(db, "UPDATE user_credentials SET must_change_password = true WHERE user_id = '" + theo + "'");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#status").queryAs(Label.class).getText().isEmpty());

        robot.clickOn("#email").write(email);
        robot.clickOn("#password").write("Temp-Pass-7788");
        robot.type(javafx.scene.input.KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#passwordStep").query().isVisible());
        // the step's visibility is bound, so this thread can see it before the FX thread has run the listener that
        // writes the intro in the same event: let that event finish first
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#signInForm").query().isVisible()).isFalse();
        assertThat(robot.lookup("#passwordStepIntro").queryAs(Label.class).getText()).startsWith("Theo Temp, you signed in with a temporary password");
        assertThat(robot.lookup("#passwordRule").queryAs(Label.class).getText()).startsWith("At least 12 characters");
        assertThat(robot.lookup("#changePassword").queryButton().isDisabled()).isTrue();

        robot.clickOn("#newPassword").write("short7A");
        robot.clickOn("#repeatedPassword").write("short7A");
        robot.clickOn("#changePassword");
        Label message = robot.lookup("#passwordMessage").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !message.getText().isEmpty());
        assertThat(message.getText()).isEqualTo("The new password is 7 characters long; it needs at least 12.");

        robot.doubleClickOn("#newPassword").eraseText(7).write("Lantern-Harbour-31");
        robot.doubleClickOn("#repeatedPassword").eraseText(7).write("Lantern-Harbour-13");
        robot.type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> message.getText().startsWith("The repeated password differs"));
        assertThat(robot.lookup("#userName").tryQuery()).isEmpty();

        robot.doubleClickOn("#repeatedPassword").eraseText(18).write("Lantern-Harbour-31");
        robot.type(javafx.scene.input.KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#userName").tryQuery().isPresent());
        assertThat(robot.lookup("#userName").queryAs(Label.class).getText()).isEqualTo("Theo Temp");
        try (java.sql.Connection c = db.ownerConnection(); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet r = st.executeQuery("SELECT must_change_password FROM user_credentials WHERE user_id = '" + theo + "'")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getBoolean(1)).isFalse();
        }
        // signed out again, so no main window stays open for the next test
        robot.clickOn("#signOut");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#userName").tryQuery().isEmpty());
    }

    private static java.util.List<String> selectedNavigation(FxRobot robot) {
        return robot.lookup(".nav-item").queryAllAs(javafx.scene.control.ToggleButton.class).stream()
                .filter(javafx.scene.control.ToggleButton::isSelected).map(javafx.scene.Node::getId).toList();
    }
}
