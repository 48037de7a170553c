package org.smartstart.backoffice.ui.captable.ocf;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.File;

/** The OCF import dialog (fxml/OcfImport.fxml): choose, preview, import. */
public final class OcfImportView {

    @FXML private Label heading;
    @FXML private Label source;
    @FXML private Label status;
    @FXML private Label summary;
    @FXML private ProgressBar progress;
    @FXML private Button chooseFolder;
    @FXML private Button chooseZip;
    @FXML private TableView<OcfImportViewModel.PreviewLine> preview;
    @FXML private TableColumn<OcfImportViewModel.PreviewLine, String> dateColumn;
    @FXML private TableColumn<OcfImportViewModel.PreviewLine, String> holderColumn;
    @FXML private TableColumn<OcfImportViewModel.PreviewLine, String> percentColumn;
    @FXML private TableColumn<OcfImportViewModel.PreviewLine, String> sharesColumn;
    @FXML private ListView<String> problems;
    @FXML private ListView<String> notes;
    @FXML private Label problemsHeading;
    @FXML private Button importButton;
    @FXML private Button closeButton;

    private final OcfImportViewModel viewModel;

    public OcfImportView(OcfImportViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        heading.setText("Import an Open Cap Format package into " + viewModel.ventureName());
        source.textProperty().bind(viewModel.sourceProperty());
        status.textProperty().bind(viewModel.statusProperty());
        summary.textProperty().bind(viewModel.summaryProperty());
        progress.visibleProperty().bind(viewModel.busyProperty());
        progress.managedProperty().bind(viewModel.busyProperty());
        chooseFolder.disableProperty().bind(viewModel.busyProperty());
        chooseZip.disableProperty().bind(viewModel.busyProperty());
        dateColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().date()));
        holderColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().holder()));
        percentColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().percent()));
        sharesColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().shares()));
        preview.setItems(viewModel.lines());
        problems.setItems(viewModel.problems());
        notes.setItems(viewModel.notes());
        problemsHeading.textProperty().bind(Bindings.size(viewModel.problems()).asString("Problems (%d): any one aborts the import"));
        importButton.disableProperty().bind(viewModel.importableProperty().not().or(viewModel.busyProperty()));
    }

    @FXML
    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("A folder with Manifest.ocf.json");
        File folder = chooser.showDialog(window());
        if (folder != null) {
            viewModel.choose(folder.toPath());
        }
    }

    @FXML
    private void chooseZip() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("An OCF package");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("OCF package (zip or manifest)", "*.zip", "Manifest.ocf.json"));
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            viewModel.choose(file.toPath());
        }
    }

    @FXML
    private void importPackage() {
        viewModel.importPackage();
    }

    @FXML
    private void close() {
        if (window() instanceof Stage stage) {
            stage.close();
        }
    }

    private Window window() {
        return heading.getScene() == null ? null : heading.getScene().getWindow();
    }
}
