package org.smartstart.backoffice.ui.disputes;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
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
import org.smartstart.backoffice.domain.disputes.Decision;
import org.smartstart.backoffice.domain.disputes.Dispute;
import org.smartstart.backoffice.domain.disputes.DisputeFilter;
import org.smartstart.backoffice.domain.disputes.DisputeObjectType;
import org.smartstart.backoffice.domain.disputes.DisputeOutcome;
import org.smartstart.backoffice.domain.disputes.DisputeStatus;
import org.smartstart.backoffice.domain.disputes.Disputes;
import org.smartstart.backoffice.domain.disputes.Remedy;
import org.smartstart.backoffice.domain.disputes.RemedyPreview;
import org.smartstart.backoffice.domain.identity.People;
import org.smartstart.backoffice.domain.identity.PeopleFilter;
import org.smartstart.backoffice.domain.identity.PersonSummary;
import org.smartstart.backoffice.domain.identity.Role;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.ventures.VentureOverview;
import org.smartstart.backoffice.domain.ventures.Ventures;
import org.smartstart.backoffice.ui.outcomes.OutcomeSentences;
import org.smartstart.backoffice.ui.tasks.BackgroundTask;
import org.smartstart.backoffice.ui.tasks.TaskExecutor;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The disputes workspace for support staff (DS-1..DS-4): the list with its filters, deadline badges and
 * counts per status; one dispute's detail with its timeline and the banner of a hold on its venture; and
 * the actions: assign, start the review, decide with an optional compensating BUZ transaction (previewed
 * first), appeal. A refused action keeps what was typed and says why, with the rule.
 */
public final class DisputesViewModel {

    /** Someone a dispute can be given to (global support or admin). */
    public record Staff(UUID id, String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final ObservableList<Dispute> disputes = FXCollections.observableArrayList();
    private final ObservableList<Staff> staff = FXCollections.observableArrayList();
    private final ObservableList<String> timeline = FXCollections.observableArrayList();
    private final Map<UUID, List<String>> holdsByVenture = new HashMap<>();

    private final ObjectProperty<DisputeStatus> statusFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<DisputeObjectType> objectTypeFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<Staff> assigneeFilter = new SimpleObjectProperty<>();
    private final BooleanProperty overdueOnly = new SimpleBooleanProperty(false);

    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty counts = new SimpleStringProperty("");
    private final StringProperty banner = new SimpleStringProperty("");
    private final BooleanProperty buzFrozen = new SimpleBooleanProperty(false);

    private final ObjectProperty<Dispute> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Staff> assignTo = new SimpleObjectProperty<>();
    private final ObjectProperty<DisputeOutcome> outcome = new SimpleObjectProperty<>(DisputeOutcome.RESOLVED);
    private final StringProperty resolution = new SimpleStringProperty("");
    private final BooleanProperty compensate = new SimpleBooleanProperty(false);
    private final StringProperty amount = new SimpleStringProperty("");
    private final ObjectProperty<RemedyPreview> remedyPreview = new SimpleObjectProperty<>();
    private final StringProperty appealReason = new SimpleStringProperty("");

    private final StringBinding detail;
    private final StringBinding remedyPreviewText;
    private final StringBinding compensateLabel;
    private final BooleanBinding canAssign;
    private final BooleanBinding canStartReview;
    private final BooleanBinding canPreviewRemedy;
    private final BooleanBinding canDecide;
    private final BooleanBinding canAppeal;

    private final Disputes port;
    private final Ventures ventures;
    private final People people;
    private final UUID me;
    private final TaskExecutor executor;
    private final ZoneId zone;

    public DisputesViewModel(Disputes port, Ventures ventures, People people, UUID me, TaskExecutor executor) {
        this(port, ventures, people, me, executor, ZoneId.systemDefault());
    }

    public DisputesViewModel(Disputes port, Ventures ventures, People people, UUID me, TaskExecutor executor, ZoneId zone) {
        this.port = port;
        this.ventures = ventures;
        this.people = people;
        this.me = me;
        this.executor = executor;
        this.zone = zone;
        statusFilter.addListener((o, was, now) -> load());
        objectTypeFilter.addListener((o, was, now) -> load());
        assigneeFilter.addListener((o, was, now) -> load());
        overdueOnly.addListener((o, was, now) -> load());
        selected.addListener((o, was, now) -> {
            if (was == null || now == null || !was.id().equals(now.id())) {
                // Another dispute: what was typed for the previous one does not carry over.
                resolution.set("");
                amount.set("");
                compensate.set(false);
                appealReason.set("");
            }
            remedyPreview.set(null);
            showDetail(now);
        });
        compensate.addListener((o, was, now) -> remedyPreview.set(null));
        amount.addListener((o, was, now) -> remedyPreview.set(null));
        detail = Bindings.createStringBinding(() -> describe(selected.get()), selected);
        remedyPreviewText = Bindings.createStringBinding(() -> describe(remedyPreview.get()), remedyPreview);
        compensateLabel = Bindings.createStringBinding(() -> selected.get() == null ? "Compensate with BUZ"
                : "Compensate " + selected.get().raisedByName() + "'s wallet with BUZ", selected);
        BooleanBinding undecided = Bindings.createBooleanBinding(() -> selected.get() != null && !selected.get().status().decided(), selected);
        canAssign = undecided.and(busy.not());
        canStartReview = Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().status() == DisputeStatus.OPEN, selected)
                .and(busy.not());
        BooleanBinding inReview = Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().status() == DisputeStatus.IN_REVIEW, selected);
        BooleanBinding amountGiven = Bindings.createBooleanBinding(() -> parsedAmount() != null, amount);
        canPreviewRemedy = inReview.and(compensate).and(amountGiven).and(busy.not());
        // A BUZ hold known to the screen un-ticks the remedy; the use case and the database refuse it regardless.
        buzFrozen.addListener((o, was, frozen) -> {
            if (frozen) {
                compensate.set(false);
            }
        });
        canDecide = inReview.and(busy.not())
                .and(Bindings.createBooleanBinding(() -> !resolution.get().isBlank(), resolution))
                .and(compensate.not().or(amountGiven.and(Bindings.createBooleanBinding(() -> outcome.get() == DisputeOutcome.RESOLVED, outcome))));
        canAppeal = Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().status().decided()
                        && selected.get().appealCount() == 0, selected)
                .and(Bindings.createBooleanBinding(() -> !appealReason.get().isBlank(), appealReason)).and(busy.not());
    }

    private record Loaded(Outcome<List<Dispute>> shown, Outcome<List<Dispute>> all, Outcome<List<VentureOverview>> ventures,
                          Outcome<List<PersonSummary>> support, Outcome<List<PersonSummary>> admins) {
    }

    /** Loads the disputes matching the filters, the counts over all of them, the staff and the ventures' holds. */
    public void load() {
        DisputeFilter filter = new DisputeFilter(statusFilter.get(), objectTypeFilter.get(),
                assigneeFilter.get() == null ? null : assigneeFilter.get().id(), overdueOnly.get() ? Boolean.TRUE : null);
        boolean needStaff = staff.isEmpty();
        busy.set(true);
        executor.execute(BackgroundTask.of("Loading disputes…", () -> new Loaded(port.disputes(filter), port.disputes(DisputeFilter.all()),
                        ventures.overview(),
                        needStaff ? people.people(new PeopleFilter(null, Role.SUPPORT, null, null)) : null,
                        needStaff ? people.people(new PeopleFilter(null, Role.ADMIN, null, null)) : null))
                .onSuccess(this::show)
                .onFailure(failure -> problem.set("The disputes could not be loaded: " + failure.getMessage()))
                .onFinished(() -> busy.set(false)));
    }

    private void show(Loaded loaded) {
        if (loaded.ventures() instanceof Outcome.Done<List<VentureOverview>> done) {
            holdsByVenture.clear();
            done.value().forEach(v -> holdsByVenture.put(v.id(), v.activeHolds()));
        }
        if (loaded.support() != null) {
            Map<UUID, Staff> found = new LinkedHashMap<>();
            for (Outcome<List<PersonSummary>> o : List.of(loaded.support(), loaded.admins())) {
                if (o instanceof Outcome.Done<List<PersonSummary>> done) {
                    done.value().stream().filter(p -> !p.archived()).forEach(p -> found.putIfAbsent(p.id(), new Staff(p.id(), p.displayName())));
                }
            }
            // Whoever can open this screen may take a dispute even when the people list is closed to them.
            found.putIfAbsent(me, new Staff(me, "Me"));
            staff.setAll(found.values());
        }
        if (loaded.all() instanceof Outcome.Done<List<Dispute>> all) {
            counts.set(describeCounts(all.value()));
        }
        if (loaded.shown() instanceof Outcome.Done<List<Dispute>> done) {
            problem.set("");
            Dispute was = selected.get();
            disputes.setAll(done.value());
            selected.set(was == null ? null : done.value().stream().filter(d -> d.id().equals(was.id())).findFirst().orElse(null));
            showDetail(selected.get());
        } else {
            problem.set("The disputes could not be loaded: " + OutcomeSentences.of(loaded.shown()));
        }
    }

    static String describeCounts(List<Dispute> all) {
        if (all.isEmpty()) {
            return "No disputes.";
        }
        Map<DisputeStatus, Long> byStatus = all.stream().collect(Collectors.groupingBy(Dispute::status, () -> new EnumMap<>(DisputeStatus.class),
                Collectors.counting()));
        String perStatus = byStatus.entrySet().stream().map(e -> e.getValue() + " " + DisputeLabels.status(e.getKey()).toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(", "));
        long overdue = all.stream().filter(d -> !d.status().decided() && (d.firstResponseBreached() || d.resolutionBreached())).count();
        return all.size() + (all.size() == 1 ? " dispute: " : " disputes: ") + perStatus + (overdue > 0 ? " · " + overdue + " overdue" : "");
    }

    public void assignToMe() {
        Dispute d = selected.get();
        if (d != null) {
            run("Assigning the dispute", () -> port.assign(d.id(), me), x -> "The dispute is assigned to you.");
        }
    }

    public void assign() {
        Dispute d = selected.get();
        Staff to = assignTo.get();
        if (d != null && to != null) {
            run("Assigning the dispute", () -> port.assign(d.id(), to.id()), x -> "The dispute is assigned to " + x.assignedToName() + ".");
        }
    }

    public void startReview() {
        Dispute d = selected.get();
        if (d != null) {
            run("Starting the review", () -> port.startReview(d.id()), x -> "The review has started; " + x.assignedToName() + " works it.");
        }
    }

    /** Shows what the compensating BUZ transaction would write, and which rules would refuse it now. */
    public void previewRemedy() {
        Dispute d = selected.get();
        Long buz = parsedAmount();
        if (d == null) {
            return;
        }
        if (buz == null) {
            problem.set(amountProblem());
            return;
        }
        busy.set(true);
        problem.set("");
        message.set("");
        executor.execute(BackgroundTask.of("Previewing the remedy…", () -> port.previewBuzRemedy(d.id(), d.raisedBy(), buz))
                .onSuccess(o -> {
                    if (o instanceof Outcome.Done<RemedyPreview> done) {
                        remedyPreview.set(done.value());
                    } else {
                        problem.set(OutcomeSentences.refused("The remedy preview", o));
                    }
                })
                .onFailure(failure -> problem.set("The remedy preview failed: " + failure.getMessage()))
                .onFinished(() -> busy.set(false)));
    }

    /** Decides the dispute; a resolution with compensation writes the BUZ transaction in the same transaction (DS-4). */
    public void decide() {
        Dispute d = selected.get();
        if (d == null) {
            return;
        }
        if (compensate.get() && parsedAmount() == null) {
            // without this the decision went through without the compensation the officer ticked (issue 8)
            problem.set(amountProblem());
            return;
        }
        Remedy remedy = compensate.get() ? new Remedy.BuzCompensation(d.raisedBy(), parsedAmount(), null) : null;
        Decision decision = new Decision(outcome.get(), resolution.get(), d.version(), remedy);
        run("Deciding the dispute", () -> port.decide(d.id(), decision), x -> "The dispute is " + DisputeLabels.status(x.status()).toLowerCase(java.util.Locale.ROOT)
                + (remedy == null ? "." : "; the compensating BUZ transaction was written with the decision."));
    }

    public void appeal() {
        Dispute d = selected.get();
        if (d != null) {
            String why = appealReason.get();
            run("Appealing the decision", () -> port.appeal(d.id(), why), x -> "The decision is appealed; the dispute is back in review.");
        }
    }

    private void run(String what, Callable<Outcome<Dispute>> action, java.util.function.Function<Dispute, String> done) {
        busy.set(true);
        problem.set("");
        message.set("");
        executor.execute(BackgroundTask.of(what + "…", action)
                .onSuccess(o -> {
                    if (o instanceof Outcome.Done<Dispute> ok) {
                        replace(ok.value());
                        message.set(done.apply(ok.value()));
                        load();
                    } else {
                        problem.set(OutcomeSentences.refused(what, o));
                    }
                })
                .onFailure(failure -> problem.set(what + " failed: " + failure.getMessage()))
                .onFinished(() -> busy.set(false)));
    }

    private void replace(Dispute d) {
        for (int i = 0; i < disputes.size(); i++) {
            if (disputes.get(i).id().equals(d.id())) {
                disputes.set(i, d);
            }
        }
        selected.set(d);
    }

    private String amountProblem() {
        String text = amount.get() == null ? "" : amount.get().strip();
        return "Amount: give the BUZ as a whole number other than 0 (negative debits the wallet), not \""
                + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\".";
    }

    Long parsedAmount() {
        String text = amount.get() == null ? "" : amount.get().strip().replace(",", "").replace("_", "");
        if (text.isEmpty()) {
            return null;
        }
        try {
            long value = Long.parseLong(text);
            return value == 0 ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void showDetail(Dispute d) {
        if (d == null) {
            timeline.clear();
            banner.set("");
            buzFrozen.set(false);
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add(DisputeLabels.at(d.raisedAt(), zone) + "  Raised by " + d.raisedByName() + ": " + d.reason());
        if (d.firstRespondedAt() != null) {
            lines.add(DisputeLabels.at(d.firstRespondedAt(), zone) + "  First response" + (d.firstResponseBreached() ? " (late, DS-3)" : ""));
        }
        if (d.appealedAt() != null) {
            lines.add(DisputeLabels.at(d.appealedAt(), zone) + "  Appealed: " + d.appealReason()
                    + (d.resolution() == null ? "" : " (appealed decision: " + d.resolution() + ")"));
        }
        if (d.decidedAt() != null) {
            lines.add(DisputeLabels.at(d.decidedAt(), zone) + "  " + DisputeLabels.status(d.status()) + " by " + d.decidedByName() + ": " + d.resolution());
        }
        timeline.setAll(lines);
        List<String> holds = holdsByVenture.getOrDefault(d.ventureId(), List.of());
        buzFrozen.set(holds.contains("buz") || holds.contains("all"));
        banner.set(holds.isEmpty() ? "" : d.ventureName() + " is under a legal hold on "
                + holds.stream().map(DisputesViewModel::scopeWords).collect(Collectors.joining(" and ")) + ": "
                + remedyWords(holds));
    }

    private static String scopeWords(String scope) {
        return switch (scope) {
            case "buz" -> "BUZ";
            case "all" -> "all records";
            default -> scope;
        };
    }

    private static String remedyWords(List<String> holds) {
        boolean buz = holds.contains("buz") || holds.contains("all");
        boolean equity = holds.contains("equity") || holds.contains("all");
        return (buz ? "a compensating BUZ transaction is refused (BZ-6)" : "")
                + (buz && equity ? " and " : "")
                + (equity ? "an equity correction is refused (EQ-7)" : "")
                + "; the dispute can still be decided without one.";
    }

    private String describe(Dispute d) {
        if (d == null) {
            return "Select a dispute in the list.";
        }
        return DisputeLabels.object(d) + " · " + DisputeLabels.status(d.status())
                + "\nAssigned to " + (d.assignedToName() == null ? "nobody yet" : d.assignedToName())
                + " · first response: " + DisputeLabels.firstResponse(d, zone) + " · resolution: " + DisputeLabels.resolution(d, zone)
                + (d.appealCount() > 0 ? " · appealed once (no further appeal, DS-1)" : "");
    }

    static String describe(RemedyPreview p) {
        if (p == null) {
            return "";
        }
        return p.description() + (p.refusals().isEmpty() ? "\nNo rule refuses it now; it is written together with the decision."
                : "\nRefused now: " + p.refusals().stream().map(OutcomeSentences::of).collect(Collectors.joining(" ")));
    }

    public ObservableList<Dispute> disputes() {
        return disputes;
    }

    public ObservableList<Staff> staff() {
        return staff;
    }

    public ObservableList<String> timeline() {
        return timeline;
    }

    public ObjectProperty<DisputeStatus> statusFilterProperty() {
        return statusFilter;
    }

    public ObjectProperty<DisputeObjectType> objectTypeFilterProperty() {
        return objectTypeFilter;
    }

    public ObjectProperty<Staff> assigneeFilterProperty() {
        return assigneeFilter;
    }

    public BooleanProperty overdueOnlyProperty() {
        return overdueOnly;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty countsProperty() {
        return counts;
    }

    public ReadOnlyStringProperty bannerProperty() {
        return banner;
    }

    /** The selected dispute's venture is under a BUZ or all-records hold (BZ-6): no BUZ remedy can be written. */
    public ReadOnlyBooleanProperty buzFrozenProperty() {
        return buzFrozen;
    }

    public ObjectProperty<Dispute> selectedProperty() {
        return selected;
    }

    public ObjectProperty<Staff> assignToProperty() {
        return assignTo;
    }

    public ObjectProperty<DisputeOutcome> outcomeProperty() {
        return outcome;
    }

    public StringProperty resolutionProperty() {
        return resolution;
    }

    public BooleanProperty compensateProperty() {
        return compensate;
    }

    public StringProperty amountProperty() {
        return amount;
    }

    public ReadOnlyObjectProperty<RemedyPreview> remedyPreviewProperty() {
        return remedyPreview;
    }

    public StringProperty appealReasonProperty() {
        return appealReason;
    }

    public StringBinding detailProperty() {
        return detail;
    }

    public StringBinding remedyPreviewTextProperty() {
        return remedyPreviewText;
    }

    public StringBinding compensateLabelProperty() {
        return compensateLabel;
    }

    public BooleanBinding canAssignProperty() {
        return canAssign;
    }

    public BooleanBinding canStartReviewProperty() {
        return canStartReview;
    }

    public BooleanBinding canPreviewRemedyProperty() {
        return canPreviewRemedy;
    }

    public BooleanBinding canDecideProperty() {
        return canDecide;
    }

    public BooleanBinding canAppealProperty() {
        return canAppeal;
    }
}
