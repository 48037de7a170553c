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
import org.smartstart.backoffice.domain.captable.CapTable;
import org.smartstart.backoffice.domain.captable.CapTableChange;
import org.smartstart.backoffice.domain.captable.CapTableEdits;
import org.smartstart.backoffice.domain.captable.CapTableHolder;
import org.smartstart.backoffice.domain.captable.CapTablePolicy;
import org.smartstart.backoffice.domain.captable.CapTables;
import org.smartstart.backoffice.domain.captable.Holder;
import org.smartstart.backoffice.domain.captable.LedgerEdit;
import org.smartstart.backoffice.domain.captable.LedgerRow;
import org.smartstart.backoffice.domain.captable.VentureFacts;
import org.smartstart.backoffice.domain.disputes.Decision;
import org.smartstart.backoffice.domain.disputes.DisputeContext;
import org.smartstart.backoffice.domain.disputes.DisputeEvent;
import org.smartstart.backoffice.domain.disputes.DisputeEvidence;
import org.smartstart.backoffice.domain.disputes.EvidenceContent;
import org.smartstart.backoffice.domain.disputes.EvidenceFile;
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
import org.smartstart.backoffice.domain.usecase.Rejection;
import org.smartstart.backoffice.domain.ventures.VentureOverview;
import org.smartstart.backoffice.domain.ventures.Ventures;
import org.smartstart.backoffice.ui.navigation.Navigator;
import org.smartstart.backoffice.ui.navigation.Place;
import org.smartstart.backoffice.ui.outcomes.OutcomeSentences;
import org.smartstart.backoffice.ui.tasks.BackgroundTask;
import org.smartstart.backoffice.ui.tasks.TaskExecutor;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Locale;
import java.util.TreeMap;
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
    /** A venture or a person, as a filter or a choice. */
    public record Named(UUID id, String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The equity correction worked out for a preview: the change to send, in words, and what would refuse it now. */
    public record EquityPlan(CapTableChange change, String description, List<Rejection> refusals) {
    }

    private final ObservableList<DisputeEvent> timeline = FXCollections.observableArrayList();
    private final ObservableList<DisputeContext.Line> contextLines = FXCollections.observableArrayList();
    private final ObservableList<DisputeEvidence> evidence = FXCollections.observableArrayList();
    private final ObservableList<Named> ventureChoices = FXCollections.observableArrayList();
    private final ObservableList<Named> raisers = FXCollections.observableArrayList();
    private final ObservableList<Named> equityHolders = FXCollections.observableArrayList();
    private final Map<UUID, List<String>> holdsByVenture = new HashMap<>();

    private final ObjectProperty<DisputeStatus> statusFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<DisputeObjectType> objectTypeFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<Staff> assigneeFilter = new SimpleObjectProperty<>();
    private final BooleanProperty overdueOnly = new SimpleBooleanProperty(false);
    private final ObjectProperty<Named> ventureFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<Named> raisedByFilter = new SimpleObjectProperty<>();

    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    /** A list load is in flight (an action's own busy ends before the reload it starts does). */
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
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
    private final ObjectProperty<DisputeContext> context = new SimpleObjectProperty<>();
    private final StringProperty contextHeading = new SimpleStringProperty("");
    private final StringProperty evidenceCheck = new SimpleStringProperty("");
    private final BooleanProperty reopenTask = new SimpleBooleanProperty(false);
    private final BooleanProperty correctEquity = new SimpleBooleanProperty(false);
    private final BooleanProperty equityFrozen = new SimpleBooleanProperty(false);
    private final ObjectProperty<Named> equityHolder = new SimpleObjectProperty<>();
    private final StringProperty equityPercent = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> equityFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<EquityPlan> equityPlan = new SimpleObjectProperty<>();

    private final StringBinding detail;
    private final StringBinding remedyPreviewText;
    private final StringBinding compensateLabel;
    private final BooleanBinding canAssign;
    private final BooleanBinding canStartReview;
    private final BooleanBinding canPreviewRemedy;
    private final BooleanBinding canDecide;
    private final BooleanBinding canAppeal;
    private final BooleanBinding canReopenTask;
    private final BooleanBinding canPreviewEquity;
    private final StringBinding reopenLabel;
    private final StringBinding equityPlanText;

    private final Disputes port;
    private final Ventures ventures;
    private final People people;
    private final UUID me;
    private final TaskExecutor executor;
    private final ZoneId zone;
    private final CapTables capTables;
    private final Clock clock;
    private Navigator navigator = Navigator.NOWHERE;
    /** Filters being reset together: one load afterwards instead of one per filter. */
    private boolean holdLoads;
    /** A dispute a link asked for, selected when the list arrives. */
    private UUID selectOnArrival;

    public DisputesViewModel(Disputes port, Ventures ventures, People people, UUID me, TaskExecutor executor) {
        this(port, ventures, people, me, executor, ZoneId.systemDefault());
    }

    public DisputesViewModel(Disputes port, Ventures ventures, People people, UUID me, TaskExecutor executor, ZoneId zone) {
        this(port, ventures, people, null, me, executor, Clock.system(zone));
    }

    /**
     * @param capTables for the equity-correction remedy (its preview reads the venture's cap table); null: that
     *                  remedy is not offered
     * @param clock     today's date for an equity correction, in the user's zone
     */
    public DisputesViewModel(Disputes port, Ventures ventures, People people, CapTables capTables, UUID me, TaskExecutor executor,
                             Clock clock) {
        this.capTables = capTables;
        this.clock = clock;
        ZoneId zone = clock.getZone();
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
        ventureFilter.addListener((o, was, now) -> load());
        raisedByFilter.addListener((o, was, now) -> load());
        selected.addListener((o, was, now) -> {
            if (was == null || now == null || !was.id().equals(now.id())) {
                // Another dispute: what was typed for the previous one does not carry over.
                resolution.set("");
                amount.set("");
                compensate.set(false);
                reopenTask.set(false);
                correctEquity.set(false);
                equityPercent.set("");
                equityHolder.set(null);
                appealReason.set("");
                evidenceCheck.set("");
            }
            remedyPreview.set(null);
            equityPlan.set(null);
            showDetail(now);
            loadDetail(now);
        });
        compensate.addListener((o, was, now) -> remedyPreview.set(null));
        amount.addListener((o, was, now) -> remedyPreview.set(null));
        // One remedy per decision: ticking one unticks the others.
        compensate.addListener((o, was, now) -> {
            if (now) {
                reopenTask.set(false);
                correctEquity.set(false);
            }
        });
        reopenTask.addListener((o, was, now) -> {
            if (now) {
                compensate.set(false);
                correctEquity.set(false);
            }
        });
        correctEquity.addListener((o, was, now) -> {
            equityPlan.set(null);
            if (now) {
                compensate.set(false);
                reopenTask.set(false);
                loadEquityHolders();
            }
        });
        equityHolder.addListener((o, was, now) -> equityPlan.set(null));
        equityPercent.addListener((o, was, now) -> equityPlan.set(null));
        equityFrom.addListener((o, was, now) -> equityPlan.set(null));
        equityFrom.set(LocalDate.now(clock));
        detail = Bindings.createStringBinding(() -> describe(selected.get()), selected);
        remedyPreviewText = Bindings.createStringBinding(() -> describe(remedyPreview.get()), remedyPreview);
        compensateLabel = Bindings.createStringBinding(() -> selected.get() == null ? "Compensate with BUZ"
                : "Compensate " + buzRecipientName(selected.get()) + "'s wallet with BUZ", selected, context);
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
        equityFrozen.addListener((o, was, frozen) -> {
            if (frozen) {
                correctEquity.set(false);
            }
        });
        BooleanBinding resolving = Bindings.createBooleanBinding(() -> outcome.get() == DisputeOutcome.RESOLVED, outcome);
        BooleanBinding taskDecided = Bindings.createBooleanBinding(() -> context.get() != null && context.get().taskId() != null
                && ("approved".equals(context.get().taskStatus()) || "rejected".equals(context.get().taskStatus())), context);
        canReopenTask = inReview.and(taskDecided).and(busy.not());
        reopenLabel = Bindings.createStringBinding(() -> {
            DisputeContext c = context.get();
            if (c == null || c.taskId() == null) {
                return "Reopen the task (a dispute over a task or a review)";
            }
            return "Reopen the task (now " + c.taskStatus().replace('_', ' ') + ")";
        }, context);
        canReopenTask.addListener((o, was, now) -> {
            if (!now) {
                reopenTask.set(false);
            }
        });
        canPreviewEquity = inReview.and(correctEquity).and(equityHolder.isNotNull()).and(equityFrom.isNotNull())
                .and(Bindings.createBooleanBinding(() -> parsedPercent() != null, equityPercent)).and(busy.not());
        equityPlanText = Bindings.createStringBinding(() -> describe(equityPlan.get()), equityPlan);
        canDecide = inReview.and(busy.not())
                .and(Bindings.createBooleanBinding(() -> !resolution.get().isBlank(), resolution))
                .and(compensate.not().or(amountGiven.and(resolving)))
                .and(reopenTask.not().or(resolving))
                .and(correctEquity.not().or(equityPlan.isNotNull().and(resolving)));
        canAppeal = Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().status().decided()
                        && selected.get().appealCount() == 0, selected)
                .and(Bindings.createBooleanBinding(() -> !appealReason.get().isBlank(), appealReason)).and(busy.not());
    }

    private record Loaded(Outcome<List<Dispute>> shown, Outcome<List<Dispute>> all, Outcome<List<VentureOverview>> ventures,
                          Outcome<List<PersonSummary>> support, Outcome<List<PersonSummary>> admins) {
    }

    /** Loads the disputes matching the filters, the counts over all of them, the staff and the ventures' holds. */
    public void load() {
        if (holdLoads) {
            return;
        }
        DisputeFilter filter = new DisputeFilter(statusFilter.get(), objectTypeFilter.get(),
                assigneeFilter.get() == null ? null : assigneeFilter.get().id(), overdueOnly.get() ? Boolean.TRUE : null,
                ventureFilter.get() == null ? null : ventureFilter.get().id(), raisedByFilter.get() == null ? null : raisedByFilter.get().id());
        boolean needStaff = staff.isEmpty();
        busy.set(true);
        loading.set(true);
        executor.execute(BackgroundTask.of("Loading disputes…", () -> new Loaded(port.disputes(filter), port.disputes(DisputeFilter.all()),
                        ventures.overview(),
                        needStaff ? people.people(new PeopleFilter(null, Role.SUPPORT, null, null)) : null,
                        needStaff ? people.people(new PeopleFilter(null, Role.ADMIN, null, null)) : null))
                .onSuccess(this::show)
                .onFailure(failure -> problem.set("The disputes could not be loaded: " + failure.getMessage()))
                .onFinished(() -> {
                    busy.set(false);
                    loading.set(false);
                }));
    }

    private void show(Loaded loaded) {
        if (loaded.ventures() instanceof Outcome.Done<List<VentureOverview>> done) {
            holdsByVenture.clear();
            done.value().forEach(v -> holdsByVenture.put(v.id(), v.activeHolds()));
            List<Named> choices = done.value().stream().map(v -> new Named(v.id(), v.name()))
                    .sorted(java.util.Comparator.comparing(Named::name)).toList();
            if (!choices.equals(List.copyOf(ventureChoices))) {
                ventureChoices.setAll(choices);
            }
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
            Map<UUID, Named> byId = new TreeMap<>();
            all.value().forEach(d -> byId.putIfAbsent(d.raisedBy(), new Named(d.raisedBy(), d.raisedByName())));
            List<Named> people = byId.values().stream().sorted(java.util.Comparator.comparing(Named::name)).toList();
            if (!people.equals(List.copyOf(raisers))) {
                raisers.setAll(people);
            }
        }
        if (loaded.shown() instanceof Outcome.Done<List<Dispute>> done) {
            problem.set("");
            Dispute was = selected.get();
            UUID wanted = selectOnArrival != null ? selectOnArrival : was == null ? null : was.id();
            selectOnArrival = null;
            disputes.setAll(done.value());
            selected.set(wanted == null ? null : done.value().stream().filter(d -> d.id().equals(wanted)).findFirst().orElse(null));
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
        UUID recipient = buzRecipient(d);
        executor.execute(BackgroundTask.of("Previewing the remedy…", () -> port.previewBuzRemedy(d.id(), recipient, buz))
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
        Remedy remedy;
        String written;
        if (compensate.get()) {
            remedy = new Remedy.BuzCompensation(buzRecipient(d), parsedAmount(), null);
            written = "; the compensating BUZ transaction was written with the decision.";
        } else if (reopenTask.get() && context.get() != null && context.get().taskId() != null) {
            remedy = new Remedy.TaskReopen(context.get().taskId());
            written = "; the task was reopened with the decision.";
        } else if (correctEquity.get() && equityPlan.get() != null) {
            remedy = new Remedy.EquityCorrection(equityPlan.get().change());
            written = "; the equity correction was written with the decision.";
        } else {
            remedy = null;
            written = ".";
        }
        Decision decision = new Decision(outcome.get(), resolution.get(), d.version(), remedy);
        run("Deciding the dispute", () -> port.decide(d.id(), decision), x -> "The dispute is " + DisputeLabels.status(x.status()).toLowerCase(java.util.Locale.ROOT)
                + written);
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
                        loadDetail(ok.value());
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
            contextLines.clear();
            evidence.clear();
            context.set(null);
            contextHeading.set("");
            banner.set("");
            buzFrozen.set(false);
            equityFrozen.set(false);
            return;
        }
        List<String> holds = holdsByVenture.getOrDefault(d.ventureId(), List.of());
        buzFrozen.set(holds.contains("buz") || holds.contains("all"));
        equityFrozen.set(holds.contains("equity") || holds.contains("all"));
        banner.set(holds.isEmpty() ? "" : d.ventureName() + " is under a legal hold on "
                + holds.stream().map(DisputesViewModel::scopeWords).collect(Collectors.joining(" and ")) + ": "
                + remedyWords(holds));
    }

    private record Detail(Outcome<DisputeContext> context, Outcome<List<DisputeEvent>> timeline, Outcome<List<DisputeEvidence>> evidence) {
    }

    /** Loads what the detail shows of the dispute: its object in context, its timeline and its evidence. */
    private void loadDetail(Dispute d) {
        if (d == null) {
            return;
        }
        UUID id = d.id();
        executor.execute(BackgroundTask.of("Loading the dispute…", () -> new Detail(port.context(id), port.timeline(id), port.evidence(id)))
                .onSuccess(detail -> {
                    if (selected.get() == null || !selected.get().id().equals(id)) {
                        return;
                    }
                    if (detail.context() instanceof Outcome.Done<DisputeContext> c) {
                        context.set(c.value());
                        contextHeading.set(c.value().heading());
                        contextLines.setAll(c.value().lines());
                    } else {
                        context.set(null);
                        contextHeading.set("The disputed object cannot be shown: " + OutcomeSentences.of(detail.context()));
                        contextLines.clear();
                    }
                    if (detail.timeline() instanceof Outcome.Done<List<DisputeEvent>> t) {
                        timeline.setAll(t.value());
                    }
                    if (detail.evidence() instanceof Outcome.Done<List<DisputeEvidence>> e) {
                        evidence.setAll(e.value());
                    }
                })
                .onFailure(failure -> problem.set("The dispute's detail could not be loaded: " + failure.getMessage())));
    }

    /** Whose wallet a BUZ remedy compensates: the disputed transaction's wallet owner, else the person who raised it. */
    private UUID buzRecipient(Dispute d) {
        DisputeContext c = context.get();
        return c != null && c.disputeId().equals(d.id()) && c.walletOwner() != null ? c.walletOwner() : d.raisedBy();
    }

    private String buzRecipientName(Dispute d) {
        DisputeContext c = context.get();
        return c != null && c.disputeId().equals(d.id()) && c.walletOwnerName() != null ? c.walletOwnerName() : d.raisedByName();
    }

    /**
     * Attaches a file to the selected dispute as evidence: its type is taken from its name; the use case
     * checks the bytes, the size and the dispute's state and says what is wrong.
     */
    public void attachEvidence(Path file) {
        Dispute d = selected.get();
        if (d == null || file == null) {
            return;
        }
        busy.set(true);
        problem.set("");
        message.set("");
        evidenceCheck.set("");
        executor.execute(BackgroundTask.of("Attaching " + file.getFileName() + "…", () -> {
                    long size = Files.size(file);
                    if (size > DisputeEvidence.MAX_BYTES) {
                        // Refused here too, so a huge file is never read into memory to be refused by the use case.
                        return Outcome.<DisputeEvidence>invalid("file.base64", file.getFileName() + " has "
                                + String.format(Locale.ROOT, "%.1f MB", size / (1024.0 * 1024.0)) + "; an evidence file has at most 5.0 MB");
                    }
                    String name = file.getFileName().toString();
                    return port.attachEvidence(d.id(), new EvidenceFile(name, mediaTypeOf(name),
                            Base64.getEncoder().encodeToString(Files.readAllBytes(file))));
                })
                .onSuccess(o -> {
                    if (o instanceof Outcome.Done<DisputeEvidence> done) {
                        message.set(done.value().fileName() + " is attached (sha256 " + done.value().sha256() + ").");
                        loadDetail(d);
                    } else {
                        problem.set(OutcomeSentences.refused("Attaching " + file.getFileName(), o));
                    }
                })
                .onFailure(failure -> problem.set("Attaching " + file.getFileName() + " failed: " + failure.getMessage()))
                .onFinished(() -> busy.set(false)));
    }

    /** The media type evidence of this name is sent as; the use case refuses what is not evidence. */
    static String mediaTypeOf(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (lower.endsWith(".png")) {
            return "image/png";
        }
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (lower.endsWith(".txt") || lower.endsWith(".log")) {
            return "text/plain";
        }
        if (lower.endsWith(".csv")) {
            return "text/csv";
        }
        return "application/octet-stream";
    }

    /**
     * Opens an evidence file: reads its stored bytes, checks their sha256 against the one recorded when it
     * was attached, and saves a copy to {@code saveTo} only when they match.
     */
    public void openEvidence(DisputeEvidence e, Path saveTo) {
        Dispute d = selected.get();
        if (d == null || e == null || saveTo == null) {
            return;
        }
        busy.set(true);
        problem.set("");
        evidenceCheck.set("");
        executor.execute(BackgroundTask.of("Opening " + e.fileName() + "…", () -> {
                    Outcome<EvidenceContent> o = port.evidenceFile(d.id(), e.id());
                    if (o instanceof Outcome.Done<EvidenceContent> done && done.value().intact()) {
                        Files.write(saveTo, Base64.getDecoder().decode(done.value().base64()));
                    }
                    return o;
                })
                .onSuccess(o -> {
                    if (o instanceof Outcome.Done<EvidenceContent> done) {
                        EvidenceContent c = done.value();
                        if (c.intact()) {
                            evidenceCheck.set(c.evidence().fileName() + ": intact, sha256 " + c.computedSha256()
                                    + " as recorded when it was attached. Saved to " + saveTo + ".");
                        } else {
                            problem.set(c.evidence().fileName() + " has changed since it was attached: its bytes hash to "
                                    + c.computedSha256() + ", not the recorded " + c.evidence().sha256() + ". It was not saved.");
                        }
                    } else {
                        problem.set(OutcomeSentences.refused("Opening " + e.fileName(), o));
                    }
                })
                .onFailure(failure -> problem.set("Opening " + e.fileName() + " failed: " + (failure instanceof IOException io
                        ? io.getMessage() : failure.toString())))
                .onFinished(() -> busy.set(false)));
    }

    /** The holders of the selected dispute's venture, for an equity correction. */
    private void loadEquityHolders() {
        Dispute d = selected.get();
        if (d == null || capTables == null) {
            return;
        }
        LocalDate on = equityFrom.get() == null ? LocalDate.now(clock) : equityFrom.get();
        executor.execute(BackgroundTask.of("Reading the cap table…", () -> capTables.capTableOn(d.ventureId(), on))
                .onSuccess(o -> {
                    if (o instanceof Outcome.Done<CapTable> done) {
                        equityHolders.setAll(done.value().holders().stream().filter(h -> h.userId() != null)
                                .map(h -> new Named(h.userId(), h.displayName() + " (" + plain(h.percent()) + "%)")).toList());
                        if (equityHolder.get() == null) {
                            equityHolders.stream().filter(h -> h.id().equals(d.raisedBy())).findFirst().ifPresent(equityHolder::set);
                        }
                    } else {
                        problem.set(OutcomeSentences.refused("Reading the cap table of " + d.ventureName(), o));
                    }
                })
                .onFailure(failure -> problem.set("The cap table could not be read: " + failure.getMessage())));
    }

    /**
     * Works out the equity correction: from the date given, the chosen holder holds the new percent and the
     * venture's owner gives or takes the difference; shows it with what would refuse it now (EQ-1..EQ-7).
     */
    public void previewEquity() {
        Dispute d = selected.get();
        Named holder = equityHolder.get();
        BigDecimal percent = parsedPercent();
        LocalDate from = equityFrom.get();
        if (d == null || holder == null || percent == null || from == null || capTables == null) {
            return;
        }
        busy.set(true);
        problem.set("");
        executor.execute(BackgroundTask.of("Previewing the equity correction…", () -> {
                    Outcome<CapTable> table = capTables.capTableOn(d.ventureId(), from);
                    Outcome<List<LedgerRow>> ledger = capTables.ledger(d.ventureId());
                    if (!(table instanceof Outcome.Done<CapTable> t)) {
                        return table.<EquityPlan>failure();
                    }
                    if (!(ledger instanceof Outcome.Done<List<LedgerRow>> l)) {
                        return ledger.<EquityPlan>failure();
                    }
                    return Outcome.done(plan(t.value(), l.value(), holder, percent, from, d));
                })
                .onSuccess(o -> {
                    if (o instanceof Outcome.Done<EquityPlan> done) {
                        equityPlan.set(done.value());
                    } else {
                        problem.set(OutcomeSentences.refused("The equity preview", o));
                    }
                })
                .onFailure(failure -> problem.set("The equity preview failed: " + failure.getMessage()))
                .onFinished(() -> busy.set(false)));
    }

    static EquityPlan plan(CapTable table, List<LedgerRow> ledger, Named holder, BigDecimal percent, LocalDate from, Dispute d) {
        Map<UUID, String> names = new HashMap<>();
        for (CapTableHolder h : table.holders()) {
            if (h.userId() != null) {
                names.put(h.userId(), h.displayName());
            }
        }
        Map<Holder, BigDecimal> now = CapTable.stakesOn(ledger, from);
        Holder who = Holder.user(holder.id());
        Holder owner = Holder.user(table.ownerUserId());
        BigDecimal before = now.getOrDefault(who, BigDecimal.ZERO);
        Map<Holder, BigDecimal> stakes = new LinkedHashMap<>();
        stakes.put(who, percent);
        String ownerName = names.getOrDefault(table.ownerUserId(), "the owner");
        String words = names.getOrDefault(holder.id(), holder.name()) + " " + plain(before) + "% → " + plain(percent) + "%";
        if (!who.equals(owner)) {
            BigDecimal ownerBefore = now.getOrDefault(owner, BigDecimal.ZERO);
            BigDecimal ownerAfter = ownerBefore.subtract(percent.subtract(before));
            stakes.put(owner, ownerAfter);
            words += ", " + ownerName + " " + plain(ownerBefore) + "% → " + plain(ownerAfter) + "%";
        }
        List<LedgerEdit> edits = CapTableEdits.restate(ledger, stakes, from);
        VentureFacts facts = new VentureFacts(table.ventureId(), table.ventureName(), table.ownerUserId(), table.aliceCap(), table.activeHolds());
        CapTablePolicy policy = new CapTablePolicy(facts, names);
        List<Rejection> refusals = new ArrayList<>(policy.checkEdits(ledger, edits));
        refusals.addAll(policy.check(CapTableEdits.apply(ledger, edits, Instant.EPOCH, null)));
        String description = "Equity correction from " + from + " (dispute on " + d.ventureName() + "): " + words;
        return new EquityPlan(new CapTableChange(description, table.revision(), edits), description, List.copyOf(refusals));
    }

    private static String plain(BigDecimal b) {
        return b.stripTrailingZeros().toPlainString();
    }

    BigDecimal parsedPercent() {
        String text = equityPercent.get() == null ? "" : equityPercent.get().strip().replace("%", "").replace(",", ".");
        if (text.isEmpty()) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text);
            return value.signum() < 0 || value.compareTo(new BigDecimal("100")) > 0 ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String describe(EquityPlan p) {
        if (p == null) {
            return "";
        }
        return p.description() + (p.refusals().isEmpty()
                ? "\nNo cap table rule refuses it now; it is written together with the decision (by the venture's owner or an admin, ID-3)."
                : "\nRefused now: " + p.refusals().stream().map(OutcomeSentences::of).collect(Collectors.joining(" ")));
    }

    /** The screens' links: an audit entry of the timeline, the dispute's whole trail, a disputed object. */
    public void setNavigator(Navigator navigator) {
        this.navigator = navigator == null ? Navigator.NOWHERE : navigator;
    }

    public boolean openAuditEntry(DisputeEvent e) {
        return e != null && e.seq() != null && navigator.go(new Place.AuditEntryAt(e.seq()));
    }

    public boolean openAuditTrail() {
        Dispute d = selected.get();
        return d != null && navigator.go(new Place.AuditTrailOf("dispute", d.id()));
    }

    public boolean openContextLine(DisputeContext.Line line) {
        Dispute d = selected.get();
        return d != null && line != null && line.objectId() != null
                && navigator.go(new Place.ObjectOf(line.objectType(), line.objectId(), d.ventureId()));
    }

    /** Shows a dispute a link names: every filter cleared so it is listed, then selected. */
    public boolean show(Place place) {
        if (place instanceof Place.ObjectOf o && "dispute".equals(o.objectType()) && o.objectId() != null) {
            holdLoads = true;
            try {
                statusFilter.set(null);
                objectTypeFilter.set(null);
                assigneeFilter.set(null);
                overdueOnly.set(false);
                ventureFilter.set(null);
                raisedByFilter.set(null);
            } finally {
                holdLoads = false;
            }
            selectOnArrival = o.objectId();
            load();
            return true;
        }
        return false;
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

    /** The audit entries about the selected dispute, oldest first. */
    public ObservableList<DisputeEvent> timeline() {
        return timeline;
    }

    public ObservableList<DisputeContext.Line> contextLines() {
        return contextLines;
    }

    public ObservableList<DisputeEvidence> evidence() {
        return evidence;
    }

    public ObservableList<Named> ventureChoices() {
        return ventureChoices;
    }

    public ObservableList<Named> raisers() {
        return raisers;
    }

    public ObservableList<Named> equityHolders() {
        return equityHolders;
    }

    public ObjectProperty<Named> ventureFilterProperty() {
        return ventureFilter;
    }

    public ObjectProperty<Named> raisedByFilterProperty() {
        return raisedByFilter;
    }

    public ReadOnlyObjectProperty<DisputeContext> contextProperty() {
        return context;
    }

    public ReadOnlyStringProperty contextHeadingProperty() {
        return contextHeading;
    }

    public ReadOnlyStringProperty evidenceCheckProperty() {
        return evidenceCheck;
    }

    public BooleanProperty reopenTaskProperty() {
        return reopenTask;
    }

    public BooleanProperty correctEquityProperty() {
        return correctEquity;
    }

    /** The selected dispute's venture is under an equity or all-records hold (EQ-7): no equity correction can be written. */
    public ReadOnlyBooleanProperty equityFrozenProperty() {
        return equityFrozen;
    }

    public ObjectProperty<Named> equityHolderProperty() {
        return equityHolder;
    }

    public StringProperty equityPercentProperty() {
        return equityPercent;
    }

    public ObjectProperty<LocalDate> equityFromProperty() {
        return equityFrom;
    }

    public ReadOnlyObjectProperty<EquityPlan> equityPlanProperty() {
        return equityPlan;
    }

    public StringBinding equityPlanTextProperty() {
        return equityPlanText;
    }

    public StringBinding reopenLabelProperty() {
        return reopenLabel;
    }

    public BooleanBinding canReopenTaskProperty() {
        return canReopenTask;
    }

    public BooleanBinding canPreviewEquityProperty() {
        return canPreviewEquity;
    }

    /** The equity correction remedy is offered (the screen was given the cap tables). */
    public boolean equityCorrectionOffered() {
        return capTables != null;
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

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
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
