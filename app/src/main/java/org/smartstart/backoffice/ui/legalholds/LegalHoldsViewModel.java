package org.smartstart.backoffice.ui.legalholds;

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
import javafx.collections.transformation.FilteredList;
import org.smartstart.backoffice.domain.legalholds.FreezePreview;
import org.smartstart.backoffice.domain.legalholds.HoldRelease;
import org.smartstart.backoffice.domain.legalholds.HoldRequest;
import org.smartstart.backoffice.domain.legalholds.HoldScope;
import org.smartstart.backoffice.domain.legalholds.LegalHold;
import org.smartstart.backoffice.domain.legalholds.LegalHolds;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.ventures.VentureOverview;
import org.smartstart.backoffice.domain.ventures.Ventures;
import org.smartstart.backoffice.ui.outcomes.OutcomeSentences;
import org.smartstart.backoffice.ui.tasks.BackgroundTask;
import org.smartstart.backoffice.ui.tasks.TaskExecutor;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The legal holds workspace for compliance (LH-1..LH-3): every hold with who imposed and released it and
 * why; imposing one only after its freeze preview was shown for exactly the venture and scope chosen; and
 * releasing one with its mandatory reason. A refused action keeps what the officer typed.
 */
public final class LegalHoldsViewModel {

    private final ObservableList<LegalHold> all = FXCollections.observableArrayList();
    private final FilteredList<LegalHold> shown = new FilteredList<>(all, h -> true);
    private final ObservableList<VentureOverview> ventures = FXCollections.observableArrayList();
    private final BooleanProperty activeOnly = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");

    private final ObjectProperty<VentureOverview> venture = new SimpleObjectProperty<>();
    private final ObjectProperty<HoldScope> scope = new SimpleObjectProperty<>(HoldScope.ALL);
    private final StringProperty reason = new SimpleStringProperty("");
    private final ObjectProperty<FreezePreview> preview = new SimpleObjectProperty<>();

    private final ObjectProperty<LegalHold> selected = new SimpleObjectProperty<>();
    private final StringProperty releaseReason = new SimpleStringProperty("");

    private final StringBinding summary;
    private final StringBinding previewText;
    private final StringBinding banner;
    private final BooleanBinding canPreview;
    private final BooleanBinding canImpose;
    private final BooleanBinding canRelease;

    private final LegalHolds holds;
    private final Ventures ventureOverview;
    private final TaskExecutor executor;

    public LegalHoldsViewModel(LegalHolds holds, Ventures ventureOverview, TaskExecutor executor) {
        this.holds = holds;
        this.ventureOverview = ventureOverview;
        this.executor = executor;
        activeOnly.addListener((o, was, only) -> shown.setPredicate(h -> !only || h.active()));
        // A preview stands for one venture and one scope; choosing another asks for a new one before imposing.
        venture.addListener((o, was, now) -> preview.set(null));
        scope.addListener((o, was, now) -> preview.set(null));
        summary = Bindings.createStringBinding(this::describeCounts, all, shown);
        previewText = Bindings.createStringBinding(() -> describe(preview.get()), preview);
        banner = Bindings.createStringBinding(this::describeBanner, venture, all);
        canPreview = venture.isNotNull().and(scope.isNotNull()).and(busy.not());
        canImpose = preview.isNotNull().and(Bindings.createBooleanBinding(() -> !reason.get().isBlank(), reason)).and(busy.not());
        canRelease = Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().active(), selected)
                .and(Bindings.createBooleanBinding(() -> !releaseReason.get().isBlank(), releaseReason)).and(busy.not());
    }

    public void load() {
        busy.set(true);
        problem.set("");
        executor.execute(BackgroundTask.of("Loading legal holds…", () -> new Loaded(holds.holds(Optional.empty(), false), ventureOverview.overview()))
                .onSuccess(loaded -> {
                    if (loaded.holds() instanceof Outcome.Done<List<LegalHold>> done) {
                        all.setAll(done.value());
                        reselect();
                        showArrived();
                    } else {
                        problem.set("The legal holds could not be loaded: " + OutcomeSentences.of(loaded.holds()));
                    }
                    if (loaded.ventures() instanceof Outcome.Done<List<VentureOverview>> done) {
                        VentureOverview chosen = venture.get();
                        ventures.setAll(done.value().stream().filter(v -> !"archived".equals(v.status())).toList());
                        UUID wanted = ventureOnArrival != null ? ventureOnArrival : chosen == null ? null : chosen.id();
                        ventureOnArrival = null;
                        if (wanted != null) {
                            venture.set(ventures.stream().filter(v -> v.id().equals(wanted)).findFirst().orElse(null));
                        }
                    } else if (problem.get().isEmpty()) {
                        problem.set("The ventures could not be loaded: " + OutcomeSentences.of(loaded.ventures()));
                    }
                })
                .onFailure(failure -> problem.set("The legal holds could not be loaded: " + failure.getMessage()))
                .onFinished(() -> busy.set(false)));
    }

    private record Loaded(Outcome<List<LegalHold>> holds, Outcome<List<VentureOverview>> ventures) {
    }

    /** Asks what the chosen hold would freeze; imposing is possible once it is shown. */
    public void preview() {
        VentureOverview v = venture.get();
        HoldScope s = scope.get();
        if (v == null || s == null) {
            return;
        }
        busy.set(true);
        problem.set("");
        message.set("");
        executor.execute(BackgroundTask.of("Previewing the freeze…", () -> holds.freezePreview(v.id(), s))
                .onSuccess(outcome -> {
                    if (outcome instanceof Outcome.Done<FreezePreview> done) {
                        if (v.equals(venture.get()) && s == scope.get()) {
                            preview.set(done.value());
                        }
                    } else {
                        problem.set(OutcomeSentences.refused("The freeze preview", outcome));
                    }
                })
                .onFailure(failure -> problem.set("The freeze preview failed: " + failure.getMessage()))
                .onFinished(() -> busy.set(false)));
    }

    /** Imposes the previewed hold with the reason typed. */
    public void impose() {
        FreezePreview shownPreview = preview.get();
        if (shownPreview == null) {
            problem.set("Preview what the hold freezes before imposing it.");
            return;
        }
        HoldRequest request = new HoldRequest(shownPreview.appliesTo(), reason.get());
        busy.set(true);
        problem.set("");
        message.set("");
        executor.execute(BackgroundTask.of("Imposing the legal hold…", () -> holds.impose(shownPreview.ventureId(), request))
                .onSuccess(outcome -> {
                    if (outcome instanceof Outcome.Done<LegalHold> done) {
                        reason.set("");
                        preview.set(null);
                        all.add(0, done.value());
                        selected.set(done.value());
                        message.set("Imposed " + HoldLabels.describe(done.value()) + ".");
                    } else {
                        problem.set(OutcomeSentences.refused("Imposing the hold", outcome));
                    }
                })
                .onFailure(failure -> problem.set("Imposing the hold failed: " + failure.getMessage()))
                .onFinished(() -> busy.set(false)));
    }

    /** Releases the selected hold with the reason typed (LH-1). */
    public void release() {
        LegalHold hold = selected.get();
        if (hold == null) {
            return;
        }
        String why = releaseReason.get();
        busy.set(true);
        problem.set("");
        message.set("");
        executor.execute(BackgroundTask.of("Releasing the legal hold…", () -> holds.release(hold.id(), new HoldRelease(why)))
                .onSuccess(outcome -> {
                    if (outcome instanceof Outcome.Done<LegalHold> done) {
                        releaseReason.set("");
                        replace(done.value());
                        message.set("Released " + HoldLabels.describe(done.value()) + ".");
                    } else {
                        problem.set(OutcomeSentences.refused("Releasing the hold", outcome));
                    }
                })
                .onFailure(failure -> problem.set("Releasing the hold failed: " + failure.getMessage()))
                .onFinished(() -> busy.set(false)));
    }

    private void replace(LegalHold hold) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(hold.id())) {
                all.set(i, hold);
            }
        }
        selected.set(hold);
    }

    /** A hold a link asked for, and its venture, chosen once the lists arrive. */
    private UUID holdOnArrival;
    private UUID ventureOnArrival;

    /**
     * Shows a hold a link names ({@code Place.ObjectOf("legal_hold", holdId, ventureId)}): the hold selected in
     * the list (released ones shown too when it is released) and its venture chosen in the impose form.
     */
    public boolean show(org.smartstart.backoffice.ui.navigation.Place place) {
        if (place instanceof org.smartstart.backoffice.ui.navigation.Place.ObjectOf o && "legal_hold".equals(o.objectType())) {
            holdOnArrival = o.objectId();
            ventureOnArrival = o.ventureId();
            load();
            return true;
        }
        return false;
    }

    private void showArrived() {
        if (holdOnArrival == null) {
            return;
        }
        UUID wanted = holdOnArrival;
        holdOnArrival = null;
        all.stream().filter(h -> h.id().equals(wanted)).findFirst().ifPresent(h -> {
            if (!h.active()) {
                activeOnly.set(false);
            }
            if (ventureOnArrival == null) {
                ventureOnArrival = h.ventureId();
            }
            selected.set(h);
        });
    }

    private void reselect() {
        LegalHold was = selected.get();
        selected.set(was == null ? null : all.stream().filter(h -> h.id().equals(was.id())).findFirst().orElse(null));
    }

    /** e.g. "5 holds: 2 active, 3 released". */
    private String describeCounts() {
        if (all.isEmpty()) {
            return "No legal holds.";
        }
        long active = all.stream().filter(LegalHold::active).count();
        String text = all.size() + (all.size() == 1 ? " hold: " : " holds: ") + active + " active, " + (all.size() - active) + " released";
        if (shown.size() != all.size()) {
            text += " · showing " + shown.size();
        }
        return text;
    }

    /** The banner over the impose form: the holds already in force on the chosen venture. */
    private String describeBanner() {
        VentureOverview v = venture.get();
        if (v == null) {
            return "";
        }
        List<LegalHold> active = all.stream().filter(h -> h.active() && h.ventureId().equals(v.id())).toList();
        return HoldLabels.banner(v.name(), active);
    }

    static String describe(FreezePreview p) {
        if (p == null) {
            return "";
        }
        StringBuilder b = new StringBuilder("A hold on ").append(HoldLabels.scope(p.appliesTo())).append(" of ").append(p.ventureName())
                .append(" would freeze, from ").append(p.asOf()).append(":");
        p.blocked().forEach(line -> b.append("\n • ").append(line));
        b.append("\n").append(p.capTableHolders()).append(p.capTableHolders() == 1 ? " cap table holder" : " cap table holders");
        if (p.appliesTo().freezesBuz()) {
            b.append(", ").append(p.walletsAffected()).append(p.walletsAffected() == 1 ? " wallet" : " wallets").append(" with BUZ of the venture");
        }
        b.append(", ").append(p.undecidedDisputes()).append(" undecided ").append(p.undecidedDisputes() == 1 ? "dispute" : "disputes")
                .append(" (").append(p.disputesWithBlockedRemedies()).append(" whose remedies would be blocked).");
        if (!p.activeHolds().isEmpty()) {
            b.append("\nAlready active: ").append(p.activeHolds().size()).append(p.activeHolds().size() == 1 ? " hold" : " holds")
                    .append(" (").append(String.join(", ", p.activeHolds().stream().map(h -> HoldLabels.scope(h.appliesTo())).toList())).append(").");
        }
        return b.toString();
    }

    public ObservableList<LegalHold> holds() {
        return shown;
    }

    public ObservableList<VentureOverview> ventures() {
        return ventures;
    }

    public BooleanProperty activeOnlyProperty() {
        return activeOnly;
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

    public ObjectProperty<VentureOverview> ventureProperty() {
        return venture;
    }

    public ObjectProperty<HoldScope> scopeProperty() {
        return scope;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyObjectProperty<FreezePreview> previewProperty() {
        return preview;
    }

    public ObjectProperty<LegalHold> selectedProperty() {
        return selected;
    }

    public StringProperty releaseReasonProperty() {
        return releaseReason;
    }

    public StringBinding summaryProperty() {
        return summary;
    }

    public StringBinding previewTextProperty() {
        return previewText;
    }

    public StringBinding bannerProperty() {
        return banner;
    }

    public BooleanBinding canPreviewProperty() {
        return canPreview;
    }

    public BooleanBinding canImposeProperty() {
        return canImpose;
    }

    public BooleanBinding canReleaseProperty() {
        return canRelease;
    }

}
