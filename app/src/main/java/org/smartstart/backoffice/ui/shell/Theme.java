package org.smartstart.backoffice.ui.shell;

import javafx.application.Application;

import java.net.URL;

/**
 * The two looks of the app, both AtlantaFX Primer; our own CSS uses only its colour tokens. The
 * stylesheets are taken from the AtlantaFX jar by path: its classes are built for Java 21, but the CSS
 * works on any JavaFX 17+.
 */
public enum Theme {
    LIGHT, DARK;

    public void apply() {
        Application.setUserAgentStylesheet(stylesheet());
    }

    String stylesheet() {
        String path = this == DARK ? "/atlantafx/base/theme/primer-dark.css" : "/atlantafx/base/theme/primer-light.css";
        URL url = Theme.class.getResource(path);
        if (url == null) {
            throw new IllegalStateException("The AtlantaFX theme " + path + " is missing from the classpath");
        }
        return url.toExternalForm();
    }

    public Theme other() {
        return this == DARK ? LIGHT : DARK;
    }

    /** The app's own stylesheet, added to every scene after the theme. */
    public static String appStylesheet() {
        return Theme.class.getResource("/ui/backoffice.css").toExternalForm();
    }
}
