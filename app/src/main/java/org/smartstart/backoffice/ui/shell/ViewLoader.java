package org.smartstart.backoffice.ui.shell;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

/**
 * Loads {@code /fxml/<name>.fxml} with a view the caller built itself (constructor injection), so no
 * controller is created or looked up by reflection.
 */
public final class ViewLoader {

    private ViewLoader() {
    }

    public static Parent load(String name, Object view) {
        URL url = ViewLoader.class.getResource("/fxml/" + name + ".fxml");
        if (url == null) {
            throw new IllegalStateException("No /fxml/" + name + ".fxml on the classpath");
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setControllerFactory(type -> {
            if (!type.isInstance(view)) {
                throw new IllegalStateException(name + ".fxml wants a " + type.getName() + ", got " + view.getClass().getName());
            }
            return view;
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + url, e);
        }
    }
}
