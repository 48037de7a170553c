package org.smartstart.backoffice.ui.audit;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.smartstart.backoffice.domain.audit.AuditCheckpoint;
import org.smartstart.backoffice.domain.audit.AuditFilter;
import org.smartstart.backoffice.ui.navigation.Navigator;
import org.smartstart.backoffice.ui.navigation.Place;
import org.smartstart.backoffice.domain.audit.AuditLogEntry;
import org.smartstart.backoffice.domain.audit.AuditPage;
import org.smartstart.backoffice.domain.audit.AuditTrail;
import org.smartstart.backoffice.domain.audit.ChainBreak;
import org.smartstart.backoffice.domain.audit.VerificationStep;
import org.smartstart.backoffice.domain.audit.VerificationStepRequest;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.ui.tasks.BackgroundTask;
import org.smartstart.backoffice.ui.tasks.TaskExecutor;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * The audit browser (AU-1..AU-5): one list over the whole log, newest first, fetched a page at a time by
 * seq (keyset) as the user scrolls towards either end of what is loaded. With a period, or after a jump to a
 * date, the list is in time order instead (seq breaking ties; the two orders nearly agree), paged by (ts, seq):
 * that is what keeps any page of a period, and a date ten million entries back, as quick as the newest.
 * The list is a window of at most {@link #WINDOW} entries: what scrolls far out of view is dropped and fetched
 * again (from the seq of the entry next to it, in the other direction) when the user comes back, so scrolling
 * through ten million entries holds no more memory than scrolling through a thousand. Filters and a jump to a seq or a day; the selected
 * entry's detail; verification in steps with progress and cancel, optionally against a signed
 * checkpoint; and export of the filtered range with its proof.
 */
public final class AuditViewModel {

    private static final java.time.format.DateTimeFormatter ROW_TIME = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** An entry's time as the list shows it, in the screen's zone; blank for an entry without one. */
    public String rowTime(java.time.Instant ts) {
        return ts == null ? "" : ROW_TIME.format(ts.atZone(zone));
    }

    /** Entries per page; the list asks for the next page when the user comes within a quarter page of its end. */
    public static final int PAGE = 200;
    /** The most entries the list holds at a time: the visible ones and a few pages either side. */
    public static final int WINDOW = 5 * PAGE;
    /** Entries per verification step: small enough to report progress and stop often, large enough to stream. */
    public static final int STEP = 20_000;

    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final StringProperty actor = new SimpleStringProperty("");
    private final StringProperty action = new SimpleStringProperty("");
    private final StringProperty objectType = new SimpleStringProperty("");
    private final StringProperty objectId = new SimpleStringProperty("");
    private final StringProperty venture = new SimpleStringProperty("");
    private final StringProperty jumpSeq = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> jumpDate = new SimpleObjectProperty<>();

    private final ObservableList<AuditLogEntry> rows = FXCollections.observableArrayList();
    private final ObjectProperty<AuditLogEntry> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<EntryDetail> detail = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");

    private final BooleanProperty verifying = new SimpleBooleanProperty(false);
    private final DoubleProperty verifyProgress = new SimpleDoubleProperty(0);
    private final StringProperty verifyStatus = new SimpleStringProperty("");
    private final BooleanProperty chainBroken = new SimpleBooleanProperty(false);
    private final ObjectProperty<AuditCheckpoint> checkpoint = new SimpleObjectProperty<>();
    private final StringProperty exportStatus = new SimpleStringProperty("");

    private final AuditTrail trail;
    private final TaskExecutor executor;
    private final ZoneId zone;
    private final LongSupplier nanoTime;
    private final int stepSize;

    /** The filter as last applied (without the page cut); null until the first load. */
    private AuditFilter applied;
    /** Where the next page starts (beforeSeq, newest first); null when the list is complete. */
    private Long nextBefore;
    private boolean more;
    /** Newer entries than the list's first were dropped from the window (or lie above a jump) and can be fetched again. */
    private boolean newer;
    /** After a jump to a date: the end of that day, where the list was split into older (below) and newer (above); else null. */
    private java.time.Instant jumpedTo;
    /** Told how many rows were put in (positive) or taken away (negative) above the visible ones, so the view stays put. */
    private IntConsumer onShiftAbove = shift -> { };
    private final Navigator navigator;
    private final BooleanProperty canOpenObject = new SimpleBooleanProperty(false);
    private final StringProperty openObjectHint = new SimpleStringProperty("");
    /** Counts the loads, so a page that arrives after the filter changed is dropped. */
    private long generation;
    private volatile boolean cancelRequested;
    /** A seq to select when the page holding it arrives (sent here from another screen); null for none. */
    private Long selectOnArrival;

    public AuditViewModel(AuditTrail trail, TaskExecutor executor, ZoneId zone) {
        this(trail, executor, zone, Navigator.NOWHERE);
    }

    /** @param navigator opens the selected entry's object in its own screen */
    public AuditViewModel(AuditTrail trail, TaskExecutor executor, ZoneId zone, Navigator navigator) {
        this(trail, executor, zone, navigator, System::nanoTime, STEP);
    }

    AuditViewModel(AuditTrail trail, TaskExecutor executor, ZoneId zone, LongSupplier nanoTime, int stepSize) {
        this(trail, executor, zone, Navigator.NOWHERE, nanoTime, stepSize);
    }

    AuditViewModel(AuditTrail trail, TaskExecutor executor, ZoneId zone, Navigator navigator, LongSupplier nanoTime, int stepSize) {
        this.navigator = Objects.requireNonNull(navigator, "navigator");
        this.stepSize = stepSize;
        this.trail = Objects.requireNonNull(trail, "trail");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        selected.addListener((obs, old, entry) -> {
            detail.set(entry == null ? null : EntryDetail.of(entry));
            describeObjectLink(entry);
        });
        describeObjectLink(null);
    }

    /** Applies the filters (and no jump): the list starts again at the newest matching entry. */
    public void load() {
        jumpSeq.set("");
        jumpDate.set(null);
        reload(null);
    }

    /**
     * Shows a place another screen sent the user to: every entry about one object (the other filters
     * cleared), or one entry by its seq with the entries before it.
     */
    public boolean show(Place place) {
        if (place instanceof Place.AuditTrailOf of) {
            clearFilters();
            objectType.set(of.objectType());
            objectId.set(of.objectId().toString());
            load();
            return true;
        }
        if (place instanceof Place.AuditEntryAt at) {
            clearFilters();
            jumpSeq.set(Long.toString(at.seq()));
            selectOnArrival = at.seq();
            jumpToSeq();
            return true;
        }
        return false;
    }

    private void clearFilters() {
        from.set(null);
        to.set(null);
        actor.set("");
        action.set("");
        objectType.set("");
        objectId.set("");
        venture.set("");
    }

    /** The selected entry's object in the screen that shows that kind of object. */
    public void openObject() {
        AuditLogEntry entry = selected.get();
        if (entry != null && entry.objectId() != null && !navigator.go(objectOf(entry))) {
            problem.set("No screen of yours shows " + entry.objectType() + " objects.");
        }
    }

    private static Place objectOf(AuditLogEntry entry) {
        return new Place.ObjectOf(entry.objectType(), entry.objectId(), entry.ventureId());
    }

    private void describeObjectLink(AuditLogEntry entry) {
        if (entry == null) {
            canOpenObject.set(false);
            openObjectHint.set("Select an entry first.");
        } else if (entry.objectId() == null) {
            canOpenObject.set(false);
            openObjectHint.set("This entry is about no single object.");
        } else if (!navigator.canGo(objectOf(entry))) {
            canOpenObject.set(false);
            openObjectHint.set("No screen of yours shows " + entry.objectType() + " objects.");
        } else {
            canOpenObject.set(true);
            openObjectHint.set("Open " + entry.objectType() + " " + entry.objectId() + " in its own screen.");
        }
    }

    /**
     * The list starts at this seq and goes back from there in seq order, keeping the filters but not the period
     * (a period is listed by time, where a seq is no place to start from).
     */
    public void jumpToSeq() {
        String text = jumpSeq.get() == null ? "" : jumpSeq.get().strip();
        long seq;
        try {
            seq = Long.parseLong(text);
        } catch (NumberFormatException e) {
            problem.set("Jump to seq: \"" + text + "\" is not a seq (a whole number from 1).");
            return;
        }
        if (seq < 1) {
            problem.set("Jump to seq: seqs start at 1, not " + seq + ".");
            return;
        }
        from.set(null);
        to.set(null);
        reload(new Jump(seq + 1, null));
    }

    /**
     * The list, in time order, starts at the last entry stamped on this day and goes back from there, keeping the
     * filters; the entries after it are above, as after a jump to a seq. Within a period the jump stays inside it.
     */
    public void jumpToDate() {
        if (jumpDate.get() == null) {
            problem.set("Jump to date: choose a day first.");
            return;
        }
        if (outsideCalendar(jumpDate.get())) {
            problem.set("Jump to date: " + jumpDate.get() + " is not a day between 0001-01-01 and 9999-12-31.");
            return;
        }
        reload(new Jump(null, jumpDate.get().plusDays(1).atStartOfDay(zone).toInstant()));
    }

    /** @param at by time: the list starts with the last entry before this instant */
    private record Jump(Long beforeSeq, java.time.Instant at) {
    }

    private void reload(Jump jump) {
        List<String> problems = new ArrayList<>();
        AuditFilter filter = filterFromInputs(problems);
        if (!problems.isEmpty()) {
            problem.set(String.join(" ", problems));
            return;
        }
        problem.set("");
        applied = jump != null && jump.at() != null ? filter.listedByTime() : filter;
        jumpedTo = jump == null ? null : jump.at();
        generation++;
        rows.clear();
        selected.set(null);
        nextBefore = jump == null ? null : jump.beforeSeq();
        // a date before the period's start leaves nothing below it; one at or after its end nothing above
        more = jumpedTo == null || applied.fromTs() == null || jumpedTo.isAfter(applied.fromTs());
        newer = jump != null && (jump.beforeSeq() != null || applied.toTs() == null || jumpedTo.isBefore(applied.toTs()));
        loading.set(false);
        if (more) {
            loadMore();
        } else {
            loadNewer();
        }
    }

    /** The first page below a date jump: the filter's entries before the day's end, newest first. */
    private AuditFilter belowJump() {
        return applied.toTs() != null && !jumpedTo.isBefore(applied.toTs()) ? applied : applied.between(applied.fromTs(), jumpedTo);
    }

    /** The first page above a date jump that left nothing below it: the filter's entries from the day's end, oldest first. */
    private AuditFilter aboveJump() {
        return applied.fromTs() != null && !jumpedTo.isAfter(applied.fromTs()) ? applied : applied.between(jumpedTo, applied.toTs());
    }

    private void selectArrived(List<AuditLogEntry> arrived) {
        if (selectOnArrival == null) {
            return;
        }
        long seq = selectOnArrival;
        selectOnArrival = null;
        arrived.stream().filter(e -> e.seq() == seq).findFirst().ifPresent(selected::set);
    }

    /** The view tells which row came into view; near either end of what is loaded, the next page that way is fetched. */
    public void rowShown(int index) {
        if (index >= rows.size() - PAGE / 4) {
            loadMore();
        } else if (index < PAGE / 4 && newer) {
            loadNewer();
        }
    }

    /** The view scrolls by this many rows when rows are put in or taken away above what it shows. */
    public void setOnShiftAbove(IntConsumer onShiftAbove) {
        this.onShiftAbove = Objects.requireNonNull(onShiftAbove, "onShiftAbove");
    }

    /** Fetches the page just above the list's first entry (oldest first from there) and puts it on top. */
    private void loadNewer() {
        if (applied == null || loading.get() || !newer || (rows.isEmpty() && jumpedTo == null)) {
            return;
        }
        AuditFilter from = rows.isEmpty() ? aboveJump() : applied.after(rows.get(0).seq());
        AuditFilter page = from.limitedTo(PAGE).ordered(AuditFilter.Direction.OLDEST_FIRST);
        long asked = generation;
        loading.set(true);
        executor.execute(BackgroundTask.of("Loading audit entries…", () -> trail.entries(page))
                .onSuccess(outcome -> {
                    if (asked != generation) {
                        return;
                    }
                    if (outcome instanceof Outcome.Done<AuditPage> done) {
                        List<AuditLogEntry> above = new ArrayList<>(done.value().entries());
                        java.util.Collections.reverse(above);
                        rows.addAll(0, above);
                        onShiftAbove.accept(above.size());
                        newer = done.value().nextAfterSeq() != null;
                        if (rows.size() > WINDOW) {
                            rows.remove(WINDOW, rows.size());
                            nextBefore = rows.get(rows.size() - 1).seq();
                            more = true;
                        }
                        selectArrived(done.value().entries());
                        summary.set(describeRows());
                    } else {
                        newer = false;
                        problem.set("The audit entries could not be loaded: " + outcome.describe());
                    }
                })
                .onFailure(failure -> {
                    if (asked == generation) {
                        newer = false;
                        problem.set("The audit entries could not be loaded: " + failure.getMessage());
                    }
                })
                .onFinished(() -> {
                    if (asked == generation) {
                        loading.set(false);
                    }
                }));
    }

    /** Fetches the next page off the FX thread, unless one is on its way or the list is complete. */
    public void loadMore() {
        if (applied == null || loading.get() || !more) {
            return;
        }
        AuditFilter from = rows.isEmpty() && nextBefore == null && jumpedTo != null ? belowJump() : applied.before(nextBefore);
        AuditFilter page = from.limitedTo(PAGE).ordered(AuditFilter.Direction.NEWEST_FIRST);
        long asked = generation;
        loading.set(true);
        executor.execute(BackgroundTask.of("Loading audit entries…", () -> trail.entries(page))
                .onSuccess(outcome -> {
                    if (asked != generation) {
                        return;
                    }
                    if (outcome instanceof Outcome.Done<AuditPage> done) {
                        rows.addAll(done.value().entries());
                        if (rows.size() > WINDOW) {
                            int drop = rows.size() - WINDOW;
                            rows.remove(0, drop);
                            newer = true;
                            onShiftAbove.accept(-drop);
                        }
                        selectArrived(done.value().entries());
                        nextBefore = done.value().nextBeforeSeq();
                        more = nextBefore != null;
                        summary.set(describeRows());
                    } else {
                        more = false;
                        problem.set("The audit entries could not be loaded: " + outcome.describe());
                    }
                })
                .onFailure(failure -> {
                    if (asked == generation) {
                        more = false;
                        problem.set("The audit entries could not be loaded: " + failure.getMessage());
                    }
                })
                .onFinished(() -> {
                    if (asked == generation) {
                        loading.set(false);
                        if (rows.isEmpty() && newer) {
                            // a date jump with nothing before it: show what comes after it
                            loadNewer();
                        }
                    }
                }));
    }

    private String describeRows() {
        if (rows.isEmpty()) {
            return "No entry matches.";
        }
        AuditLogEntry first = rows.get(0);
        AuditLogEntry last = rows.get(rows.size() - 1);
        String span = applied.byTimeOrder()
                ? "in time order, " + rowTime(first.ts()) + " down to " + rowTime(last.ts())
                : "seq " + first.seq() + " down to " + last.seq();
        return rows.size() + " entries loaded (" + span + ")" + (more || newer ? "; more load as you scroll" : "; that is all that match");
    }

    /** The filter the inputs describe, or the problems with them (input is kept for the user to correct). */
    AuditFilter filterFromInputs(List<String> problems) {
        UUID actorId = uuid("Actor", actor.get(), problems);
        UUID objectUuid = uuid("Object id", objectId.get(), problems);
        UUID ventureId = uuid("Venture", venture.get(), problems);
        // the audit trail holds no day outside 0001..9999, and the day after +999999999-12-31 does not exist
        if (outsideCalendar(from.get())) {
            problems.add("From: " + from.get() + " is not a day between 0001-01-01 and 9999-12-31.");
            return null;
        }
        if (outsideCalendar(to.get())) {
            problems.add("To: " + to.get() + " is not a day between 0001-01-01 and 9999-12-31.");
            return null;
        }
        java.time.Instant fromTs = from.get() == null ? null : from.get().atStartOfDay(zone).toInstant();
        java.time.Instant toTs = to.get() == null ? null : to.get().plusDays(1).atStartOfDay(zone).toInstant();
        if (fromTs != null && toTs != null && !fromTs.isBefore(toTs)) {
            problems.add("The period ends (" + to.get() + ") before it starts (" + from.get() + ").");
        }
        return new AuditFilter(fromTs, toTs, actorId, blankToNull(action.get()), blankToNull(objectType.get()), objectUuid, ventureId,
                null, null, PAGE, AuditFilter.Direction.NEWEST_FIRST, null);
    }

    private static boolean outsideCalendar(LocalDate day) {
        return day != null && (day.getYear() < 1 || day.getYear() > 9999);
    }

    private static UUID uuid(String field, String text, List<String> problems) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return UUID.fromString(t);
        } catch (IllegalArgumentException e) {
            problems.add(field + ": \"" + t + "\" is not an id (like 3f2b…-…, 36 characters).");
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---- verification (AU-4, AU-5)

    /** Replays the chain step by step off the FX thread, against the loaded checkpoint if there is one. */
    public void verify() {
        if (verifying.get()) {
            return;
        }
        cancelRequested = false;
        verifying.set(true);
        chainBroken.set(false);
        verifyProgress.set(0);
        verifyStatus.set("Verifying the audit chain…");
        AuditCheckpoint against = checkpoint.get();
        VerificationStepRequest first = VerificationStepRequest.first(stepSize).against(against);
        step(first, 0, nanoTime.getAsLong(), against);
    }

    public void cancelVerify() {
        cancelRequested = true;
    }

    private void step(VerificationStepRequest request, long doneBefore, long started, AuditCheckpoint against) {
        executor.execute(BackgroundTask.of("Verifying the audit chain…", () -> trail.verifyStep(request))
                .onSuccess(outcome -> {
                    if (!(outcome instanceof Outcome.Done<VerificationStep> ok)) {
                        finishVerify("The chain could not be verified: " + outcome.describe());
                        return;
                    }
                    VerificationStep s = ok.value();
                    long done = doneBefore + s.verifiedEntries();
                    double seconds = Math.max(1e-3, (nanoTime.getAsLong() - started) / 1e9);
                    double rate = done / seconds;
                    verifyProgress.set(s.headSeq() == 0 ? 1 : Math.min(1, (double) s.lastSeq() / s.headSeq()));
                    if (s.firstBreak().isPresent()) {
                        ChainBreak b = s.firstBreak().get();
                        chainBroken.set(true);
                        finishVerify("Chain broken at seq " + b.seq() + " (" + words(b.reason()) + "): " + b.explanation() + ".");
                        return;
                    }
                    if (s.complete()) {
                        verifyProgress.set(1);
                        finishVerify("Chain intact: " + String.format("%,d", done) + " entries verified up to seq " + s.lastSeq()
                                + ", head tx_hash " + s.lastTxHash().substring(0, 16) + "…"
                                + (s.unsealedEntries() > 0 ? "; " + s.unsealedEntries() + " waiting to be sealed" : "")
                                + (against != null ? "; the checkpoint of seq " + against.seq() + " (signed " + against.createdAt()
                                + ", key " + against.keyFingerprint() + ") holds" : "") + ".");
                        return;
                    }
                    if (cancelRequested) {
                        finishVerify("Verification cancelled after " + String.format("%,d", done) + " entries (up to seq " + s.lastSeq()
                                + "); nothing wrong was found so far.");
                        return;
                    }
                    long left = Math.max(0, s.headSeq() - s.lastSeq());
                    verifyStatus.set(String.format("Verified %,d of %,d entries · %,.0f entries/s · about %s left", done,
                            doneBefore + s.verifiedEntries() + left, rate, duration(Duration.ofSeconds((long) Math.ceil(left / Math.max(rate, 1))))));
                    step(request.next(s), done, started, against);
                })
                .onFailure(failure -> finishVerify("The chain could not be verified: " + failure.getMessage())));
    }

    private void finishVerify(String status) {
        verifyStatus.set(status);
        verifying.set(false);
    }

    private static String words(ChainBreak.Reason reason) {
        return switch (reason) {
            case ENTRY_MISSING -> "entry missing";
            case LINK_BROKEN -> "link broken";
            case CONTENT_CHANGED -> "content changed";
            case HEAD_MISMATCH -> "head does not match";
            case CHECKPOINT_MISMATCH -> "does not match the checkpoint";
        };
    }

    private static String duration(Duration d) {
        long s = d.getSeconds();
        return s < 60 ? s + " s" : (s / 60) + " min " + (s % 60) + " s";
    }

    /** Reads a checkpoint file off the FX thread; a bad signature is refused with a sentence and nothing is loaded. */
    public void loadCheckpoint(Path file) {
        executor.execute(BackgroundTask.of("Reading the checkpoint…", () -> CheckpointFiles.read(file))
                .onSuccess(read -> {
                    var refused = read.problem(null);
                    if (refused.isPresent()) {
                        problem.set(refused.get() + ".");
                        return;
                    }
                    problem.set("");
                    checkpoint.set(read);
                    verifyStatus.set("Checkpoint of seq " + read.seq() + " signed " + read.createdAt() + " by key " + read.keyFingerprint()
                            + " loaded; Verify now also proves the log still holds that entry.");
                })
                .onFailure(failure -> problem.set("The checkpoint could not be read: " + failure.getMessage())));
    }

    public void forgetCheckpoint() {
        checkpoint.set(null);
    }

    // ---- export

    /** Writes every entry matching the filters (oldest first) and a proof file beside it, off the FX thread. */
    public void export(Path file, AuditExport.Format format) {
        List<String> problems = new ArrayList<>();
        AuditFilter filter = filterFromInputs(problems);
        if (!problems.isEmpty()) {
            problem.set(String.join(" ", problems));
            return;
        }
        AuditCheckpoint proof = checkpoint.get();
        exportStatus.set("Exporting…");
        executor.execute(BackgroundTask.of("Exporting audit entries…", () -> new AuditExport(trail).write(filter, format, file, proof))
                .onSuccess(result -> {
                    if (result instanceof Outcome.Done<AuditExport.Written> done) {
                        exportStatus.set(done.value().describe());
                    } else {
                        exportStatus.set("");
                        problem.set("The export was not written: " + result.describe());
                    }
                })
                .onFailure(failure -> {
                    exportStatus.set("");
                    problem.set("The export was not written: " + failure.getMessage());
                }));
    }

    // ---- properties

    public ObjectProperty<LocalDate> fromProperty() { return from; }
    public ObjectProperty<LocalDate> toProperty() { return to; }
    public StringProperty actorProperty() { return actor; }
    public StringProperty actionProperty() { return action; }
    public StringProperty objectTypeProperty() { return objectType; }
    public StringProperty objectIdProperty() { return objectId; }
    public StringProperty ventureProperty() { return venture; }
    public StringProperty jumpSeqProperty() { return jumpSeq; }
    public ObjectProperty<LocalDate> jumpDateProperty() { return jumpDate; }
    public ObservableList<AuditLogEntry> rows() { return rows; }
    public ReadOnlyBooleanProperty canOpenObjectProperty() { return canOpenObject; }
    public ReadOnlyStringProperty openObjectHintProperty() { return openObjectHint; }
    public ObjectProperty<AuditLogEntry> selectedProperty() { return selected; }
    public ReadOnlyObjectProperty<EntryDetail> detailProperty() { return detail; }
    public ReadOnlyBooleanProperty loadingProperty() { return loading; }
    public ReadOnlyStringProperty problemProperty() { return problem; }
    public ReadOnlyStringProperty summaryProperty() { return summary; }
    public ReadOnlyBooleanProperty verifyingProperty() { return verifying; }
    public ReadOnlyDoubleProperty verifyProgressProperty() { return verifyProgress; }
    public ReadOnlyStringProperty verifyStatusProperty() { return verifyStatus; }
    public ReadOnlyBooleanProperty chainBrokenProperty() { return chainBroken; }
    public ReadOnlyObjectProperty<AuditCheckpoint> checkpointProperty() { return checkpoint; }
    public ReadOnlyStringProperty exportStatusProperty() { return exportStatus; }
    public ZoneId zone() { return zone; }
}
