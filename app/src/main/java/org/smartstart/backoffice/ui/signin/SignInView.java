package org.smartstart.backoffice.ui.signin;

import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import org.smartstart.backoffice.ui.shell.ThemeSwitch;

/** Binds the sign-in form to its view model; Enter in either field signs in (default button). */
public final class SignInView {

    @FXML private TextField email;
    @FXML private PasswordField password;
    @FXML private Label message;
    @FXML private Button signIn;
    @FXML private ProgressIndicator progress;
    @FXML private Label database;
    @FXML private ToggleButton darkTheme;

    private final SignInViewModel viewModel;
    private final ThemeSwitch themeSwitch;

    public SignInView(SignInViewModel viewModel, ThemeSwitch themeSwitch) {
        this.viewModel = viewModel;
        this.themeSwitch = themeSwitch;
    }

    @FXML
    private void initialize() {
        email.textProperty().bindBidirectional(viewModel.emailProperty());
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        email.disableProperty().bind(viewModel.busyProperty());
        password.disableProperty().bind(viewModel.busyProperty());
        signIn.disableProperty().bind(viewModel.canSignInProperty().not());
        progress.visibleProperty().bind(viewModel.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        message.textProperty().bind(viewModel.messageProperty());
        database.setText(viewModel.databaseDescription());
        darkTheme.selectedProperty().bindBidirectional(themeSwitch.darkProperty());
        // After a wrong password the cursor waits in the password field again.
        viewModel.messageProperty().addListener((obs, old, text) -> {
            if (!text.isEmpty()) {
                Platform.runLater(password::requestFocus);
            }
        });
        Platform.runLater(email::requestFocus);
    }

    @FXML
    private void signIn() {
        viewModel.signIn();
    }
}
