package org.smartstart.backoffice.ui.admin;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.smartstart.backoffice.domain.identity.KycState;
import org.smartstart.backoffice.domain.identity.People;
import org.smartstart.backoffice.domain.identity.PeopleFilter;
import org.smartstart.backoffice.domain.identity.PersonSummary;
import org.smartstart.backoffice.domain.tokens.IssuanceRules;
import org.smartstart.backoffice.domain.tokens.Wallets;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.ventures.NewVenture;
import org.smartstart.backoffice.domain.ventures.StatusChange;
import org.smartstart.backoffice.domain.ventures.VentureAdminUseCases;
import org.smartstart.backoffice.domain.ventures.VentureArchive;
import org.smartstart.backoffice.domain.ventures.VentureDetail;
import org.smartstart.backoffice.domain.ventures.VentureFilter;
import org.smartstart.backoffice.domain.ventures.VentureOverview;
import org.smartstart.backoffice.domain.ventures.Ventures;
import org.smartstart.backoffice.ui.navigation.Navigator;
import org.smartstart.backoffice.ui.navigation.Place;
import org.smartstart.backoffice.ui.tasks.BackgroundTask;
import org.smartstart.backoffice.ui.tasks.TaskExecutor;
import org.smartstart.backoffice.ui.ventures.VentureLabels;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The Ventures section of the administration: search every venture (name, status, region, owner), open one
 * (owner, region, status, platform cap, IT pack, billing and invoices, active holds, KYB documents, the BUZ
 * issuance rule with its history, all read-only), create a draft, change its status (VS-1, KY-6), archive it
 * (VS-2), and follow links to its cap table, KYB documents, holds, audit trail and its owner. Every call goes
 * through the ports in the background; a refusal is shown with the rule that refused it and the form keeps
 * what the administrator typed.
 */
public final class VentureAdminViewModel {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    // search
    private final StringProperty nameText = new SimpleStringProperty("");
    private final ObjectProperty<String> statusFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<String> regionFilter = new SimpleObjectProperty<>();
    private final StringProperty ownerText = new SimpleStringProperty("");
    private final ObservableList<VentureOverview> found = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");
    private final BooleanProperty searching = new SimpleBooleanProperty(false);

    // the open venture
    private final ObjectProperty<VentureDetail> venture = new SimpleObjectProperty<>();
    private final ObservableList<VentureDetail.KybDocument> kybDocuments = FXCollections.observableArrayList();
    private final ObservableList<VentureDetail.Hold> holds = FXCollections.observableArrayList();
    private final ObservableList<VentureDetail.Invoice> invoices = FXCollections.observableArrayList();
    private final StringProperty facts = new SimpleStringProperty("");
    private final StringProperty itPack = new SimpleStringProperty("");
    private final StringProperty billing = new SimpleStringProperty("");
    private final StringProperty kyb = new SimpleStringProperty("");
    private final StringProperty issuanceRule = new SimpleStringProperty("");
    private final StringProperty issuanceHistory = new SimpleStringProperty("");
    private final ObjectProperty<VentureDetail.KybDocument> selectedDocument = new SimpleObjectProperty<>();
    private final ObjectProperty<VentureDetail.Hold> selectedHold = new SimpleObjectProperty<>();

    // status and archive
    private final ObservableList<String> nextStatuses = FXCollections.observableArrayList();
    private final ObjectProperty<String> newStatus = new SimpleObjectProperty<>();
    private final StringProperty statusReason = new SimpleStringProperty("");
    private final StringProperty archiveReason = new SimpleStringProperty("");

    // a new venture
    private final StringProperty newName = new SimpleStringProperty("");
    private final ObjectProperty<String> newRegion = new SimpleObjectProperty<>();
    private final ObjectProperty<PersonSummary> newOwner = new SimpleObjectProperty<>();
    private final StringProperty newCap = new SimpleStringProperty("20.000");
    private final ObservableList<PersonSummary> owners = FXCollections.observableArrayList();

    private final ObjectProperty<AdminFeedback> feedback = new SimpleObjectProperty<>(AdminFeedback.NONE);
    private final BooleanProperty working = new SimpleBooleanProperty(false);
    private final BooleanBinding canCreate;
    private final BooleanBinding canChangeStatus;
    private final BooleanBinding canArchive;
    private final BooleanBinding open;

    private final Ventures ventures;
    private final People people;
    private final Wallets wallets;
    private final TaskExecutor executor;
    private final ZoneId zone;
    private Navigator navigator = Navigator.NOWHERE;
    private Consumer<UUID> walletOpener = id -> { };
    /** The venture last asked for: answers about another one (opened before it) are dropped. */
    private UUID asked;

    public VentureAdminViewModel(Ventures ventures, People people, Wallets wallets, TaskExecutor executor, ZoneId zone) {
        this.ventures = ventures;
        this.people = people;
        this.wallets = wallets;
        this.executor = executor;
        this.zone = zone;
        open = venture.isNotNull();
        BooleanBinding live = Bindings.createBooleanBinding(() -> venture.get() != null && !venture.get().archived(), venture);
        canCreate = working.not().and(newName.isNotEmpty()).and(newRegion.isNotNull()).and(newOwner.isNotNull());
        canChangeStatus = working.not().and(live).and(newStatus.isNotNull());
        canArchive = working.not().and(live);
    }

    /** Links lead through the shell's navigator (cap tables, KYC review, legal holds, audit, people). */
    public void setNavigator(Navigator navigator) {
        this.navigator = navigator == null ? Navigator.NOWHERE : navigator;
    }

    /** Opens a person's BUZ wallet in this screen (the administration's people section). */
    public void setWalletOpener(Consumer<UUID> walletOpener) {
        this.walletOpener = walletOpener == null ? id -> { } : walletOpener;
    }

    /** Searches, and reads the KYC-verified people who may own a new venture (KY-5). */
    public void load() {
        search();
        executor.execute(BackgroundTask.of("Reading who may own a venture…",
                        () -> people.people(new PeopleFilter(null, null, KycState.VERIFIED, null)))
                .onSuccess(outcome -> {
                    if (outcome instanceof Outcome.Done<List<PersonSummary>> done) {
                        owners.setAll(done.value().stream().filter(p -> !p.archived()).toList());
                    }
                }));
    }

    public void search() {
        VentureFilter filter = new VentureFilter(nameText.get(), statusFilter.get(), regionFilter.get(), ownerText.get());
        searching.set(true);
        executor.execute(BackgroundTask.of("Searching ventures…", () -> ventures.search(filter))
                .onSuccess(outcome -> {
                    if (outcome instanceof Outcome.Done<List<VentureOverview>> done) {
                        found.setAll(done.value());
                        int n = done.value().size();
                        summary.set(n == 1 ? "1 venture" : n + " ventures");
                    } else {
                        found.clear();
                        summary.set("");
                        feedback.set(AdminFeedback.refusal("Ventures could not be searched", outcome));
                    }
                })
                .onFailure(e -> feedback.set(AdminFeedback.failure("Ventures could not be searched", e)))
                .onFinished(() -> searching.set(false)));
    }

    /** Opens a venture with everything the administration shows about it. */
    public void open(UUID ventureId) {
        feedback.set(AdminFeedback.NONE);
        statusReason.set("");
        archiveReason.set("");
        reload(ventureId);
    }

    private void reload(UUID ventureId) {
        asked = ventureId;
        executor.execute(BackgroundTask.of("Opening venture…", () -> ventures.venture(ventureId))
                .onSuccess(outcome -> {
                    if (!ventureId.equals(asked)) {
                        return;
                    }
                    if (outcome instanceof Outcome.Done<VentureDetail> done) {
                        show(done.value());
                    } else {
                        feedback.set(AdminFeedback.refusal("The venture could not be opened", outcome));
                    }
                })
                .onFailure(e -> feedback.set(AdminFeedback.failure("The venture could not be opened", e))));
        issuanceRule.set("");
        issuanceHistory.set("");
        executor.execute(BackgroundTask.of("Reading the issuance rule…", () -> wallets.issuanceRules(ventureId))
                .onSuccess(outcome -> {
                    if (!ventureId.equals(asked)) {
                        return; // another venture was opened meanwhile
                    }
                    if (outcome instanceof Outcome.Done<IssuanceRules> done) {
                        issuanceRule.set(BuzWalletViewModel.ruleSentence(done.value()));
                        issuanceHistory.set(BuzWalletViewModel.historyLines(done.value()));
                    } else {
                        issuanceRule.set("The issuance rule could not be read: " + outcome.describe());
                    }
                })
                .onFailure(e -> issuanceRule.set("The issuance rule could not be read: " + e.getMessage())));
    }

    private void show(VentureDetail d) {
        kybDocuments.setAll(d.kybDocuments());
        holds.setAll(d.activeHolds());
        invoices.setAll(d.billing() == null ? List.of() : d.billing().invoices());
        facts.set(describeFacts(d));
        itPack.set(describeItPack(d.itPack()));
        billing.set(describeBilling(d.billing()));
        kyb.set(d.missingForActive().isEmpty()
                ? "Verified articles of incorporation and tax ID: it may be active (KY-6)."
                : "Missing for active (KY-6): verified " + String.join(" and ", d.missingForActive().stream().map(AdminLabels::docType)
                .map(s -> s.toLowerCase(Locale.ROOT)).toList()) + ".");
        List<String> next = d.archived() ? List.of()
                : VentureAdminUseCases.nextStatuses(d.status()).stream().filter(s -> !"archived".equals(s)).toList();
        nextStatuses.setAll(next);
        newStatus.set(next.isEmpty() ? null : next.get(0));
        selectedDocument.set(null);
        selectedHold.set(null);
        venture.set(d);
    }

    private String describeFacts(VentureDetail d) {
        StringBuilder b = new StringBuilder();
        b.append(VentureLabels.region(d.region())).append(" · ").append(VentureLabels.status(d.status()));
        b.append(" · owner ").append(d.ownerName() == null ? "none" : d.ownerName()
                + (d.ownerKycStatus() == null ? "" : " (KYC " + d.ownerKycStatus() + ")"));
        b.append(" · platform cap ").append(d.aliceEquityCap() == null ? "none" : d.aliceEquityCap().toPlainString() + "% (EQ-3)");
        if (d.createdAt() != null) {
            b.append(" · created ").append(DAY.format(d.createdAt().atZone(zone)));
        }
        if (d.archived()) {
            b.append(" · archived ").append(DAY.format(d.archivedAt().atZone(zone)));
        }
        return b.toString();
    }

    private String describeItPack(VentureDetail.ItPack p) {
        if (p == null) {
            return "No IT pack provisioned.";
        }
        StringBuilder b = new StringBuilder("IT pack ").append(p.status());
        append(b, "Microsoft 365 tenant", p.m365TenantId());
        append(b, "mailbox", p.emailAddress());
        append(b, "GitHub", p.githubOrg());
        append(b, "Render service", p.renderServiceId());
        append(b, "backup policy", p.backupPolicyId());
        if (p.provisionedAt() != null) {
            b.append(" · provisioned ").append(DAY.format(p.provisionedAt().atZone(zone)));
        }
        return b.toString();
    }

    private static void append(StringBuilder b, String label, String value) {
        if (value != null && !value.isBlank()) {
            b.append(" · ").append(label).append(' ').append(value);
        }
    }

    private String describeBilling(VentureDetail.Billing billing) {
        if (billing == null) {
            return "No billing account.";
        }
        return "Billing: " + billing.pricingTier() + " tier, " + billing.paymentMethod().replace('_', ' ') + ", " + billing.status()
                + (billing.nextInvoiceAt() == null ? "" : ", next invoice " + DAY.format(billing.nextInvoiceAt().atZone(zone)))
                + " · " + billing.invoices().size() + (billing.invoices().size() == 1 ? " invoice" : " invoices");
    }

    /** Creates a draft venture from the form; the new venture is opened and the list searched again. */
    public void create() {
        if (!canCreate.get()) {
            return;
        }
        BigDecimal cap;
        try {
            cap = newCap.get() == null || newCap.get().isBlank() ? null : new BigDecimal(newCap.get().strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            feedback.set(new AdminFeedback(true, "", "The venture was not created: Platform cap: \"" + newCap.get()
                    + "\" is not a percentage such as 15 or 12.5."));
            return;
        }
        NewVenture request = new NewVenture(newName.get(), newRegion.get(), newOwner.get().id(), cap);
        run("Creating a venture…", () -> ventures.createVenture(request), "The venture was not created", created -> {
            newName.set("");
            newCap.set("20.000");
            feedback.set(AdminFeedback.done(created.name() + " is created as a draft, owned by " + created.ownerName()
                    + ". It becomes active once its articles of incorporation and tax ID are verified (KY-6)."));
            show(created);
            reload(created.id());
            search();
        });
    }

    /** Moves the open venture to the chosen status with the reason (VS-1; KY-6 for active). */
    public void changeStatus() {
        VentureDetail d = venture.get();
        String status = newStatus.get();
        if (d == null || status == null) {
            return;
        }
        StatusChange change = new StatusChange(status, statusReason.get(), d.version());
        String what = d.name() + " did not become " + status;
        run("Changing the status of a venture…", () -> ventures.changeStatus(d.id(), change), what, changed -> {
            statusReason.set("");
            feedback.set(AdminFeedback.done(changed.name() + " is " + changed.status() + " now (was " + d.status() + ")."));
            show(changed);
            search();
        });
    }

    /** Archives the open venture (a soft delete, final); refused while a legal hold on it is active (VS-2). */
    public void archive() {
        VentureDetail d = venture.get();
        if (d == null) {
            return;
        }
        run("Archiving a venture…", () -> ventures.archiveVenture(d.id(), new VentureArchive(archiveReason.get())),
                d.name() + " was not archived", archived -> {
                    archiveReason.set("");
                    feedback.set(AdminFeedback.done(archived.name() + " is archived: it leaves the lists; its cap table, audit trail "
                            + "and records stay."));
                    show(archived);
                    search();
                });
    }

    // ---- links ---------------------------------------------------------------------------

    public boolean openCapTable() {
        VentureDetail d = venture.get();
        return d != null && navigator.go(new Place.ObjectOf("venture", d.id(), d.id()));
    }

    /** The selected KYB document (or the first one) in the KYC review screen. */
    public boolean openKybDocument() {
        VentureDetail d = venture.get();
        VentureDetail.KybDocument doc = selectedDocument.get() != null ? selectedDocument.get()
                : kybDocuments.isEmpty() ? null : kybDocuments.get(0);
        return d != null && doc != null && navigator.go(new Place.ObjectOf("kyb_document", doc.id(), d.id()));
    }

    /** The selected hold (or the first one) in the legal holds screen. */
    public boolean openHolds() {
        VentureDetail d = venture.get();
        VentureDetail.Hold hold = selectedHold.get() != null ? selectedHold.get() : holds.isEmpty() ? null : holds.get(0);
        return d != null && hold != null && navigator.go(new Place.ObjectOf("legal_hold", hold.id(), d.id()));
    }

    public boolean openAuditTrail() {
        VentureDetail d = venture.get();
        return d != null && navigator.go(new Place.AuditTrailOf("venture", d.id()));
    }

    public boolean openOwner() {
        VentureDetail d = venture.get();
        return d != null && d.ownerId() != null && navigator.go(new Place.ObjectOf("user", d.ownerId(), null));
    }

    /** The owner's BUZ wallet, in the people section of this screen. */
    public boolean openOwnerWallet() {
        VentureDetail d = venture.get();
        if (d == null || d.ownerId() == null) {
            return false;
        }
        walletOpener.accept(d.ownerId());
        return true;
    }

    public boolean canGo(Place place) {
        return navigator.canGo(place);
    }

    private <T> void run(String title, java.util.concurrent.Callable<Outcome<T>> work, String whatIfRefused, Consumer<T> onDone) {
        working.set(true);
        feedback.set(AdminFeedback.NONE);
        executor.execute(BackgroundTask.of(title, work)
                .onSuccess(outcome -> {
                    if (outcome instanceof Outcome.Done<T> done) {
                        onDone.accept(done.value());
                    } else {
                        feedback.set(AdminFeedback.refusal(whatIfRefused, outcome));
                    }
                })
                .onFailure(e -> feedback.set(AdminFeedback.failure(whatIfRefused, e)))
                .onFinished(() -> working.set(false)));
    }

    public String day(java.time.Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(zone));
    }

    // ---- properties ----------------------------------------------------------------------

    public StringProperty nameTextProperty() {
        return nameText;
    }

    public ObjectProperty<String> statusFilterProperty() {
        return statusFilter;
    }

    public ObjectProperty<String> regionFilterProperty() {
        return regionFilter;
    }

    public StringProperty ownerTextProperty() {
        return ownerText;
    }

    public ObservableList<VentureOverview> found() {
        return found;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching;
    }

    public ReadOnlyObjectProperty<VentureDetail> ventureProperty() {
        return venture;
    }

    public BooleanBinding openProperty() {
        return open;
    }

    public ObservableList<VentureDetail.KybDocument> kybDocuments() {
        return kybDocuments;
    }

    public ObservableList<VentureDetail.Hold> holds() {
        return holds;
    }

    public ObservableList<VentureDetail.Invoice> invoices() {
        return invoices;
    }

    /** "Europe · Draft · owner Vera (KYC verified) · platform cap 20.000% (EQ-3) · created 2026-12-01". */
    public ReadOnlyStringProperty factsProperty() {
        return facts;
    }

    public ReadOnlyStringProperty itPackProperty() {
        return itPack;
    }

    public ReadOnlyStringProperty billingProperty() {
        return billing;
    }

    /** What KY-6 still needs before the venture may become active, or that it may. */
    public ReadOnlyStringProperty kybProperty() {
        return kyb;
    }

    public ReadOnlyStringProperty issuanceRuleProperty() {
        return issuanceRule;
    }

    public ReadOnlyStringProperty issuanceHistoryProperty() {
        return issuanceHistory;
    }

    public ObjectProperty<VentureDetail.KybDocument> selectedDocumentProperty() {
        return selectedDocument;
    }

    public ObjectProperty<VentureDetail.Hold> selectedHoldProperty() {
        return selectedHold;
    }

    /** Where the open venture may go (VS-1), archiving aside (its own action). */
    public ObservableList<String> nextStatuses() {
        return nextStatuses;
    }

    public ObjectProperty<String> newStatusProperty() {
        return newStatus;
    }

    public StringProperty statusReasonProperty() {
        return statusReason;
    }

    public StringProperty archiveReasonProperty() {
        return archiveReason;
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public ObjectProperty<String> newRegionProperty() {
        return newRegion;
    }

    public ObjectProperty<PersonSummary> newOwnerProperty() {
        return newOwner;
    }

    public StringProperty newCapProperty() {
        return newCap;
    }

    /** KYC-verified people, the only ones who may own a venture (KY-5). */
    public ObservableList<PersonSummary> owners() {
        return owners;
    }

    public ReadOnlyObjectProperty<AdminFeedback> feedbackProperty() {
        return feedback;
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working;
    }

    public BooleanBinding canCreateProperty() {
        return canCreate;
    }

    public BooleanBinding canChangeStatusProperty() {
        return canChangeStatus;
    }

    public BooleanBinding canArchiveProperty() {
        return canArchive;
    }
}
