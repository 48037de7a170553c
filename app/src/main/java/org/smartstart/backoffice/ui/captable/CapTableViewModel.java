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
import org.smartstart.backoffice.domain.captable.ConversionRequest;
import org.smartstart.backoffice.domain.captable.Holder;
import org.smartstart.backoffice.domain.captable.LedgerEdit;
import org.smartstart.backoffice.domain.captable.LedgerRow;
import org.smartstart.backoffice.domain.captable.Percent;
import org.smartstart.backoffice.domain.captable.VentureFacts;
import org.smartstart.backoffice.domain.captable.VestingPolicy;
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
                  String revision) {
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

    private final ObjectProperty<HolderChoice> convertFor = new SimpleObjectProperty<>();
    private final StringProperty buzAmount = new SimpleStringProperty("");
    private final StringProperty convertPercent = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> convertOn = new SimpleObjectProperty<>();
    private final ObservableList<String> dilution = FXCollections.observableArrayList();
    private final ObservableList<Rejection> conversionProblems = FXCollections.observableArrayList();

    private Loaded loaded;

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
        convertOn.set(LocalDate.now(clock));
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
        return Outcome.done(new Loaded(facts, ledger, names, policies, table.revision()));
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
        if (loaded == null) {
            capTable.set(null);
            lines.clear();
            changeDates.clear();
            history.clear();
            ledgerChanges.clear();
            previewLines.clear();
            violations.clear();
            holdBanner.set("");
            editingBlocked.set(true);
            updateCanSave();
            return;
        }
        LocalDate day = asOf.get();
        CapTable saved = CapTable.on(loaded.facts(), loaded.ledger(), loaded.names(), loaded.policies(), day);
        capTable.set(saved);
        lines.setAll(linesOf(saved, loaded.ledger()));
        history.setAll(historyOf(loaded.ledger()));
        ledgerChanges.setAll(changesOf(loaded.ledger()));
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
    private List<HistoryPoint> historyOf(List<LedgerRow> ledger) {
        List<HistoryPoint> out = new ArrayList<>();
        for (LocalDate date : CapTable.changeDates(ledger)) {
            CapTable t = CapTable.on(loaded.facts(), ledger, loaded.names(), loaded.policies(), date);
            Map<String, BigDecimal> shares = new LinkedHashMap<>();
            t.holders().forEach(h -> shares.merge(h.displayName(), h.percent(), BigDecimal::add));
            out.add(new HistoryPoint(date, shares));
        }
        return out;
    }

    /**
     * The ledger's rows as changes, newest first: when and by whom each row was written, and whether it
     * has been closed since (a close keeps the row, EQ-5).
     */
    private List<String> changesOf(List<LedgerRow> ledger) {
        return ledger.stream()
                .sorted(Comparator.comparing(LedgerRow::createdAt, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(LedgerRow::effectiveFrom).thenComparing(r -> nameOf(r.holder())))
                .map(r -> (r.createdAt() == null ? "?" : r.createdAt().toString().replace('T', ' ').replaceAll(":\\d\\d(\\.\\d+)?Z$", " UTC"))
                        + " · " + (r.createdBy() == null ? "unknown" : nameOf(Holder.user(r.createdBy())))
                        + " wrote: " + nameOf(r.holder()) + " " + HolderLine.describe(r))
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
        if (loaded == null || draft.isEmpty()) {
            previewLines.clear();
            violations.clear();
            changeDates.setAll(loaded == null ? List.of() : CapTable.changeDates(loaded.ledger()));
            updateCanSave();
            return;
        }
        List<LedgerEdit> edits = draft.edits(loaded.ledger());
        // What the use case will write: the saved rows with their new ends, and the draft's new rows.
        List<LedgerRow> after = CapTableEdits.apply(loaded.ledger(), edits, Instant.EPOCH, null);
        CapTablePolicy policy = new CapTablePolicy(loaded.facts(), loaded.names());
        List<Rejection> broken = new ArrayList<>(policy.checkEdits(loaded.ledger(), edits));
        broken.addAll(policy.check(after));
        violations.setAll(broken);
        CapTable drafted = CapTable.on(loaded.facts(), after, loaded.names(), loaded.policies(), asOf.get());
        previewLines.setAll(linesOf(drafted, after));
        Set<LocalDate> dates = new java.util.TreeSet<>(CapTable.changeDates(loaded.ledger()));
        dates.addAll(CapTable.changeDates(after));
        changeDates.setAll(dates);
        updateCanSave();
    }

    private void updateCanSave() {
        canSave.set(loaded != null && !draft.isEmpty() && violations.isEmpty() && !editingBlocked.get()
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
        if (holder == null) {
            return "nobody";
        }
        if (holder.platform()) {
            return "AliceSolutions (platform)";
        }
        if (loaded != null && loaded.names().containsKey(holder.userId())) {
            return loaded.names().get(holder.userId());
        }
        return people.stream().filter(p -> p.holder().equals(holder)).map(HolderChoice::name).findFirst()
                .orElse("user " + holder.userId());
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

    // ---- BUZ conversion (BZ-4) ----------------------------------------------------------------------

    /**
     * The pro-rata dilution of every holder for the conversion in the form, and the cap table rules it
     * would break; the band, board approval, KYC and wallet are checked by the use case when converting.
     */
    private void previewConversion() {
        dilution.clear();
        conversionProblems.clear();
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
        Map<Holder, BigDecimal> before = CapTable.stakesOn(loaded.ledger(), on);
        Map<Holder, BigDecimal> after = CapTableEdits.dilutedStakes(before, who.holder(), pct);
        for (Map.Entry<Holder, BigDecimal> e : after.entrySet()) {
            dilution.add(nameOf(e.getKey()) + ": " + Percent.format(before.getOrDefault(e.getKey(), BigDecimal.ZERO)) + " → "
                    + Percent.format(e.getValue()));
        }
        List<LedgerEdit> edits = CapTableEdits.dilute(loaded.ledger(), who.holder(), pct, on);
        CapTablePolicy policy = new CapTablePolicy(loaded.facts(), loaded.names());
        conversionProblems.addAll(policy.checkEdits(loaded.ledger(), edits));
        conversionProblems.addAll(policy.check(CapTableEdits.apply(loaded.ledger(), edits, Instant.EPOCH, null)));
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
