package org.smartstart.backoffice.domain.usecase;

import org.smartstart.backoffice.domain.identity.ClientInfo;
import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.identity.SignInResult;

/**
 * Where the back office lives: this computer's database (local adapter) or a back office server
 * (remote adapter). Signs people in and hands out the use cases for their session.
 */
public interface BackOfficeConnector extends AutoCloseable {

    /** The caller may wipe {@code password} afterwards; it is not kept. */
    SignInResult signIn(String email, char[] password, ClientInfo client);

    /** The use cases of a session from {@link #signIn}; every call checks that the session is still valid. */
    BackOffice open(Session session);

    /** Ends the session; its token stops working everywhere. */
    void signOut(Session session, ClientInfo client);

    /** Where this connects, for the status bar: "this computer's database (…)" or "server https://…". */
    String description();

    @Override
    void close();
}
