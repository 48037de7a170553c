package org.smartstart.backoffice.ui.admin;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.smartstart.backoffice.domain.identity.PersonSummary;
import org.smartstart.backoffice.domain.ventures.VentureDetail;
import org.smartstart.backoffice.domain.ventures.VentureFilter;
import org.smartstart.backoffice.domain.ventures.VentureOverview;
import org.smartstart.backoffice.ui.ventures.VentureLabels;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The Ventures section of the administration screen, built in code inside the FXML's "Ventures" tab: the
 * search and the new-venture form on the left, the open venture on the right (facts, links to other screens,
 * status and archive, KYB documents, holds, billing and IT pack, BUZ issuance rule). Every control is reached
 * with Tab and has a mnemonic where it is an action; Enter in a search field searches.
 */
final class VentureAdminView {

    private final VentureAdminViewModel vm;

    VentureAdminView(VentureAdminViewModel vm) {
        this.vm = vm;
    }

    Node build() {
        SplitPane split = new SplitPane(left(), right());
        split.setDividerPositions(0.32);
        VBox.setVgrow(split, Priority.ALWAYS);
        split.setId("venturesSplit");
        return split;
    }

    // ---- left: search and new venture ---------------------------------------------------

    private Node left() {
        TextField name = new TextField();
        name.setId("ventureSearchName");
        name.setPromptText("Venture name");
        name.textProperty().bindBidirectional(vm.nameTextProperty());
        name.setOnAction(e -> vm.search());
        Label nameLabel = mnemonicLabel("Na_me", name);

        ComboBox<String> status = new ComboBox<>(FXCollections.observableList(withAny(VentureFilter.STATUSES)));
        status.setId("ventureSearchStatus");
        status.setConverter(converter(s -> s == null ? "Any status" : VentureLabels.status(s)));
        status.valueProperty().bindBidirectional(vm.statusFilterProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        ComboBox<String> region = new ComboBox<>(FXCollections.observableList(withAny(VentureFilter.REGIONS)));
        region.setId("ventureSearchRegion");
        region.setConverter(converter(r -> r == null ? "Any region" : VentureLabels.region(r)));
        region.valueProperty().bindBidirectional(vm.regionFilterProperty());
        region.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(region, Priority.ALWAYS);

        TextField owner = new TextField();
        owner.setId("ventureSearchOwner");
        owner.setPromptText("Owner name or e-mail");
        owner.textProperty().bindBidirectional(vm.ownerTextProperty());
        owner.setOnAction(e -> vm.search());
        Button find = new Button("_Find ventures");
        find.setId("ventureFind");
        find.setMinWidth(Region.USE_PREF_SIZE);
        find.setOnAction(e -> vm.search());
        find.disableProperty().bind(vm.searchingProperty());

        Label summary = new Label();
        summary.getStyleClass().add("text-muted");
        summary.textProperty().bind(vm.summaryProperty());

        ListView<VentureOverview> list = new ListView<>(vm.found());
        list.setId("venturesList");
        list.setPlaceholder(new Label("No venture matches."));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(VentureOverview v, boolean empty) {
                super.updateItem(v, empty);
                if (empty || v == null) {
                    setText(null);
                    return;
                }
                setText(v.name() + "\n" + VentureLabels.status(v.status()) + " · " + VentureLabels.region(v.region()) + " · "
                        + (v.ownerDisplayName() == null ? "no owner" : v.ownerDisplayName())
                        + (v.onHold() ? " · " + String.join(", ", v.activeHolds().stream().map(VentureLabels::hold).toList()) : ""));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, v) -> {
            if (v != null) {
                vm.open(v.id());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        VBox box = new VBox(8,
                row(nameLabel, grow(name)),
                row(status, region),
                row(grow(owner), find),
                summary, list, newVenturePane());
        box.getStyleClass().add("admin-people");
        box.setMinWidth(260);
        return box;
    }

    private TitledPane newVenturePane() {
        TextField name = new TextField();
        name.setId("newVentureName");
        name.textProperty().bindBidirectional(vm.newNameProperty());
        ComboBox<String> region = new ComboBox<>(FXCollections.observableArrayList(VentureFilter.REGIONS));
        region.setId("newVentureRegion");
        region.setConverter(converter(r -> r == null ? "" : VentureLabels.region(r)));
        region.valueProperty().bindBidirectional(vm.newRegionProperty());
        region.setMaxWidth(Double.MAX_VALUE);
        ComboBox<PersonSummary> owner = new ComboBox<>(vm.owners());
        owner.setId("newVentureOwner");
        owner.setPromptText("A KYC-verified person");
        owner.setConverter(converter(p -> p == null ? "" : p.displayName() + " <" + p.email() + ">"));
        owner.valueProperty().bindBidirectional(vm.newOwnerProperty());
        owner.setMaxWidth(Double.MAX_VALUE);
        TextField cap = new TextField();
        cap.setId("newVentureCap");
        cap.textProperty().bindBidirectional(vm.newCapProperty());
        // No mnemonic: Alt+D is the People tab's "Done" in the same scene. Enter in the name or the cap creates.
        Button create = new Button("Create draft");
        create.setMnemonicParsing(false);
        create.setId("createVenture");
        create.getStyleClass().add("accent");
        create.disableProperty().bind(vm.canCreateProperty().not());
        create.setOnAction(e -> vm.create());
        // Enter in the name or the cap creates too (the form is finished from the keyboard)
        name.setOnAction(e -> vm.create());
        cap.setOnAction(e -> vm.create());

        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        grid.addRow(0, plainLabel("Venture name", name), name);
        grid.addRow(1, mnemonicLabel("Re_gion", region), region);
        grid.addRow(2, mnemonicLabel("Own_er", owner), owner);
        grid.addRow(3, mnemonicLabel("Platform ca_p %", cap), cap);
        GridPane.setHgrow(name, Priority.ALWAYS);
        GridPane.setHgrow(owner, Priority.ALWAYS);
        Label note = new Label("A new venture starts as a draft. The owner must be KYC-verified (KY-5); the platform holds at most "
                + "20.000% (EQ-3).");
        note.setWrapText(true);
        note.getStyleClass().add("text-muted");
        note.setMinHeight(Region.USE_PREF_SIZE);
        VBox content = new VBox(8, grid, note, create);
        TitledPane pane = new TitledPane("_New venture", content);
        pane.setId("newVenturePane");
        pane.setMnemonicParsing(true);
        pane.setExpanded(false);
        pane.setAnimated(false);
        return pane;
    }

    // ---- right: the open venture -----------------------------------------------------------

    private Node right() {
        Label nothing = new Label("Choose a venture on the left, or create one.");
        nothing.getStyleClass().add("text-muted");
        nothing.visibleProperty().bind(vm.openProperty().not());
        nothing.managedProperty().bind(nothing.visibleProperty());

        Label title = new Label();
        title.setId("ventureTitle");
        title.getStyleClass().addAll("title-4", "person-name");
        Label statusBadge = new Label();
        statusBadge.setId("ventureStatusBadge");
        statusBadge.setMinWidth(Region.USE_PREF_SIZE);
        Label holdBadge = new Label();
        holdBadge.getStyleClass().addAll("rule-badge");
        holdBadge.setMinWidth(Region.USE_PREF_SIZE);
        vm.ventureProperty().addListener((obs, old, d) -> {
            title.setText(d == null ? "" : d.name());
            statusBadge.setText(d == null ? "" : d.archived() ? "Archived (soft-deleted)" : VentureLabels.status(d.status()));
            statusBadge.getStyleClass().setAll("label", "kyc-badge", d == null ? "" : "venture-" + (d.archived() ? "archived" : d.status()));
            boolean held = d != null && !d.activeHolds().isEmpty();
            holdBadge.setText(held ? "On hold: " + String.join(", ", d.activeHolds().stream().map(VentureDetail.Hold::appliesTo).toList()) : "");
            holdBadge.setVisible(held);
            holdBadge.setManaged(held);
        });
        HBox header = row(title, statusBadge, holdBadge);

        Label facts = wrapped(vm.factsProperty());
        facts.setId("ventureFacts");

        HBox feedbackBox = new HBox(8);
        feedbackBox.setId("ventureFeedback");
        feedbackBox.setAlignment(Pos.CENTER_LEFT);
        Label rule = new Label();
        rule.getStyleClass().add("rule-badge");
        rule.setMinWidth(Region.USE_PREF_SIZE);
        Label sentence = new Label();
        sentence.setId("ventureFeedbackText");
        sentence.setWrapText(true);
        sentence.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(sentence, Priority.ALWAYS);
        feedbackBox.getChildren().addAll(rule, sentence);
        vm.feedbackProperty().addListener((obs, old, f) -> {
            boolean any = f != null && !f.sentence().isEmpty();
            feedbackBox.setVisible(any);
            feedbackBox.setManaged(any);
            if (any) {
                sentence.setText(f.sentence());
                feedbackBox.getStyleClass().setAll("admin-feedback", f.refused() ? "refused" : "done");
                rule.setText(f.ruleIds());
                rule.setVisible(!f.ruleIds().isEmpty());
                rule.setManaged(!f.ruleIds().isEmpty());
            }
        });
        feedbackBox.setVisible(false);
        feedbackBox.setManaged(false);

        FlowPane links = new FlowPane(6, 6,
                link("Cap _table", "linkCapTable", vm::openCapTable),
                link("_KYB documents in review", "linkKyb", vm::openKybDocument),
                link("_Holds", "linkHolds", vm::openHolds),
                link("_Audit trail", "linkAudit", vm::openAuditTrail),
                link("_Owner's profile", "linkOwner", vm::openOwner),
                link("Owner's _wallet", "linkWallet", vm::openOwnerWallet));
        links.getStyleClass().add("venture-links");
        links.lookup("#linkKyb").disableProperty().unbind();
        links.lookup("#linkKyb").disableProperty().bind(vm.openProperty().not().or(javafx.beans.binding.Bindings.isEmpty(vm.kybDocuments())));
        links.lookup("#linkHolds").disableProperty().unbind();
        links.lookup("#linkHolds").disableProperty().bind(vm.openProperty().not().or(javafx.beans.binding.Bindings.isEmpty(vm.holds())));

        TabPane tabs = new TabPane(statusTab(), kybTab(), holdsTab(), billingTab(), issuanceTab());
        tabs.setId("ventureTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);

        VBox open = new VBox(8, header, facts, feedbackBox, links, tabs);
        open.visibleProperty().bind(vm.openProperty());
        open.managedProperty().bind(open.visibleProperty());
        VBox.setVgrow(open, Priority.ALWAYS);
        // a refusal while nothing is open (a failed search or create) still shows
        VBox box = new VBox(8, nothing, open);
        vm.feedbackProperty().addListener((obs, old, f) -> {
            if (!vm.openProperty().get() && f != null && !f.sentence().isEmpty()) {
                nothing.setText(f.sentence());
            }
        });
        box.getStyleClass().add("admin-person");
        return box;
    }

    private Tab statusTab() {
        ComboBox<String> next = new ComboBox<>(vm.nextStatuses());
        next.setId("ventureNextStatus");
        next.setConverter(converter(s -> s == null ? "" : VentureLabels.status(s)));
        next.valueProperty().bindBidirectional(vm.newStatusProperty());
        next.setMinWidth(Region.USE_PREF_SIZE);
        TextField reason = new TextField();
        reason.setId("ventureStatusReason");
        reason.setPromptText("Why (kept in the audit trail)");
        reason.textProperty().bindBidirectional(vm.statusReasonProperty());
        reason.setOnAction(e -> {
            if (vm.canChangeStatusProperty().get()) {
                vm.changeStatus();
            }
        });
        Button change = new Button("_Change status");
        change.setId("ventureChangeStatus");
        change.getStyleClass().add("accent");
        change.setMinWidth(Region.USE_PREF_SIZE);
        change.disableProperty().bind(vm.canChangeStatusProperty().not());
        change.setOnAction(e -> vm.changeStatus());

        TextField archiveReason = new TextField();
        archiveReason.setId("ventureArchiveReason");
        archiveReason.setPromptText("Why (kept in the audit trail)");
        archiveReason.textProperty().bindBidirectional(vm.archiveReasonProperty());
        Button archive = new Button("A_rchive venture");
        archive.setId("ventureArchive");
        archive.getStyleClass().add("danger");
        archive.setMinWidth(Region.USE_PREF_SIZE);
        archive.disableProperty().bind(vm.canArchiveProperty().not());
        archive.setOnAction(e -> vm.archive());

        Label rules = new Label("A draft may become active or be suspended; an active venture may be suspended; a suspended one may "
                + "become active again (VS-1). Becoming active needs verified articles of incorporation and tax ID (KY-6). Archiving "
                + "is a soft delete, final, and waits until every legal hold on the venture is released (VS-2).");
        rules.setWrapText(true);
        rules.setMinHeight(Region.USE_PREF_SIZE);
        rules.getStyleClass().add("text-muted");
        Label kyb = wrapped(vm.kybProperty());
        kyb.setId("ventureKy6");

        VBox box = new VBox(10,
                row(mnemonicLabel("Ne_xt status", next), next, grow(reason), change),
                kyb,
                row(mnemonicLabel("Archi_ve because", archiveReason), grow(archiveReason), archive),
                rules);
        box.getStyleClass().add("admin-tab");
        Tab tab = new Tab("Status", box);
        tab.setId("ventureStatusTab");
        return tab;
    }

    private Tab kybTab() {
        TableView<VentureDetail.KybDocument> table = new TableView<>(vm.kybDocuments());
        table.setId("ventureKybTable");
        column(table, "Document", 150, d -> AdminLabels.docType(d.docType()));
        column(table, "Status", 90, d -> AdminLabels.docStatus(d.status()));
        column(table, "Submitted", 100, d -> vm.day(d.submittedAt()));
        column(table, "Verified", 100, d -> vm.day(d.verifiedAt()));
        column(table, "File", 160, d -> d.originalFilename() == null ? "" : d.originalFilename());
        table.setPlaceholder(new Label("No KYB documents."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, d) -> vm.selectedDocumentProperty().set(d));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(8, table);
        box.getStyleClass().add("admin-tab");
        Tab tab = new Tab("KYB documents", box);
        tab.setId("ventureKybTab");
        return tab;
    }

    private Tab holdsTab() {
        TableView<VentureDetail.Hold> table = new TableView<>(vm.holds());
        table.setId("ventureHoldsTable");
        column(table, "Applies to", 100, h -> h.appliesTo());
        column(table, "Imposed", 100, h -> vm.day(h.imposedAt()));
        column(table, "Reason", 260, h -> h.reason());
        table.setPlaceholder(new Label("No active legal hold."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, h) -> vm.selectedHoldProperty().set(h));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(8, table);
        box.getStyleClass().add("admin-tab");
        Tab tab = new Tab("Holds", box);
        tab.setId("ventureHoldsTab");
        return tab;
    }

    private Tab billingTab() {
        Label billing = wrapped(vm.billingProperty());
        billing.setId("ventureBilling");
        Label itPack = wrapped(vm.itPackProperty());
        itPack.setId("ventureItPack");
        TableView<VentureDetail.Invoice> invoices = new TableView<>(vm.invoices());
        invoices.setId("ventureInvoices");
        column(invoices, "Period", 170, i -> i.periodStart() + " – " + i.periodEnd());
        column(invoices, "Amount", 100, i -> i.amountDue().toPlainString() + " " + i.currency());
        column(invoices, "Status", 80, i -> VentureLabels.status(i.status()));
        column(invoices, "Issued", 100, i -> vm.day(i.issuedAt()));
        column(invoices, "Due", 100, i -> vm.day(i.dueAt()));
        invoices.setPlaceholder(new Label("No invoices."));
        invoices.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(invoices, Priority.ALWAYS);
        VBox box = new VBox(8, billing, invoices, itPack);
        box.getStyleClass().add("admin-tab");
        Tab tab = new Tab("Billing and IT pack", box);
        tab.setId("ventureBillingTab");
        return tab;
    }

    private Tab issuanceTab() {
        Label rule = wrapped(vm.issuanceRuleProperty());
        rule.setId("ventureIssuanceRule");
        Label history = wrapped(vm.issuanceHistoryProperty());
        history.getStyleClass().add("text-muted");
        Label note = new Label("Read-only: ID-3 gives no one the change of an issuance rule in the back office.");
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(8, rule, history, note);
        box.getStyleClass().add("admin-tab");
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        Tab tab = new Tab("BUZ issuance", scroll);
        tab.setId("ventureIssuanceTab");
        return tab;
    }

    // ---- helpers -----------------------------------------------------------------------------

    private Button link(String text, String id, java.util.function.BooleanSupplier go) {
        Button b = new Button(text);
        b.setId(id);
        b.setMnemonicParsing(true);
        b.getStyleClass().add("flat");
        b.disableProperty().bind(vm.openProperty().not());
        b.setOnAction(e -> go.getAsBoolean());
        return b;
    }

    private static Label wrapped(javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label mnemonicLabel(String text, Node target) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** A label for a field without a mnemonic of its own (the field is reached with Tab from the pane's title). */
    private static Label plainLabel(String text, Node target) {
        Label l = new Label(text);
        l.setLabelFor(target);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static HBox row(Node... nodes) {
        HBox h = new HBox(6, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private static <N extends Region> N grow(N node) {
        HBox.setHgrow(node, Priority.ALWAYS);
        node.setMaxWidth(Double.MAX_VALUE);
        return node;
    }

    private static List<String> withAny(List<String> values) {
        List<String> all = new ArrayList<>();
        all.add(null);
        all.addAll(values);
        return all;
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private static <S> void column(TableView<S> table, String title, double width, Function<S, String> text) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 80));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
        table.getColumns().add(column);
    }
}
