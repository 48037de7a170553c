package org.smartstart.backoffice.ui.legalholds;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;
import org.smartstart.backoffice.domain.legalholds.HoldScope;
import org.smartstart.backoffice.domain.legalholds.LegalHold;
import org.smartstart.backoffice.domain.ventures.VentureOverview;

/** The legal holds workspace: the list, the impose form with its freeze preview, and release. */
public final class LegalHoldsView {

    @FXML private CheckBox activeOnly;
    @FXML private Label summary;
    @FXML private Label problem;
    @FXML private Label message;
    @FXML private TableView<LegalHold> table;
    @FXML private TableColumn<LegalHold, String> ventureColumn;
    @FXML private TableColumn<LegalHold, String> scopeColumn;
    @FXML private TableColumn<LegalHold, String> stateColumn;
    @FXML private TableColumn<LegalHold, String> reasonColumn;
    @FXML private TableColumn<LegalHold, String> imposedColumn;
    @FXML private TableColumn<LegalHold, String> releasedColumn;
    @FXML private ComboBox<VentureOverview> venture;
    @FXML private ComboBox<HoldScope> scope;
    @FXML private Label banner;
    @FXML private TextField reason;
    @FXML private Label preview;
    @FXML private Button previewButton;
    @FXML private Button imposeButton;
    @FXML private Label selectedHold;
    @FXML private TextField releaseReason;
    @FXML private Button releaseButton;

    private final LegalHoldsViewModel viewModel;

    public LegalHoldsView(LegalHoldsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        activeOnly.selectedProperty().bindBidirectional(viewModel.activeOnlyProperty());
        summary.textProperty().bind(viewModel.summaryProperty());
        shownWhenSet(problem, viewModel.problemProperty());
        shownWhenSet(message, viewModel.messageProperty());

        ventureColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().ventureName()));
        scopeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(HoldLabels.scope(c.getValue().appliesTo())));
        stateColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().active() ? "Active" : "Released"));
        stateColumn.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String state, boolean empty) {
                super.updateItem(state, empty);
                setText(null);
                if (empty || state == null) {
                    setGraphic(null);
                    return;
                }
                Label badge = new Label(state);
                badge.getStyleClass().add("Active".equals(state) ? "hold-badge" : "status-badge");
                setGraphic(badge);
            }
        });
        reasonColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().reason()));
        imposedColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                HoldLabels.at(c.getValue().imposedAt()) + " by " + name(c.getValue().imposedByName())));
        releasedColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().active() ? "—"
                : HoldLabels.at(c.getValue().releasedAt()) + " by " + name(c.getValue().releasedByName()) + ": " + c.getValue().releaseReason()));
        table.setItems(viewModel.holds());
        table.setPlaceholder(new Label("No legal holds."));
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

        venture.setItems(viewModel.ventures());
        venture.setConverter(new StringConverter<>() {
            @Override
            public String toString(VentureOverview v) {
                return v == null ? "" : v.name();
            }

            @Override
            public VentureOverview fromString(String s) {
                return null;
            }
        });
        venture.valueProperty().bindBidirectional(viewModel.ventureProperty());
        scope.getItems().setAll(HoldScope.values());
        scope.setConverter(new StringConverter<>() {
            @Override
            public String toString(HoldScope s) {
                return s == null ? "" : HoldLabels.scope(s);
            }

            @Override
            public HoldScope fromString(String s) {
                return null;
            }
        });
        scope.valueProperty().bindBidirectional(viewModel.scopeProperty());
        shownWhenSet(banner, viewModel.bannerProperty());
        reason.textProperty().bindBidirectional(viewModel.reasonProperty());
        shownWhenSet(preview, viewModel.previewTextProperty());
        previewButton.disableProperty().bind(viewModel.canPreviewProperty().not());
        imposeButton.disableProperty().bind(viewModel.canImposeProperty().not());

        selectedHold.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            LegalHold h = viewModel.selectedProperty().get();
            if (h == null) {
                return "Select a hold in the list.";
            }
            String what = HoldLabels.describe(h) + ": " + h.reason();
            return h.active() ? what : what + " — released; a released hold is never edited again (LH-2).";
        }, viewModel.selectedProperty()));
        releaseReason.textProperty().bindBidirectional(viewModel.releaseReasonProperty());
        releaseButton.disableProperty().bind(viewModel.canReleaseProperty().not());
    }

    private static void shownWhenSet(Label label, javafx.beans.value.ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> !text.get().isEmpty(), text));
        label.managedProperty().bind(label.visibleProperty());
    }

    private static String name(String name) {
        return name == null ? "someone unknown" : name;
    }

    @FXML
    private void preview() {
        viewModel.preview();
    }

    @FXML
    private void impose() {
        viewModel.impose();
    }

    @FXML
    private void release() {
        viewModel.release();
    }

    public void focusDefault() {
        table.requestFocus();
    }
}
