package org.smartstart.backoffice.ui.audit;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.smartstart.backoffice.domain.audit.AuditLogEntry;

import java.io.File;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/**
 * The audit browser. The table holds the view model's window of the log; each row that comes into view tells
 * the view model its index, which fetches the next page either way (by seq, off the FX thread) as an end nears
 * and drops what is far out of view; the view then scrolls by the rows put in or taken away above it.
 */
public final class AuditView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** The table shows minutes so the column stays narrow; the detail pane has the seconds. */

    @FXML private DatePicker from;
    @FXML private DatePicker to;
    @FXML private TextField action;
    @FXML private TextField objectType;
    @FXML private TextField objectId;
    @FXML private TextField actor;
    @FXML private TextField venture;
    @FXML private Button apply;
    @FXML private Button clear;
    @FXML private TextField jumpSeq;
    @FXML private Button goSeq;
    @FXML private DatePicker jumpDate;
    @FXML private Button goDate;
    @FXML private Label summary;
    @FXML private Label problem;
    @FXML private TableView<AuditLogEntry> table;
    @FXML private TableColumn<AuditLogEntry, String> seqColumn;
    @FXML private TableColumn<AuditLogEntry, String> timeColumn;
    @FXML private TableColumn<AuditLogEntry, String> actorColumn;
    @FXML private TableColumn<AuditLogEntry, String> actionColumn;
    @FXML private TableColumn<AuditLogEntry, String> objectColumn;
    @FXML private Label detailTitle;
    @FXML private Label detailMeta;
    @FXML private javafx.scene.layout.HBox openObjectBox;
    @FXML private Button openObject;
    @FXML private TableView<EntryDetail.Change> changes;
    @FXML private TableColumn<EntryDetail.Change, String> fieldColumn;
    @FXML private TableColumn<EntryDetail.Change, String> beforeColumn;
    @FXML private TableColumn<EntryDetail.Change, String> afterColumn;
    @FXML private TextArea chainLink;
    @FXML private Button verify;
    @FXML private Button cancelVerify;
    @FXML private ProgressBar verifyProgress;
    @FXML private Button loadCheckpoint;
    @FXML private Button forgetCheckpoint;
    @FXML private Label verifyStatus;
    @FXML private Label exportStatus;
    @FXML private Button exportCsv;
    @FXML private Button exportJsonLines;

    private final AuditViewModel viewModel;

    public AuditView(AuditViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        from.valueProperty().bindBidirectional(viewModel.fromProperty());
        to.valueProperty().bindBidirectional(viewModel.toProperty());
        action.textProperty().bindBidirectional(viewModel.actionProperty());
        objectType.textProperty().bindBidirectional(viewModel.objectTypeProperty());
        objectId.textProperty().bindBidirectional(viewModel.objectIdProperty());
        actor.textProperty().bindBidirectional(viewModel.actorProperty());
        venture.textProperty().bindBidirectional(viewModel.ventureProperty());
        jumpSeq.textProperty().bindBidirectional(viewModel.jumpSeqProperty());
        jumpDate.valueProperty().bindBidirectional(viewModel.jumpDateProperty());
        apply.setOnAction(e -> viewModel.load());
        clear.setOnAction(e -> {
            viewModel.fromProperty().set(null);
            viewModel.toProperty().set(null);
            viewModel.actionProperty().set("");
            viewModel.objectTypeProperty().set("");
            viewModel.objectIdProperty().set("");
            viewModel.actorProperty().set("");
            viewModel.ventureProperty().set("");
            viewModel.load();
        });
        goSeq.setOnAction(e -> viewModel.jumpToSeq());
        jumpSeq.setOnAction(e -> viewModel.jumpToSeq());
        goDate.setOnAction(e -> viewModel.jumpToDate());

        summary.textProperty().bind(viewModel.summaryProperty());
        problem.textProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        seqColumn.setCellValueFactory(text(e -> String.valueOf(e.seq())));
        timeColumn.setCellValueFactory(text(e -> viewModel.rowTime(e.ts())));
        actorColumn.setCellValueFactory(text(e -> e.actorDisplayName() != null ? e.actorDisplayName()
                : e.actorUserId() == null ? "System" : e.actorUserId().toString()));
        actionColumn.setCellValueFactory(text(AuditLogEntry::action));
        objectColumn.setCellValueFactory(text(e -> e.objectType() + (e.objectId() == null ? "" : " " + e.objectId().toString().substring(0, 8))));
        table.setItems(viewModel.rows());
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AuditLogEntry item, boolean empty) {
                super.updateItem(item, empty);
                if (!empty && item != null) {
                    viewModel.rowShown(getIndex());
                }
            }
        });
        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.when(viewModel.loadingProperty()).then("Loading audit entries…")
                .otherwise("No audit entry matches the filters."));
        table.setPlaceholder(placeholder);
        // a selected entry that scrolls out of the window loses its table selection, but keeps its detail
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, entry) -> {
            if (entry != null || viewModel.rows().contains(old) || viewModel.rows().isEmpty()) {
                viewModel.selectedProperty().set(entry);
            }
        });
        viewModel.setOnShiftAbove(this::keepPlace);

        fieldColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().field()));
        beforeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().before()));
        afterColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().after()));
        changes.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(EntryDetail.Change item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("changed"), !empty && item != null && item.changed());
            }
        });
        changes.setPlaceholder(new Label("No data."));
        openObject.setOnAction(e -> viewModel.openObject());
        openObject.disableProperty().bind(viewModel.canOpenObjectProperty().not());
        // a disabled button shows no tooltip, so the box around it carries the reason
        javafx.scene.control.Tooltip openObjectTip = new javafx.scene.control.Tooltip();
        openObjectTip.textProperty().bind(viewModel.openObjectHintProperty());
        javafx.scene.control.Tooltip.install(openObjectBox, openObjectTip);
        viewModel.detailProperty().addListener((obs, old, d) -> showDetail(d));
        showDetail(null);

        verify.setOnAction(e -> viewModel.verify());
        verify.disableProperty().bind(viewModel.verifyingProperty());
        cancelVerify.setOnAction(e -> viewModel.cancelVerify());
        cancelVerify.disableProperty().bind(viewModel.verifyingProperty().not());
        verifyProgress.progressProperty().bind(viewModel.verifyProgressProperty());
        verifyStatus.textProperty().bind(viewModel.verifyStatusProperty());
        viewModel.chainBrokenProperty().addListener((obs, was, broken) ->
                verifyStatus.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("broken"), broken));
        loadCheckpoint.setOnAction(e -> chooseCheckpoint());
        forgetCheckpoint.disableProperty().bind(viewModel.checkpointProperty().isNull());
        forgetCheckpoint.setOnAction(e -> viewModel.forgetCheckpoint());
        exportStatus.textProperty().bind(viewModel.exportStatusProperty());
        exportCsv.setOnAction(e -> chooseExport(AuditExport.Format.CSV));
        exportJsonLines.setOnAction(e -> chooseExport(AuditExport.Format.JSON_LINES));
    }

    private void showDetail(EntryDetail d) {
        if (d == null) {
            detailTitle.setText("Select an entry to see its data and its place in the chain.");
            detailMeta.setText("");
            changes.setItems(FXCollections.observableArrayList());
            chainLink.setText("");
            return;
        }
        AuditLogEntry e = d.entry();
        detailTitle.setText("Seq " + e.seq() + " · " + e.action() + " on " + e.objectType());
        detailMeta.setText((e.ts() == null ? "" : TIME.format(e.ts().atZone(viewModel.zone()))) + " · by "
                + (e.actorDisplayName() != null ? e.actorDisplayName() : e.actorUserId() == null ? "the system" : e.actorUserId())
                + (e.objectId() == null ? "" : " · object " + e.objectId()) + (e.ventureId() == null ? "" : " · venture " + e.ventureId()));
        changes.setItems(FXCollections.observableArrayList(d.changes()));
        chainLink.setText(d.chainLink());
    }

    /** Rows were put in or taken away above the visible ones: scroll by as many, so the same entries stay in view. */
    private void keepPlace(int shift) {
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        if (flow == null || flow.getFirstVisibleCell() == null) {
            return;
        }
        flow.scrollToTop(Math.max(0, flow.getFirstVisibleCell().getIndex() + shift));
    }

    private void chooseCheckpoint() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Signed audit checkpoint");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Audit checkpoints", "*.json"));
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            viewModel.loadCheckpoint(file.toPath());
        }
    }

    private void chooseExport(AuditExport.Format format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export audit entries");
        chooser.setInitialFileName("audit-export." + format.extension());
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            viewModel.export(file.toPath(), format);
        }
    }

    private Window window() {
        return table.getScene() == null ? null : table.getScene().getWindow();
    }

    private static javafx.util.Callback<TableColumn.CellDataFeatures<AuditLogEntry, String>, javafx.beans.value.ObservableValue<String>> text(
            Function<AuditLogEntry, String> f) {
        return c -> new ReadOnlyStringWrapper(f.apply(c.getValue()));
    }

    public void focusDefault() {
        table.requestFocus();
    }
}
