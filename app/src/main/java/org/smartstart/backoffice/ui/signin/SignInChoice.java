package org.smartstart.backoffice.ui.signin;

import java.util.Objects;

/**
 * The sign-in window's answer to "where is the back office?", as it is remembered.
 *
 * @param serverUrl the server address as typed; kept while this computer is chosen, so switching back finds it
 */
public record SignInChoice(Location location, String serverUrl) {
    public SignInChoice {
        Objects.requireNonNull(location, "location");
        serverUrl = serverUrl == null ? "" : serverUrl.strip();
    }

    public static SignInChoice thisComputer() {
        return new SignInChoice(Location.THIS_COMPUTER, "");
    }
}
