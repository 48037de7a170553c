package org.smartstart.backoffice.ui.admin;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.smartstart.backoffice.domain.identity.KycState;
import org.smartstart.backoffice.domain.identity.Person;
import org.smartstart.backoffice.domain.identity.PersonDetails;
import org.smartstart.backoffice.domain.identity.PersonSummary;
import org.smartstart.backoffice.domain.identity.Role;
import org.smartstart.backoffice.domain.identity.RoleAssignment;
import org.smartstart.backoffice.domain.tokens.WalletTransaction;
import org.smartstart.backoffice.domain.ventures.VentureOverview;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** The administration workspace: people on the left, the open person's roles and BUZ wallet on the right. */
public final class AdministrationView {

    @FXML private TextField searchText;
    @FXML private ComboBox<Role> roleFilter;
    @FXML private ComboBox<KycState> kycFilter;
    @FXML private Button searchButton;
    @FXML private Label searchSummary;
    @FXML private ListView<PersonSummary> peopleList;

    @FXML private TitledPane newPersonPane;
    @FXML private TextField newName;
    @FXML private TextField newEmail;
    @FXML private TextField newCountry;
    @FXML private Button createButton;
    @FXML private VBox temporaryPasswordBox;
    @FXML private Label temporaryPasswordNote;
    @FXML private TextField temporaryPassword;
    @FXML private Button copyTemporaryPassword;
    @FXML private Button dismissTemporaryPassword;

    @FXML private Label nothingOpen;
    @FXML private VBox personPane;
    @FXML private Label personName;
    @FXML private Label kycBadge;
    @FXML private Label archivedBadge;
    @FXML private Label loginState;
    @FXML private Button unlockButton;
    @FXML private Label personFacts;
    @FXML private HBox feedbackBox;
    @FXML private Label feedbackRule;
    @FXML private Label feedback;
    @FXML private TabPane tabs;
    @FXML private TabPane sections;
    @FXML private javafx.scene.control.Tab peopleSection;
    @FXML private javafx.scene.control.Tab venturesSection;
    @FXML private VBox venturesHost;
    @FXML private javafx.scene.control.Tab walletTab;

    @FXML private TableView<RoleAssignment> rolesTable;
    @FXML private TableColumn<RoleAssignment, String> roleColumn;
    @FXML private TableColumn<RoleAssignment, String> whereColumn;
    @FXML private TableColumn<RoleAssignment, String> stateColumn;
    @FXML private TableColumn<RoleAssignment, String> grantedColumn;
    @FXML private TableColumn<RoleAssignment, String> revokedColumn;
    @FXML private ComboBox<Role> grantRole;
    @FXML private ComboBox<VentureOverview> grantVenture;
    @FXML private TextField grantReason;
    @FXML private Button grantButton;
    @FXML private TextField revokeReason;
    @FXML private Button revokeButton;
    @FXML private TextField archiveReason;
    @FXML private Button archiveButton;

    @FXML private TableView<PersonDetails.KycDocument> kycTable;
    @FXML private ComboBox<String> uploadDocType;
    @FXML private Button uploadButton;
    @FXML private TableView<PersonDetails.Device> devicesTable;
    @FXML private TableView<PersonDetails.Skill> skillsTable;
    @FXML private Label badges;
    @FXML private TableView<PersonDetails.LoginEvent> loginsTable;

    @FXML private Label walletBalance;
    @FXML private Label walletChain;
    @FXML private TableView<WalletTransaction> transactionsTable;
    @FXML private TableColumn<WalletTransaction, String> txWhenColumn;
    @FXML private TableColumn<WalletTransaction, String> txVentureColumn;
    @FXML private TableColumn<WalletTransaction, String> txTypeColumn;
    @FXML private TableColumn<WalletTransaction, Long> txAmountColumn;
    @FXML private TableColumn<WalletTransaction, String> txMemoColumn;
    @FXML private TableColumn<WalletTransaction, String> txPrevColumn;
    @FXML private TableColumn<WalletTransaction, String> txHashColumn;
    @FXML private ComboBox<VentureOverview> issueVenture;
    @FXML private TextField issueAmount;
    @FXML private TextField issueMemo;
    @FXML private Button issueButton;
    @FXML private Label issuanceRule;

    private final AdministrationViewModel viewModel;
    private final BuzWalletViewModel walletModel;
    /** Held here: a binding only its dependencies know of (weakly) would be collected and go quiet. */
    private javafx.beans.binding.ObjectBinding<AdminFeedback> shownFeedback;

    public AdministrationView(AdministrationViewModel viewModel) {
        this.viewModel = viewModel;
        this.walletModel = viewModel.wallet();
    }

    @FXML
    private void initialize() {
        // Wrapped sentences take the height they need instead of ending in "…".
        for (Region r : List.of(feedback, personFacts, walletChain, searchSummary)) {
            r.setMinHeight(Region.USE_PREF_SIZE);
        }
        for (Region r : List.of(feedbackRule, searchButton, kycBadge, loginState, unlockButton)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        initializeSearch();
        initializeNewPerson();
        initializePerson();
        initializeRoles();
        initializeWallet();
        initializeDetails();
        initializeVentures();
    }

    /** The Ventures section (built in code) and the requests to bring the people section or a wallet to the front. */
    private void initializeVentures() {
        javafx.scene.Node ventures = new VentureAdminView(viewModel.ventureAdmin()).build();
        VBox.setVgrow(ventures, javafx.scene.layout.Priority.ALWAYS);
        venturesHost.getChildren().setAll(ventures);
        viewModel.requestedViewProperty().addListener((obs, old, wanted) -> {
            if (wanted == null) {
                return;
            }
            sections.getSelectionModel().select(peopleSection);
            if ("wallet".equals(wanted)) {
                tabs.getSelectionModel().select(walletTab);
            }
        });
    }

    /** The read-only tabs: KYC documents with their decisions, devices and skills, sign-ins. */
    private void initializeDetails() {
        kycTable.setItems(viewModel.kycDocuments());
        column(kycTable, "Document", 115, d -> AdminLabels.docType(d.docType()));
        column(kycTable, "Status", 75, d -> AdminLabels.docStatus(d.status()));
        column(kycTable, "Submitted", 90, d -> d.submittedAt() == null ? "" : viewModel.when(d.submittedAt()).substring(0, 10));
        column(kycTable, "File", 120, d -> d.originalFilename() == null ? "" : d.originalFilename());
        column(kycTable, "Risk", 50, d -> String.valueOf(d.riskScore()));
        column(kycTable, "Decision", 200, d -> decision(d));
        kycTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(PersonDetails.KycDocument d, boolean empty) {
                super.updateItem(d, empty);
                setTooltip(empty || d == null ? null : new Tooltip(decision(d) + "\nSubmitted " + viewModel.when(d.submittedAt())
                        + (d.originalFilename() == null ? "" : " as " + d.originalFilename())
                        + "\nsha256 " + (d.sha256() == null ? "not recorded" : d.sha256())
                        + (d.mediaType() == null ? "" : "\n" + d.mediaType())
                        + (d.reviewerComment() == null ? "" : "\nInternal comment: " + d.reviewerComment())));
            }
        });
        kycTable.setPlaceholder(new Label("No KYC documents."));
        uploadDocType.setItems(FXCollections.observableArrayList("passport", "id_card", "drivers_license", "proof_of_address"));
        uploadDocType.setConverter(converter(t -> t == null ? "" : AdminLabels.docType(t).toLowerCase(java.util.Locale.ROOT)));
        uploadDocType.valueProperty().bindBidirectional(viewModel.uploadDocTypeProperty());
        uploadButton.disableProperty().bind(viewModel.workingProperty().or(viewModel.canArchiveProperty().not()));
        uploadButton.setOnAction(e -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle("KYC document of " + viewModel.personProperty().get().displayName());
            chooser.getExtensionFilters().addAll(
                    new javafx.stage.FileChooser.ExtensionFilter("PDF or image", "*.pdf", "*.png", "*.jpg", "*.jpeg"),
                    new javafx.stage.FileChooser.ExtensionFilter("Any file", "*.*"));
            java.io.File file = chooser.showOpenDialog(uploadButton.getScene().getWindow());
            if (file != null) {
                viewModel.uploadKycDocument(file.toPath());
            }
        });
        constrain(kycTable);

        devicesTable.setItems(viewModel.devices());
        column(devicesTable, "Device", 130, d -> d.deviceId());
        column(devicesTable, "System", 120, d -> d.os() == null ? "" : d.os());
        column(devicesTable, "Disk", 90, d -> d.encryptedDisk() ? "Encrypted" : "Not encrypted");
        column(devicesTable, "Antivirus", 90, d -> d.avStatus() == null ? "" : d.avStatus());
        column(devicesTable, "Last report", 120, d -> viewModel.when(d.lastSeenAt()));
        column(devicesTable, "Posture", 100, d -> d.compliant() ? "Compliant" : "Not compliant");
        devicesTable.setPlaceholder(new Label("No device posture reports."));
        constrain(devicesTable);

        skillsTable.setItems(viewModel.skills());
        column(skillsTable, "Skill", 160, s -> s.name());
        column(skillsTable, "Category", 100, s -> s.category());
        column(skillsTable, "Level", 100, s -> s.level());
        column(skillsTable, "Verified", 160, s -> s.verified() ? "Yes" + (s.verifierName() == null ? "" : ", by " + s.verifierName()) : "No");
        skillsTable.setPlaceholder(new Label("No skills recorded."));
        constrain(skillsTable);
        badges.textProperty().bind(viewModel.badgesProperty());

        loginsTable.setItems(viewModel.logins());
        column(loginsTable, "When", 130, e -> viewModel.when(e.at()));
        column(loginsTable, "What", 150, e -> AdminLabels.loginAction(e.action()));
        column(loginsTable, "Detail", 150, e -> e.detail() == null ? "" : e.detail().replace('_', ' '));
        column(loginsTable, "From", 110, e -> e.clientHost() == null ? "" : e.clientHost());
        column(loginsTable, "Program", 200, e -> e.userAgent() == null ? "" : e.userAgent());
        loginsTable.setPlaceholder(new Label("No sign-ins recorded."));
        constrain(loginsTable);
    }

    private String decision(PersonDetails.KycDocument d) {
        if (d.decidedAt() == null) {
            return "Waiting for review";
        }
        String outcome = "rejected".equals(d.status())
                ? (Boolean.TRUE.equals(d.rejectionFinal()) ? "Rejected (final)" : "Rejected (may resubmit)")
                : AdminLabels.docStatus(d.status());
        return outcome + " " + viewModel.when(d.decidedAt()) + by(d.reviewerName())
                + (d.reasonCode() == null ? "" : " · " + d.reasonCode())
                + (d.applicantComment() == null ? "" : " · \u201c" + d.applicantComment() + "\u201d");
    }

    private static <S> void column(TableView<S> table, String title, double width, Function<S, String> text) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        // short values (dates, states) stay readable when the table is narrow; the last column takes the rest
        column.setMinWidth(Math.min(width, 90));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
        table.getColumns().add(column);
    }

    private static void constrain(TableView<?> table) {
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private void initializeSearch() {
        searchText.textProperty().bindBidirectional(viewModel.searchTextProperty());
        searchText.setOnAction(e -> viewModel.search());
        List<Role> roles = new ArrayList<>();
        roles.add(null);
        roles.addAll(Arrays.asList(Role.values()));
        roleFilter.setItems(FXCollections.observableList(roles));
        roleFilter.setConverter(converter(r -> r == null ? "Any role" : r.label()));
        roleFilter.valueProperty().bindBidirectional(viewModel.roleFilterProperty());
        roleFilter.setOnAction(e -> viewModel.search());
        List<KycState> states = new ArrayList<>();
        states.add(null);
        states.addAll(Arrays.asList(KycState.values()));
        kycFilter.setItems(FXCollections.observableList(states));
        kycFilter.setConverter(converter(k -> k == null ? "Any KYC status" : AdminLabels.kyc(k)));
        kycFilter.valueProperty().bindBidirectional(viewModel.kycFilterProperty());
        kycFilter.setOnAction(e -> viewModel.search());
        searchButton.setOnAction(e -> viewModel.search());
        searchSummary.textProperty().bind(viewModel.searchSummaryProperty());

        peopleList.setItems(viewModel.found());
        peopleList.setCellFactory(list -> new PersonCell());
        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.when(viewModel.searchingProperty()).then("Searching…").otherwise("Nobody matches."));
        peopleList.setPlaceholder(placeholder);
        peopleList.setOnMouseClicked(e -> openSelected());
        peopleList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
            }
        });
    }

    private void initializeNewPerson() {
        newName.textProperty().bindBidirectional(viewModel.newNameProperty());
        newEmail.textProperty().bindBidirectional(viewModel.newEmailProperty());
        newCountry.textProperty().bindBidirectional(viewModel.newCountryProperty());
        createButton.disableProperty().bind(viewModel.canCreateProperty().not());
        createButton.setOnAction(e -> viewModel.createPerson());
        newCountry.setOnAction(e -> {
            if (!createButton.isDisabled()) viewModel.createPerson();
        });
        newPersonPane.expandedProperty().addListener((obs, old, open) -> {
            if (open) {
                javafx.application.Platform.runLater(newName::requestFocus);
            }
        });
        temporaryPasswordBox.visibleProperty().bind(viewModel.temporaryPasswordProperty().isNotEmpty());
        temporaryPasswordBox.managedProperty().bind(temporaryPasswordBox.visibleProperty());
        temporaryPassword.textProperty().bind(viewModel.temporaryPasswordProperty());
        temporaryPasswordNote.textProperty().bind(Bindings.concat("Temporary password for ", viewModel.temporaryPasswordForProperty(),
                ", shown only now: give it to them; they choose their own at the first sign-in. Only its hash is kept."));
        copyTemporaryPassword.setOnAction(e -> {
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putString(viewModel.temporaryPasswordProperty().get());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
        dismissTemporaryPassword.setOnAction(e -> viewModel.dismissTemporaryPassword());
    }

    private void openSelected() {
        PersonSummary selected = peopleList.getSelectionModel().getSelectedItem();
        if (selected != null && (viewModel.personProperty().get() == null || !viewModel.personProperty().get().id().equals(selected.id()))) {
            viewModel.open(selected.id());
        }
    }

    private void initializePerson() {
        nothingOpen.visibleProperty().bind(viewModel.personProperty().isNull());
        nothingOpen.managedProperty().bind(nothingOpen.visibleProperty());
        personPane.visibleProperty().bind(viewModel.personProperty().isNotNull());
        personPane.managedProperty().bind(personPane.visibleProperty());
        viewModel.personProperty().addListener((obs, old, p) -> showPerson(p));
        loginState.textProperty().bind(viewModel.loginStateProperty());
        unlockButton.disableProperty().bind(viewModel.canUnlockProperty().not());
        unlockButton.setOnAction(e -> viewModel.unlock());

        // The open tab decides which feedback is shown: people actions or BUZ.
        shownFeedback = Bindings.createObjectBinding(
                () -> tabs.getSelectionModel().getSelectedIndex() == 1 ? walletModel.feedbackProperty().get() : viewModel.feedbackProperty().get(),
                tabs.getSelectionModel().selectedIndexProperty(), viewModel.feedbackProperty(), walletModel.feedbackProperty());
        shownFeedback.addListener((obs, old, f) -> showFeedback(f));
        showFeedback(shownFeedback.get());
    }

    private void showPerson(Person p) {
        if (p == null) {
            return;
        }
        personName.setText(p.displayName());
        kycBadge.setText(AdminLabels.kyc(p.kycStatus()));
        kycBadge.getStyleClass().removeIf(c -> c.startsWith("kyc-") && !c.equals("kyc-badge"));
        kycBadge.getStyleClass().add("kyc-" + p.kycStatus().code());
        archivedBadge.setVisible(p.archivedAt() != null);
        archivedBadge.setManaged(p.archivedAt() != null);
        loginState.getStyleClass().remove("locked");
        if (viewModel.loginStateProperty().get().startsWith("Locked")) {
            loginState.getStyleClass().add("locked");
        }
        personFacts.setText(p.email() + " · country " + (p.countryCode() == null ? "not given" : p.countryCode())
                + " · trust score " + (p.trustScore() == null ? "none" : p.trustScore().toPlainString())
                + " · member since " + viewModel.when(p.createdAt()).substring(0, 10)
                + " · " + p.activeRoles().size() + " active, " + p.revokedRoles().size() + " revoked role assignments");
    }

    private void showFeedback(AdminFeedback f) {
        boolean any = f != null && !f.sentence().isEmpty();
        feedbackBox.setVisible(any);
        feedbackBox.setManaged(any);
        if (!any) {
            return;
        }
        feedback.setText(f.sentence());
        feedbackBox.getStyleClass().setAll("admin-feedback", f.refused() ? "refused" : "done");
        feedbackRule.setText(f.ruleIds());
        feedbackRule.setVisible(!f.ruleIds().isEmpty());
        feedbackRule.setManaged(!f.ruleIds().isEmpty());
    }

    private void initializeRoles() {
        rolesTable.setItems(viewModel.assignments());
        roleColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().role().label()));
        whereColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(AdministrationViewModel.where(c.getValue())));
        stateColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().active() ? "Active" : "Revoked"));
        grantedColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(viewModel.when(c.getValue().grantedAt())
                + by(c.getValue().grantedByName()) + because(c.getValue().reason())));
        revokedColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().active() ? ""
                : viewModel.when(c.getValue().revokedAt()) + by(c.getValue().revokedByName()) + because(c.getValue().revokeReason())));
        rolesTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(RoleAssignment item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("revoked-row");
                setTooltip(null);
                if (empty || item == null) {
                    return;
                }
                if (!item.active()) {
                    getStyleClass().add("revoked-row");
                }
                setTooltip(new Tooltip(item.role().label() + " · " + AdministrationViewModel.where(item)
                        + "\nGranted " + viewModel.when(item.grantedAt()) + by(item.grantedByName()) + because(item.reason())
                        + (item.active() ? "" : "\nRevoked " + viewModel.when(item.revokedAt()) + by(item.revokedByName())
                        + because(item.revokeReason()))));
            }
        });
        rolesTable.setPlaceholder(new Label("No role assignments, active or revoked."));
        rolesTable.getSelectionModel().selectedItemProperty().addListener((obs, old, a) -> viewModel.selectedAssignmentProperty().set(a));
        viewModel.selectedAssignmentProperty().addListener((obs, old, a) -> {
            if (a == null) {
                rolesTable.getSelectionModel().clearSelection();
            }
        });

        grantRole.setItems(FXCollections.observableArrayList(Role.values()));
        grantRole.setConverter(converter(r -> r == null ? "" : r.label()));
        grantRole.valueProperty().bindBidirectional(viewModel.grantRoleProperty());
        grantVenture.setItems(viewModel.ventures());
        grantVenture.setConverter(converter(v -> v == null ? "" : v.name()));
        grantVenture.valueProperty().bindBidirectional(viewModel.grantVentureProperty());
        grantVenture.disableProperty().bind(viewModel.grantVentureNeededProperty().not());
        grantVenture.promptTextProperty().bind(Bindings.when(viewModel.grantVentureNeededProperty())
                .then("Venture").otherwise("the platform (global role)"));
        grantReason.textProperty().bindBidirectional(viewModel.grantReasonProperty());
        grantReason.setOnAction(e -> {
            if (!grantButton.isDisabled()) viewModel.grant();
        });
        grantButton.disableProperty().bind(viewModel.canGrantProperty().not());
        grantButton.setOnAction(e -> viewModel.grant());
        revokeReason.textProperty().bindBidirectional(viewModel.revokeReasonProperty());
        revokeButton.disableProperty().bind(viewModel.canRevokeProperty().not());
        revokeButton.setOnAction(e -> viewModel.revoke());
        archiveReason.textProperty().bindBidirectional(viewModel.archiveReasonProperty());
        archiveReason.disableProperty().bind(viewModel.canArchiveProperty().not());
        archiveButton.disableProperty().bind(viewModel.canArchiveProperty().not());
        archiveButton.setOnAction(e -> viewModel.archive());
    }

    private void initializeWallet() {
        walletBalance.textProperty().bind(walletModel.balanceProperty());
        walletChain.textProperty().bind(walletModel.chainProperty());
        walletModel.chainIntactProperty().addListener((obs, old, intact) -> markChain(intact));
        markChain(walletModel.chainIntactProperty().get());
        transactionsTable.setItems(walletModel.transactions());
        transactionsTable.setPlaceholder(new Label("No BUZ transactions."));
        txWhenColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(viewModel.when(c.getValue().createdAt()).substring(0, 10)));
        txVentureColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(walletModel.ventureName(c.getValue().ventureId())));
        txTypeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(AdminLabels.txType(c.getValue().type())));
        txAmountColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().amount()));
        txAmountColumn.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Long amount, boolean empty) {
                super.updateItem(amount, empty);
                getStyleClass().removeAll("credit", "debit");
                if (empty || amount == null) {
                    setText(null);
                    return;
                }
                setText((amount > 0 ? "+" : "") + BuzWalletViewModel.buz(amount));
                getStyleClass().add(amount >= 0 ? "credit" : "debit");
            }
        });
        txMemoColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().memo() == null ? "" : c.getValue().memo()));
        txPrevColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(AdminLabels.shortHash(c.getValue().prevTxHash())));
        txHashColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(AdminLabels.shortHash(c.getValue().txHash())));
        transactionsTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(WalletTransaction tx, boolean empty) {
                super.updateItem(tx, empty);
                setTooltip(empty || tx == null ? null : new Tooltip("prev_tx_hash " + tx.prevTxHash() + "\ntx_hash      " + tx.txHash()
                        + (tx.memo() == null ? "" : "\n" + tx.memo())));
            }
        });
        txPrevColumn.getStyleClass().add("hash-column");
        txHashColumn.getStyleClass().add("hash-column");

        issueVenture.setItems(walletModel.ventures());
        issueVenture.setConverter(converter(v -> v == null ? "" : v.name()));
        issueVenture.valueProperty().bindBidirectional(walletModel.issueVentureProperty());
        issueAmount.textProperty().bindBidirectional(walletModel.issueAmountProperty());
        issueMemo.textProperty().bindBidirectional(walletModel.issueMemoProperty());
        issueButton.disableProperty().bind(walletModel.canIssueProperty().not());
        issuanceRule.textProperty().bind(walletModel.issuanceRuleProperty());
        Tooltip history = new Tooltip();
        history.textProperty().bind(walletModel.issuanceHistoryProperty());
        issuanceRule.setTooltip(history);
        issueButton.setOnAction(e -> walletModel.issue());
        issueAmount.setOnAction(e -> {
            if (!issueButton.isDisabled()) walletModel.issue();
        });
    }

    private void markChain(boolean intact) {
        walletChain.getStyleClass().removeAll("chain-intact", "chain-broken");
        walletChain.getStyleClass().add(intact ? "chain-intact" : "chain-broken");
    }

    private static String by(String name) {
        return name == null ? "" : " by " + name;
    }

    private static String because(String reason) {
        return reason == null || reason.isBlank() ? "" : ": " + reason;
    }

    private static <T> StringConverter<T> converter(Function<T, String> words) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return words.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choices only");
            }
        };
    }

    public void focusDefault() {
        searchText.requestFocus();
    }

    private static final class PersonCell extends ListCell<PersonSummary> {
        @Override
        protected void updateItem(PersonSummary p, boolean empty) {
            super.updateItem(p, empty);
            if (empty || p == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label name = new Label(p.displayName() + (p.archived() ? " (archived)" : ""));
            name.getStyleClass().add("person-name");
            Label kyc = new Label(AdminLabels.kyc(p.kycStatus()));
            kyc.getStyleClass().addAll("kyc-badge", "kyc-" + p.kycStatus().code());
            Label details = new Label(p.email() + " · " + AdminLabels.roles(p.activeRoles()));
            details.getStyleClass().add("text-muted");
            HBox top = new HBox(8, name, kyc);
            top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            setGraphic(new VBox(2, top, details));
            setText(null);
        }
    }
}
