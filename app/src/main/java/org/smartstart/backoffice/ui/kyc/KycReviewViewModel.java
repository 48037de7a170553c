package org.smartstart.backoffice.ui.kyc;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import org.smartstart.backoffice.domain.kyc.Claim;
import org.smartstart.backoffice.domain.kyc.ClaimNext;
import org.smartstart.backoffice.domain.kyc.Decision;
import org.smartstart.backoffice.domain.kyc.DecisionOutcome;
import org.smartstart.backoffice.domain.kyc.DecisionRecord;
import org.smartstart.backoffice.domain.kyc.DecisionResult;
import org.smartstart.backoffice.domain.kyc.DocumentContent;
import org.smartstart.backoffice.domain.kyc.DocumentDetail;
import org.smartstart.backoffice.domain.kyc.DocumentKind;
import org.smartstart.backoffice.domain.kyc.KycReview;
import org.smartstart.backoffice.domain.kyc.QueueFilter;
import org.smartstart.backoffice.domain.kyc.QueueItem;
import org.smartstart.backoffice.domain.kyc.QueueOrder;
import org.smartstart.backoffice.domain.kyc.QueuePage;
import org.smartstart.backoffice.domain.kyc.ReviewCounts;
import org.smartstart.backoffice.domain.kyc.ReviewEvent;
import org.smartstart.backoffice.domain.kyc.ReviewStatus;
import org.smartstart.backoffice.domain.kyc.Reviewer;
import org.smartstart.backoffice.domain.kyc.SecondOpinion;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Rejection;
import org.smartstart.backoffice.ui.navigation.Navigator;
import org.smartstart.backoffice.ui.navigation.Place;
import org.smartstart.backoffice.ui.tasks.BackgroundTask;
import org.smartstart.backoffice.ui.tasks.TaskExecutor;

import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The KYC/KYB review workspace: the queue with its filters and counts, claiming (KY-3), the document with
 * the sha256 of the bytes shown (KY-7), decisions with reason codes (KY-1, KY-2, KY-6) and the second
 * officer's confirmation (KY-4). Every port call runs in the background; every outcome other than Done
 * becomes a sentence in {@link #problemProperty()}, naming the rule, and the officer's input stays.
 */
public final class KycReviewViewModel {

    public static final double MIN_ZOOM = 0.1;
    public static final double MAX_ZOOM = 8.0;
    private static final double ZOOM_STEP = 1.25;

    private final KycReview kyc;
    private final UUID me;
    private final TaskExecutor executor;
    private final List<ReasonCode> reasonCodes;

    // queue
    private final ObjectProperty<DocumentKind> kind = new SimpleObjectProperty<>();
    private final ObjectProperty<ReviewStatus> status = new SimpleObjectProperty<>(ReviewStatus.PENDING);
    private final StringProperty docType = new SimpleStringProperty("");
    private final BooleanProperty mine = new SimpleBooleanProperty(false);
    private final ObjectProperty<QueueOrder> order = new SimpleObjectProperty<>(QueueOrder.OLDEST_FIRST);
    /** As typed: ISO 3166 alpha-2, checked by the port. */
    private final StringProperty country = new SimpleStringProperty("");
    /** As typed: a whole number 1 to 100, or empty. */
    private final StringProperty minRisk = new SimpleStringProperty("");
    private final StringProperty maxRisk = new SimpleStringProperty("");
    /** Older than this many days; null: any age. */
    private final ObjectProperty<Integer> minAgeDays = new SimpleObjectProperty<>();
    /** Claimed by this officer; null: anyone or nobody. */
    private final ObjectProperty<Reviewer> assignee = new SimpleObjectProperty<>();
    private final BooleanProperty overdue = new SimpleBooleanProperty(false);
    private final ObservableList<Reviewer> reviewers = FXCollections.observableArrayList();
    private final ObservableList<QueueItem> items = FXCollections.observableArrayList();
    private final BooleanProperty more = new SimpleBooleanProperty(false);
    private final StringProperty counts = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty(false);

    // the document under review
    private final ObjectProperty<DocumentDetail> detail = new SimpleObjectProperty<>();
    private final ObservableList<DecisionRecord> history = FXCollections.observableArrayList();
    private final ObservableList<ReviewEvent> trail = FXCollections.observableArrayList();
    private final ObservableList<Image> pages = FXCollections.observableArrayList();
    private final IntegerProperty pageIndex = new SimpleIntegerProperty(0);
    private final DoubleProperty zoom = new SimpleDoubleProperty(1.0);
    private final IntegerProperty rotation = new SimpleIntegerProperty(0);
    private final BooleanProperty fit = new SimpleBooleanProperty(true);
    private final StringProperty shownSha256 = new SimpleStringProperty("");
    private final StringProperty viewerProblem = new SimpleStringProperty("");
    private final ObjectBinding<Image> currentPage;
    private final BooleanBinding shaMatches;
    private final BooleanBinding claimedByMe;

    // deciding
    private final ObjectProperty<ReasonCode> reasonCode = new SimpleObjectProperty<>();
    private final StringProperty internalComment = new SimpleStringProperty("");
    private final StringProperty applicantComment = new SimpleStringProperty("");
    private final StringProperty secondComment = new SimpleStringProperty("");
    private final ObservableList<String> effects = FXCollections.observableArrayList();
    private final StringProperty result = new SimpleStringProperty("");
    /** An action (claim, decision) is running. */
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    /** A document is being opened: the decision buttons wait for it, claiming the next one does not. */
    private final BooleanProperty opening = new SimpleBooleanProperty(false);
    private final BooleanBinding canApprove;
    private final BooleanBinding canReject;
    private final BooleanBinding canSecondApprove;
    private final BooleanBinding canClaim;
    private final BooleanBinding canRelease;

    /** The document opened last: an older one that arrives later is not shown. */
    private UUID wanted;

    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");

    private final Navigator navigator;

    public KycReviewViewModel(KycReview kyc, UUID me, TaskExecutor executor, List<ReasonCode> reasonCodes) {
        this(kyc, me, executor, reasonCodes, Navigator.NOWHERE);
    }

    /** @param navigator where the history's audit links lead (the shell's {@code go}) */
    public KycReviewViewModel(KycReview kyc, UUID me, TaskExecutor executor, List<ReasonCode> reasonCodes, Navigator navigator) {
        this.navigator = Objects.requireNonNull(navigator);
        this.kyc = Objects.requireNonNull(kyc);
        this.me = Objects.requireNonNull(me);
        this.executor = Objects.requireNonNull(executor);
        this.reasonCodes = List.copyOf(reasonCodes);

        currentPage = Bindings.createObjectBinding(
                () -> pageIndex.get() >= 0 && pageIndex.get() < pages.size() ? pages.get(pageIndex.get()) : null, pages, pageIndex);
        shaMatches = Bindings.createBooleanBinding(
                () -> detail.get() != null && detail.get().sha256().equalsIgnoreCase(shownSha256.get()), detail, shownSha256);
        claimedByMe = Bindings.createBooleanBinding(
                () -> detail.get() != null && me.equals(detail.get().claimedBy()), detail);
        BooleanBinding pending = Bindings.createBooleanBinding(
                () -> detail.get() != null && detail.get().status() == ReviewStatus.PENDING, detail);
        BooleanBinding idle = busy.or(opening).not();
        canApprove = pending.and(claimedByMe).and(shaMatches).and(idle);
        canReject = pending.and(claimedByMe).and(idle);
        canSecondApprove = Bindings.createBooleanBinding(() -> detail.get() != null
                && detail.get().status() == ReviewStatus.AWAITING_SECOND_APPROVAL
                && !me.equals(detail.get().firstApprovedBy()), detail).and(idle);
        canClaim = pending.and(claimedByMe.not()).and(idle);
        canRelease = claimedByMe.and(pending).and(idle);

        kind.addListener((o, a, b) -> loadQueue());
        status.addListener((o, a, b) -> loadQueue());
        docType.addListener((o, a, b) -> loadQueue());
        mine.addListener((o, a, b) -> loadQueue());
        order.addListener((o, a, b) -> loadQueue());
        country.addListener((o, a, b) -> loadQueue());
        minRisk.addListener((o, a, b) -> loadQueue());
        maxRisk.addListener((o, a, b) -> loadQueue());
        minAgeDays.addListener((o, a, b) -> loadQueue());
        assignee.addListener((o, a, b) -> loadQueue());
        overdue.addListener((o, a, b) -> loadQueue());
    }

    // ---- the queue -----------------------------------------------------------------------

    /** The filter as chosen; a risk bound that is not a whole number is refused here, naming the field. */
    public QueueFilter filter() {
        String type = docType.get() == null || docType.get().isBlank() ? null : docType.get().strip();
        String land = country.get() == null || country.get().isBlank() ? null : country.get().strip();
        return new QueueFilter(kind.get(), status.get(), type, land, number("Risk from", minRisk.get()),
                number("Risk to", maxRisk.get()), minAgeDays.get(), assignee.get() == null ? null : assignee.get().userId(),
                mine.get() ? Boolean.TRUE : null, overdue.get() ? Boolean.TRUE : null, order.get(), null);
    }

    private static Integer number(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": must be a whole number from 1 to 100, not \"" + text.strip() + "\"");
        }
    }

    /** Reloads the queue page for the filter, and the counts per status. */
    public void loadQueue() {
        QueueFilter filter;
        try {
            filter = filter();
        } catch (IllegalArgumentException e) {
            items.clear();
            more.set(false);
            problem.set("The review queue could not be loaded: " + e.getMessage());
            return;
        }
        loading.set(true);
        executor.execute(BackgroundTask.of("Loading the review queue…", () -> new QueueAndCounts(kyc.queue(filter), kyc.counts()))
                .onSuccess(loaded -> {
                    if (loaded.page() instanceof Outcome.Done<QueuePage> done) {
                        items.setAll(done.value().items());
                        more.set(done.value().more());
                        if (problem.get().startsWith("The review queue could not be loaded")) {
                            problem.set("");
                        }
                    } else {
                        items.clear();
                        more.set(false);
                        problem.set("The review queue could not be loaded: " + sentence(loaded.page()));
                    }
                    if (loaded.counts() instanceof Outcome.Done<ReviewCounts> done) {
                        counts.set(describe(done.value()));
                    }
                })
                .onFailure(failure -> problem.set("The review queue could not be loaded: " + failure.getMessage()))
                .onFinished(() -> loading.set(false)));
    }

    /** Loads the compliance officers for the assignee filter. */
    public void loadReviewers() {
        executor.execute(BackgroundTask.of("Loading the compliance officers…", kyc::reviewers)
                .onSuccess(outcome -> {
                    if (outcome instanceof Outcome.Done<List<Reviewer>> done) {
                        reviewers.setAll(done.value());
                    }
                })
                .onFailure(failure -> problem.set("The compliance officers could not be loaded: " + failure.getMessage())));
    }

    /** The queue and the officers, as the page starts. */
    public void start() {
        loadReviewers();
        loadQueue();
    }

    /** The shell asks to show a place: a KYC or KYB document opens here. */
    public boolean show(Place place) {
        if (place instanceof Place.ObjectOf o && o.objectId() != null
                && ("kyc_document".equals(o.objectType()) || "kyb_document".equals(o.objectType()))) {
            open(o.objectId());
            return true;
        }
        return false;
    }

    /** Every audit entry about the open document, in the audit trail. */
    public boolean openAuditTrail() {
        DocumentDetail d = detail.get();
        return d != null && navigator.go(new Place.AuditTrailOf(d.objectType(), d.documentId()));
    }

    /** The audit entry of one history step, in the audit trail; a step not sealed yet shows the document's trail. */
    public boolean openAuditEntry(ReviewEvent event) {
        if (event == null) {
            return false;
        }
        return event.seq() != null ? navigator.go(new Place.AuditEntryAt(event.seq())) : openAuditTrail();
    }

    private record QueueAndCounts(Outcome<QueuePage> page, Outcome<ReviewCounts> counts) {
    }

    static String describe(ReviewCounts c) {
        return c.pending() + " pending (" + c.claimed() + " claimed) · " + c.awaitingSecondApproval() + " awaiting second approval · "
                + c.verified() + " verified · " + c.rejected() + " rejected";
    }

    /** Claims the next document the officer may decide (KY-3) and opens it. */
    public void claimNext() {
        ClaimNext request = new ClaimNext(kind.get(), order.get());
        act("Claiming the next document…", () -> kyc.claimNext(request), claim -> {
            notice.set("Claimed " + claim.kind() + " " + label(claim.docType()) + " until " + time(claim.claimedUntil()) + ".");
            open(claim.documentId());
            loadQueue();
        }, outcome -> outcome instanceof Outcome.NotFound<Claim>
                ? "Nothing is waiting for you in the queue" + (kind.get() == null ? "" : " (" + kind.get() + ")") + "."
                : "The next document could not be claimed: " + sentence(outcome));
    }

    /** Claims the open document, or renews one's own claim (KY-3). */
    public void claim() {
        DocumentDetail d = detail.get();
        if (d == null) {
            return;
        }
        act("Claiming the document…", () -> kyc.claim(d.documentId()), claim -> {
            notice.set("Claimed until " + time(claim.claimedUntil()) + ".");
            open(claim.documentId());
            loadQueue();
        }, outcome -> "The document could not be claimed: " + sentence(outcome));
    }

    /** Gives the open document back to the queue. */
    public void releaseClaim() {
        DocumentDetail d = detail.get();
        if (d == null) {
            return;
        }
        act("Releasing the claim…", () -> kyc.releaseClaim(d.documentId()), claim -> {
            notice.set("Released: the document is back in the queue.");
            open(claim.documentId());
            loadQueue();
        }, outcome -> "The claim could not be released: " + sentence(outcome));
    }

    // ---- the document --------------------------------------------------------------------

    /** Opens a document: its facts and history, and its bytes rendered, with their sha256 recomputed (KY-7). */
    public void open(UUID documentId) {
        wanted = documentId;
        opening.set(true);
        executor.execute(BackgroundTask.of("Opening the document…", () -> {
                    Outcome<DocumentDetail> d = kyc.document(documentId);
                    if (!(d instanceof Outcome.Done<DocumentDetail>)) {
                        return new Opened(d, null, null);
                    }
                    Outcome<DocumentContent> c = kyc.content(documentId);
                    DocumentPages rendered = c instanceof Outcome.Done<DocumentContent> content
                            ? DocumentPages.render(Base64.getDecoder().decode(content.value().base64()), content.value().mediaType())
                            : null;
                    return new Opened(d, c, rendered);
                })
                .onSuccess(opened -> {
                    if (!documentId.equals(wanted)) {
                        return; // the officer moved on to another document meanwhile
                    }
                    if (!(opened.detail() instanceof Outcome.Done<DocumentDetail> done)) {
                        problem.set("The document could not be opened: " + sentence(opened.detail()));
                        return;
                    }
                    boolean sameDocument = detail.get() != null && detail.get().documentId().equals(documentId);
                    show(done.value());
                    if (opened.pages() == null) {
                        pages.clear();
                        shownSha256.set("");
                        viewerProblem.set("The document's bytes could not be loaded: " + sentence(opened.content()));
                    } else {
                        shownSha256.set(opened.pages().sha256());
                        viewerProblem.set(opened.pages().problem() == null ? "" : opened.pages().problem());
                        pages.setAll(opened.pages().pages());
                    }
                    if (!sameDocument) {
                        pageIndex.set(0);
                        rotation.set(0);
                        fit.set(true);
                        effects.clear();
                        result.set("");
                    }
                })
                .onFailure(failure -> problem.set("The document could not be opened: " + failure.getMessage()))
                .onFinished(() -> opening.set(false)));
    }

    private record Opened(Outcome<DocumentDetail> detail, Outcome<DocumentContent> content, DocumentPages pages) {
    }

    private void show(DocumentDetail d) {
        detail.set(d);
        history.setAll(d.history());
        trail.setAll(d.trail());
    }

    /** Reloads the open document's facts only (after a decision: the bytes did not change). */
    private void refreshDetail(UUID documentId) {
        executor.execute(BackgroundTask.of("Reloading the document…", () -> kyc.document(documentId))
                .onSuccess(outcome -> {
                    if (outcome instanceof Outcome.Done<DocumentDetail> done) {
                        show(done.value());
                    }
                })
                .onFailure(failure -> problem.set("The document could not be reloaded: " + failure.getMessage())));
    }

    public void nextPage() {
        if (pageIndex.get() < pages.size() - 1) {
            pageIndex.set(pageIndex.get() + 1);
        }
    }

    public void previousPage() {
        if (pageIndex.get() > 0) {
            pageIndex.set(pageIndex.get() - 1);
        }
    }

    public void zoomIn() {
        fit.set(false);
        zoom.set(Math.min(MAX_ZOOM, zoom.get() * ZOOM_STEP));
    }

    public void zoomOut() {
        fit.set(false);
        zoom.set(Math.max(MIN_ZOOM, zoom.get() / ZOOM_STEP));
    }

    public void actualSize() {
        fit.set(false);
        zoom.set(1.0);
    }

    public void fitToWindow() {
        fit.set(true);
    }

    public void rotateClockwise() {
        rotation.set((rotation.get() + 90) % 360);
    }

    // ---- deciding ------------------------------------------------------------------------

    /** The reason codes for one outcome, from the configured list. */
    public List<ReasonCode> reasonCodes(DecisionOutcome outcome) {
        return reasonCodes.stream().filter(r -> r.outcome() == outcome).toList();
    }

    public List<ReasonCode> reasonCodes() {
        return reasonCodes;
    }

    /**
     * Decides the open document, naming the sha256 of the bytes shown (KY-7). An approval without a chosen
     * reason gives the first approval reason of the list; a rejection needs a rejection reason chosen.
     */
    public void decide(DecisionOutcome outcome) {
        DocumentDetail d = detail.get();
        if (d == null) {
            return;
        }
        ReasonCode reason = reasonCode.get();
        if (reason == null && outcome == DecisionOutcome.APPROVE && !reasonCodes(outcome).isEmpty()) {
            reason = reasonCodes(outcome).get(0);
        }
        if (reason == null || reason.outcome() != outcome) {
            problem.set(reason == null
                    ? "Choose a reason for " + words(outcome) + "."
                    : "The reason “" + reason.label() + "” is for " + words(reason.outcome()) + ", not for " + words(outcome) + ".");
            return;
        }
        if (outcome == DecisionOutcome.APPROVE && !shaMatches.get()) {
            problem.set("The bytes shown do not have the stored sha256 (KY-7): the document cannot be approved.");
            return;
        }
        Decision decision = new Decision(outcome, reason.code(), blankToNull(internalComment.get()), blankToNull(applicantComment.get()),
                shownSha256.get());
        act("Recording the decision…", () -> kyc.decide(d.documentId(), decision), this::decided,
                o -> "The decision was not recorded: " + sentence(o));
    }

    /** The second compliance officer confirms or overturns a risky approval (KY-4). */
    public void secondApproval(SecondOpinion opinion) {
        DocumentDetail d = detail.get();
        if (d == null) {
            return;
        }
        String comment = blankToNull(secondComment.get());
        act(opinion == SecondOpinion.CONFIRM ? "Confirming the approval…" : "Overturning the approval…",
                () -> kyc.secondApproval(d.documentId(), opinion, comment), this::decided,
                o -> "The second approval was not recorded: " + sentence(o));
    }

    private void decided(DecisionResult r) {
        StringBuilder text = new StringBuilder("Now ").append(statusLabel(r.status())).append('.');
        if (r.kycStatusAfter() != null) {
            text.append(" Applicant's KYC status: ").append(r.kycStatusBefore()).append(" → ").append(r.kycStatusAfter()).append(" (KY-2).");
        }
        result.set(text.toString());
        effects.setAll(r.effects());
        internalComment.set("");
        applicantComment.set("");
        secondComment.set("");
        reasonCode.set(null);
        refreshDetail(r.documentId());
        loadQueue();
    }

    private <T> void act(String title, java.util.concurrent.Callable<Outcome<T>> call, java.util.function.Consumer<T> done,
                         java.util.function.Function<Outcome<T>, String> refused) {
        busy.set(true);
        problem.set("");
        notice.set("");
        executor.execute(BackgroundTask.of(title, call)
                .onSuccess(outcome -> {
                    if (outcome instanceof Outcome.Done<T> d) {
                        done.accept(d.value());
                    } else {
                        problem.set(refused.apply(outcome));
                    }
                })
                .onFailure(failure -> problem.set(title.replace("…", "") + " failed: " + failure.getMessage()))
                .onFinished(() -> busy.set(false)));
    }

    /** A refusal names its rules: "KY-3: The claim … expired at …". */
    static String sentence(Outcome<?> outcome) {
        if (outcome instanceof Outcome.Rejected<?> r) {
            return r.rejections().stream().map(KycReviewViewModel::sentence).collect(Collectors.joining(" "));
        }
        return outcome.describe();
    }

    private static String sentence(Rejection r) {
        return r.ruleId() + ": " + r.message();
    }

    static String words(DecisionOutcome outcome) {
        return switch (outcome) {
            case APPROVE -> "an approval";
            case REJECT_FINAL -> "a final rejection";
            case REJECT_RESUBMIT -> "a rejection asking to resubmit";
        };
    }

    public static String statusLabel(ReviewStatus s) {
        return switch (s) {
            case PENDING -> "pending";
            case AWAITING_SECOND_APPROVAL -> "awaiting second approval";
            case VERIFIED -> "verified";
            case REJECTED -> "rejected";
        };
    }

    private static String time(java.time.Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(at.atZone(java.time.ZoneId.systemDefault()));
    }

    /** "proof_of_address" → "proof of address". */
    public static String label(String docType) {
        return docType == null ? "" : docType.replace('_', ' ');
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    // ---- properties ----------------------------------------------------------------------

    public UUID me() {
        return me;
    }

    public ObjectProperty<DocumentKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<ReviewStatus> statusProperty() {
        return status;
    }

    public StringProperty docTypeProperty() {
        return docType;
    }

    public BooleanProperty mineProperty() {
        return mine;
    }

    public ObjectProperty<QueueOrder> orderProperty() {
        return order;
    }

    public StringProperty countryProperty() {
        return country;
    }

    public StringProperty minRiskProperty() {
        return minRisk;
    }

    public StringProperty maxRiskProperty() {
        return maxRisk;
    }

    public ObjectProperty<Integer> minAgeDaysProperty() {
        return minAgeDays;
    }

    public ObjectProperty<Reviewer> assigneeProperty() {
        return assignee;
    }

    public BooleanProperty overdueProperty() {
        return overdue;
    }

    public ObservableList<Reviewer> reviewers() {
        return reviewers;
    }

    public ObservableList<ReviewEvent> trail() {
        return trail;
    }

    public ObservableList<QueueItem> items() {
        return items;
    }

    public BooleanProperty moreProperty() {
        return more;
    }

    public ReadOnlyStringProperty countsProperty() {
        return counts;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyObjectProperty<DocumentDetail> detailProperty() {
        return detail;
    }

    public ObservableList<DecisionRecord> history() {
        return history;
    }

    public ObservableList<Image> pages() {
        return pages;
    }

    public IntegerProperty pageIndexProperty() {
        return pageIndex;
    }

    public ObjectBinding<Image> currentPageProperty() {
        return currentPage;
    }

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public IntegerProperty rotationProperty() {
        return rotation;
    }

    public BooleanProperty fitProperty() {
        return fit;
    }

    /** The sha256 recomputed from the bytes shown; compare with the detail's stored one. */
    public ReadOnlyStringProperty shownSha256Property() {
        return shownSha256;
    }

    public BooleanBinding shaMatchesProperty() {
        return shaMatches;
    }

    public BooleanBinding claimedByMeProperty() {
        return claimedByMe;
    }

    public ReadOnlyStringProperty viewerProblemProperty() {
        return viewerProblem;
    }

    public ObjectProperty<ReasonCode> reasonCodeProperty() {
        return reasonCode;
    }

    public StringProperty internalCommentProperty() {
        return internalComment;
    }

    public StringProperty applicantCommentProperty() {
        return applicantComment;
    }

    public StringProperty secondCommentProperty() {
        return secondComment;
    }

    public ObservableList<String> effects() {
        return effects;
    }

    public ReadOnlyStringProperty resultProperty() {
        return result;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanBinding canApproveProperty() {
        return canApprove;
    }

    public BooleanBinding canRejectProperty() {
        return canReject;
    }

    public BooleanBinding canSecondApproveProperty() {
        return canSecondApprove;
    }

    public BooleanBinding canClaimProperty() {
        return canClaim;
    }

    public BooleanBinding canReleaseProperty() {
        return canRelease;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    public StringProperty noticeProperty() {
        return notice;
    }
}
