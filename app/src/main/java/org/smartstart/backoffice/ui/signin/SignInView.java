package org.smartstart.backoffice.ui.signin;

import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import org.smartstart.backoffice.ui.shell.ThemeSwitch;

/**
 * Binds the sign-in form to its view model; Enter in any field signs in (default button). The server
 * address field shows only while "a server" is chosen.
 */
public final class SignInView {

    @FXML private ToggleGroup place;
    @FXML private RadioButton thisComputer;
    @FXML private RadioButton server;
    @FXML private TextField serverUrl;
    @FXML private Label fixedNote;
    @FXML private TextField email;
    @FXML private PasswordField password;
    @FXML private Label message;
    @FXML private Button signIn;
    @FXML private ProgressIndicator progress;
    @FXML private Label status;
    @FXML private Label database;
    @FXML private ToggleButton darkTheme;
    @FXML private VBox signInForm;
    @FXML private VBox passwordStep;
    @FXML private Label passwordStepIntro;
    @FXML private PasswordField newPassword;
    @FXML private PasswordField repeatedPassword;
    @FXML private Label passwordRule;
    @FXML private Label passwordMessage;
    @FXML private Button changePassword;
    @FXML private Button cancelPasswordChange;

    private final SignInViewModel viewModel;
    private final ThemeSwitch themeSwitch;

    public SignInView(SignInViewModel viewModel, ThemeSwitch themeSwitch) {
        this.viewModel = viewModel;
        this.themeSwitch = themeSwitch;
    }

    @FXML
    private void initialize() {
        thisComputer.setUserData(Location.THIS_COMPUTER);
        server.setUserData(Location.SERVER);
        place.selectToggle(viewModel.locationProperty().get() == Location.SERVER ? server : thisComputer);
        place.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                // a radio button clicked twice stays chosen
                place.selectToggle(old);
            } else {
                viewModel.locationProperty().set((Location) now.getUserData());
            }
        });
        viewModel.locationProperty().addListener((obs, old, now) -> place.selectToggle(now == Location.SERVER ? server : thisComputer));
        boolean fixed = viewModel.choiceFixed();
        fixedNote.setVisible(fixed);
        fixedNote.setManaged(fixed);

        serverUrl.textProperty().bindBidirectional(viewModel.serverUrlProperty());
        serverUrl.visibleProperty().bind(viewModel.locationProperty().isEqualTo(Location.SERVER));
        serverUrl.managedProperty().bind(serverUrl.visibleProperty());
        serverUrl.disableProperty().bind(viewModel.busyProperty());
        thisComputer.disableProperty().bind(fixed ? new SimpleBooleanProperty(true) : viewModel.busyProperty());
        server.disableProperty().bind(thisComputer.disableProperty());

        email.textProperty().bindBidirectional(viewModel.emailProperty());
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        email.disableProperty().bind(viewModel.busyProperty());
        password.disableProperty().bind(viewModel.busyProperty());
        signIn.disableProperty().bind(viewModel.canSignInProperty().not());
        progress.visibleProperty().bind(viewModel.workingProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        status.textProperty().bind(viewModel.statusProperty());
        message.textProperty().bind(viewModel.messageProperty());
        database.textProperty().bind(viewModel.placeDescriptionProperty());
        darkTheme.selectedProperty().bindBidirectional(themeSwitch.darkProperty());
        // After a refusal the cursor waits in the field to fix: the address for a server problem, else the password.
        viewModel.messageProperty().addListener((obs, old, text) -> {
            if (!text.isEmpty() && viewModel.changingPasswordProperty().get()) {
                Platform.runLater(newPassword::requestFocus);
            } else if (!text.isEmpty()) {
                Platform.runLater(() -> (serverUrl.isVisible() && ServerAddress.problem(serverUrl.getText()).isPresent()
                        ? serverUrl : password).requestFocus());
            }
        });
        viewModel.locationProperty().addListener((obs, old, now) -> {
            if (now == Location.SERVER) {
                Platform.runLater(serverUrl::requestFocus);
            }
        });
        bindPasswordStep();
        Platform.runLater(email::requestFocus);
    }

    /** The step after a sign-in with a temporary password: the same window, the form swapped for two new-password fields. */
    private void bindPasswordStep() {
        passwordStep.visibleProperty().bind(viewModel.changingPasswordProperty());
        passwordStep.managedProperty().bind(passwordStep.visibleProperty());
        signInForm.visibleProperty().bind(viewModel.changingPasswordProperty().not());
        signInForm.managedProperty().bind(signInForm.visibleProperty());
        newPassword.textProperty().bindBidirectional(viewModel.newPasswordProperty());
        repeatedPassword.textProperty().bindBidirectional(viewModel.repeatedPasswordProperty());
        newPassword.disableProperty().bind(viewModel.busyProperty());
        repeatedPassword.disableProperty().bind(viewModel.busyProperty());
        changePassword.disableProperty().bind(viewModel.canChangePasswordProperty().not());
        cancelPasswordChange.disableProperty().bind(viewModel.busyProperty());
        // One default button per scene: Enter belongs to whichever form shows.
        signIn.defaultButtonProperty().bind(viewModel.changingPasswordProperty().not());
        changePassword.defaultButtonProperty().bind(viewModel.changingPasswordProperty());
        cancelPasswordChange.cancelButtonProperty().bind(viewModel.changingPasswordProperty());
        passwordRule.setText(viewModel.passwordRule());
        passwordMessage.textProperty().bind(viewModel.messageProperty());
        viewModel.changingPasswordProperty().addListener((obs, old, now) -> {
            if (now) {
                passwordStepIntro.setText(viewModel.changingPasswordFor()
                        + ", you signed in with a temporary password. Choose your own before the back office opens.");
                Platform.runLater(newPassword::requestFocus);
            } else {
                Platform.runLater(password::requestFocus);
            }
        });
    }

    @FXML
    private void changePassword() {
        viewModel.changePassword();
    }

    @FXML
    private void cancelPasswordChange() {
        viewModel.cancelPasswordChange();
    }

    @FXML
    private void signIn() {
        viewModel.signIn();
    }
}
