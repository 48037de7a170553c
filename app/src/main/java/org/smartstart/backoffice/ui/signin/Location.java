package org.smartstart.backoffice.ui.signin;

/** Where the back office is, as the sign-in window offers it. */
public enum Location {
    /** This computer's database: the embedded one in the data folder, or the PostgreSQL set up for it. */
    THIS_COMPUTER,
    /** A back office server, reached by its web address. */
    SERVER
}
