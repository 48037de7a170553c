package org.smartstart.backoffice.ui.ventures;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.smartstart.backoffice.domain.ventures.VentureOverview;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.ventures.Ventures;
import org.smartstart.backoffice.ui.tasks.BackgroundTask;
import org.smartstart.backoffice.ui.tasks.TaskExecutor;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The ventures overview: rows loaded in the background, a filter, and counts by status. */
public final class VenturesViewModel {

    private static final List<String> STATUS_ORDER = List.of("active", "draft", "suspended", "archived");

    private final ObservableList<VentureOverview> all = FXCollections.observableArrayList();
    private final FilteredList<VentureOverview> shown = new FilteredList<>(all, v -> true);
    private final StringProperty filter = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringBinding summary;

    private final Ventures ventures;
    private final TaskExecutor executor;

    public VenturesViewModel(Ventures ventures, TaskExecutor executor) {
        this.ventures = ventures;
        this.executor = executor;
        filter.addListener((obs, old, text) -> shown.setPredicate(matching(text)));
        summary = Bindings.createStringBinding(this::describeCounts, all, shown);
    }

    public void load() {
        loading.set(true);
        problem.set("");
        executor.execute(BackgroundTask.of("Loading ventures…", ventures::overview)
                .onSuccess(outcome -> {
                    if (outcome instanceof Outcome.Done<List<VentureOverview>> done) {
                        all.setAll(done.value());
                    } else {
                        problem.set("The ventures could not be loaded: " + outcome.describe());
                    }
                })
                .onFailure(failure -> problem.set("The ventures could not be loaded: " + failure.getMessage()))
                .onFinished(() -> loading.set(false)));
    }

    static java.util.function.Predicate<VentureOverview> matching(String text) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return v -> true;
        }
        return v -> haystack(v).contains(needle);
    }

    private static String haystack(VentureOverview v) {
        StringBuilder b = new StringBuilder()
                .append(v.name()).append('\n')
                .append(VentureLabels.region(v.region())).append('\n')
                .append(VentureLabels.status(v.status())).append('\n')
                .append(v.ownerDisplayName() == null ? "" : v.ownerDisplayName());
        v.activeHolds().forEach(h -> b.append('\n').append(VentureLabels.hold(h)));
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /** e.g. "5 ventures: 3 active, 1 draft, 1 suspended · 1 on hold", or "Showing 2 of 5 ventures". */
    private String describeCounts() {
        if (all.isEmpty()) {
            return "";
        }
        Map<String, Long> byStatus = all.stream().collect(Collectors.groupingBy(VentureOverview::status, TreeMap::new, Collectors.counting()));
        String counts = STATUS_ORDER.stream().filter(byStatus::containsKey)
                .map(s -> byStatus.get(s) + " " + s)
                .collect(Collectors.joining(", "));
        long onHold = all.stream().filter(VentureOverview::onHold).count();
        String text = all.size() + (all.size() == 1 ? " venture: " : " ventures: ") + counts
                + (onHold > 0 ? " · " + onHold + " on hold" : "");
        if (shown.size() != all.size()) {
            text += " · showing " + shown.size();
        }
        return text;
    }

    public ObservableList<VentureOverview> ventures() {
        return shown;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    public StringBinding summaryProperty() {
        return summary;
    }
}
