package org.smartstart.backoffice.ui.ventures;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import org.smartstart.backoffice.domain.ventures.VentureOverview;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The ventures overview table; loads when shown. */
public final class VenturesView {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    @FXML private TextField filter;
    @FXML private Label summary;
    @FXML private Label problem;
    @FXML private TableView<VentureOverview> table;
    @FXML private TableColumn<VentureOverview, String> nameColumn;
    @FXML private TableColumn<VentureOverview, String> regionColumn;
    @FXML private TableColumn<VentureOverview, String> statusColumn;
    @FXML private TableColumn<VentureOverview, String> ownerColumn;
    @FXML private TableColumn<VentureOverview, List<String>> holdsColumn;
    @FXML private TableColumn<VentureOverview, Instant> createdColumn;

    private final VenturesViewModel viewModel;
    private final ZoneId zone;

    public VenturesView(VenturesViewModel viewModel, ZoneId zone) {
        this.viewModel = viewModel;
        this.zone = zone;
    }

    @FXML
    private void initialize() {
        filter.textProperty().bindBidirectional(viewModel.filterProperty());
        summary.textProperty().bind(viewModel.summaryProperty());
        problem.textProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        regionColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(VentureLabels.region(c.getValue().region())));
        statusColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().status()));
        statusColumn.setCellFactory(col -> new StatusCell());
        ownerColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                c.getValue().ownerDisplayName() == null ? "—" : c.getValue().ownerDisplayName()));
        holdsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().activeHolds()));
        holdsColumn.setCellFactory(col -> new HoldsCell());
        createdColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().createdAt()));
        createdColumn.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : DATE.format(item.atZone(zone)));
            }
        });

        var sorted = new javafx.collections.transformation.SortedList<>(viewModel.ventures());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        Label placeholder = new Label();
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.when(viewModel.loadingProperty())
                .then("Loading ventures…")
                .otherwise(javafx.beans.binding.Bindings.when(viewModel.filterProperty().isEmpty())
                        .then("No ventures yet.")
                        .otherwise("No venture matches the filter.")));
        table.setPlaceholder(placeholder);
    }

    public void focusDefault() {
        table.requestFocus();
    }

    private static final class StatusCell extends TableCell<VentureOverview, String> {
        @Override
        protected void updateItem(String status, boolean empty) {
            super.updateItem(status, empty);
            if (empty || status == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label badge = new Label(VentureLabels.status(status));
            badge.getStyleClass().addAll("status-badge", "status-" + status);
            setGraphic(badge);
            setText(null);
        }
    }

    private static final class HoldsCell extends TableCell<VentureOverview, List<String>> {
        @Override
        protected void updateItem(List<String> holds, boolean empty) {
            super.updateItem(holds, empty);
            setText(null);
            if (empty || holds == null || holds.isEmpty()) {
                setGraphic(null);
                return;
            }
            HBox badges = new HBox(6);
            badges.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            for (String scope : holds) {
                Label badge = new Label(VentureLabels.hold(scope));
                badge.getStyleClass().add("hold-badge");
                badges.getChildren().add(badge);
            }
            setGraphic(badges);
        }
    }
}
