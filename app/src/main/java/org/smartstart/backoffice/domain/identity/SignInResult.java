package org.smartstart.backoffice.domain.identity;

import java.time.Instant;
import java.util.OptionalInt;

/** Every expected way a sign-in can end; none of them is an exception. */
public sealed interface SignInResult {

    /** The password was right: a session was started. */
    record SignedIn(Session session, SignedInUser user) implements SignInResult {
    }

    /**
     * The e-mail or the password was wrong.
     *
     * @param attemptsLeft how many more failures the account takes before it is locked; empty when no
     *                     account has that e-mail (there is nothing to count)
     */
    record WrongCredentials(OptionalInt attemptsLeft) implements SignInResult {
    }

    /** Too many failures: refused until {@code until}, even with the right password. */
    record LockedOut(Instant until) implements SignInResult {
    }

    /**
     * The password was right but temporary (an administrator set it): the session started only lets the
     * person choose their own password ({@code People.changePassword}); every other call is refused until then.
     */
    record PasswordChangeRequired(Session session, SignedInUser user) implements SignInResult {
    }

    /** The password was right, but the account is archived; no session was started. */
    record AccountArchived() implements SignInResult {
    }

    /** The database or the server could not be reached; nothing was checked or counted. */
    record Unavailable(String message) implements SignInResult {
    }
}
