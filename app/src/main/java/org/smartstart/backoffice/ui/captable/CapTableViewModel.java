package org.smartstart.backoffice.ui.captable;

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
import org.smartstart.backoffice.domain.audit.AuditHead;
import org.smartstart.backoffice.domain.captable.CapTable;
import org.smartstart.backoffice.domain.captable.CapTableChange;
import org.smartstart.backoffice.domain.captable.CapTableEdits;
import org.smartstart.backoffice.domain.captable.CapTableHolder;
import org.smartstart.backoffice.domain.captable.CapTablePolicy;
import org.smartstart.backoffice.domain.captable.CapTables;
import org.smartstart.backoffice.domain.captable.Conversion;
import org.smartstart.backoffice.domain.captable.ConversionPolicy;
import org.smartstart.backoffice.domain.captable.ConversionRequest;
import org.smartstart.backoffice.domain.captable.Holder;
import org.smartstart.backoffice.domain.captable.LedgerEdit;
import org.smartstart.backoffice.domain.captable.LedgerRow;
import org.smartstart.backoffice.domain.captable.Percent;
import org.smartstart.backoffice.domain.tokens.IssuanceRules;
import org.smartstart.backoffice.domain.captable.VentureFacts;
import org.smartstart.backoffice.domain.captable.VestingPolicy;
import org.smartstart.backoffice.domain.captable.HolderCandidate;
import org.smartstart.backoffice.domain.captable.LedgerChangeRecord;
import org.smartstart.backoffice.domain.captable.NewVestingPolicy;
import org.smartstart.backoffice.domain.captable.Vesting;
import org.smartstart.backoffice.domain.captable.VestingAttachment;
import org.smartstart.backoffice.domain.captable.VestingFrequency;
import org.smartstart.backoffice.ui.navigation.Navigator;
import org.smartstart.backoffice.ui.navigation.Place;
import org.smartstart.backoffice.domain.identity.PeopleFilter;
import org.smartstart.backoffice.domain.identity.PersonSummary;
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Rejection;
import org.smartstart.backoffice.domain.ventures.VentureOverview;
import org.smartstart.backoffice.ui.tasks.BackgroundTask;
import org.smartstart.backoffice.ui.tasks.TaskExecutor;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * The cap table workspace: a venture's cap table on any date, its history, and a draft change that is
 * checked against every rule (EQ-1..EQ-7, via {@link CapTablePolicy}) on every date before it is saved.
 * The ledger is read once per venture through the port; stepping through dates and previewing the draft
 * are computed here from it, with the same pure domain code the use case runs when saving.
 */
public final class CapTableViewModel {

    /** What the draft form adds. */
    public enum StepKind {
        TRANSFER("Transfer a stake"),
        ADD_HOLDER("Add a holder"),
        PLATFORM_STAKE("Change the platform stake"),
        CLOSE_ROW("Close a row");

        private final String label;

        StepKind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Everything read about one venture: the saved ledger and what is needed to show it. */
    record Loaded(VentureFacts facts, List<LedgerRow> ledger, Map<UUID, String> names, Map<UUID, VestingPolicy> policies,
                  String revision, List<LedgerChangeRecord> history, List<VestingPolicy> policyChoices,
                  List<HistoryPoint> ownership, IssuanceRules.Version rule, String ruleProblem, List<LocalDate> dates,
                  Map<UUID, LedgerRow> rowsById) {
    }

    private final CapTables capTables;
    private final BackOffice backOffice;
    private final TaskExecutor executor;
    private final Clock clock;

    private final ObservableList<VentureOverview> ventures = FXCollections.observableArrayList();
    private final ObjectProperty<VentureOverview> venture = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>();
    private final ObjectProperty<CapTable> capTable = new SimpleObjectProperty<>();
    private final ObservableList<HolderLine> lines = FXCollections.observableArrayList();
    private final ObservableList<LocalDate> changeDates = FXCollections.observableArrayList();
    private final ObservableList<HistoryPoint> history = FXCollections.observableArrayList();
    private final ObservableList<String> ledgerChanges = FXCollections.observableArrayList();
    private final StringProperty holdBanner = new SimpleStringProperty("");
    private final BooleanProperty editingBlocked = new SimpleBooleanProperty(true);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");

    private final ObservableList<HolderChoice> people = FXCollections.observableArrayList();
    private final ObjectProperty<StepKind> stepKind = new SimpleObjectProperty<>(StepKind.TRANSFER);
    private final ObjectProperty<HolderChoice> fromHolder = new SimpleObjectProperty<>();
    private final ObjectProperty<HolderChoice> toHolder = new SimpleObjectProperty<>();
    private final ObjectProperty<HolderLine> rowToClose = new SimpleObjectProperty<>();
    private final StringProperty percent = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> stepDate = new SimpleObjectProperty<>();
    private final StringProperty description = new SimpleStringProperty("");
    private final CapTableDraft draft = new CapTableDraft();
    private final ObservableList<String> draftSteps = FXCollections.observableArrayList();
    private final ObservableList<HolderLine> previewLines = FXCollections.observableArrayList();
    private final ObservableList<Rejection> violations = FXCollections.observableArrayList();
    private final BooleanProperty drafting = new SimpleBooleanProperty(false);
    private final BooleanProperty canUndo = new SimpleBooleanProperty(false);
    private final BooleanProperty canRedo = new SimpleBooleanProperty(false);
    private final BooleanProperty canSave = new SimpleBooleanProperty(false);
    private final StringProperty conversionRule = new SimpleStringProperty("");
    private final StringProperty conversionResult = new SimpleStringProperty("");
    private final ObjectProperty<VestingPolicy> policyToRename = new SimpleObjectProperty<>();
    private final StringProperty renameTo = new SimpleStringProperty("");

    private final ObjectProperty<HolderChoice> convertFor = new SimpleObjectProperty<>();
    private final StringProperty buzAmount = new SimpleStringProperty("");
    private final StringProperty convertPercent = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> convertOn = new SimpleObjectProperty<>();
    private final ObservableList<String> dilution = FXCollections.observableArrayList();
    private final ObservableList<Rejection> conversionProblems = FXCollections.observableArrayList();

    private final ObservableList<ChangeLine> changeLines = FXCollections.observableArrayList();
    private final ObjectProperty<ChangeLine> selectedChange = new SimpleObjectProperty<>();

    private final ObservableList<VestingPolicy> vestingPolicies = FXCollections.observableArrayList();
    private final StringProperty policyName = new SimpleStringProperty("");
    private final StringProperty cliffMonths = new SimpleStringProperty("12");
    private final StringProperty durationMonths = new SimpleStringProperty("48");
    private final ObjectProperty<VestingFrequency> frequency = new SimpleObjectProperty<>(VestingFrequency.MONTHLY);
    private final ObjectProperty<VestingPolicy> policyToAttach = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> vestingFrom = new SimpleObjectProperty<>();
    private final ObservableList<Vesting.Installment> schedule = FXCollections.observableArrayList();
    private final StringProperty scheduleHeading = new SimpleStringProperty("");
    private final ObjectProperty<LedgerRow> selectedHolding = new SimpleObjectProperty<>();

    private final StringProperty holderSearch = new SimpleStringProperty("");

    private Navigator navigator = Navigator.NOWHERE;
    private UUID wantedVenture;

    private Loaded loaded;
    private Loaded shownLoad;
    /** Counts previews; a preview that finishes after a newer one started is dropped. */
    private long previewGeneration;
    private boolean checking;

    public CapTableViewModel(BackOffice backOffice, TaskExecutor executor, Clock clock) {
        this.backOffice = backOffice;
        this.capTables = backOffice.capTables();
        this.executor = executor;
        this.clock = clock;
        asOf.set(LocalDate.now(clock));
        stepDate.set(LocalDate.now(clock));
        asOf.addListener((o, was, day) -> show());
        venture.addListener((o, was, v) -> {
            if (v != null && (was == null || !was.id().equals(v.id()))) {
                draft.reset();
                load(v.id(), null);
            }
        });
        description.addListener((o, was, now) -> updateCanSave());
        rowToClose.addListener((o, was, line) -> showSchedule());
        vestingFrom.set(LocalDate.now(clock));
        convertOn.set(LocalDate.now(clock));
        policyToRename.addListener((o, was, now) -> renameTo.set(now == null ? "" : now.name()));
        javafx.beans.InvalidationListener dilute = o -> previewConversion();
        convertFor.addListener(dilute);
        convertPercent.addListener(dilute);
        convertOn.addListener(dilute);
    }

    // ---- loading ----------------------------------------------------------------------------------

    /** Reads the ventures the user may see, and the people they may pick as new holders. */
    public void start() {
        problem.set("");
        executor.execute(BackgroundTask.of("Loading ventures…", () -> backOffice.ventures().overview())
                .onSuccess(outcome -> {
                    if (outcome instanceof Outcome.Done<List<VentureOverview>> done) {
                        ventures.setAll(done.value());
                        if (wantedVenture != null) {
                            selectWantedVenture();
                        }
                        if (venture.get() == null && !ventures.isEmpty()) {
                            venture.set(ventures.get(0));
                        }
                    } else {
                        problem.set("The ventures could not be loaded: " + outcome.describe());
                    }
                })
                .onFailure(e -> problem.set("The ventures could not be loaded: " + e.getMessage())));
        // Looking people up is for staff (ID-3); owners pick among the venture's holders, past and present.
        executor.execute(BackgroundTask.of("Loading people…", () -> backOffice.people().people(PeopleFilter.all()))
                .onSuccess(outcome -> {
                    if (outcome instanceof Outcome.Done<List<PersonSummary>> done) {
                        staffDirectory = done.value();
                        updatePeople();
                    }
                })
                .onFailure(e -> { }));
    }

    private List<PersonSummary> staffDirectory = List.of();

    /** Reloads the venture's ledger; {@code then} runs with the previous ledger once the new one is shown. */
    private void load(UUID ventureId, java.util.function.Consumer<List<LedgerRow>> then) {
        busy.set(true);
        problem.set("");
        LocalDate day = asOf.get();
        String ownerName = venture.get() == null ? null : venture.get().ownerDisplayName();
        List<LedgerRow> previous = loaded == null ? List.of() : loaded.ledger();
        executor.execute(BackgroundTask.of("Loading the cap table…", () -> read(ventureId, day, ownerName))
                .onSuccess(outcome -> {
                    if (outcome instanceof Outcome.Done<Loaded> done) {
                        loaded = done.value();
                        updatePeople();
                        show();
                        if (then != null) {
                            then.accept(previous);
                        }
                    } else {
                        loaded = null;
                        show();
                        problem.set("The cap table could not be loaded: " + outcome.describe());
                    }
                })
                .onFailure(e -> problem.set("The cap table could not be loaded: " + e.getMessage()))
                .onFinished(() -> busy.set(false)));
    }

    /**
     * The ledger and the cap table of {@code day}; holders and vesting policies that do not appear on
     * that day are named from the cap table of a date on which they do (one read per such date).
     */
    private Outcome<Loaded> read(UUID ventureId, LocalDate day, String ownerName) {
        Outcome<List<LedgerRow>> ledgerOutcome = capTables.ledger(ventureId);
        if (!(ledgerOutcome instanceof Outcome.Done<List<LedgerRow>> ledgerDone)) {
            return ledgerOutcome.failure();
        }
        Outcome<CapTable> first = capTables.capTableOn(ventureId, day);
        if (!(first instanceof Outcome.Done<CapTable> firstDone)) {
            return first.failure();
        }
        List<LedgerRow> ledger = ledgerDone.value();
        CapTable table = firstDone.value();
        Map<UUID, String> names = new HashMap<>();
        Map<UUID, VestingPolicy> policies = new HashMap<>();
        learn(table, names, policies);
        for (LocalDate date : CapTable.changeDates(ledger)) {
            boolean unknown = ledger.stream().anyMatch(r -> r.effectiveOn(date) && (
                    r.holder().userId() != null && !names.containsKey(r.holder().userId())
                            || r.vestingPolicyId() != null && !policies.containsKey(r.vestingPolicyId())));
            if (unknown && capTables.capTableOn(ventureId, date) instanceof Outcome.Done<CapTable> other) {
                learn(other.value(), names, policies);
            }
        }
        VentureFacts facts = new VentureFacts(table.ventureId(), table.ventureName(), table.ownerUserId(), table.aliceCap(),
                table.activeHolds());
        if (table.ownerUserId() != null && !names.containsKey(table.ownerUserId()) && ownerName != null) {
            names.put(table.ownerUserId(), ownerName);
        }
        Outcome<List<LedgerChangeRecord>> historyOutcome = capTables.ledgerHistory(ventureId);
        if (!(historyOutcome instanceof Outcome.Done<List<LedgerChangeRecord>> historyDone)) {
            return historyOutcome.failure();
        }
        Outcome<List<VestingPolicy>> policyOutcome = capTables.vestingPolicies(ventureId);
        if (!(policyOutcome instanceof Outcome.Done<List<VestingPolicy>> policyDone)) {
            return policyOutcome.failure();
        }
        policyDone.value().forEach(p -> policies.putIfAbsent(p.id(), p));
        // The BUZ issuance rule, for the conversion form (BZ-4: band and board approval); the cap table shows without it.
        IssuanceRules.Version rule = null;
        String ruleProblem = null;
        Outcome<IssuanceRules> rules = backOffice.wallets().issuanceRules(ventureId);
        if (rules instanceof Outcome.Done<IssuanceRules> rulesDone) {
            rule = rulesDone.value().current().orElse(null);
        } else {
            ruleProblem = rules.describe();
        }
        // The ownership over time takes a cap table per change date: worked out here, off the FX thread, once per load.
        // So are the saved ledger's change dates and its rows by id, which every date shown needs.
        Map<UUID, LedgerRow> rowsById = new HashMap<>();
        ledger.forEach(r -> rowsById.put(r.id(), r));
        return Outcome.done(new Loaded(facts, ledger, names, policies, table.revision(), historyDone.value(), policyDone.value(),
                historyOf(facts, ledger, names, policies), rule, ruleProblem, CapTable.changeDates(ledger), rowsById));
    }

    private static void learn(CapTable table, Map<UUID, String> names, Map<UUID, VestingPolicy> policies) {
        for (CapTableHolder h : table.holders()) {
            if (h.userId() != null) {
                names.put(h.userId(), h.displayName());
            }
            if (h.vestingPolicy() != null) {
                policies.put(h.vestingPolicy().id(), h.vestingPolicy());
            }
        }
    }

    // ---- showing a date ---------------------------------------------------------------------------

    private void show() {
        conversionRule.set(conversionRuleText());
        if (loaded == null) {
            shownLoad = null;
            capTable.set(null);
            lines.clear();
            changeDates.clear();
            history.clear();
            ledgerChanges.clear();
            changeLines.clear();
            vestingPolicies.clear();
            schedule.clear();
            scheduleHeading.set("");
            selectedHolding.set(null);
            previewLines.clear();
            violations.clear();
            holdBanner.set("");
            editingBlocked.set(true);
            updateCanSave();
            return;
        }
        LocalDate day = asOf.get();
        // The saved ledger's dates and rows by id were worked out with the load, off the FX thread.
        CapTable saved = CapTable.on(loaded.facts(), loaded.ledger(), loaded.names(), loaded.policies(), day, loaded.dates(),
                loaded.revision());
        capTable.set(saved);
        lines.setAll(linesOf(saved, loaded.rowsById()));
        if (shownLoad != loaded) { // what depends on the ledger only, not on the date: once per load
            shownLoad = loaded;
            history.setAll(loaded.ownership());
            // Sorting and wording thousands of rows: a background task, with the names as the screen words them now.
            ledgerChanges.clear();
            changeLines.clear();
            Loaded base = loaded;
            Map<UUID, String> shown = shownNames();
            Function<Holder, String> name = h -> nameIn(shown::get, h);
            executor.execute(BackgroundTask.of("Listing the ledger's changes…",
                            () -> new Changes(changesOf(base.ledger(), name), changeLinesOf(base.history(), base.ledger(), name)))
                    .onSuccess(changes -> {
                        if (base == loaded) {
                            ledgerChanges.setAll(changes.rows());
                            changeLines.setAll(changes.lines());
                        }
                    })
                    .onFailure(e -> problem.set("The ledger's changes could not be listed: " + e.getMessage())));
            VestingPolicy attach = policyToAttach.get();
            vestingPolicies.setAll(loaded.policyChoices());
            policyToAttach.set(attach == null ? null : vestingPolicies.stream().filter(p -> p.id().equals(attach.id())).findFirst().orElse(null));
        }
        showSchedule();
        boolean held = loaded.facts().equityHeld();
        editingBlocked.set(held);
        holdBanner.set(held ? "An active legal hold on " + String.join(" and ", loaded.facts().activeHolds())
                + " freezes this cap table: it can be read and exported, but not changed (EQ-7). Editing returns when the hold is released."
                : "");
        preview();
    }

    static List<HolderLine> linesOf(CapTable table, List<LedgerRow> ledger) {
        Map<UUID, LedgerRow> rows = new HashMap<>();
        ledger.forEach(r -> rows.put(r.id(), r));
        return linesOf(table, rows);
    }

    static List<HolderLine> linesOf(CapTable table, Map<UUID, LedgerRow> rows) {
        List<HolderLine> out = new ArrayList<>();
        BigDecimal vested = Percent.ZERO;
        for (CapTableHolder h : table.holders()) {
            out.add(HolderLine.of(h, rows));
            vested = vested.add(h.vestedPercent());
        }
        out.add(HolderLine.totals(table.total(), vested, table.holders().size()));
        return out;
    }

    /** Each holder's percent on each change date (stacked area chart), names as the cap table words them. */
    private static List<HistoryPoint> historyOf(VentureFacts facts, List<LedgerRow> ledger, Map<UUID, String> names,
                                                Map<UUID, VestingPolicy> policies) {
        List<HistoryPoint> out = new ArrayList<>();
        List<LocalDate> dates = CapTable.changeDates(ledger);
        for (LocalDate date : dates) {
            // Only the holders count here: the ledger's dates worked out once, no revision per date.
            CapTable t = CapTable.on(facts, ledger, names, policies, date, dates, "");
            Map<String, BigDecimal> shares = new LinkedHashMap<>();
            t.holders().forEach(h -> shares.merge(h.displayName(), h.percent(), BigDecimal::add));
            out.add(new HistoryPoint(date, shares));
        }
        return out;
    }

    /** The ledger's rows as changes and the saved changes with their audit entries, listed off the FX thread. */
    private record Changes(List<String> rows, List<ChangeLine> lines) {
    }

    /**
     * The ledger's rows as changes, newest first: when and by whom each row was written, and whether it
     * has been closed since (a close keeps the row, EQ-5).
     */
    private static List<String> changesOf(List<LedgerRow> ledger, Function<Holder, String> nameOf) {
        return ledger.stream()
                .sorted(Comparator.comparing(LedgerRow::createdAt, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(LedgerRow::effectiveFrom).thenComparing(r -> nameOf.apply(r.holder())))
                .map(r -> (r.createdAt() == null ? "?" : r.createdAt().toString().replace('T', ' ').replaceAll(":\\d\\d(\\.\\d+)?Z$", " UTC"))
                        + " · " + (r.createdBy() == null ? "unknown" : nameOf.apply(Holder.user(r.createdBy())))
                        + " wrote: " + nameOf.apply(r.holder()) + " " + HolderLine.describe(r))
                .toList();
    }

    /** One date of the ownership history. */
    public record HistoryPoint(LocalDate date, Map<String, BigDecimal> shares) {
    }

    public void stepBack() {
        List<LocalDate> dates = changeDates;
        LocalDate day = asOf.get();
        dates.stream().filter(d -> d.isBefore(day)).max(Comparator.naturalOrder()).ifPresent(asOf::set);
    }

    public void stepForward() {
        LocalDate day = asOf.get();
        changeDates.stream().filter(d -> d.isAfter(day)).min(Comparator.naturalOrder()).ifPresent(asOf::set);
    }

    public void today() {
        asOf.set(LocalDate.now(clock));
    }

    // ---- the draft --------------------------------------------------------------------------------

    /** Adds the form's step to the draft; a step that cannot be built says why and keeps the form. */
    public boolean addStep() {
        problem.set("");
        if (loaded == null) {
            problem.set("Pick a venture first.");
            return false;
        }
        if (editingBlocked.get()) {
            problem.set(holdBanner.get());
            return false;
        }
        LocalDate on = stepDate.get();
        if (on == null) {
            problem.set("Give the date from which the change counts.");
            return false;
        }
        if (on.getYear() < 1 || on.getYear() > 9999) {
            problem.set("The date must lie between 0001-01-01 and 9999-12-31, not " + on + ".");
            return false;
        }
        DraftStep step;
        StepKind kind = stepKind.get();
        if (kind == StepKind.CLOSE_ROW) {
            HolderLine line = rowToClose.get();
            if (line == null || line.total() || line.ledgerRowIds().isEmpty()) {
                problem.set("Select the holder whose row to close in the cap table.");
                return false;
            }
            step = new DraftStep.CloseRow(line.ledgerRowIds().get(line.ledgerRowIds().size() - 1), line.holder(), on.minusDays(1));
        } else {
            BigDecimal amount = parsePercent(percent.get());
            if (amount == null) {
                return false;
            }
            HolderChoice from = fromHolder.get();
            HolderChoice to = toHolder.get();
            if (from == null) {
                problem.set(kind == StepKind.PLATFORM_STAKE ? "Pick who gives or takes the difference." : "Pick who gives the stake.");
                return false;
            }
            if (kind != StepKind.PLATFORM_STAKE && (to == null || to.holder().equals(from.holder()))) {
                problem.set("Pick who receives the stake (someone other than who gives it).");
                return false;
            }
            if (kind != StepKind.PLATFORM_STAKE) {
                BigDecimal held = CapTable.stakesOn(draft.applied(loaded.ledger()), on).getOrDefault(from.holder(), BigDecimal.ZERO);
                if (held.compareTo(amount) < 0) {
                    problem.set(from.name() + " holds " + Percent.format(held) + " on " + on + (draft.isEmpty() ? "" : " (with the draft)")
                            + " and cannot give " + Percent.format(amount) + ".");
                    return false;
                }
            }
            step = switch (kind) {
                case TRANSFER -> new DraftStep.Transfer(from.holder(), to.holder(), amount, on);
                case ADD_HOLDER -> new DraftStep.AddHolder(to.holder(), amount, on, from.holder());
                default -> new DraftStep.PlatformStake(amount, on, from.holder());
            };
        }
        draft.add(step);
        if (step.on().equals(asOf.get())) {
            preview();
        } else {
            asOf.set(step.on()); // shows the draft on the date it starts
        }
        return true;
    }

    private BigDecimal parsePercent(String text) {
        try {
            BigDecimal value = new BigDecimal(text == null ? "" : text.strip().replace("%", "").replace(',', '.'));
            boolean platform = stepKind.get() == StepKind.PLATFORM_STAKE;
            if (value.signum() < 0 || !platform && value.signum() == 0 || value.compareTo(Percent.HUNDRED) > 0
                    || value.stripTrailingZeros().scale() > 3) {
                problem.set("The percent must be " + (platform ? "from 0" : "more than 0") + " to 100 with at most three decimals, not " + text.strip() + ".");
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            problem.set("The percent must be a number such as 5 or 2.5, not \"" + (text == null ? "" : text.strip()) + "\".");
            return null;
        }
    }

    public void removeStep(int index) {
        if (index >= 0 && index < draft.steps().size()) {
            draft.remove(index);
            preview();
        }
    }

    public void undo() {
        draft.undo();
        preview();
    }

    public void redo() {
        draft.redo();
        preview();
    }

    public void discardDraft() {
        draft.clear();
        preview();
    }

    /** The draft's result on the shown date, and every rule it breaks on any date. */
    private void preview() {
        draftSteps.setAll(draft.steps().stream().map(s -> s.describe(this::nameOf)).toList());
        drafting.set(!draft.isEmpty());
        canUndo.set(draft.canUndo());
        canRedo.set(draft.canRedo());
        long generation = ++previewGeneration;
        if (loaded == null || draft.isEmpty()) {
            checking = false;
            previewLines.clear();
            violations.clear();
            changeDates.setAll(loaded == null ? List.of() : loaded.dates());
            updateCanSave();
            return;
        }
        Loaded base = loaded;
        List<LedgerEdit> edits = draft.edits(base.ledger());
        Map<UUID, String> names = draftNames();
        LocalDate day = asOf.get();
        checking = true;
        updateCanSave();
        // Every date of a ledger of thousands of rows is checked: off the FX thread (the bench measures it).
        executor.execute(BackgroundTask.of("Checking the draft…", () -> DraftPreview.of(base, edits, names, day))
                .onSuccess(p -> {
                    if (generation != previewGeneration || base != loaded) {
                        return; // a newer draft or ledger is being checked
                    }
                    checking = false;
                    violations.setAll(p.broken());
                    previewLines.setAll(p.lines());
                    changeDates.setAll(p.dates());
                    updateCanSave();
                })
                .onFailure(e -> {
                    if (generation == previewGeneration) {
                        checking = false;
                        problem.set("The draft could not be checked: " + e.getMessage());
                        updateCanSave();
                    }
                }));
    }

    /** What the use case will write (the saved rows with their new ends, and the draft's new rows), checked. */
    private record DraftPreview(List<Rejection> broken, List<HolderLine> lines, List<LocalDate> dates) {
        static DraftPreview of(Loaded base, List<LedgerEdit> edits, Map<UUID, String> names, LocalDate day) {
            List<LedgerRow> after = CapTableEdits.apply(base.ledger(), edits, Instant.EPOCH, null);
            CapTablePolicy policy = new CapTablePolicy(base.facts(), names);
            List<Rejection> broken = new ArrayList<>(policy.checkEdits(base.ledger(), edits));
            // The saved cap table before the draft's first date is unchanged (and valid): checked from there on.
            broken.addAll(policy.check(after, CapTableEdits.firstTouched(edits)));
            // The draft's holders on the shown date; a draft has no revision of its own (it is saved against base's).
            List<LocalDate> draftDates = CapTable.changeDates(after);
            CapTable drafted = CapTable.on(base.facts(), after, names, base.policies(), day, draftDates, base.revision());
            Set<LocalDate> dates = new java.util.TreeSet<>(base.dates());
            dates.addAll(draftDates);
            return new DraftPreview(broken, linesOf(drafted, after), List.copyOf(dates));
        }
    }

    private void updateCanSave() {
        canSave.set(loaded != null && !draft.isEmpty() && !checking && violations.isEmpty() && !editingBlocked.get()
                && description.get() != null && !description.get().isBlank() && !saving);
    }

    private boolean saving;

    /** Saves the whole draft in one change; a conflict or a refusal keeps the draft. */
    public void save() {
        if (!canSave.get()) {
            if (loaded != null && !draft.isEmpty() && (description.get() == null || description.get().isBlank())) {
                problem.set("Say what the change is and why (the description goes into the audit trail).");
            }
            return;
        }
        UUID ventureId = loaded.facts().ventureId();
        CapTableChange change = new CapTableChange(description.get().strip(), loaded.revision(), draft.edits(loaded.ledger()));
        saving = true;
        updateCanSave();
        problem.set("");
        message.set("");
        executor.execute(BackgroundTask.of("Saving the cap table…", () -> capTables.changeCapTable(ventureId, change))
                .onSuccess(outcome -> {
                    if (outcome instanceof Outcome.Done<CapTable>) {
                        int steps = draft.steps().size();
                        draft.reset();
                        description.set("");
                        message.set("Saved: " + change.description() + " (" + steps + (steps == 1 ? " step" : " steps") + ").");
                        load(ventureId, null);
                    } else if (outcome instanceof Outcome.Conflict<CapTable> conflict) {
                        problem.set(conflict.message());
                        load(ventureId, previous -> problem.set(conflict.message() + " What changed: "
                                + whatChanged(previous, loaded.ledger()) + " Your draft is now shown on the new cap table; check it and save again."));
                    } else if (outcome instanceof Outcome.Rejected<CapTable> rejected) {
                        problem.set("The cap table was not saved: " + String.join(" ", rejected.rejections().stream()
                                .map(r -> r.ruleId() + ": " + r.message()).toList()));
                    } else {
                        problem.set("The cap table was not saved: " + outcome.describe());
                    }
                })
                .onFailure(e -> problem.set("The cap table was not saved: " + e.getMessage() + " Your draft is kept."))
                .onFinished(() -> {
                    saving = false;
                    updateCanSave();
                }));
    }

    /** The rows added and closed between two readings of a ledger, in words. */
    String whatChanged(List<LedgerRow> before, List<LedgerRow> after) {
        Map<UUID, LedgerRow> old = new HashMap<>();
        before.forEach(r -> old.put(r.id(), r));
        List<String> changes = new ArrayList<>();
        for (LedgerRow r : after) {
            LedgerRow was = old.get(r.id());
            if (was == null) {
                changes.add(nameOf(r.holder()) + " got a row of " + HolderLine.describe(r));
            } else if (was.open() && !r.open()) {
                changes.add("the row of " + nameOf(r.holder()) + " (" + Percent.format(r.percent()) + ") was closed after " + r.effectiveTo());
            }
        }
        return changes.isEmpty() ? "nothing visible in the ledger." : String.join("; ", changes) + ".";
    }

    String nameOf(Holder holder) {
        return nameIn(this::knownName, holder);
    }

    /** A user's name from the venture's names, then the people to pick, then found ones; null if none has it. */
    private String knownName(UUID userId) {
        if (loaded != null && loaded.names().containsKey(userId)) {
            return loaded.names().get(userId);
        }
        Holder holder = Holder.user(userId);
        return people.stream().filter(p -> p.holder().equals(holder)).map(HolderChoice::name).findFirst()
                .orElseGet(() -> searched.containsKey(userId) ? searched.get(userId).displayName() : null);
    }

    private void updatePeople() {
        Map<Holder, String> choices = new LinkedHashMap<>();
        choices.put(Holder.alice(), "AliceSolutions (platform)");
        if (loaded != null) {
            new TreeMap<>(invert(loaded.names())).forEach((name, id) -> choices.put(Holder.user(id), name));
        }
        for (PersonSummary p : staffDirectory) {
            choices.putIfAbsent(Holder.user(p.id()), p.displayName());
        }
        searched.values().forEach(c -> choices.putIfAbsent(Holder.user(c.userId()), c.displayName()));
        HolderChoice from = fromHolder.get();
        HolderChoice to = toHolder.get();
        people.setAll(choices.entrySet().stream().map(e -> new HolderChoice(e.getKey(), e.getValue())).toList());
        fromHolder.set(from == null ? null : people.stream().filter(p -> p.holder().equals(from.holder())).findFirst().orElse(null));
        toHolder.set(to == null ? null : people.stream().filter(p -> p.holder().equals(to.holder())).findFirst().orElse(null));
    }

    private static Map<String, UUID> invert(Map<UUID, String> names) {
        Map<String, UUID> out = new HashMap<>();
        names.forEach((id, name) -> out.put(name + (out.containsKey(name) ? " (" + id.toString().substring(0, 8) + ")" : ""), id));
        return out;
    }

    // ---- history and the audit trail (AU-1) ---------------------------------------------------------

    /**
     * One saved change of the ledger with its audit entry.
     *
     * @param audit "#1234 · 3f9a…e21c" once sealed, else that it waits to be sealed
     */
    public record ChangeLine(LedgerChangeRecord record, String when, String who, String what, String audit) {
    }

    /** The changes newest first; rows no audit entry wrote (seed data, imports) are listed as such at the end. */
    static List<ChangeLine> changeLinesOf(List<LedgerChangeRecord> records, List<LedgerRow> ledger,
                                          Function<Holder, String> nameOf) {
        Map<UUID, LedgerRow> rows = new HashMap<>();
        ledger.forEach(r -> rows.put(r.id(), r));
        Set<UUID> audited = new HashSet<>();
        List<ChangeLine> out = new ArrayList<>();
        for (LedgerChangeRecord r : records) {
            audited.addAll(r.rowsAdded());
            List<String> parts = new ArrayList<>();
            for (UUID id : r.rowsAdded()) {
                LedgerRow row = rows.get(id);
                parts.add(row == null ? "row " + id : "+ " + nameOf.apply(row.holder()) + " " + HolderLine.describe(row));
            }
            for (UUID id : r.rowsClosed()) {
                LedgerRow row = rows.get(id);
                parts.add(row == null ? "closed row " + id : "closed " + nameOf.apply(row.holder()) + " " + Percent.format(row.percent())
                        + " from " + row.effectiveFrom() + (row.effectiveTo() == null ? "" : " after " + row.effectiveTo()));
            }
            String what = (r.description().isBlank() ? r.action() : r.description()) + (parts.isEmpty() ? "" : " — " + String.join("; ", parts));
            String audit = r.sealed() ? "#" + r.seq() + " · " + r.txHash() : "waiting to be sealed";
            out.add(new ChangeLine(r, timestamp(r.at()), r.actorName() == null ? "system" : r.actorName(), what, audit));
        }
        List<LedgerRow> unaudited = ledger.stream().filter(r -> !audited.contains(r.id())).toList();
        if (!unaudited.isEmpty()) {
            out.add(new ChangeLine(null, "", "", unaudited.size() + " row(s) written without an audit entry of this screen's actions"
                    + " (seed data or an import): " + String.join("; ", unaudited.stream()
                    .map(r -> nameOf.apply(r.holder()) + " " + HolderLine.describe(r)).toList()), "none"));
        }
        return out;
    }

    private static String timestamp(Instant at) {
        return at == null ? "?" : at.toString().replace('T', ' ').replaceAll(":\\d\\d(\\.\\d+)?Z$", " UTC");
    }

    /** Where the shell sends "open in audit trail"; screens shown on their own (tests) have nowhere to go. */
    public void setNavigator(Navigator navigator) {
        this.navigator = navigator == null ? Navigator.NOWHERE : navigator;
    }

    /** Opens the selected change's audit entry (sealed) or the venture's audit trail (still unsealed). */
    public void openInAuditTrail() {
        ChangeLine line = selectedChange.get();
        if (line == null || line.record() == null) {
            problem.set("Select a saved change to open its audit entry.");
            return;
        }
        Place place = line.record().sealed() ? new Place.AuditEntryAt(line.record().seq())
                : new Place.AuditTrailOf(line.record().objectType(), line.record().objectId());
        if (!navigator.go(place)) {
            problem.set("The audit trail is not available here (browsing it takes the compliance or admin role, or owning this venture).");
        }
    }

    /** Shows a venture (or an object of one) the shell routed here, once the ventures are loaded. */
    public boolean show(Place place) {
        if (!(place instanceof Place.ObjectOf o)) {
            return false;
        }
        UUID id = o.ventureId() != null ? o.ventureId() : "venture".equals(o.objectType()) ? o.objectId() : null;
        if (id == null) {
            return false;
        }
        wantedVenture = id;
        return ventures.isEmpty() || selectWantedVenture();
    }

    private boolean selectWantedVenture() {
        UUID id = wantedVenture;
        wantedVenture = null;
        for (VentureOverview v : ventures) {
            if (v.id().equals(id)) {
                venture.set(v);
                return true;
            }
        }
        problem.set("That venture is not among the ventures you may read.");
        return false;
    }

    // ---- vesting policies (EQ-6) ---------------------------------------------------------------------

    /** The selected holding's ledger row on the shown date, its policy and its installments. */
    private void showSchedule() {
        schedule.clear();
        HolderLine line = rowToClose.get();
        if (loaded == null || line == null || line.total() || line.ledgerRowIds().isEmpty()) {
            selectedHolding.set(null);
            scheduleHeading.set(loaded == null ? "" : "Select a holder in the Holders tab to see their vesting schedule.");
            return;
        }
        UUID rowId = line.ledgerRowIds().get(line.ledgerRowIds().size() - 1);
        LedgerRow row = loaded.ledger().stream().filter(r -> r.id().equals(rowId)).findFirst().orElse(null);
        selectedHolding.set(row);
        if (row == null) {
            scheduleHeading.set("");
            return;
        }
        VestingPolicy policy = row.vestingPolicyId() == null ? null : loaded.policies().get(row.vestingPolicyId());
        schedule.setAll(Vesting.schedule(row.percent(), row.effectiveFrom(), policy));
        scheduleHeading.set(line.name() + ": " + HolderLine.describe(row) + " · "
                + (policy == null ? "fully vested from the start" : "vests by " + policy.describe()));
    }

    /** Defines a policy of the venture from the form; a refusal names the field and keeps the form. */
    public void createPolicy() {
        problem.set("");
        message.set("");
        if (loaded == null) {
            problem.set("Pick a venture first.");
            return;
        }
        Integer cliff = months(cliffMonths.get(), "cliff");
        Integer duration = months(durationMonths.get(), "duration");
        if (cliff == null || duration == null) {
            return;
        }
        UUID ventureId = loaded.facts().ventureId();
        NewVestingPolicy request = new NewVestingPolicy(policyName.get(), cliff, duration, frequency.get());
        executor.execute(BackgroundTask.of("Creating the vesting policy…", () -> capTables.createVestingPolicy(ventureId, request))
                .onSuccess(outcome -> {
                    if (outcome instanceof Outcome.Done<VestingPolicy> done) {
                        message.set("Vesting policy created: " + done.value().describe() + ".");
                        policyName.set("");
                        load(ventureId, previous -> policyToAttach.set(vestingPolicies.stream()
                                .filter(p -> p.id().equals(done.value().id())).findFirst().orElse(null)));
                    } else {
                        problem.set("The vesting policy was not created: " + outcome.describe());
                    }
                })
                .onFailure(e -> problem.set("The vesting policy was not created: " + e.getMessage())));
    }

    /** Renames the policy picked in the list to the name in the form (one audited change; terms stay, EQ-6). */
    public void renamePolicy() {
        problem.set("");
        message.set("");
        VestingPolicy policy = policyToRename.get();
        if (loaded == null || policy == null) {
            problem.set("Pick the venture's vesting policy to rename in the list.");
            return;
        }
        if (policy.template()) {
            problem.set("\"" + policy.name() + "\" is a platform template; only the venture's own policies can be renamed here.");
            return;
        }
        UUID ventureId = loaded.facts().ventureId();
        String name = renameTo.get();
        executor.execute(BackgroundTask.of("Renaming the vesting policy…", () -> capTables.renameVestingPolicy(ventureId, policy.id(), name))
                .onSuccess(outcome -> {
                    if (outcome instanceof Outcome.Done<VestingPolicy> done) {
                        message.set("Vesting policy \"" + policy.name() + "\" renamed to \"" + done.value().name() + "\".");
                        load(ventureId, previous -> policyToRename.set(vestingPolicies.stream()
                                .filter(p -> p.id().equals(done.value().id())).findFirst().orElse(null)));
                    } else {
                        problem.set("The vesting policy was not renamed: " + outcome.describe());
                    }
                })
                .onFailure(e -> problem.set("The vesting policy was not renamed: " + e.getMessage())));
    }

    public ObjectProperty<VestingPolicy> policyToRenameProperty() { return policyToRename; }
    /** How many times {@link #revisit} has compared the shown cap table with the saved one. */
    public javafx.beans.property.ReadOnlyIntegerProperty revisitsCheckedProperty() { return revisitsChecked; }
    private final javafx.beans.property.IntegerProperty revisitsChecked = new javafx.beans.property.SimpleIntegerProperty(0);
    public StringProperty renameToProperty() { return renameTo; }

    /**
     * The screen is shown again (the user comes back to it): a legal hold imposed or released, or a change
     * saved, elsewhere since the cap table was loaded is picked up without reopening the venture. One read of
     * the shown date (the hold state and the ledger's revision), off the FX thread; a reload only if either changed.
     */
    public void revisit() {
        if (loaded == null || busy.get()) {
            return;
        }
        Loaded base = loaded;
        UUID ventureId = base.facts().ventureId();
        LocalDate day = asOf.get();
        executor.execute(BackgroundTask.of("Checking the cap table…", () -> capTables.capTableOn(ventureId, day))
                .onSuccess(outcome -> {
                    revisitsChecked.set(revisitsChecked.get() + 1);
                    if (base != loaded || !(outcome instanceof Outcome.Done<CapTable> done)) {
                        return;
                    }
                    boolean holdsChanged = !new java.util.HashSet<>(done.value().activeHolds())
                            .equals(new java.util.HashSet<>(base.facts().activeHolds()));
                    if (holdsChanged || !done.value().revision().equals(base.revision())) {
                        load(ventureId, null);
                    }
                })
                .onFailure(e -> { }));
    }

    private Integer months(String text, String what) {
        try {
            return Integer.valueOf(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            problem.set("The " + what + " is a whole number of months, such as 12, not \"" + (text == null ? "" : text.strip()) + "\".");
            return null;
        }
    }

    /** Puts the selected holding under the chosen policy from the chosen date (one change, audited). */
    public void attachPolicy() {
        problem.set("");
        message.set("");
        LedgerRow row = selectedHolding.get();
        VestingPolicy policy = policyToAttach.get();
        if (loaded == null || row == null || row.effectiveTo() != null) {
            problem.set("Select a holder in the Holders tab whose holding is open.");
            return;
        }
        if (policy == null) {
            problem.set("Pick the vesting policy the holding follows.");
            return;
        }
        if (editingBlocked.get()) {
            problem.set(holdBanner.get());
            return;
        }
        UUID ventureId = loaded.facts().ventureId();
        VestingAttachment attachment = new VestingAttachment(row.id(), policy.id(), vestingFrom.get(), loaded.revision());
        String who = nameOf(row.holder());
        executor.execute(BackgroundTask.of("Attaching the vesting policy…", () -> capTables.attachVestingPolicy(ventureId, attachment))
                .onSuccess(outcome -> {
                    if (outcome instanceof Outcome.Done<CapTable>) {
                        message.set("The holding of " + who + " vests by " + policy.name() + " from " + attachment.from() + ".");
                        load(ventureId, null);
                    } else if (outcome instanceof Outcome.Rejected<CapTable> rejected) {
                        problem.set("The vesting policy was not attached: " + String.join(" ", rejected.rejections().stream()
                                .map(r -> r.ruleId() + ": " + r.message()).toList()));
                    } else {
                        problem.set("The vesting policy was not attached: " + outcome.describe());
                    }
                })
                .onFailure(e -> problem.set("The vesting policy was not attached: " + e.getMessage())));
    }

    // ---- finding a new holder -------------------------------------------------------------------------

    /**
     * Looks people up by exact e-mail or the start of a name (owners may: the port returns only name and
     * KYC status); the matches become choices, and a single match is picked as who receives the stake.
     */
    public void searchHolders() {
        problem.set("");
        message.set("");
        if (loaded == null) {
            problem.set("Pick a venture first.");
            return;
        }
        UUID ventureId = loaded.facts().ventureId();
        String text = holderSearch.get() == null ? "" : holderSearch.get().strip();
        executor.execute(BackgroundTask.of("Finding people…", () -> capTables.holderCandidates(ventureId, text))
                .onSuccess(outcome -> {
                    if (outcome instanceof Outcome.Done<List<HolderCandidate>> done) {
                        List<HolderCandidate> found = done.value();
                        found.forEach(c -> searched.put(c.userId(), c));
                        updatePeople();
                        if (found.isEmpty()) {
                            problem.set("Nobody matches \"" + text + "\": give their exact e-mail or the start of their name.");
                        } else {
                            if (found.size() == 1) {
                                toHolder.set(choiceOf(Holder.user(found.get(0).userId())));
                            }
                            message.set("Found " + String.join(", ", found.stream()
                                    .map(c -> c.displayName() + " (KYC " + c.kycStatus() + ")").toList())
                                    + (found.size() == 1 ? "; picked as who receives the stake." : "; pick one under To."));
                        }
                    } else {
                        problem.set("Nobody could be looked up: " + outcome.describe());
                    }
                })
                .onFailure(e -> problem.set("Nobody could be looked up: " + e.getMessage())));
    }

    private final Map<UUID, HolderCandidate> searched = new LinkedHashMap<>();

    /** The saved cap table's names and those of people picked from a search or the staff directory (new holders of a draft). */
    private Map<UUID, String> draftNames() {
        Map<UUID, String> names = new HashMap<>();
        staffDirectory.forEach(p -> names.put(p.id(), p.displayName()));
        searched.values().forEach(c -> names.put(c.userId(), c.displayName()));
        names.putAll(loaded.names());
        return names;
    }

    // ---- BUZ conversion (BZ-4) ----------------------------------------------------------------------

    /**
     * The pro-rata dilution of every holder for the conversion in the form, and the cap table rules it
     * would break; the band, board approval, KYC and wallet are checked by the use case when converting.
     */
    private void previewConversion() {
        long generation = ++conversionGeneration;
        dilution.clear();
        conversionProblems.clear();
        conversionResult.set("");
        HolderChoice who = convertFor.get();
        LocalDate on = convertOn.get();
        BigDecimal pct;
        try {
            pct = new BigDecimal(convertPercent.get() == null ? "" : convertPercent.get().strip());
        } catch (NumberFormatException e) {
            return;
        }
        if (loaded == null || who == null || on == null || pct.signum() <= 0 || pct.compareTo(Percent.HUNDRED) >= 0
                || pct.stripTrailingZeros().scale() > 3) {
            return;
        }
        // The stakes on the date and EQ-1..EQ-7 from it on, over a ledger of thousands of rows: off the FX thread,
        // on what the form and the names are now; a result for an older form or ledger is dropped.
        Loaded base = loaded;
        Map<UUID, String> names = draftNames();
        Map<UUID, String> shown = shownNames();
        String amount = buzAmount.get();
        executor.execute(BackgroundTask.of("Previewing the conversion…",
                        () -> ConversionPreview.of(base, who, pct, on, names, shown, amount))
                .onSuccess(preview -> {
                    if (generation != conversionGeneration || base != loaded) {
                        return;
                    }
                    dilution.setAll(preview.dilution());
                    conversionResult.set(preview.result());
                    conversionProblems.setAll(preview.problems());
                })
                .onFailure(e -> {
                    if (generation == conversionGeneration) {
                        problem.set("The conversion could not be previewed: " + e.getMessage());
                    }
                }));
    }

    /** Counts conversion previews (and conversions); a preview that finishes after a newer one started is dropped. */
    private long conversionGeneration;

    /** Each user's name as {@link #nameOf} words it now: the venture's names first, then the people to pick, then found ones. */
    private Map<UUID, String> shownNames() {
        Map<UUID, String> names = new HashMap<>();
        searched.values().forEach(c -> names.put(c.userId(), c.displayName()));
        for (int i = people.size() - 1; i >= 0; i--) { // the first of the list wins, as in nameOf
            HolderChoice p = people.get(i);
            if (p.holder().userId() != null) {
                names.put(p.holder().userId(), p.name());
            }
        }
        if (loaded != null) {
            names.putAll(loaded.names());
        }
        return names;
    }

    /** A holder's name as the screen words it, the users' names looked up in {@code names} (null: not known). */
    private static String nameIn(Function<UUID, String> names, Holder holder) {
        if (holder == null) {
            return "nobody";
        }
        if (holder.platform()) {
            return "AliceSolutions (platform)";
        }
        String name = names.apply(holder.userId());
        return name != null ? name : "user " + holder.userId();
    }

    /** The conversion form's preview, worked out off the FX thread. */
    private record ConversionPreview(List<String> dilution, String result, List<Rejection> problems) {
        static ConversionPreview of(Loaded base, HolderChoice who, BigDecimal pct, LocalDate on, Map<UUID, String> names,
                                    Map<UUID, String> shown, String amount) {
            Map<Holder, BigDecimal> before = CapTable.stakesOn(base.ledger(), on);
            Map<Holder, BigDecimal> after = CapTableEdits.dilutedStakes(before, who.holder(), pct);
            List<String> dilution = new ArrayList<>();
            for (Map.Entry<Holder, BigDecimal> e : after.entrySet()) {
                dilution.add(nameIn(shown::get, e.getKey()) + ": " + Percent.format(before.getOrDefault(e.getKey(), BigDecimal.ZERO)) + " → "
                        + Percent.format(e.getValue()));
            }
            String result = conversionResultText(base, who, pct, on, before, after, amount);
            List<LedgerEdit> edits = CapTableEdits.dilute(base.ledger(), who.holder(), pct, on);
            CapTablePolicy policy = new CapTablePolicy(base.facts(), names);
            List<Rejection> problems = new ArrayList<>(policy.checkEdits(base.ledger(), edits));
            problems.addAll(policy.check(CapTableEdits.apply(base.ledger(), edits, Instant.EPOCH, null), CapTableEdits.firstTouched(edits)));
            return new ConversionPreview(List.copyOf(dilution), result, List.copyOf(problems));
        }
    }

    /** The venture's current issuance rule in words: its band and whether the board approved it (BZ-4). */
    private String conversionRuleText() {
        if (loaded == null) {
            return "";
        }
        IssuanceRules.Version rule = loaded.rule();
        if (rule == null) {
            return loaded.ruleProblem() != null ? "The BUZ issuance rule could not be read: " + loaded.ruleProblem()
                    : loaded.facts().name() + " has no BUZ issuance rule, so no conversion band: BUZ cannot be converted into its equity (BZ-4).";
        }
        return "Issuance rule" + (rule.createdAt() == null ? "" : " of " + rule.createdAt().atZone(clock.getZone()).toLocalDate())
                + ": conversion band " + plain(rule.bandMin()) + "% to " + plain(rule.bandMax()) + "% of the venture per BUZ. "
                + (rule.boardApproved() ? "Board approval: given."
                : "Board approval: REQUIRED and not given — every conversion is refused until the board approves the rule (BZ-4).");
    }

    /** The conversion's rate against the band and the person's stake before and after it. */
    private static String conversionResultText(Loaded loaded, HolderChoice who, BigDecimal pct, LocalDate on,
                                               Map<Holder, BigDecimal> before, Map<Holder, BigDecimal> after, String buzAmount) {
        StringBuilder text = new StringBuilder();
        long amount;
        try {
            amount = Long.parseLong(buzAmount == null ? "" : buzAmount.strip().replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            amount = 0;
        }
        IssuanceRules.Version rule = loaded.rule();
        if (amount > 0) {
            BigDecimal rate = ConversionPolicy.rate(new ConversionRequest(who.holder().userId(), amount, pct, on));
            text.append("Rate: ").append(plain(rate)).append("% per BUZ");
            if (rule != null) {
                BigDecimal buz = BigDecimal.valueOf(amount);
                boolean inside = pct.compareTo(rule.bandMin().multiply(buz)) >= 0 && pct.compareTo(rule.bandMax().multiply(buz)) <= 0;
                text.append(inside ? ", inside the band" : ", OUTSIDE the band " + plain(rule.bandMin()) + "–" + plain(rule.bandMax())
                        + "%: refused (BZ-4)");
                if (!rule.boardApproved()) {
                    text.append("; the rule lacks board approval: refused (BZ-4)");
                }
            }
            text.append(". ");
        }
        text.append(who.name()).append(" would hold ").append(Percent.format(before.getOrDefault(who.holder(), BigDecimal.ZERO)))
                .append(" → ").append(Percent.format(after.getOrDefault(who.holder(), BigDecimal.ZERO))).append(" from ").append(on)
                .append("; every other holder is diluted pro rata by ").append(Percent.format(pct)).append(" of their stake.");
        return text.toString();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** Converts the BUZ in the form; a refusal lists every reason (band, board approval, KYC, wallet, hold, floor). */
    public void convert() {
        problem.set("");
        message.set("");
        HolderChoice who = convertFor.get();
        long amount;
        BigDecimal pct;
        try {
            amount = Long.parseLong(buzAmount.get() == null ? "" : buzAmount.get().strip().replace(",", "").replace("_", ""));
            pct = new BigDecimal(convertPercent.get() == null ? "" : convertPercent.get().strip());
        } catch (NumberFormatException e) {
            problem.set("Give the BUZ as a whole number and the equity as a percent, such as 20000 and 1.5.");
            return;
        }
        if (loaded == null || who == null || who.holder().platform()) {
            problem.set("Pick the person whose BUZ are converted.");
            return;
        }
        UUID ventureId = loaded.facts().ventureId();
        ConversionRequest request = new ConversionRequest(who.holder().userId(), amount, pct, convertOn.get());
        conversionGeneration++; // a preview still running must not replace the conversion's answer
        executor.execute(BackgroundTask.of("Converting BUZ…", () -> capTables.convertBuz(ventureId, request))
                .onSuccess(outcome -> {
                    if (outcome instanceof Outcome.Done<Conversion> done) {
                        message.set("Converted " + done.value().buzSpent() + " BUZ of " + who.name() + " into "
                                + Percent.format(done.value().equityPercentGranted()) + " from " + done.value().effectiveOn()
                                + "; wallet balance now " + done.value().walletBalanceAfter() + " BUZ.");
                        load(ventureId, null);
                    } else if (outcome instanceof Outcome.Rejected<Conversion> rejected) {
                        conversionProblems.setAll(rejected.rejections());
                        problem.set("The BUZ were not converted: " + String.join(" ", rejected.rejections().stream()
                                .map(r -> r.ruleId() + ": " + r.message()).toList()));
                    } else {
                        problem.set("The BUZ were not converted: " + outcome.describe());
                    }
                })
                .onFailure(e -> problem.set("The BUZ were not converted: " + e.getMessage())));
    }

    public ObjectProperty<HolderChoice> convertForProperty() { return convertFor; }
    public StringProperty buzAmountProperty() { return buzAmount; }
    public StringProperty convertPercentProperty() { return convertPercent; }
    public ObjectProperty<LocalDate> convertOnProperty() { return convertOn; }
    public ObservableList<String> dilution() { return dilution; }
    public ReadOnlyStringProperty conversionRuleProperty() { return conversionRule; }
    public ReadOnlyStringProperty conversionResultProperty() { return conversionResult; }
    public ObservableList<Rejection> conversionProblems() { return conversionProblems; }

    // ---- export -----------------------------------------------------------------------------------

    /** The cap table of the shown date as a report; the audit head is read now (staff) or says why not. */
    public CapTableReport report() {
        return report(capTable.get(), loaded.ledger());
    }

    /** Reads the audit head through the port: call it off the FX thread. */
    private CapTableReport report(CapTable table, List<LedgerRow> ledger) {
        String head;
        Outcome<AuditHead> outcome = backOffice.auditTrail().head();
        if (outcome instanceof Outcome.Done<AuditHead> done) {
            head = "entry " + done.value().seq() + ", hash " + done.value().txHash()
                    + (done.value().unsealedEntries() > 0 ? " (" + done.value().unsealedEntries() + " entries waiting to be sealed)" : "");
        } else {
            head = "not available to this user (" + outcome.describe() + ")";
        }
        return new CapTableReport(table.ventureId(), table.ventureName(), table.asOf(), table.revision(), linesOf(table, ledger),
                head, clock.instant());
    }

    /** The OCF import of the venture shown (none chosen: empty); after it imports, the ledger reloads. */
    public java.util.Optional<org.smartstart.backoffice.ui.captable.ocf.OcfImportViewModel> ocfImport() {
        VentureOverview v = venture.get();
        return v == null ? java.util.Optional.empty() : java.util.Optional.of(new org.smartstart.backoffice.ui.captable.ocf.OcfImportViewModel(
                backOffice.capTableInterchange(), executor, v.id(), v.name(), () -> load(v.id(), null)));
    }

    /**
     * Exports the venture's cap table as an OCF package to {@code target} (a zip when the name ends in
     * ".zip", else a folder), off the FX thread; then reads back what was written and checks it as an
     * import would (schemas, checksums, references), showing the result or every problem.
     */
    public void exportOcf(Path target) {
        VentureOverview v = venture.get();
        if (v == null) {
            problem.set("Pick a venture first.");
            return;
        }
        problem.set("");
        message.set("");
        executor.execute(BackgroundTask.of("Exporting the cap table of " + v.name() + " as OCF…", () -> {
                    Outcome<org.smartstart.backoffice.domain.captable.ocf.OcfPackage> outcome = backOffice.capTableInterchange().exportOcf(v.id());
                    if (!(outcome instanceof Outcome.Done<org.smartstart.backoffice.domain.captable.ocf.OcfPackage> done)) {
                        return new OcfExported(null, List.of(), "The OCF export of " + v.name() + " failed: " + outcome.describe());
                    }
                    org.smartstart.backoffice.domain.captable.ocf.OcfPackages.writeTo(done.value(), target);
                    var written = org.smartstart.backoffice.domain.captable.ocf.OcfPackages.read(target);
                    return new OcfExported(done.value(), org.smartstart.backoffice.domain.captable.ocf.OcfImport.check(written), null);
                })
                .onSuccess(r -> {
                    if (r.failure() != null) {
                        problem.set(r.failure());
                    } else if (!r.problems().isEmpty()) {
                        problem.set("The OCF package of " + v.name() + " was written to " + target + ", but it does not check out ("
                                + r.problems().size() + " problem(s)): " + String.join("; ", r.problems().stream().limit(5)
                                .map(org.smartstart.backoffice.domain.captable.ocf.OcfProblem::describe).toList()));
                    } else {
                        message.set("Exported the cap table of " + v.name() + " as an OCF package (" + r.pkg().files().size()
                                + " files); it validates against the OCF schemas and its checksums: " + target);
                    }
                })
                .onFailure(e -> problem.set("The OCF package could not be written to " + target + ": " + e.getMessage())));
    }

    private record OcfExported(org.smartstart.backoffice.domain.captable.ocf.OcfPackage pkg,
                               List<org.smartstart.backoffice.domain.captable.ocf.OcfProblem> problems, String failure) {
    }

    public void exportCsv(Path file) {
        export(file, "CSV", r -> r.writeCsv(file));
    }

    public void exportPdf(Path file) {
        export(file, "PDF", r -> r.writePdf(file));
    }

    private interface Writer {
        void write(CapTableReport report) throws Exception;
    }

    private void export(Path file, String format, Writer writer) {
        if (capTable.get() == null) {
            problem.set("Pick a venture first.");
            return;
        }
        problem.set("");
        CapTable table = capTable.get();
        List<LedgerRow> ledger = loaded.ledger();
        executor.execute(BackgroundTask.of("Exporting the cap table as " + format + "…", () -> {
                    CapTableReport report = report(table, ledger);
                    writer.write(report);
                    return report;
                })
                .onSuccess(r -> message.set("Exported the cap table of " + r.ventureName() + " on " + r.asOf() + " to " + file + "."))
                .onFailure(e -> problem.set("The " + format + " could not be written to " + file + ": " + e.getMessage())));
    }

    // ---- properties -------------------------------------------------------------------------------

    public ObservableList<VentureOverview> ventures() { return ventures; }
    public ObservableList<ChangeLine> changeLines() { return changeLines; }
    public ObjectProperty<ChangeLine> selectedChangeProperty() { return selectedChange; }
    public ObservableList<VestingPolicy> vestingPolicies() { return vestingPolicies; }
    public StringProperty policyNameProperty() { return policyName; }
    public StringProperty cliffMonthsProperty() { return cliffMonths; }
    public StringProperty durationMonthsProperty() { return durationMonths; }
    public ObjectProperty<VestingFrequency> frequencyProperty() { return frequency; }
    public ObjectProperty<VestingPolicy> policyToAttachProperty() { return policyToAttach; }
    public ObjectProperty<LocalDate> vestingFromProperty() { return vestingFrom; }
    public ObservableList<Vesting.Installment> schedule() { return schedule; }
    public ReadOnlyStringProperty scheduleHeadingProperty() { return scheduleHeading; }
    public ReadOnlyObjectProperty<LedgerRow> selectedHoldingProperty() { return selectedHolding; }
    public StringProperty holderSearchProperty() { return holderSearch; }
    public ObjectProperty<VentureOverview> ventureProperty() { return venture; }
    public ObjectProperty<LocalDate> asOfProperty() { return asOf; }
    public ReadOnlyObjectProperty<CapTable> capTableProperty() { return capTable; }
    public ObservableList<HolderLine> lines() { return lines; }
    public ObservableList<LocalDate> changeDates() { return changeDates; }
    public ObservableList<HistoryPoint> history() { return history; }
    public ObservableList<String> ledgerChanges() { return ledgerChanges; }
    public ReadOnlyStringProperty holdBannerProperty() { return holdBanner; }
    public ReadOnlyBooleanProperty editingBlockedProperty() { return editingBlocked; }
    public ReadOnlyBooleanProperty busyProperty() { return busy; }
    public ReadOnlyStringProperty problemProperty() { return problem; }
    public ReadOnlyStringProperty messageProperty() { return message; }
    public ObservableList<HolderChoice> people() { return people; }
    public ObjectProperty<StepKind> stepKindProperty() { return stepKind; }
    public ObjectProperty<HolderChoice> fromHolderProperty() { return fromHolder; }
    public ObjectProperty<HolderChoice> toHolderProperty() { return toHolder; }
    public ObjectProperty<HolderLine> rowToCloseProperty() { return rowToClose; }
    public StringProperty percentProperty() { return percent; }
    public ObjectProperty<LocalDate> stepDateProperty() { return stepDate; }
    public StringProperty descriptionProperty() { return description; }
    public ObservableList<String> draftSteps() { return draftSteps; }
    public ObservableList<HolderLine> previewLines() { return previewLines; }
    public ObservableList<Rejection> violations() { return violations; }
    public ReadOnlyBooleanProperty draftingProperty() { return drafting; }
    public ReadOnlyBooleanProperty canUndoProperty() { return canUndo; }
    public ReadOnlyBooleanProperty canRedoProperty() { return canRedo; }
    public ReadOnlyBooleanProperty canSaveProperty() { return canSave; }

    /** The holder choice for {@code holder}, if it can be picked. */
    public HolderChoice choiceOf(Holder holder) {
        return people.stream().filter(p -> p.holder().equals(holder)).findFirst().orElse(null);
    }
}
