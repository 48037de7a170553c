package org.smartstart.backoffice.ui.disputes;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;
import org.smartstart.backoffice.domain.disputes.Dispute;
import org.smartstart.backoffice.domain.disputes.DisputeObjectType;
import org.smartstart.backoffice.domain.disputes.DisputeOutcome;
import org.smartstart.backoffice.domain.disputes.DisputeStatus;

import java.time.ZoneId;
import java.util.function.Function;

/** The disputes workspace: filtered list with deadline badges, and the selected dispute's detail and actions. */
public final class DisputesView {

    @FXML private ComboBox<DisputeStatus> statusFilter;
    @FXML private ComboBox<DisputeObjectType> objectTypeFilter;
    @FXML private ComboBox<DisputesViewModel.Staff> assigneeFilter;
    @FXML private CheckBox overdueOnly;
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
    @FXML private ListView<String> timeline;
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

    private static void shownWhenSet(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.createBooleanBinding(() -> text.get() != null && !text.get().isEmpty(), text));
        label.managedProperty().bind(label.visibleProperty());
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
    private void appeal() {
        viewModel.appeal();
    }

    public void focusDefault() {
        table.requestFocus();
    }
}
