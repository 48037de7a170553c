package org.smartstart.backoffice.ui.navigation;

/** Takes the user to a {@link Place}; called on the FX thread. The shell implements it. */
@FunctionalInterface
public interface Navigator {

    /** For screens shown on their own (tests, screenshots): links lead nowhere. */
    Navigator NOWHERE = new Navigator() {
        @Override
        public boolean go(Place place) {
            return false;
        }

        @Override
        public boolean canGo(Place place) {
            return false;
        }
    };

    /** @return whether some screen shows that place (false: nothing in the desktop shows it) */
    boolean go(Place place);

    /**
     * Whether {@link #go} would lead somewhere, so a screen can disable a link before it is clicked. A navigator
     * made from a method reference cannot tell and says yes; the shell's own navigator knows.
     */
    default boolean canGo(Place place) {
        return true;
    }
}
