package org.smartstart.backoffice.ui.signin;

import org.smartstart.backoffice.domain.identity.SignInResult;

/** The sign-in use case as the screen calls it (SignIn with the desktop's client info). */
@FunctionalInterface
public interface SignInAction {
    SignInResult signIn(String email, char[] password);
}
