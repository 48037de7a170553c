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
import org.smartstart.backoffice.domain.identity.KycUpload;
import org.smartstart.backoffice.domain.identity.NewPerson;
import org.smartstart.backoffice.domain.identity.PasswordRule;
import org.smartstart.backoffice.domain.identity.People;
import org.smartstart.backoffice.domain.identity.PeopleFilter;
import org.smartstart.backoffice.domain.identity.PeopleUseCases;
import org.smartstart.backoffice.domain.identity.Person;
import org.smartstart.backoffice.domain.identity.PersonArchive;
import org.smartstart.backoffice.domain.identity.PersonDetails;
import org.smartstart.backoffice.domain.identity.PersonSummary;
import org.smartstart.backoffice.domain.identity.Role;
import org.smartstart.backoffice.domain.identity.RoleAssignment;
import org.smartstart.backoffice.domain.identity.RoleGrant;
import org.smartstart.backoffice.domain.identity.RoleRevocation;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.ventures.VentureOverview;
import org.smartstart.backoffice.domain.ventures.Ventures;
import org.smartstart.backoffice.ui.navigation.Place;
import org.smartstart.backoffice.ui.tasks.BackgroundTask;
import org.smartstart.backoffice.ui.tasks.TaskExecutor;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The administration workspace: find people, open one (profile, KYC status, login state, roles active and
 * revoked), grant and revoke roles with a reason, unlock a locked account; the open person's BUZ wallet is
 * {@link #wallet()}. Every call goes through the ports in the background; a refusal is shown with the rule
 * that refused it and the form keeps what the administrator typed.
 */
public final class AdministrationViewModel {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    // search
    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObjectProperty<Role> roleFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<KycState> kycFilter = new SimpleObjectProperty<>();
    private final ObservableList<PersonSummary> found = FXCollections.observableArrayList();
    private final StringProperty searchSummary = new SimpleStringProperty("");
    private final BooleanProperty searching = new SimpleBooleanProperty(false);

    // the open person
    private final ObjectProperty<Person> person = new SimpleObjectProperty<>();
    private final ObservableList<RoleAssignment> assignments = FXCollections.observableArrayList();
    private final StringProperty loginState = new SimpleStringProperty("");
    private final ObservableList<VentureOverview> ventures = FXCollections.observableArrayList();
    private final ObservableList<PersonDetails.KycDocument> kycDocuments = FXCollections.observableArrayList();
    private final ObservableList<PersonDetails.Device> devices = FXCollections.observableArrayList();
    private final ObservableList<PersonDetails.Skill> skills = FXCollections.observableArrayList();
    private final StringProperty badges = new SimpleStringProperty("");
    private final ObservableList<PersonDetails.LoginEvent> logins = FXCollections.observableArrayList();
    private final StringProperty uploadDocType = new SimpleStringProperty("passport");

    // grant and revoke
    private final ObjectProperty<Role> grantRole = new SimpleObjectProperty<>();
    private final ObjectProperty<VentureOverview> grantVenture = new SimpleObjectProperty<>();
    private final StringProperty grantReason = new SimpleStringProperty("");
    private final ObjectProperty<RoleAssignment> selectedAssignment = new SimpleObjectProperty<>();
    private final StringProperty revokeReason = new SimpleStringProperty("");
    private final StringProperty archiveReason = new SimpleStringProperty("");

    // a new person, and the temporary password shown once after creating them
    private final StringProperty newName = new SimpleStringProperty("");
    private final StringProperty newEmail = new SimpleStringProperty("");
    private final StringProperty newCountry = new SimpleStringProperty("");
    private final StringProperty temporaryPassword = new SimpleStringProperty("");
    private final StringProperty temporaryPasswordFor = new SimpleStringProperty("");
    private final BooleanBinding canCreate;

    private final ObjectProperty<AdminFeedback> feedback = new SimpleObjectProperty<>(AdminFeedback.NONE);
    private final BooleanProperty working = new SimpleBooleanProperty(false);

    private final BooleanBinding grantVentureNeeded;
    private final BooleanBinding canGrant;
    private final BooleanBinding canRevoke;
    private final BooleanBinding canUnlock;
    private final BooleanBinding canArchive;

    private final People people;
    private final Ventures venturesPort;
    private final TaskExecutor executor;
    private final Clock clock;
    private final ZoneId zone;
    private final BuzWalletViewModel wallet;
    private final VentureAdminViewModel ventureAdmin;
    /** What the screen should bring to the front: "person" (the people section), "wallet" (the person's wallet tab). */
    private final ObjectProperty<String> requestedView = new SimpleObjectProperty<>();

    public AdministrationViewModel(People people, Ventures ventures, BuzWalletViewModel wallet, TaskExecutor executor,
                                   Clock clock, ZoneId zone) {
        this.people = people;
        this.venturesPort = ventures;
        this.wallet = wallet;
        this.executor = executor;
        this.clock = clock;
        this.zone = zone;
        this.ventureAdmin = new VentureAdminViewModel(ventures, people, wallet.walletsPort(), executor, zone);
        ventureAdmin.setWalletOpener(userId -> {
            open(userId);
            requestedView.set(null);
            requestedView.set("wallet");
        });
        grantVentureNeeded = Bindings.createBooleanBinding(
                () -> grantRole.get() != null && PeopleUseCases.VENTURE_ROLES.contains(grantRole.get()), grantRole);
        grantRole.addListener((obs, old, role) -> {
            if (role != null && !PeopleUseCases.VENTURE_ROLES.contains(role)) {
                grantVenture.set(null);
            }
        });
        canGrant = person.isNotNull().and(grantRole.isNotNull()).and(working.not())
                .and(grantVentureNeeded.not().or(grantVenture.isNotNull()));
        canRevoke = person.isNotNull().and(working.not()).and(Bindings.createBooleanBinding(
                () -> selectedAssignment.get() != null && selectedAssignment.get().active(), selectedAssignment));
        canArchive = working.not().and(Bindings.createBooleanBinding(
                () -> person.get() != null && person.get().archivedAt() == null, person));
        canCreate = working.not().and(newName.isNotEmpty()).and(newEmail.isNotEmpty());
        canUnlock = working.not().and(Bindings.createBooleanBinding(() -> {
            Person p = person.get();
            return p != null && p.hasPassword() && (p.failedLogins() > 0 || p.lockedUntil() != null);
        }, person));
    }

    /** Loads the ventures (for the role and BUZ forms) and the first page of people. */
    public void load() {
        executor.execute(BackgroundTask.of("Loading ventures…", venturesPort::overview)
                .onSuccess(outcome -> {
                    if (outcome instanceof Outcome.Done<List<VentureOverview>> done) {
                        ventures.setAll(done.value());
                        wallet.ventures().setAll(done.value());
                    } else {
                        feedback.set(AdminFeedback.refusal("The ventures could not be loaded", outcome));
                    }
                })
                .onFailure(e -> feedback.set(AdminFeedback.failure("The ventures could not be loaded", e))));
        search();
        ventureAdmin.load();
    }

    /** The Ventures section of this screen. */
    public VentureAdminViewModel ventureAdmin() {
        return ventureAdmin;
    }

    /** Links of the Ventures section lead through the shell's navigator. */
    public void setNavigator(org.smartstart.backoffice.ui.navigation.Navigator navigator) {
        ventureAdmin.setNavigator(navigator);
    }

    /** Set when something asks for the people section ("person") or the open person's wallet ("wallet"). */
    public ReadOnlyObjectProperty<String> requestedViewProperty() {
        return requestedView;
    }

    public void search() {
        PeopleFilter filter = new PeopleFilter(searchText.get(), roleFilter.get(), kycFilter.get(), null);
        searching.set(true);
        executor.execute(BackgroundTask.of("Searching people…", () -> people.people(filter))
                .onSuccess(outcome -> {
                    if (outcome instanceof Outcome.Done<List<PersonSummary>> done) {
                        found.setAll(done.value());
                        searchSummary.set(describeFound(done.value().size(), filter));
                    } else {
                        found.clear();
                        searchSummary.set("");
                        feedback.set(AdminFeedback.refusal("People could not be searched", outcome));
                    }
                })
                .onFailure(e -> feedback.set(AdminFeedback.failure("People could not be searched", e)))
                .onFinished(() -> searching.set(false)));
    }

    private static String describeFound(int count, PeopleFilter filter) {
        String people = count == 1 ? "1 person" : count + " people";
        if (count >= filter.pageSize()) {
            return "The first " + count + " people; narrow the search to see others.";
        }
        return people + (filter.searchText() == null && filter.role() == null && filter.kycStatus() == null ? "" : " match");
    }

    /**
     * Opens an account with a temporary password generated here, shown once (and never sent back by the
     * server, stored in clear or logged); the person must choose their own at the first sign-in. The new
     * person is opened and the list searched again.
     */
    public void createPerson() {
        if (!canCreate.get()) {
            return;
        }
        String temporary = PasswordRule.temporaryPassword();
        NewPerson request = new NewPerson(newName.get(), newEmail.get(), newCountry.get().isBlank() ? null : newCountry.get(), temporary);
        dismissTemporaryPassword();
        run("Creating a person…", () -> people.createPerson(request), "The account was not created", created -> {
            newName.set("");
            newEmail.set("");
            newCountry.set("");
            temporaryPasswordFor.set(created.displayName());
            temporaryPassword.set(temporary);
            open(created.id(), true);
            feedback.set(AdminFeedback.done("The account of " + created.displayName() + " is open (KYC pending, no roles yet). Give them the "
                    + "temporary password; they choose their own at the first sign-in."));
            search();
        });
    }

    /** Forgets the temporary password on screen (it cannot be shown again: only its hash is kept). */
    public void dismissTemporaryPassword() {
        temporaryPassword.set("");
        temporaryPasswordFor.set("");
    }

    /**
     * Shows a place other screens link to: a person ("user", as the audit trail names them) is opened here.
     * Wallets and BUZ transactions are named by their own ids, which do not say whose they are, so they are
     * not shown (the shell then stays where it was).
     */
    public boolean show(Place place) {
        if (place instanceof Place.ObjectOf o && "user".equals(o.objectType()) && o.objectId() != null) {
            open(o.objectId());
            requestedView.set(null);
            requestedView.set("person");
            return true;
        }
        return false;
    }

    /** Opens a person: profile and roles here, their wallet in {@link #wallet()}. */
    public void open(UUID userId) {
        open(userId, false);
    }

    private void open(UUID userId, boolean keepTemporaryPassword) {
        if (!keepTemporaryPassword) {
            dismissTemporaryPassword();
        }
        feedback.set(AdminFeedback.NONE);
        selectedAssignment.set(null);
        reload(userId);
        wallet.open(userId);
    }

    private void reload(UUID userId) {
        executor.execute(BackgroundTask.of("Reading documents, devices and sign-ins…", () -> people.personDetails(userId))
                .onSuccess(outcome -> {
                    if (outcome instanceof Outcome.Done<PersonDetails> done) {
                        showDetails(done.value());
                    } else {
                        showDetails(new PersonDetails(userId, List.of(), List.of(), List.of(), List.of(), List.of()));
                        feedback.set(AdminFeedback.refusal("The details of the person could not be read", outcome));
                    }
                })
                .onFailure(e -> feedback.set(AdminFeedback.failure("The details of the person could not be read", e))));
        executor.execute(BackgroundTask.of("Opening person…", () -> people.person(userId))
                .onSuccess(outcome -> {
                    if (outcome instanceof Outcome.Done<Person> done) {
                        show(done.value());
                    } else {
                        feedback.set(AdminFeedback.refusal("The person could not be opened", outcome));
                    }
                })
                .onFailure(e -> feedback.set(AdminFeedback.failure("The person could not be opened", e))));
    }

    private void show(Person p) {
        // The login state and the roles first: the screen redraws the person when it changes.
        loginState.set(describeLogin(p));
        List<RoleAssignment> all = new ArrayList<>(p.activeRoles());
        all.sort(Comparator.comparing(RoleAssignment::grantedAt).reversed());
        List<RoleAssignment> revoked = new ArrayList<>(p.revokedRoles());
        revoked.sort(Comparator.comparing(RoleAssignment::revokedAt).reversed());
        all.addAll(revoked);
        assignments.setAll(all);
        person.set(p);
    }

    /**
     * Uploads a scan on the open person's behalf; the file is read in the background. The kind (PDF, PNG,
     * JPEG) is read from the bytes by the use case, and the size is checked here first so a huge file is
     * never read.
     */
    public void uploadKycDocument(java.nio.file.Path file) {
        Person p = person.get();
        String docType = uploadDocType.get();
        if (p == null || file == null || docType == null) {
            return;
        }
        String what = "The document " + file.getFileName() + " was not uploaded for " + p.displayName();
        run("Uploading a KYC document…", () -> {
            long size = java.nio.file.Files.size(file);
            if (size > KycUpload.MAX_BYTES) {
                return Outcome.<PersonDetails.KycDocument>invalid("file", "is " + size / 1024 + " KB; at most " + KycUpload.limitInWords()
                        + " (scan it at a lower resolution)");
            }
            String base64 = java.util.Base64.getEncoder().encodeToString(java.nio.file.Files.readAllBytes(file));
            return people.uploadKycDocument(p.id(), new KycUpload(docType, file.getFileName().toString(), base64));
        }, what, uploaded -> {
            feedback.set(AdminFeedback.done("The " + AdminLabels.docType(uploaded.docType()).toLowerCase(java.util.Locale.ROOT) + " "
                    + uploaded.originalFilename() + " of " + p.displayName() + " is stored (sha256 " + uploaded.sha256().substring(0, 12)
                    + "…) and waits in the KYC review queue."));
            reload(p.id());
        });
    }

    private void showDetails(PersonDetails d) {
        kycDocuments.setAll(d.kycDocuments());
        devices.setAll(d.devices());
        skills.setAll(d.skills());
        badges.set(d.badges().isEmpty() ? "No badges earned yet."
                : "Badges: " + String.join(" · ", d.badges().stream().map(PersonDetails.Badge::name).toList()));
        logins.setAll(d.logins());
    }

    private String describeLogin(Person p) {
        if (!p.hasPassword()) {
            return "No password: cannot sign in";
        }
        if (p.mustChangePassword() && !p.lockedAt(clock.instant())) {
            return "Temporary password: not yet changed";
        }
        if (p.lockedAt(clock.instant())) {
            return "Locked until " + WHEN.format(p.lockedUntil().atZone(zone)) + " after " + p.failedLogins() + " failed sign-ins";
        }
        if (p.failedLogins() > 0) {
            return p.failedLogins() + (p.failedLogins() == 1 ? " failed sign-in" : " failed sign-ins") + " since the last success";
        }
        return "Can sign in";
    }

    public void grant() {
        Person p = person.get();
        Role role = grantRole.get();
        if (p == null || role == null) {
            return;
        }
        VentureOverview venture = grantVentureNeeded.get() ? grantVenture.get() : null;
        RoleGrant grant = new RoleGrant(role, venture == null ? null : venture.id(), grantReason.get());
        String where = venture == null ? "on the platform" : "on " + venture.name();
        String what = "The " + role.label() + " role " + where + " was not granted to " + p.displayName();
        run("Granting a role…", () -> people.grantRole(p.id(), grant), what, granted -> {
            grantReason.set("");
            feedback.set(AdminFeedback.done(p.displayName() + " now holds " + granted.describe() + "."));
            reload(p.id());
        });
    }

    public void revoke() {
        Person p = person.get();
        RoleAssignment assignment = selectedAssignment.get();
        if (p == null || assignment == null) {
            return;
        }
        String what = capitalized(assignment.describe()) + " of " + p.displayName() + " was not revoked";
        run("Revoking a role…", () -> people.revokeRole(assignment.id(), new RoleRevocation(revokeReason.get())), what, revoked -> {
            revokeReason.set("");
            feedback.set(AdminFeedback.done(capitalized(revoked.describe()) + " of " + p.displayName()
                    + " is revoked; it stays in the history below."));
            selectedAssignment.set(null);
            reload(p.id());
        });
    }

    public void unlock() {
        Person p = person.get();
        if (p == null) {
            return;
        }
        run("Unlocking an account…", () -> people.unlockAccount(p.id()), "The account of " + p.displayName() + " was not unlocked",
                unlocked -> {
                    show(unlocked);
                    feedback.set(AdminFeedback.done("The account of " + unlocked.displayName()
                            + " is unlocked; the failed sign-ins are forgotten."));
                });
    }

    /** Archives the open person (a soft delete): they keep their records and history but can no longer sign in. */
    public void archive() {
        Person p = person.get();
        if (p == null) {
            return;
        }
        run("Archiving a person…", () -> people.archivePerson(p.id(), new PersonArchive(archiveReason.get())),
                p.displayName() + " was not archived", archived -> {
                    archiveReason.set("");
                    show(archived);
                    feedback.set(AdminFeedback.done(archived.displayName() + " is archived: they can no longer sign in or be given "
                            + "roles; their records and role history stay."));
                });
    }

    private <T> void run(String title, java.util.concurrent.Callable<Outcome<T>> work, String whatIfRefused,
                         java.util.function.Consumer<T> onDone) {
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

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** "Owner on Northwind Robotics", "Compliance (global)". */
    public static String where(RoleAssignment a) {
        return a.global() ? "Platform (global)" : a.ventureName();
    }

    public String when(java.time.Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(zone));
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public StringProperty newEmailProperty() {
        return newEmail;
    }

    public StringProperty newCountryProperty() {
        return newCountry;
    }

    public BooleanBinding canCreateProperty() {
        return canCreate;
    }

    /** The temporary password of the person just created; empty once dismissed or another person is opened. */
    public ReadOnlyStringProperty temporaryPasswordProperty() {
        return temporaryPassword;
    }

    public ReadOnlyStringProperty temporaryPasswordForProperty() {
        return temporaryPasswordFor;
    }

    public BuzWalletViewModel wallet() {
        return wallet;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObjectProperty<Role> roleFilterProperty() {
        return roleFilter;
    }

    public ObjectProperty<KycState> kycFilterProperty() {
        return kycFilter;
    }

    public ObservableList<PersonSummary> found() {
        return found;
    }

    public ReadOnlyStringProperty searchSummaryProperty() {
        return searchSummary;
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching;
    }

    public ReadOnlyObjectProperty<Person> personProperty() {
        return person;
    }

    public ObservableList<RoleAssignment> assignments() {
        return assignments;
    }

    public ReadOnlyStringProperty loginStateProperty() {
        return loginState;
    }

    public ObservableList<PersonDetails.KycDocument> kycDocuments() {
        return kycDocuments;
    }

    public ObservableList<PersonDetails.Device> devices() {
        return devices;
    }

    public ObservableList<PersonDetails.Skill> skills() {
        return skills;
    }

    /** "Badges: First contribution · Verified identity", or that there are none. */
    public ReadOnlyStringProperty badgesProperty() {
        return badges;
    }

    /** Which kind of document the next upload is: passport, id_card, drivers_license or proof_of_address. */
    public StringProperty uploadDocTypeProperty() {
        return uploadDocType;
    }

    /** The person's sign-ins, failures, lockouts and sign-outs, newest first (from the audit trail). */
    public ObservableList<PersonDetails.LoginEvent> logins() {
        return logins;
    }

    public ObservableList<VentureOverview> ventures() {
        return ventures;
    }

    public ObjectProperty<Role> grantRoleProperty() {
        return grantRole;
    }

    public ObjectProperty<VentureOverview> grantVentureProperty() {
        return grantVenture;
    }

    public StringProperty grantReasonProperty() {
        return grantReason;
    }

    public BooleanBinding grantVentureNeededProperty() {
        return grantVentureNeeded;
    }

    public ObjectProperty<RoleAssignment> selectedAssignmentProperty() {
        return selectedAssignment;
    }

    public StringProperty revokeReasonProperty() {
        return revokeReason;
    }

    public StringProperty archiveReasonProperty() {
        return archiveReason;
    }

    public BooleanBinding canArchiveProperty() {
        return canArchive;
    }

    public ReadOnlyObjectProperty<AdminFeedback> feedbackProperty() {
        return feedback;
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working;
    }

    public BooleanBinding canGrantProperty() {
        return canGrant;
    }

    public BooleanBinding canRevokeProperty() {
        return canRevoke;
    }

    public BooleanBinding canUnlockProperty() {
        return canUnlock;
    }
}
