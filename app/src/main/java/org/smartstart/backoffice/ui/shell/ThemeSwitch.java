package org.smartstart.backoffice.ui.shell;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.function.Consumer;

/** The light/dark choice shared by every window; a change applies at once and is remembered. */
public final class ThemeSwitch {

    private final BooleanProperty dark;

    public ThemeSwitch(Theme initial, Consumer<Theme> remember) {
        dark = new SimpleBooleanProperty(initial == Theme.DARK);
        dark.addListener((obs, was, isDark) -> {
            Theme theme = isDark ? Theme.DARK : Theme.LIGHT;
            theme.apply();
            remember.accept(theme);
        });
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public Theme current() {
        return dark.get() ? Theme.DARK : Theme.LIGHT;
    }
}
