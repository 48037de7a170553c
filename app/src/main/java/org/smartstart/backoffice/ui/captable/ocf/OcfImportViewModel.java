package org.smartstart.backoffice.ui.captable.ocf;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.smartstart.backoffice.domain.captable.ocf.CapTableInterchange;
import org.smartstart.backoffice.domain.captable.ocf.OcfImportPreview;
import org.smartstart.backoffice.domain.captable.ocf.OcfImportResult;
import org.smartstart.backoffice.domain.captable.ocf.OcfPackage;
import org.smartstart.backoffice.domain.captable.ocf.OcfPackages;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Rejection;
import org.smartstart.backoffice.ui.tasks.BackgroundTask;
import org.smartstart.backoffice.ui.tasks.TaskExecutor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Importing an OCF package into one venture: choose a folder or zip, read and check it in the background,
 * show the preview (holders and percents on every change date, every problem, what the ledger cannot
 * represent), and only then import it, all or nothing.
 */
public final class OcfImportViewModel {

    /** One line of the preview: a holder's stake on a change date. */
    public record PreviewLine(String date, String holder, String percent, String shares) {
    }

    private final CapTableInterchange interchange;
    private final TaskExecutor executor;
    private final UUID ventureId;
    private final String ventureName;
    private final Runnable onImported;

    private final StringProperty source = new SimpleStringProperty("No package chosen yet.");
    private final StringProperty status = new SimpleStringProperty("Choose a folder or a zip with Manifest.ocf.json.");
    private final StringProperty summary = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty importable = new SimpleBooleanProperty(false);
    private final BooleanProperty imported = new SimpleBooleanProperty(false);
    private final ObservableList<PreviewLine> lines = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private OcfPackage chosen;

    public OcfImportViewModel(CapTableInterchange interchange, TaskExecutor executor, UUID ventureId, String ventureName,
                              Runnable onImported) {
        this.interchange = Objects.requireNonNull(interchange);
        this.executor = Objects.requireNonNull(executor);
        this.ventureId = Objects.requireNonNull(ventureId);
        this.ventureName = Objects.requireNonNull(ventureName);
        this.onImported = Objects.requireNonNull(onImported);
    }

    private record Read(OcfPackage pkg, Outcome<OcfImportPreview> preview) {
    }

    /** Reads and checks the package at {@code path} in the background, then shows its preview. */
    public void choose(Path path) {
        chosen = null;
        importable.set(false);
        imported.set(false);
        lines.clear();
        problems.clear();
        notes.clear();
        summary.set("");
        source.set(path.toString());
        busy.set(true);
        status.set("Reading and checking " + path.getFileName() + " against the OCF schemas…");
        executor.execute(BackgroundTask.of("Checking an OCF package…", () -> {
                    OcfPackage pkg = OcfPackages.read(path);
                    return new Read(pkg, interchange.previewOcfImport(ventureId, pkg));
                })
                .onSuccess(read -> {
                    if (read.preview() instanceof Outcome.Done<OcfImportPreview> done) {
                        chosen = read.pkg();
                        show(done.value());
                    } else {
                        status.set("The package cannot be checked: " + read.preview().describe());
                    }
                })
                .onFailure(e -> status.set("The package cannot be read: " + (e.getMessage() == null ? e.toString() : e.getMessage())))
                .onFinished(() -> busy.set(false)));
    }

    private void show(OcfImportPreview p) {
        List<PreviewLine> rows = new ArrayList<>();
        for (OcfImportPreview.Dated d : p.dates()) {
            boolean first = true;
            for (OcfImportPreview.Stake s : d.stakes()) {
                rows.add(new PreviewLine(first ? d.date().toString() : "", s.name(), s.percent().toPlainString() + "%",
                        s.shares().toPlainString()));
                first = false;
            }
        }
        lines.setAll(rows);
        problems.setAll(p.problems().stream().map(pr -> pr.describe()).toList());
        notes.setAll(p.notes());
        summary.set((p.issuer().isBlank() ? "The package" : p.issuer()) + ": " + p.files() + " files, " + p.stakeholders()
                + " stakeholders, " + p.transactions() + " transactions, " + p.dates().size() + " change dates.");
        importable.set(p.importable());
        status.set(p.importable()
                ? "Ready: the import writes the cap table of " + ventureName + " on " + p.dates().size() + " dates, in one step."
                : p.problems().size() + " problem(s): nothing can be imported until the package is fixed.");
    }

    /** Imports the previewed package; every problem found now is listed and nothing is written. */
    public void importPackage() {
        if (chosen == null || !importable.get() || busy.get()) {
            return;
        }
        OcfPackage pkg = chosen;
        busy.set(true);
        importable.set(false);
        status.set("Importing into " + ventureName + "…");
        executor.execute(BackgroundTask.of("Importing an OCF package…", () -> interchange.importOcf(ventureId, pkg))
                .onSuccess(outcome -> {
                    if (outcome instanceof Outcome.Done<OcfImportResult> done) {
                        OcfImportResult r = done.value();
                        imported.set(true);
                        status.set("Imported: " + r.rowsWritten() + " ledger rows from " + r.firstDate() + " to " + r.lastDate() + ", "
                                + r.usersMatched() + " holders matched by e-mail, " + r.usersCreated() + " pending users opened.");
                        onImported.run();
                    } else {
                        status.set("Nothing was imported.");
                        problems.setAll(describe(outcome));
                        importable.set(true);
                    }
                })
                .onFailure(e -> {
                    status.set("Nothing was imported: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                    importable.set(true);
                })
                .onFinished(() -> busy.set(false)));
    }

    private static List<String> describe(Outcome<?> outcome) {
        if (outcome instanceof Outcome.Invalid<?> i) {
            return i.problems().stream().map(p -> p.field() + ": " + p.message()).toList();
        }
        if (outcome instanceof Outcome.Rejected<?> r) {
            return r.rejections().stream().map(Rejection::message).toList();
        }
        return List.of(outcome.describe());
    }

    public String ventureName() { return ventureName; }
    public StringProperty sourceProperty() { return source; }
    public StringProperty statusProperty() { return status; }
    public StringProperty summaryProperty() { return summary; }
    public ReadOnlyBooleanProperty busyProperty() { return busy; }
    public ReadOnlyBooleanProperty importableProperty() { return importable; }
    public ReadOnlyBooleanProperty importedProperty() { return imported; }
    public ObservableList<PreviewLine> lines() { return lines; }
    public ObservableList<String> problems() { return problems; }
    public ObservableList<String> notes() { return notes; }
}
