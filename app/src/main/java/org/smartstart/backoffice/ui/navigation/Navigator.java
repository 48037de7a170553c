package org.smartstart.backoffice.ui.navigation;

/** Takes the user to a {@link Place}; called on the FX thread. The shell implements it. */
@FunctionalInterface
public interface Navigator {

    /** For screens shown on their own (tests, screenshots): links lead nowhere. */
    Navigator NOWHERE = place -> false;

    /** @return whether some screen shows that place (false: nothing in the desktop shows it) */
    boolean go(Place place);
}
