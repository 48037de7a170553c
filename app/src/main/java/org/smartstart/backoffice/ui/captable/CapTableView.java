package org.smartstart.backoffice.ui.captable;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import org.smartstart.backoffice.domain.captable.CapTable;
import org.smartstart.backoffice.domain.captable.Percent;
import org.smartstart.backoffice.domain.captable.Vesting;
import org.smartstart.backoffice.domain.captable.VestingFrequency;
import org.smartstart.backoffice.domain.captable.VestingPolicy;
import org.smartstart.backoffice.domain.usecase.Rejection;
import org.smartstart.backoffice.domain.ventures.VentureOverview;

import java.io.File;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The cap table workspace. Shortcuts: Alt+Left/Right step through the change dates, Ctrl+Z/Ctrl+Y undo
 * and redo in the draft, Ctrl+S saves it, Ctrl+Tab switches between the table and the charts; every
 * button and field has a mnemonic.
 */
public final class CapTableView {

    @FXML private ComboBox<VentureOverview> venture;
    @FXML private DatePicker asOf;
    @FXML private Button earlier;
    @FXML private Button later;
    @FXML private Button exportCsv;
    @FXML private Button exportPdf;
    @FXML private Button exportOcf;
    @FXML private ListView<LocalDate> timeline;
    @FXML private Label holdBanner;
    @FXML private Label problem;
    @FXML private Label message;
    @FXML private Label heading;
    @FXML private TableView<HolderLine> holders;
    @FXML private TableColumn<HolderLine, String> nameColumn;
    @FXML private TableColumn<HolderLine, String> percentColumn;
    @FXML private TableColumn<HolderLine, String> vestedColumn;
    @FXML private TableColumn<HolderLine, String> vestingColumn;
    @FXML private TableColumn<HolderLine, String> rowsColumn;
    @FXML private PieChart ownershipChart;
    @FXML private StackedAreaChart<String, Number> historyChart;
    @FXML private CategoryAxis historyDates;
    @FXML private ListView<String> changes;
    @FXML private ComboBox<HolderChoice> convertFor;
    @FXML private TextField buzAmount;
    @FXML private TextField convertPercent;
    @FXML private DatePicker convertOn;
    @FXML private ListView<String> dilution;
    @FXML private Label conversionRule;
    @FXML private Label conversionResult;
    @FXML private TextField renameTo;
    @FXML private Button renamePolicy;
    @FXML private ListView<Rejection> conversionProblems;
    @FXML private Button convert;
    @FXML private ComboBox<CapTableViewModel.StepKind> stepKind;
    @FXML private ComboBox<HolderChoice> from;
    @FXML private ComboBox<HolderChoice> to;
    @FXML private Label fromLabel;
    @FXML private Label toLabel;
    @FXML private Label percentLabel;
    @FXML private TextField percent;
    @FXML private DatePicker stepDate;
    @FXML private Button addStep;
    @FXML private Button undo;
    @FXML private Button redo;
    @FXML private Button discard;
    @FXML private ListView<String> steps;
    @FXML private Label previewHeading;
    @FXML private TableView<HolderLine> preview;
    @FXML private TableColumn<HolderLine, String> previewName;
    @FXML private TableColumn<HolderLine, String> previewPercent;
    @FXML private TableColumn<HolderLine, String> previewVested;
    @FXML private Label violationsHeading;
    @FXML private ListView<Rejection> violations;
    @FXML private TextField description;
    @FXML private Button save;
    @FXML private TableView<CapTableViewModel.ChangeLine> changeTable;
    @FXML private TableColumn<CapTableViewModel.ChangeLine, String> changeWhen;
    @FXML private TableColumn<CapTableViewModel.ChangeLine, String> changeWho;
    @FXML private TableColumn<CapTableViewModel.ChangeLine, String> changeWhat;
    @FXML private TableColumn<CapTableViewModel.ChangeLine, String> changeAudit;
    @FXML private Button openAudit;
    @FXML private Label scheduleHeading;
    @FXML private TableView<Vesting.Installment> scheduleTable;
    @FXML private TableColumn<Vesting.Installment, String> installmentDate;
    @FXML private TableColumn<Vesting.Installment, String> installmentVested;
    @FXML private LineChart<String, Number> vestingChart;
    @FXML private CategoryAxis vestingDates;
    @FXML private ComboBox<VestingPolicy> attachPolicy;
    @FXML private DatePicker vestingFrom;
    @FXML private Button attach;
    @FXML private ListView<VestingPolicy> policies;
    @FXML private TextField policyName;
    @FXML private TextField cliffMonths;
    @FXML private TextField durationMonths;
    @FXML private ComboBox<VestingFrequency> frequency;
    @FXML private Button createPolicy;
    @FXML private Label searchLabel;
    @FXML private TextField holderSearch;
    @FXML private Button searchHolder;

    private final CapTableViewModel viewModel;
    private boolean updatingTimeline;

    public CapTableView(CapTableViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        venture.setItems(viewModel.ventures());
        venture.valueProperty().bindBidirectional(viewModel.ventureProperty());
        venture.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(VentureOverview v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : v.name() + (v.onHold() ? "  (on hold)" : ""));
            }
        });
        venture.setButtonCell(venture.getCellFactory().call(null));
        asOf.valueProperty().bindBidirectional(viewModel.asOfProperty());

        timeline.setItems(viewModel.changeDates());
        timeline.getSelectionModel().selectedItemProperty().addListener((o, was, day) -> {
            if (!updatingTimeline && day != null) {
                viewModel.asOfProperty().set(day);
            }
        });
        viewModel.asOfProperty().addListener((o, was, day) -> selectTimeline());
        viewModel.changeDates().addListener((ListChangeListener<LocalDate>) c -> selectTimeline());

        bindMessage(holdBanner, viewModel.holdBannerProperty());
        bindMessage(problem, viewModel.problemProperty());
        bindMessage(message, viewModel.messageProperty());
        heading.textProperty().bind(Bindings.createStringBinding(() -> {
            CapTable t = viewModel.capTableProperty().get();
            return t == null ? "No venture chosen" : t.ventureName() + " on " + t.asOf() + " · platform cap "
                    + t.aliceCap().toPlainString() + "% · revision " + t.revision();
        }, viewModel.capTableProperty()));

        holders.setItems(viewModel.lines());
        nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        percentColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().percentText()));
        vestedColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().vestedText()));
        vestingColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().vesting()));
        rowsColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().ledgerRows()));
        vestingColumn.setCellFactory(c -> new WholeTextCell<>());
        rowsColumn.setCellFactory(c -> new WholeTextCell<>());
        nameColumn.setCellFactory(c -> new WholeTextCell<>());
        holders.setRowFactory(t -> new LineRow());
        holders.setPlaceholder(new Label("No holders on this date."));
        holders.getSelectionModel().selectedItemProperty().addListener((o, was, line) -> viewModel.rowToCloseProperty().set(line));

        viewModel.lines().addListener((ListChangeListener<HolderLine>) c -> drawOwnership());
        viewModel.history().addListener((ListChangeListener<CapTableViewModel.HistoryPoint>) c -> drawHistory());
        historyChart.setAnimated(false);
        changes.setItems(viewModel.ledgerChanges());
        changes.setPlaceholder(new Label("No ledger rows yet."));
        convertFor.setItems(viewModel.people());
        convertFor.valueProperty().bindBidirectional(viewModel.convertForProperty());
        buzAmount.textProperty().bindBidirectional(viewModel.buzAmountProperty());
        convertPercent.textProperty().bindBidirectional(viewModel.convertPercentProperty());
        convertOn.valueProperty().bindBidirectional(viewModel.convertOnProperty());
        conversionRule.textProperty().bind(viewModel.conversionRuleProperty());
        conversionResult.textProperty().bind(viewModel.conversionResultProperty());
        conversionResult.visibleProperty().bind(viewModel.conversionResultProperty().isNotEmpty());
        conversionResult.managedProperty().bind(conversionResult.visibleProperty());
        // Back on this screen (the shell puts it into its content again): a hold changed elsewhere shows at once.
        venture.sceneProperty().addListener((o, was, now) -> {
            if (was == null && now != null) {
                viewModel.revisit();
            }
        });
        dilution.setItems(viewModel.dilution());
        dilution.setPlaceholder(new Label("Pick a person and a percent to see the dilution."));
        conversionProblems.setItems(viewModel.conversionProblems());
        conversionProblems.setPlaceholder(new Label("No rule broken so far."));
        conversionProblems.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Rejection r, boolean empty) {
                super.updateItem(r, empty);
                setText(null);
                setGraphic(empty || r == null ? null : wrapped(r.ruleId() + " · " + r.message(), conversionProblems, "violation"));
            }
        });
        for (Node n : new Node[] {convertFor, buzAmount, convertPercent, convertOn, convert}) {
            n.disableProperty().bind(viewModel.editingBlockedProperty());
        }
        ownershipChart.setAnimated(false);

        stepKind.getItems().setAll(CapTableViewModel.StepKind.values());
        stepKind.valueProperty().bindBidirectional(viewModel.stepKindProperty());
        from.setItems(viewModel.people());
        to.setItems(viewModel.people());
        from.valueProperty().bindBidirectional(viewModel.fromHolderProperty());
        to.valueProperty().bindBidirectional(viewModel.toHolderProperty());
        percent.textProperty().bindBidirectional(viewModel.percentProperty());
        stepDate.valueProperty().bindBidirectional(viewModel.stepDateProperty());
        stepKind.valueProperty().addListener((o, was, kind) -> arrangeForm(kind));
        arrangeForm(stepKind.getValue());

        steps.setItems(viewModel.draftSteps());
        steps.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(String step, boolean empty) {
                super.updateItem(step, empty);
                setText(null);
                setGraphic(empty || step == null ? null : wrapped(step, steps, "draft-step"));
            }
        });
        steps.setPlaceholder(new Label("No draft: add a change above."));
        steps.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                viewModel.removeStep(steps.getSelectionModel().getSelectedIndex());
            }
        });
        preview.setItems(viewModel.previewLines());
        preview.setRowFactory(t -> new LineRow());
        preview.setPlaceholder(new Label("The draft's cap table shows here."));
        previewName.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        previewPercent.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().percentText()));
        previewVested.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().vestedText()));
        previewHeading.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.draftingProperty().get() ? "The draft's cap table on " + viewModel.asOfProperty().get() : "",
                viewModel.draftingProperty(), viewModel.asOfProperty()));
        violations.setItems(viewModel.violations());
        violations.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Rejection r, boolean empty) {
                super.updateItem(r, empty);
                setText(null);
                setGraphic(empty || r == null ? null : wrapped(r.ruleId() + " · " + r.message(), violations, "violation"));
            }
        });
        violations.setPlaceholder(new Label("No rule broken."));
        violationsHeading.textProperty().bind(Bindings.createStringBinding(() -> !viewModel.draftingProperty().get() ? ""
                : viewModel.violations().isEmpty() ? "The draft keeps every rule (EQ-1..EQ-7) on every date."
                : viewModel.violations().size() + " rule(s) broken; the draft cannot be saved:", viewModel.draftingProperty(), viewModel.violations()));
        description.textProperty().bindBidirectional(viewModel.descriptionProperty());

        changeTable.setItems(viewModel.changeLines());
        changeTable.setPlaceholder(new Label("No change saved through the back office yet."));
        changeWhen.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().when()));
        changeWho.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().who()));
        changeWhat.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().what()));
        changeAudit.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().audit()));
        for (TableColumn<CapTableViewModel.ChangeLine, String> column : List.of(changeWhat, changeAudit)) {
            column.setCellFactory(c -> new WholeTextCell<>());
        }
        viewModel.selectedChangeProperty().bind(changeTable.getSelectionModel().selectedItemProperty());
        openAudit.disableProperty().bind(Bindings.createBooleanBinding(() -> viewModel.selectedChangeProperty().get() == null
                || viewModel.selectedChangeProperty().get().record() == null, viewModel.selectedChangeProperty()));
        changeTable.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                viewModel.openInAuditTrail();
            }
        });

        scheduleHeading.textProperty().bind(viewModel.scheduleHeadingProperty());
        scheduleTable.setItems(viewModel.schedule());
        scheduleTable.setPlaceholder(new Label("No holding selected."));
        installmentDate.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().on().toString()));
        installmentVested.setCellValueFactory(c -> new ReadOnlyStringWrapper(Percent.format(c.getValue().vestedPercent())));
        viewModel.schedule().addListener((ListChangeListener<Vesting.Installment>) c -> drawSchedule());
        policies.setItems(viewModel.vestingPolicies());
        policies.setPlaceholder(new Label("No vesting policy yet: create one below."));
        policies.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(VestingPolicy p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.describe() + (p.template() ? "  (platform template)" : ""));
            }
        });
        attachPolicy.setItems(viewModel.vestingPolicies());
        attachPolicy.valueProperty().bindBidirectional(viewModel.policyToAttachProperty());
        attachPolicy.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(VestingPolicy p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.describe());
            }
        });
        attachPolicy.setButtonCell(attachPolicy.getCellFactory().call(null));
        vestingFrom.valueProperty().bindBidirectional(viewModel.vestingFromProperty());
        policyName.textProperty().bindBidirectional(viewModel.policyNameProperty());
        cliffMonths.textProperty().bindBidirectional(viewModel.cliffMonthsProperty());
        durationMonths.textProperty().bindBidirectional(viewModel.durationMonthsProperty());
        frequency.getItems().setAll(VestingFrequency.values());
        frequency.valueProperty().bindBidirectional(viewModel.frequencyProperty());
        attach.disableProperty().bind(blockedOr(Bindings.createBooleanBinding(() -> viewModel.selectedHoldingProperty().get() == null
                || viewModel.selectedHoldingProperty().get().effectiveTo() != null, viewModel.selectedHoldingProperty())));
        for (Node n : new Node[] {attachPolicy, vestingFrom, policyName, cliffMonths, durationMonths, frequency, createPolicy}) {
            n.disableProperty().bind(viewModel.editingBlockedProperty());
        }
        policies.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> viewModel.policyToRenameProperty().set(now));
        renameTo.textProperty().bindBidirectional(viewModel.renameToProperty());
        renameTo.disableProperty().bind(viewModel.editingBlockedProperty());
        renamePolicy.disableProperty().bind(blockedOr(Bindings.createBooleanBinding(() -> viewModel.policyToRenameProperty().get() == null
                || viewModel.policyToRenameProperty().get().template(), viewModel.policyToRenameProperty())));
        holderSearch.textProperty().bindBidirectional(viewModel.holderSearchProperty());

        var blocked = viewModel.editingBlockedProperty();
        for (Node n : new Node[] {stepKind, from, to, percent, stepDate, addStep, description, holderSearch, searchHolder}) {
            n.disableProperty().bind(blocked);
        }
        undo.disableProperty().bind(viewModel.canUndoProperty().not());
        redo.disableProperty().bind(viewModel.canRedoProperty().not());
        discard.disableProperty().bind(viewModel.draftingProperty().not());
        save.disableProperty().bind(viewModel.canSaveProperty().not());
        exportCsv.disableProperty().bind(viewModel.capTableProperty().isNull());
        exportPdf.disableProperty().bind(viewModel.capTableProperty().isNull());
        exportOcf.disableProperty().bind(viewModel.capTableProperty().isNull().or(viewModel.busyProperty()));
        holders.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN), viewModel::stepBack);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN), viewModel::stepForward);
                // In a text field Ctrl+Z/Ctrl+Y undo the typing; elsewhere they undo and redo draft steps.
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), () -> {
                    if (!(scene.getFocusOwner() instanceof javafx.scene.control.TextInputControl)) {
                        viewModel.undo();
                    }
                });
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN), () -> {
                    if (!(scene.getFocusOwner() instanceof javafx.scene.control.TextInputControl)) {
                        viewModel.redo();
                    }
                });
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), viewModel::save);
            }
        });
    }

    private javafx.beans.binding.BooleanBinding blockedOr(javafx.beans.binding.BooleanBinding other) {
        return viewModel.editingBlockedProperty().or(other);
    }

    private void drawSchedule() {
        vestingChart.getData().clear();
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName("vested");
        vestingDates.getCategories().setAll(viewModel.schedule().stream().map(i -> i.on().toString()).toList());
        for (Vesting.Installment i : viewModel.schedule()) {
            series.getData().add(new XYChart.Data<>(i.on().toString(), i.vestedPercent().doubleValue()));
        }
        vestingChart.getData().add(series);
    }

    private void arrangeForm(CapTableViewModel.StepKind kind) {
        boolean close = kind == CapTableViewModel.StepKind.CLOSE_ROW;
        boolean platform = kind == CapTableViewModel.StepKind.PLATFORM_STAKE;
        boolean receives = !close && !platform;
        searchLabel.setVisible(receives);
        holderSearch.getParent().setVisible(receives);
        from.setVisible(!close);
        fromLabel.setVisible(!close);
        to.setVisible(!close && !platform);
        toLabel.setVisible(!close && !platform);
        percent.setVisible(!close);
        percentLabel.setVisible(!close);
        fromLabel.setText(platform ? "_From/to" : "_From");
        percentLabel.setText(platform ? "New stake %" : "Perce_nt");
        percent.setPromptText(close ? "" : platform ? "the platform's new percent" : "e.g. 5 or 2.5");
        if (close) {
            percentLabel.setText("Select the holder's line in the table; the row ends the day before the date.");
        }
    }

    private void selectTimeline() {
        updatingTimeline = true;
        try {
            LocalDate day = viewModel.asOfProperty().get();
            if (viewModel.changeDates().contains(day)) {
                timeline.getSelectionModel().select(day);
                timeline.scrollTo(day);
            } else {
                timeline.getSelectionModel().clearSelection();
            }
        } finally {
            updatingTimeline = false;
        }
    }

    private void drawOwnership() {
        ownershipChart.getData().clear();
        for (HolderLine l : viewModel.lines()) {
            if (!l.total() && l.percent().signum() > 0) {
                ownershipChart.getData().add(new PieChart.Data(l.name() + " " + l.percentText(), l.percent().doubleValue()));
            }
        }
    }

    private void drawHistory() {
        historyChart.getData().clear();
        Set<String> names = new LinkedHashSet<>();
        viewModel.history().forEach(p -> names.addAll(p.shares().keySet()));
        historyDates.getCategories().setAll(viewModel.history().stream().map(p -> p.date().toString()).toList());
        for (String name : names) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(name);
            for (CapTableViewModel.HistoryPoint p : viewModel.history()) {
                series.getData().add(new XYChart.Data<>(p.date().toString(), p.shares().getOrDefault(name, BigDecimal.ZERO).doubleValue()));
            }
            historyChart.getData().add(series);
        }
    }

    /** A list entry shown whole, on as many lines as it needs. */
    private static Label wrapped(String text, ListView<?> list, String styleClass) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(styleClass);
        label.maxWidthProperty().bind(list.widthProperty().subtract(30));
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    private static void bindMessage(Label label, javafx.beans.value.ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.createBooleanBinding(() -> text.get() != null && !text.get().isEmpty(), text));
        label.managedProperty().bind(label.visibleProperty());
    }

    @FXML private void stepBack() { viewModel.stepBack(); }
    @FXML private void stepForward() { viewModel.stepForward(); }
    @FXML private void today() { viewModel.today(); }
    @FXML private void addStep() { viewModel.addStep(); }
    @FXML private void undo() { viewModel.undo(); }
    @FXML private void redo() { viewModel.redo(); }
    @FXML private void discard() { viewModel.discardDraft(); }
    @FXML private void save() { viewModel.save(); }
    @FXML private void convert() { viewModel.convert(); }
    @FXML private void openInAuditTrail() { viewModel.openInAuditTrail(); }
    @FXML private void attachPolicy() { viewModel.attachPolicy(); }
    @FXML private void createPolicy() { viewModel.createPolicy(); }
    @FXML private void renamePolicy() { viewModel.renamePolicy(); }
    @FXML private void searchHolders() { viewModel.searchHolders(); }

    @FXML
    private void exportCsv() {
        File file = choose("CSV", "*.csv", ".csv");
        if (file != null) {
            viewModel.exportCsv(file.toPath());
        }
    }

    /** Opens the OCF import (ui/captable/ocf) for the venture shown; the screen reloads once it has imported. */
    @FXML
    private void importOcf() {
        viewModel.ocfImport().ifPresent(vm -> org.smartstart.backoffice.ui.captable.ocf.OcfImportDialog.open(holders.getScene().getWindow(), vm));
    }

    /** Where an OCF export goes: a zip (or, named without ".zip", a folder); tests answer without a dialog. */
    private java.util.function.Function<String, Path> ocfTarget = suggested -> {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the cap table as an OCF package");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("OCF package (zip)", "*.zip"));
        chooser.setInitialFileName(suggested);
        File file = chooser.showSaveDialog(holders.getScene().getWindow());
        return file == null ? null : file.toPath();
    };

    /** Replaces the save dialog of "Export OCF…" (for robot tests, which cannot drive the platform's dialog). */
    public void chooseOcfTargetWith(java.util.function.Function<String, Path> chooser) {
        ocfTarget = java.util.Objects.requireNonNull(chooser);
    }

    @FXML
    private void exportOcf() {
        CapTable t = viewModel.capTableProperty().get();
        if (t == null) {
            return;
        }
        Path target = ocfTarget.apply(("ocf-" + t.ventureName() + "-" + t.asOf()).replaceAll("[^A-Za-z0-9._-]+", "-") + ".zip");
        if (target != null) {
            viewModel.exportOcf(target);
        }
    }

    @FXML
    private void exportPdf() {
        File file = choose("PDF", "*.pdf", ".pdf");
        if (file != null) {
            viewModel.exportPdf(file.toPath());
        }
    }

    private File choose(String kind, String pattern, String suffix) {
        CapTable t = viewModel.capTableProperty().get();
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the cap table as " + kind);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        chooser.setInitialFileName(("cap-table-" + t.ventureName() + "-" + t.asOf()).replaceAll("[^A-Za-z0-9._-]+", "-") + suffix);
        return chooser.showSaveDialog(holders.getScene().getWindow());
    }

    public void focusDefault() {
        venture.requestFocus();
    }

    /** A narrow column's text, whole in a tooltip. */
    private static final class WholeTextCell<S> extends javafx.scene.control.TableCell<S, String> {
        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
            setTooltip(empty || text == null || text.isEmpty() ? null : new javafx.scene.control.Tooltip(text));
        }
    }

    /** The platform's line and the totals line are styled as such. */
    private static final class LineRow extends TableRow<HolderLine> {
        @Override
        protected void updateItem(HolderLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeAll("platform-row", "total-row");
            if (!empty && line != null) {
                getStyleClass().add(line.total() ? "total-row" : line.platform() ? "platform-row" : "holder-row");
            }
        }
    }
}
