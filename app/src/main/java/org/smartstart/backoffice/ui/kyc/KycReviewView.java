package org.smartstart.backoffice.ui.kyc;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.smartstart.backoffice.domain.kyc.DecisionOutcome;
import org.smartstart.backoffice.domain.kyc.DecisionRecord;
import org.smartstart.backoffice.domain.kyc.DevicePosture;
import org.smartstart.backoffice.domain.kyc.DocumentDetail;
import org.smartstart.backoffice.domain.kyc.DocumentKind;
import org.smartstart.backoffice.domain.kyc.KycReviewUseCases;
import org.smartstart.backoffice.domain.kyc.QueueItem;
import org.smartstart.backoffice.domain.kyc.QueueOrder;
import org.smartstart.backoffice.domain.kyc.RelatedDocument;
import org.smartstart.backoffice.domain.kyc.ReviewEvent;
import org.smartstart.backoffice.domain.kyc.ReviewStatus;
import org.smartstart.backoffice.domain.kyc.ReviewSubject;
import org.smartstart.backoffice.domain.kyc.Reviewer;
import org.smartstart.backoffice.domain.kyc.SecondOpinion;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The review workspace: the queue on the left, the document and the decision on the right. Every action
 * has a key (see the keys line at the bottom of the page); keys work wherever the focus is on the page.
 */
public final class KycReviewView {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @FXML private VBox root;
    @FXML private Label counts;
    @FXML private Label problem;
    @FXML private Label notice;
    @FXML private ComboBox<DocumentKind> kindFilter;
    @FXML private ComboBox<ReviewStatus> statusFilter;
    @FXML private ComboBox<String> docTypeFilter;
    @FXML private ComboBox<QueueOrder> orderChoice;
    @FXML private CheckBox mine;
    @FXML private TextField countryFilter;
    @FXML private TextField minRiskFilter;
    @FXML private TextField maxRiskFilter;
    @FXML private ComboBox<Integer> ageFilter;
    @FXML private ComboBox<Reviewer> assigneeFilter;
    @FXML private CheckBox overdue;
    @FXML private TableView<QueueItem> queue;
    @FXML private TableColumn<QueueItem, String> kindColumn;
    @FXML private TableColumn<QueueItem, String> typeColumn;
    @FXML private TableColumn<QueueItem, String> subjectColumn;
    @FXML private TableColumn<QueueItem, Integer> riskColumn;
    @FXML private TableColumn<QueueItem, String> countryColumn;
    @FXML private TableColumn<QueueItem, Instant> ageColumn;
    @FXML private TableColumn<QueueItem, QueueItem> dueColumn;
    @FXML private TableColumn<QueueItem, String> claimColumn;
    @FXML private Button claimNext;
    @FXML private Button claim;
    @FXML private Button release;
    @FXML private Label more;
    @FXML private Button previousPage;
    @FXML private Label pageLabel;
    @FXML private Button nextPage;
    @FXML private Label zoomLabel;
    @FXML private Button fit;
    @FXML private ScrollPane viewerScroll;
    @FXML private StackPane pageHolder;
    @FXML private ImageView pageView;
    @FXML private Label viewerMessage;
    @FXML private TabPane tabs;
    @FXML private Tab historyTab;
    @FXML private GridPane facts;
    @FXML private Label shaCheck;
    @FXML private ComboBox<ReasonCode> reason;
    @FXML private TextArea internalComment;
    @FXML private TextArea applicantComment;
    @FXML private Button approve;
    @FXML private Button rejectResubmit;
    @FXML private Button rejectFinal;
    @FXML private VBox secondBox;
    @FXML private VBox decisionBox;
    @FXML private Label secondTitle;
    @FXML private TextArea secondComment;
    @FXML private Button confirm;
    @FXML private Button overturn;
    @FXML private Label result;
    @FXML private VBox effects;
    @FXML private ListView<ReviewEvent> history;
    @FXML private Hyperlink auditTrailLink;
    @FXML private Tab subjectTab;
    @FXML private GridPane subjectFacts;
    @FXML private Label devicesTitle;
    @FXML private VBox devices;
    @FXML private VBox otherDocuments;

    private final KycReviewViewModel viewModel;
    private final ZoneId zone;

    public KycReviewView(KycReviewViewModel viewModel, ZoneId zone) {
        this.viewModel = viewModel;
        this.zone = zone;
    }

    @FXML
    private void initialize() {
        counts.textProperty().bind(viewModel.countsProperty());
        showWhenNotEmpty(problem, viewModel.problemProperty());
        showWhenNotEmpty(notice, viewModel.noticeProperty());

        initializeFilters();
        initializeQueue();
        initializeViewer();
        initializeDecision();
        installKeys();
    }

    private static void showWhenNotEmpty(Label label, javafx.beans.value.ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
    }

    // ---- queue -----------------------------------------------------------------------------

    private void initializeFilters() {
        List<DocumentKind> kinds = new ArrayList<>();
        kinds.add(null);
        kinds.addAll(List.of(DocumentKind.values()));
        kindFilter.getItems().setAll(kinds);
        kindFilter.setConverter(converter(k -> k == null ? "KYC and KYB" : k == DocumentKind.KYC ? "KYC (people)" : "KYB (ventures)"));
        kindFilter.setPromptText("KYC and KYB");
        kindFilter.valueProperty().bindBidirectional(viewModel.kindProperty());

        List<ReviewStatus> statuses = new ArrayList<>();
        statuses.add(null);
        statuses.addAll(List.of(ReviewStatus.values()));
        statusFilter.getItems().setAll(statuses);
        statusFilter.setConverter(converter(s -> s == null ? "Any status" : capitalized(KycReviewViewModel.statusLabel(s))));
        statusFilter.setPromptText("Any status");
        statusFilter.valueProperty().bindBidirectional(viewModel.statusProperty());

        List<String> types = new ArrayList<>();
        types.add("");
        types.addAll(KycReviewUseCases.DOC_TYPES.stream().sorted().toList());
        docTypeFilter.getItems().setAll(types);
        docTypeFilter.setConverter(converter(t -> t == null || t.isEmpty() ? "Any document" : capitalized(KycReviewViewModel.label(t))));
        docTypeFilter.valueProperty().bindBidirectional(viewModel.docTypeProperty());

        orderChoice.getItems().setAll(QueueOrder.values());
        orderChoice.setConverter(converter(o -> switch (o) {
            case OLDEST_FIRST -> "Oldest first";
            case HIGHEST_RISK_FIRST -> "Highest risk first";
            case DUE_FIRST -> "Due first";
        }));
        orderChoice.valueProperty().bindBidirectional(viewModel.orderProperty());

        mine.selectedProperty().bindBidirectional(viewModel.mineProperty());

        // typed filters apply on Enter or when the field is left, not at every key
        commitOnEnterOrLeave(countryFilter, viewModel.countryProperty());
        commitOnEnterOrLeave(minRiskFilter, viewModel.minRiskProperty());
        commitOnEnterOrLeave(maxRiskFilter, viewModel.maxRiskProperty());

        List<Integer> ages = new ArrayList<>();
        ages.add(null);
        ages.addAll(List.of(1, 3, 7, 30));
        ageFilter.getItems().setAll(ages);
        ageFilter.setConverter(converter(d -> d == null ? "Any age" : "Older than " + d + (d == 1 ? " day" : " days")));
        ageFilter.setPromptText("Any age");
        ageFilter.valueProperty().bindBidirectional(viewModel.minAgeDaysProperty());

        assigneeFilter.setConverter(converter(r -> r == null ? "Any assignee"
                : viewModel.me().equals(r.userId()) ? r.displayName() + " (me)" : r.displayName()));
        assigneeFilter.setPromptText("Any assignee");
        Runnable officers = () -> {
            Reviewer chosen = viewModel.assigneeProperty().get();
            List<Reviewer> choices = new ArrayList<>();
            choices.add(null);
            choices.addAll(viewModel.reviewers());
            assigneeFilter.getItems().setAll(choices);
            assigneeFilter.setValue(chosen);
        };
        viewModel.reviewers().addListener((ListChangeListener<Reviewer>) change -> officers.run());
        officers.run();
        assigneeFilter.valueProperty().bindBidirectional(viewModel.assigneeProperty());

        overdue.selectedProperty().bindBidirectional(viewModel.overdueProperty());
    }

    private static void commitOnEnterOrLeave(TextField field, javafx.beans.property.StringProperty target) {
        field.setText(target.get());
        target.addListener((o, a, b) -> {
            if (!field.getText().equals(b)) {
                field.setText(b);
            }
        });
        field.setOnAction(event -> target.set(field.getText()));
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                target.set(field.getText());
            }
        });
    }

    private void initializeQueue() {
        kindColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().kind().name()));
        typeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(KycReviewViewModel.label(c.getValue().docType())));
        subjectColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().subjectName()));
        riskColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().riskScore()));
        riskColumn.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Integer risk, boolean empty) {
                super.updateItem(risk, empty);
                getStyleClass().remove("risk-high");
                setText(empty || risk == null ? null : risk.toString());
                if (!empty && risk != null && risk >= 70) {
                    getStyleClass().add("risk-high");
                }
            }
        });
        ageColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().submittedAt()));
        ageColumn.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Instant at, boolean empty) {
                super.updateItem(at, empty);
                setText(empty || at == null ? null : DATE.format(at.atZone(zone)));
            }
        });
        countryColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().country() == null ? "" : c.getValue().country()));
        dueColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        dueColumn.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(QueueItem item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("kyc-overdue");
                setText(empty || item == null || item.dueAt() == null ? null : TIME.format(item.dueAt().atZone(zone)));
                if (!empty && item != null && item.overdueAt(Instant.now())) {
                    getStyleClass().add("kyc-overdue");
                }
            }
        });
        claimColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().claimedBy() == null ? ""
                : viewModel.me().equals(c.getValue().claimedBy()) ? "me" : c.getValue().claimedByName()));
        // The order is the port's (oldest or riskiest first); sorting one page by a column would mislead.
        queue.getColumns().forEach(c -> c.setSortable(false));
        queue.setItems(viewModel.items());
        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.when(viewModel.loadingProperty())
                .then("Loading the review queue…").otherwise("No document matches the filter."));
        queue.setPlaceholder(placeholder);
        // Open on the officer's click or key only: reloading the queue also changes the selection.
        queue.setOnMouseClicked(event -> openSelected());
        queue.addEventHandler(KeyEvent.KEY_RELEASED, event -> {
            switch (event.getCode()) {
                case UP, DOWN, HOME, END, ENTER, SPACE -> openSelected();
                default -> { }
            }
        });
        // The row of the open document stays selected, also after claiming the next one or reloading.
        viewModel.detailProperty().addListener((obs, old, d) -> selectOpenDocument());
        viewModel.items().addListener((ListChangeListener<QueueItem>) change -> selectOpenDocument());
        more.textProperty().bind(Bindings.when(viewModel.moreProperty())
                .then(Bindings.concat("First ", Bindings.size(viewModel.items()), " shown; narrow the filter for the rest"))
                .otherwise(""));

        claimNext.disableProperty().bind(viewModel.busyProperty());
        claim.disableProperty().bind(viewModel.canClaimProperty().not());
        release.disableProperty().bind(viewModel.canReleaseProperty().not());
    }

    private void selectOpenDocument() {
        DocumentDetail open = viewModel.detailProperty().get();
        if (open == null) {
            return;
        }
        viewModel.items().stream().filter(i -> i.documentId().equals(open.documentId())).findFirst()
                .ifPresentOrElse(i -> queue.getSelectionModel().select(i), () -> queue.getSelectionModel().clearSelection());
    }

    private void openSelected() {
        QueueItem item = queue.getSelectionModel().getSelectedItem();
        DocumentDetail open = viewModel.detailProperty().get();
        if (item != null && (open == null || !open.documentId().equals(item.documentId()))) {
            viewModel.open(item.documentId());
        }
    }

    // ---- viewer ----------------------------------------------------------------------------

    private void initializeViewer() {
        pageView.imageProperty().bind(viewModel.currentPageProperty());
        pageView.rotateProperty().bind(viewModel.rotationProperty());
        pageHolder.minWidthProperty().bind(Bindings.createDoubleBinding(
                () -> viewerScroll.getViewportBounds().getWidth(), viewerScroll.viewportBoundsProperty()));
        pageHolder.minHeightProperty().bind(Bindings.createDoubleBinding(
                () -> viewerScroll.getViewportBounds().getHeight(), viewerScroll.viewportBoundsProperty()));
        Runnable layoutPage = this::layoutPage;
        viewModel.zoomProperty().addListener((o, a, b) -> layoutPage.run());
        viewModel.fitProperty().addListener((o, a, b) -> layoutPage.run());
        viewModel.rotationProperty().addListener((o, a, b) -> layoutPage.run());
        viewModel.currentPageProperty().addListener((o, a, b) -> layoutPage.run());
        viewerScroll.viewportBoundsProperty().addListener((o, a, b) -> layoutPage.run());

        viewerMessage.textProperty().bind(Bindings.createStringBinding(() -> {
            if (!viewModel.viewerProblemProperty().get().isEmpty()) {
                return viewModel.viewerProblemProperty().get();
            }
            return viewModel.detailProperty().get() == null ? "Claim the next document (Ctrl+N) or pick one in the queue." : "";
        }, viewModel.viewerProblemProperty(), viewModel.detailProperty()));
        viewerMessage.visibleProperty().bind(viewerMessage.textProperty().isNotEmpty());

        pageLabel.textProperty().bind(Bindings.createStringBinding(() -> viewModel.pages().isEmpty() ? "No page"
                        : "Page " + (viewModel.pageIndexProperty().get() + 1) + " of " + viewModel.pages().size(),
                viewModel.pages(), viewModel.pageIndexProperty()));
        previousPage.disableProperty().bind(viewModel.pageIndexProperty().lessThanOrEqualTo(0));
        nextPage.disableProperty().bind(viewModel.pageIndexProperty().greaterThanOrEqualTo(Bindings.size(viewModel.pages()).subtract(1)));
        zoomLabel.textProperty().bind(Bindings.format("%.0f %%", viewModel.zoomProperty().multiply(100)));
    }

    /** Fit: the whole (rotated) page in the viewport; otherwise the chosen zoom. */
    private void layoutPage() {
        Image image = viewModel.currentPageProperty().get();
        if (image == null) {
            return;
        }
        boolean sideways = viewModel.rotationProperty().get() % 180 != 0;
        double w = sideways ? image.getHeight() : image.getWidth();
        double h = sideways ? image.getWidth() : image.getHeight();
        double scale = viewModel.zoomProperty().get();
        if (viewModel.fitProperty().get()) {
            double vw = viewerScroll.getViewportBounds().getWidth() - 8;
            double vh = viewerScroll.getViewportBounds().getHeight() - 8;
            scale = vw > 0 && vh > 0 ? Math.min(vw / w, vh / h) : 1.0;
            viewModel.zoomProperty().set(Math.max(KycReviewViewModel.MIN_ZOOM, Math.min(KycReviewViewModel.MAX_ZOOM, scale)));
            viewModel.fitProperty().set(true);
        }
        pageView.setFitWidth(image.getWidth() * scale);
        pageView.setFitHeight(image.getHeight() * scale);
    }

    // ---- decision, facts, history ----------------------------------------------------------

    private void initializeDecision() {
        reason.getItems().setAll(viewModel.reasonCodes());
        reason.setConverter(converter(r -> r == null ? "" : outcomeWord(r.outcome()) + ": " + r.label() + " (" + r.code() + ")"));
        reason.valueProperty().bindBidirectional(viewModel.reasonCodeProperty());
        reason.setPromptText("Approval: the first approval reason");
        internalComment.textProperty().bindBidirectional(viewModel.internalCommentProperty());
        applicantComment.textProperty().bindBidirectional(viewModel.applicantCommentProperty());
        secondComment.textProperty().bindBidirectional(viewModel.secondCommentProperty());

        approve.disableProperty().bind(viewModel.canApproveProperty().not());
        rejectResubmit.disableProperty().bind(viewModel.canRejectProperty().not());
        rejectFinal.disableProperty().bind(viewModel.canRejectProperty().not());
        confirm.disableProperty().bind(viewModel.canSecondApproveProperty().not());
        overturn.disableProperty().bind(viewModel.canSecondApproveProperty().not());

        secondBox.visibleProperty().bind(Bindings.createBooleanBinding(() -> viewModel.detailProperty().get() != null
                && viewModel.detailProperty().get().status() == ReviewStatus.AWAITING_SECOND_APPROVAL, viewModel.detailProperty()));
        secondBox.managedProperty().bind(secondBox.visibleProperty());
        // Only a pending document is decided; the others show their status, result and history instead.
        decisionBox.visibleProperty().bind(Bindings.createBooleanBinding(() -> viewModel.detailProperty().get() == null
                || viewModel.detailProperty().get().status() == ReviewStatus.PENDING, viewModel.detailProperty()));
        decisionBox.managedProperty().bind(decisionBox.visibleProperty());
        secondTitle.textProperty().bind(Bindings.createStringBinding(() -> {
            DocumentDetail d = viewModel.detailProperty().get();
            if (d == null || d.status() != ReviewStatus.AWAITING_SECOND_APPROVAL) {
                return "";
            }
            return viewModel.me().equals(d.firstApprovedBy())
                    ? "Awaiting second approval: you approved it first, so a different compliance officer confirms or overturns it (KY-4)."
                    : "Awaiting second approval (risk " + d.riskScore() + " ≥ 70, KY-4): confirm or overturn the first approval.";
        }, viewModel.detailProperty()));

        result.textProperty().bind(viewModel.resultProperty());
        result.visibleProperty().bind(viewModel.resultProperty().isNotEmpty());
        result.managedProperty().bind(result.visibleProperty());
        viewModel.effects().addListener((ListChangeListener<String>) change -> {
            effects.getChildren().clear();
            for (String effect : viewModel.effects()) {
                Label line = new Label("• " + effect);
                line.setWrapText(true);
                line.getStyleClass().add("kyc-effect");
                effects.getChildren().add(line);
            }
        });

        viewModel.detailProperty().addListener((obs, old, d) -> showFacts(d));
        viewModel.shownSha256Property().addListener((obs, old, sha) -> showShaCheck());
        viewModel.detailProperty().addListener((obs, old, d) -> showShaCheck());
        showFacts(null);
        showShaCheck();

        history.setItems(viewModel.trail());
        history.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ReviewEvent e, boolean empty) {
                super.updateItem(e, empty);
                setPrefWidth(0);
                if (empty || e == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label text = new Label(historyLine(e));
                text.setWrapText(true);
                // wrap within the list, not beyond it
                text.maxWidthProperty().bind(history.widthProperty().subtract(36));
                text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                VBox box = new VBox(2, text);
                if (e.action() != null) {
                    Hyperlink link = new Hyperlink(e.seq() == null ? "Audit entry being sealed — open the document's trail"
                            : "Audit entry #" + e.seq() + " · tx " + e.txHash().substring(0, 12) + "…");
                    link.getStyleClass().add("kyc-audit-link");
                    link.setOnAction(event -> viewModel.openAuditEntry(e));
                    box.getChildren().add(link);
                }
                setText(null);
                setGraphic(box);
            }
        });
        history.setPlaceholder(new Label("Nothing recorded on this document yet."));
        auditTrailLink.disableProperty().bind(viewModel.detailProperty().isNull());
        viewModel.detailProperty().addListener((obs, old, d) -> showSubject(d));
        showSubject(null);
    }

    private String historyLine(ReviewEvent e) {
        StringBuilder b = new StringBuilder()
                .append(e.at() == null ? "" : TIME.format(e.at().atZone(zone))).append("  ")
                .append(e.summary()).append(" — ").append(e.actorName() == null ? "the system" : e.actorName());
        if (e.decision() != null) {
            b.append('\n').append(historyLine(e.decision()));
        }
        return b.toString();
    }

    private void showSubject(DocumentDetail d) {
        subjectFacts.getChildren().clear();
        devices.getChildren().clear();
        otherDocuments.getChildren().clear();
        ReviewSubject subject = d == null ? null : d.subject();
        subjectTab.setText(d != null && d.kind() == DocumentKind.KYB ? "Venture" : "Applicant");
        boolean kyc = subject == null || subject.kind() == DocumentKind.KYC;
        devicesTitle.setVisible(kyc);
        devicesTitle.setManaged(kyc);
        devices.setVisible(kyc);
        devices.setManaged(kyc);
        if (subject == null) {
            return;
        }
        List<Map.Entry<String, String>> rows = new ArrayList<>();
        if (kyc) {
            rows.add(Map.entry("Applicant", subject.name()));
            rows.add(Map.entry("Country", subject.country() == null ? "—" : subject.country()));
            rows.add(Map.entry("Trust score", subject.trustScore() == null ? "—" : subject.trustScore().stripTrailingZeros().toPlainString()));
            rows.add(Map.entry("KYC status", subject.kycStatus() == null ? "—" : subject.kycStatus()));
            long bad = subject.nonCompliantDevices();
            rows.add(Map.entry("Device posture", subject.devices().isEmpty() ? "no device reported"
                    : bad == 0 ? "compliant (" + subject.devices().size() + (subject.devices().size() == 1 ? " device)" : " devices)")
                    : bad + " of " + subject.devices().size() + " devices NOT compliant"));
        } else {
            rows.add(Map.entry("Venture", subject.name()));
            rows.add(Map.entry("Status", subject.ventureStatus() == null ? "—" : subject.ventureStatus()));
            rows.add(Map.entry("Owner", subject.ownerName() == null ? "—" : subject.ownerName()));
            rows.add(Map.entry("Owner's country", subject.country() == null ? "—" : subject.country()));
            rows.add(Map.entry("Owner's KYC", subject.kycStatus() == null ? "—" : subject.kycStatus()));
        }
        addRows(subjectFacts, rows);
        for (DevicePosture device : subject.devices()) {
            Label line = new Label((device.compliant() ? "✔ " : "✖ ") + device.deviceId() + (device.os() == null ? "" : " · " + device.os())
                    + " · disk " + (device.encryptedDisk() ? "encrypted" : "NOT encrypted") + " · antivirus " + device.avStatus()
                    + (device.lastSeenAt() == null ? "" : " · seen " + TIME.format(device.lastSeenAt().atZone(zone))));
            line.setWrapText(true);
            line.getStyleClass().add(device.compliant() ? "kyc-device-ok" : "kyc-device-bad");
            devices.getChildren().add(line);
        }
        if (subject.devices().isEmpty()) {
            devices.getChildren().add(muted("No device posture report."));
        }
        for (RelatedDocument other : subject.otherDocuments()) {
            StringBuilder text = new StringBuilder(capitalized(KycReviewViewModel.label(other.docType()))).append(" — ")
                    .append(KycReviewViewModel.statusLabel(other.status()));
            if (other.rejectionFinal() != null) {
                text.append(other.rejectionFinal() ? " (final)" : " (resubmit)");
            }
            if (other.decidedAt() != null) {
                text.append(" on ").append(DATE.format(other.decidedAt().atZone(zone)));
            }
            if (other.reviewerName() != null) {
                text.append(" by ").append(other.reviewerName());
            }
            if (other.reasonCode() != null) {
                text.append(" (").append(other.reasonCode()).append(')');
            }
            text.append(" · risk ").append(other.riskScore());
            Hyperlink link = new Hyperlink(text.toString());
            link.setWrapText(true);
            link.getStyleClass().add("kyc-other-document");
            link.setOnAction(event -> viewModel.open(other.documentId()));
            otherDocuments.getChildren().add(link);
        }
        if (subject.otherDocuments().isEmpty()) {
            otherDocuments.getChildren().add(muted("No other document."));
        }
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("text-muted");
        return label;
    }

    private static void addRows(GridPane grid, List<Map.Entry<String, String>> rows) {
        int row = 0;
        for (Map.Entry<String, String> entry : rows) {
            Label name = new Label(entry.getKey());
            name.getStyleClass().add("text-muted");
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label value = new Label(entry.getValue());
            value.setWrapText(true);
            grid.addRow(row++, name, value);
        }
    }

    private String historyLine(DecisionRecord r) {
        StringBuilder b = new StringBuilder()
                .append("  ").append(r.step().replace('_', ' ')).append(": ").append(r.outcome().replace('_', ' '))
                .append(" by ").append(r.reviewerName());
        if (r.reasonCode() != null) {
            b.append(" — ").append(r.reasonCode());
        }
        if (r.internalComment() != null) {
            b.append("\n  internal: ").append(r.internalComment());
        }
        if (r.applicantComment() != null) {
            b.append("\n  to applicant: ").append(r.applicantComment());
        }
        if (r.reviewedSha256() != null) {
            b.append("\n  reviewed sha256 ").append(r.reviewedSha256());
        }
        return b.toString();
    }

    private void showFacts(DocumentDetail d) {
        facts.getChildren().clear();
        if (d == null) {
            return;
        }
        List<Map.Entry<String, String>> rows = new ArrayList<>();
        rows.add(Map.entry(d.kind() == DocumentKind.KYC ? "Applicant" : "Venture", d.subjectName()));
        rows.add(Map.entry("Document", d.kind() + " · " + KycReviewViewModel.label(d.docType())));
        rows.add(Map.entry("Status", KycReviewViewModel.statusLabel(d.status())
                + (d.rejectionFinal() == null ? "" : d.rejectionFinal() ? " (final)" : " (resubmit)")));
        rows.add(Map.entry("Risk score", d.riskScore() + (d.riskScore() >= 70 ? " — four eyes (KY-4)" : "")));
        rows.add(Map.entry("Submitted", TIME.format(d.submittedAt().atZone(zone))));
        if (d.dueAt() != null) {
            boolean late = (d.status() == ReviewStatus.PENDING || d.status() == ReviewStatus.AWAITING_SECOND_APPROVAL)
                    && d.dueAt().isBefore(Instant.now());
            rows.add(Map.entry("Due", TIME.format(d.dueAt().atZone(zone)) + (late ? " — OVERDUE" : "")));
        }
        rows.add(Map.entry("File", (d.originalFilename() == null ? "—" : d.originalFilename()) + " · " + d.mediaType()));
        rows.add(Map.entry("Claim", d.claimedBy() == null ? "unclaimed"
                : (viewModel.me().equals(d.claimedBy()) ? "you" : "another officer") + " until " + TIME.format(d.claimedUntil().atZone(zone))));
        if (d.reasonCode() != null) {
            rows.add(Map.entry("Reason", d.reasonCode()));
        }
        int row = 0;
        for (Map.Entry<String, String> entry : rows) {
            Label name = new Label(entry.getKey());
            name.getStyleClass().add("text-muted");
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label value = new Label(entry.getValue());
            value.setWrapText(true);
            facts.addRow(row++, name, value);
        }
    }

    private void showShaCheck() {
        DocumentDetail d = viewModel.detailProperty().get();
        String shown = viewModel.shownSha256Property().get();
        shaCheck.getStyleClass().removeAll("sha-ok", "sha-mismatch");
        if (d == null) {
            shaCheck.setText("");
            return;
        }
        if (viewModel.shaMatchesProperty().get()) {
            shaCheck.setText("✔ sha256 " + d.sha256() + "\nrecomputed from the bytes shown: matches the stored one (KY-7)");
            shaCheck.getStyleClass().add("sha-ok");
        } else {
            shaCheck.setText("✖ sha256 MISMATCH (KY-7): stored " + d.sha256() + ", bytes shown "
                    + (shown.isEmpty() ? "not loaded" : shown) + ". Approval is blocked.");
            shaCheck.getStyleClass().add("sha-mismatch");
        }
    }

    // ---- keys ------------------------------------------------------------------------------

    private void installKeys() {
        Map<KeyCombination, Runnable> keys = Map.ofEntries(
                Map.entry(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), this::claimNext),
                Map.entry(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), this::approve),
                Map.entry(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), this::rejectResubmit),
                Map.entry(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), this::rejectFinal),
                Map.entry(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), this::release),
                Map.entry(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), this::zoomIn),
                Map.entry(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN), this::zoomIn),
                Map.entry(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), this::zoomOut),
                Map.entry(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN), this::fit),
                Map.entry(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), this::rotate),
                Map.entry(new KeyCodeCombination(KeyCode.PAGE_DOWN), this::nextPage),
                Map.entry(new KeyCodeCombination(KeyCode.PAGE_UP), this::previousPage),
                Map.entry(new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN), () -> tabs.getSelectionModel().select(historyTab)));
        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            for (Map.Entry<KeyCombination, Runnable> key : keys.entrySet()) {
                if (key.getKey().match(event)) {
                    event.consume();
                    key.getValue().run();
                    return;
                }
            }
        });
    }

    public void focusDefault() {
        queue.requestFocus();
    }

    // ---- actions (buttons and keys; a disabled button's key does nothing either) -----------

    @FXML
    private void claimNext() {
        if (!claimNext.isDisabled()) {
            viewModel.claimNext();
        }
    }

    @FXML
    private void claim() {
        if (!claim.isDisabled()) {
            viewModel.claim();
        }
    }

    @FXML
    private void release() {
        if (!release.isDisabled()) {
            viewModel.releaseClaim();
        }
    }

    @FXML
    private void approve() {
        if (!approve.isDisabled()) {
            viewModel.decide(DecisionOutcome.APPROVE);
        }
    }

    @FXML
    private void rejectResubmit() {
        if (!rejectResubmit.isDisabled()) {
            viewModel.decide(DecisionOutcome.REJECT_RESUBMIT);
        }
    }

    @FXML
    private void rejectFinal() {
        if (!rejectFinal.isDisabled()) {
            viewModel.decide(DecisionOutcome.REJECT_FINAL);
        }
    }

    @FXML
    private void confirm() {
        if (!confirm.isDisabled()) {
            viewModel.secondApproval(SecondOpinion.CONFIRM);
        }
    }

    @FXML
    private void overturn() {
        if (!overturn.isDisabled()) {
            viewModel.secondApproval(SecondOpinion.OVERTURN);
        }
    }

    @FXML
    private void openAuditTrail() {
        viewModel.openAuditTrail();
    }

    @FXML
    private void previousPage() {
        viewModel.previousPage();
    }

    @FXML
    private void nextPage() {
        viewModel.nextPage();
    }

    @FXML
    private void zoomIn() {
        viewModel.zoomIn();
        layoutPage();
    }

    @FXML
    private void zoomOut() {
        viewModel.zoomOut();
        layoutPage();
    }

    @FXML
    private void fit() {
        viewModel.fitToWindow();
        layoutPage();
    }

    @FXML
    private void rotate() {
        viewModel.rotateClockwise();
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static String outcomeWord(DecisionOutcome outcome) {
        return switch (outcome) {
            case APPROVE -> "Approve";
            case REJECT_RESUBMIT -> "Resubmit";
            case REJECT_FINAL -> "Final";
        };
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> toText) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return toText.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choices are not typed in");
            }
        };
    }
}
