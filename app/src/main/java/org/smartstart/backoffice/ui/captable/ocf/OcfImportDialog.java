package org.smartstart.backoffice.ui.captable.ocf;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.smartstart.backoffice.ui.shell.ViewLoader;

/** Opens the OCF import dialog over the cap table screen, with the screen's stylesheets. */
public final class OcfImportDialog {

    private OcfImportDialog() {
    }

    public static Stage open(Window owner, OcfImportViewModel viewModel) {
        Parent root = ViewLoader.load("OcfImport", new OcfImportView(viewModel));
        Stage stage = new Stage();
        stage.setTitle("Import OCF package — " + viewModel.ventureName());
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        Scene scene = new Scene(root);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.show();
        return stage;
    }
}
