package org.smartstart.backoffice.ui.navigation;

/** A screen's side of navigation: show the place once the shell has opened the screen. */
@FunctionalInterface
public interface PlaceShower {

    /** @return whether this screen showed the place */
    boolean show(Place place);
}
