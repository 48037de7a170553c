package org.smartstart.backoffice.ui.signin;

import org.smartstart.backoffice.domain.identity.PasswordChanged;
import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.identity.SignInResult;
import org.smartstart.backoffice.domain.usecase.Outcome;

/**
 * What the sign-in window needs from the desktop around it: where the back office may be, how to start
 * this computer's database, how to sign in at either place, and where to remember the choice. Every
 * method but the first three may block and is called off the FX thread.
 */
public interface SignInBackend {

    /** The choice to start with: the remembered one, or this computer when the command line named a database. */
    SignInChoice initialChoice();

    /** True when the command line (--db-url …) chose this computer's database; the window offers no server then. */
    boolean choiceFixed();

    /** This computer's database in words, e.g. "the embedded database in /home/ana/…", known before it is started. */
    String thisComputerDescription();

    /** Starts this computer's database unless it already runs (once per run); blocks until it can be used. */
    void startThisComputer() throws Exception;

    /** Signs in at the chosen place; a server that cannot be reached answers {@link SignInResult.Unavailable}. */
    SignInResult signIn(SignInChoice choice, String email, char[] password) throws Exception;

    /** Remembers the choice for the next start. */
    void remember(SignInChoice choice) throws Exception;

    /**
     * Replaces the temporary password of a session that {@link #signIn} answered with
     * {@link SignInResult.PasswordChangeRequired}, where that sign-in happened.
     */
    Outcome<PasswordChanged> changePassword(Session session, String currentPassword, String newPassword) throws Exception;
}
