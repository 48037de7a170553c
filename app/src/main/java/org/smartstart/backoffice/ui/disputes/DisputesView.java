package org.smartstart.backoffice.ui.disputes;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.FileChooser;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;
import org.smartstart.backoffice.domain.disputes.Dispute;
import org.smartstart.backoffice.domain.disputes.DisputeContext;
import org.smartstart.backoffice.domain.disputes.DisputeEvent;
import org.smartstart.backoffice.domain.disputes.DisputeEvidence;
import org.smartstart.backoffice.domain.disputes.DisputeObjectType;
import org.smartstart.backoffice.domain.disputes.DisputeOutcome;
import org.smartstart.backoffice.domain.disputes.DisputeStatus;

import java.io.File;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Function;

/** The disputes workspace: filtered list with deadline badges, and the selected dispute's detail and actions. */
public final class DisputesView {

    @FXML private ComboBox<DisputeStatus> statusFilter;
    @FXML private ComboBox<DisputeObjectType> objectTypeFilter;
    @FXML private ComboBox<DisputesViewModel.Staff> assigneeFilter;
    @FXML private CheckBox overdueOnly;
    @FXML private ComboBox<DisputesViewModel.Named> ventureFilter;
    @FXML private ComboBox<DisputesViewModel.Named> raisedByFilter;
    @FXML private TableColumn<Dispute, String> raisedByColumn;
    @FXML private Label contextHeading;
    @FXML private ListView<DisputeContext.Line> context;
    @FXML private Hyperlink openAuditTrail;
    @FXML private ListView<DisputeEvidence> evidence;
    @FXML private Button attachEvidence;
    @FXML private Button openEvidence;
    @FXML private Label evidenceCheck;
    @FXML private CheckBox reopenTask;
    @FXML private CheckBox correctEquity;
    @FXML private ComboBox<DisputesViewModel.Named> equityHolder;
    @FXML private TextField equityPercent;
    @FXML private DatePicker equityFrom;
    @FXML private Button previewEquity;
    @FXML private Label equityPreview;
    @FXML private javafx.scene.layout.VBox equityRow;
    @FXML private Label counts;
    @FXML private Label problem;
    @FXML private Label message;
    @FXML private TableView<Dispute> table;
    @FXML private TableColumn<Dispute, String> ventureColumn;
    @FXML private TableColumn<Dispute, String> objectColumn;
    @FXML private TableColumn<Dispute, String> statusColumn;
    @FXML private TableColumn<Dispute, String> assigneeColumn;
    @FXML private TableColumn<Dispute, Dispute> firstResponseColumn;
    @FXML private TableColumn<Dispute, Dispute> resolutionColumn;
    @FXML private Label detail;
    @FXML private Label banner;
    @FXML private ListView<DisputeEvent> timeline;
    @FXML private Button assignToMe;
    @FXML private ComboBox<DisputesViewModel.Staff> assignTo;
    @FXML private Button assign;
    @FXML private Button startReview;
    @FXML private ComboBox<DisputeOutcome> outcome;
    @FXML private TextField resolution;
    @FXML private CheckBox compensate;
    @FXML private TextField amount;
    @FXML private Button previewRemedy;
    @FXML private Label remedyPreview;
    @FXML private Button decide;
    @FXML private TextField appealReason;
    @FXML private Button appeal;

    private final DisputesViewModel viewModel;
    private final ZoneId zone;

    public DisputesView(DisputesViewModel viewModel, ZoneId zone) {
        this.viewModel = viewModel;
        this.zone = zone;
    }

    @FXML
    private void initialize() {
        statusFilter.getItems().add(null);
        statusFilter.getItems().addAll(DisputeStatus.values());
        statusFilter.setConverter(converter(s -> s == null ? "Any" : DisputeLabels.status(s)));
        statusFilter.valueProperty().bindBidirectional(viewModel.statusFilterProperty());
        objectTypeFilter.getItems().add(null);
        objectTypeFilter.getItems().addAll(DisputeObjectType.values());
        objectTypeFilter.setConverter(converter(t -> t == null ? "Any" : DisputeLabels.objectType(t)));
        objectTypeFilter.valueProperty().bindBidirectional(viewModel.objectTypeFilterProperty());
        assigneeFilter.setConverter(converter(s -> s == null ? "Anyone" : s.name()));
        viewModel.staff().addListener((javafx.collections.ListChangeListener<DisputesViewModel.Staff>) c -> {
            assigneeFilter.getItems().setAll(viewModel.staff());
            assigneeFilter.getItems().add(0, null);
        });
        assigneeFilter.valueProperty().bindBidirectional(viewModel.assigneeFilterProperty());
        overdueOnly.selectedProperty().bindBidirectional(viewModel.overdueOnlyProperty());
        choices(ventureFilter, viewModel.ventureChoices(), "Any");
        ventureFilter.valueProperty().bindBidirectional(viewModel.ventureFilterProperty());
        choices(raisedByFilter, viewModel.raisers(), "Anyone");
        raisedByFilter.valueProperty().bindBidirectional(viewModel.raisedByFilterProperty());
        raisedByColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().raisedByName()));
        counts.textProperty().bind(viewModel.countsProperty());
        shownWhenSet(problem, viewModel.problemProperty());
        shownWhenSet(message, viewModel.messageProperty());

        ventureColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().ventureName()));
        objectColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(DisputeLabels.objectType(c.getValue().objectType())));
        statusColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(DisputeLabels.status(c.getValue().status())));
        assigneeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().assignedToName() == null ? "—" : c.getValue().assignedToName()));
        firstResponseColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        firstResponseColumn.setCellFactory(col -> new DeadlineCell(d -> DisputeLabels.firstResponse(d, zone), Dispute::firstResponseBreached,
                d -> d.firstRespondedAt() != null));
        resolutionColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        resolutionColumn.setCellFactory(col -> new DeadlineCell(d -> DisputeLabels.resolution(d, zone), Dispute::resolutionBreached,
                d -> d.status().decided()));
        table.setItems(viewModel.disputes());
        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.when(viewModel.busyProperty()).then("Loading disputes…").otherwise("No dispute matches."));
        table.setPlaceholder(placeholder);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().addListener((o, was, now) -> {
            if (now != null && table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });

        detail.textProperty().bind(viewModel.detailProperty());
        shownWhenSet(banner, viewModel.bannerProperty());
        timeline.setItems(viewModel.timeline());
        timeline.setCellFactory(list -> new WrappingCell<>(list) {
            @Override
            protected void updateItem(DisputeEvent e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : (e.seq() == null ? "(being sealed) " : "#" + e.seq() + " · tx " + e.txHash().substring(0, 8) + " · ")
                        + DisputeLabels.at(e.at(), zone) + " · " + (e.actorName() == null ? "System" : e.actorName()) + "\n" + e.what());
                setTooltip(empty || e == null ? null : new Tooltip(e.what() + (e.seq() == null ? "" : "\nAudit entry #" + e.seq() + ", tx_hash "
                        + e.txHash() + "\nDouble-click or Enter opens it in the audit trail.")));
            }
        });
        timeline.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                viewModel.openAuditEntry(timeline.getSelectionModel().getSelectedItem());
            }
        });
        timeline.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                viewModel.openAuditEntry(timeline.getSelectionModel().getSelectedItem());
            }
        });
        openAuditTrail.disableProperty().bind(viewModel.selectedProperty().isNull());
        shownWhenSet(contextHeading, viewModel.contextHeadingProperty());
        context.setItems(viewModel.contextLines());
        context.setCellFactory(list -> new WrappingCell<>(list) {
            @Override
            protected void updateItem(DisputeContext.Line line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().remove("disputed-line");
                setText(empty || line == null ? null : (line.disputed() ? "▶ " : "   ") + line.text());
                if (!empty && line != null && line.disputed()) {
                    getStyleClass().add("disputed-line");
                }
            }
        });
        context.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                viewModel.openContextLine(context.getSelectionModel().getSelectedItem());
            }
        });
        evidence.setItems(viewModel.evidence());
        evidence.setPlaceholder(new Label("No evidence attached."));
        evidence.setCellFactory(list -> new WrappingCell<>(list) {
            @Override
            protected void updateItem(DisputeEvidence e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.fileName() + " · " + size(e.sizeBytes()) + " · " + e.addedByName() + ", "
                        + DisputeLabels.at(e.addedAt(), zone) + " · sha256:\n" + e.sha256());
                setTooltip(empty || e == null ? null : new Tooltip(e.fileName() + " (" + e.mediaType() + ")\nsha256 " + e.sha256()));
            }
        });
        attachEvidence.disableProperty().bind(Bindings.createBooleanBinding(() -> viewModel.selectedProperty().get() == null
                || viewModel.selectedProperty().get().status().decided(), viewModel.selectedProperty()).or(viewModel.busyProperty()));
        openEvidence.disableProperty().bind(evidence.getSelectionModel().selectedItemProperty().isNull().or(viewModel.busyProperty()));
        shownWhenSet(evidenceCheck, viewModel.evidenceCheckProperty());
        assignToMe.disableProperty().bind(viewModel.canAssignProperty().not());
        assignTo.setItems(viewModel.staff());
        assignTo.valueProperty().bindBidirectional(viewModel.assignToProperty());
        assign.disableProperty().bind(viewModel.canAssignProperty().not().or(viewModel.assignToProperty().isNull()));
        startReview.disableProperty().bind(viewModel.canStartReviewProperty().not());
        outcome.getItems().setAll(DisputeOutcome.values());
        outcome.setConverter(converter(o -> o == null ? "" : o == DisputeOutcome.RESOLVED ? "Resolved" : "Rejected"));
        outcome.valueProperty().bindBidirectional(viewModel.outcomeProperty());
        resolution.textProperty().bindBidirectional(viewModel.resolutionProperty());
        compensate.textProperty().bind(viewModel.compensateLabelProperty());
        compensate.selectedProperty().bindBidirectional(viewModel.compensateProperty());
        compensate.disableProperty().bind(viewModel.buzFrozenProperty());
        javafx.scene.control.Tooltip frozen = new javafx.scene.control.Tooltip("The venture is under a legal hold on BUZ: a compensating BUZ transaction is refused (BZ-6).");
        viewModel.buzFrozenProperty().addListener((o, was, now) -> compensate.setTooltip(now ? frozen : null));
        amount.textProperty().bindBidirectional(viewModel.amountProperty());
        amount.disableProperty().bind(viewModel.compensateProperty().not());
        previewRemedy.disableProperty().bind(viewModel.canPreviewRemedyProperty().not());
        reopenTask.textProperty().bind(viewModel.reopenLabelProperty());
        reopenTask.selectedProperty().bindBidirectional(viewModel.reopenTaskProperty());
        reopenTask.disableProperty().bind(viewModel.canReopenTaskProperty().not());
        correctEquity.selectedProperty().bindBidirectional(viewModel.correctEquityProperty());
        correctEquity.disableProperty().bind(viewModel.equityFrozenProperty());
        Tooltip equityHeld = new Tooltip("The venture is under a legal hold on equity: an equity correction is refused (EQ-7).");
        viewModel.equityFrozenProperty().addListener((o, was, now) -> correctEquity.setTooltip(now ? equityHeld : null));
        correctEquity.setVisible(viewModel.equityCorrectionOffered());
        correctEquity.setManaged(viewModel.equityCorrectionOffered());
        equityHolder.setItems(viewModel.equityHolders());
        equityHolder.valueProperty().bindBidirectional(viewModel.equityHolderProperty());
        equityPercent.textProperty().bindBidirectional(viewModel.equityPercentProperty());
        equityFrom.valueProperty().bindBidirectional(viewModel.equityFromProperty());
        for (javafx.scene.Node n : new javafx.scene.Node[]{equityHolder, equityPercent, equityFrom}) {
            n.disableProperty().bind(viewModel.correctEquityProperty().not());
        }
        previewEquity.disableProperty().bind(viewModel.canPreviewEquityProperty().not());
        equityRow.setVisible(viewModel.equityCorrectionOffered());
        equityRow.setManaged(viewModel.equityCorrectionOffered());
        shownWhenSet(equityPreview, viewModel.equityPlanTextProperty());
        shownWhenSet(remedyPreview, viewModel.remedyPreviewTextProperty());
        decide.disableProperty().bind(viewModel.canDecideProperty().not());
        appealReason.textProperty().bindBidirectional(viewModel.appealReasonProperty());
        appeal.disableProperty().bind(viewModel.canAppealProperty().not());
    }

    private static <T> StringConverter<T> converter(Function<T, String> words) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return words.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private static <T> void choices(ComboBox<T> box, javafx.collections.ObservableList<T> items, String none) {
        box.setConverter(converter(t -> t == null ? none : t.toString()));
        Runnable fill = () -> {
            // One replacement with "none" first: replacing the items and then inserting it would let the
            // selection model's index carry over to the first real choice and set a filter nobody chose.
            T chosen = box.getValue();
            java.util.List<T> all = new java.util.ArrayList<>();
            all.add(null);
            all.addAll(items);
            box.getItems().setAll(all);
            if (box.getValue() != chosen) {
                box.setValue(chosen);
            }
        };
        items.addListener((javafx.collections.ListChangeListener<T>) c -> fill.run());
        fill.run();
    }

    private static String size(long bytes) {
        return bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static void shownWhenSet(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.createBooleanBinding(() -> text.get() != null && !text.get().isEmpty(), text));
        label.managedProperty().bind(label.visibleProperty());
    }

    /** A list cell whose text wraps at the list's width instead of running off to the right. */
    private static class WrappingCell<T> extends ListCell<T> {
        WrappingCell(ListView<T> list) {
            setWrapText(true);
            prefWidthProperty().bind(list.widthProperty().subtract(24));
            setMaxWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        }
    }

    /** A DS-3 deadline badge: red when breached, green when met. */
    private static final class DeadlineCell extends TableCell<Dispute, Dispute> {
        private final Function<Dispute, String> words;
        private final Function<Dispute, Boolean> breached;
        private final Function<Dispute, Boolean> done;

        DeadlineCell(Function<Dispute, String> words, Function<Dispute, Boolean> breached, Function<Dispute, Boolean> done) {
            this.words = words;
            this.breached = breached;
            this.done = done;
        }

        @Override
        protected void updateItem(Dispute d, boolean empty) {
            super.updateItem(d, empty);
            setText(null);
            if (empty || d == null) {
                setGraphic(null);
                return;
            }
            Label badge = new Label(words.apply(d));
            badge.getStyleClass().add("deadline-badge");
            if (breached.apply(d)) {
                badge.getStyleClass().add("breached");
            } else if (done.apply(d)) {
                badge.getStyleClass().add("met");
            }
            setGraphic(badge);
        }
    }

    @FXML
    private void assignToMe() {
        viewModel.assignToMe();
    }

    @FXML
    private void assign() {
        viewModel.assign();
    }

    @FXML
    private void startReview() {
        viewModel.startReview();
    }

    @FXML
    private void previewRemedy() {
        viewModel.previewRemedy();
    }

    @FXML
    private void decide() {
        viewModel.decide();
    }

    @FXML
    private void previewEquity() {
        viewModel.previewEquity();
    }

    @FXML
    private void openAuditTrail() {
        viewModel.openAuditTrail();
    }

    @FXML
    private void attachEvidence() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Attach evidence to the dispute");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Evidence (PDF, PNG, JPEG, text, CSV; at most 5 MB)",
                "*.pdf", "*.png", "*.jpg", "*.jpeg", "*.txt", "*.log", "*.csv"));
        File file = chooser.showOpenDialog(table.getScene().getWindow());
        if (file != null) {
            viewModel.attachEvidence(file.toPath());
        }
    }

    @FXML
    private void openEvidence() {
        DisputeEvidence e = evidence.getSelectionModel().getSelectedItem();
        if (e == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save a checked copy of " + e.fileName());
        chooser.setInitialFileName(e.fileName());
        File file = chooser.showSaveDialog(table.getScene().getWindow());
        if (file != null) {
            viewModel.openEvidence(e, file.toPath());
        }
    }

    @FXML
    private void appeal() {
        viewModel.appeal();
    }

    public void focusDefault() {
        table.requestFocus();
    }
}
