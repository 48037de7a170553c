package org.smartstart.backoffice.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.identity.SignInResult;
import org.smartstart.backoffice.domain.identity.SignedInUser;
import org.smartstart.backoffice.domain.usecase.BackOfficeConnector;
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.ui.admin.AdministrationView;
import org.smartstart.backoffice.ui.admin.AdministrationViewModel;
import org.smartstart.backoffice.ui.admin.BuzWalletViewModel;
import org.smartstart.backoffice.ui.captable.CapTableView;
import org.smartstart.backoffice.ui.captable.CapTableViewModel;
import org.smartstart.backoffice.ui.kyc.KycReviewView;
import org.smartstart.backoffice.ui.kyc.KycReviewViewModel;
import org.smartstart.backoffice.ui.kyc.ReasonCode;
import org.smartstart.backoffice.ui.signin.SignInView;
import org.smartstart.backoffice.ui.signin.SignInViewModel;
import org.smartstart.backoffice.ui.tasks.BackgroundTask;
import org.smartstart.backoffice.ui.tasks.TaskExecutor;
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.ui.disputes.DisputesView;
import org.smartstart.backoffice.ui.disputes.DisputesViewModel;
import org.smartstart.backoffice.ui.legalholds.LegalHoldsView;
import org.smartstart.backoffice.ui.legalholds.LegalHoldsViewModel;
import org.smartstart.backoffice.ui.ventures.VenturesView;
import org.smartstart.backoffice.ui.ventures.VenturesViewModel;

import org.smartstart.backoffice.ui.navigation.Navigator;
import org.smartstart.backoffice.ui.navigation.Place;
import org.smartstart.backoffice.ui.navigation.PlaceShower;

import java.util.EnumMap;
import java.util.Map;
import java.time.ZoneId;

/**
 * The windows of one running desktop: the sign-in window, and after signing in the main window. Signing
 * out (or closing the main window) ends the session in the background first.
 */
public final class DesktopShell {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopShell.class);
    static final String APP_TITLE = "SmartStart Back Office";

    private final BackOfficePlaces places;
    private final TaskExecutor executor;
    private final ThemeSwitch themeSwitch;
    private final Stage signInStage;
    private final ZoneId zone;
    private Stage mainStage;
    private Session session;
    /** Where the session was opened: this computer's database or a server. */
    private BackOfficeConnector connector;
    private MainWindowViewModel mainViewModel;
    /** What each opened screen does when sent to a place (registered when the screen is built). */
    private final Map<Page, PlaceShower> showers = new EnumMap<>(Page.class);
    /** What the screens link through: this shell, which knows the screens this user has. */
    private final Navigator navigator = new Navigator() {
        @Override
        public boolean go(Place place) {
            return DesktopShell.this.go(place);
        }

        @Override
        public boolean canGo(Place place) {
            return DesktopShell.this.canGo(place);
        }
    };

    public DesktopShell(BackOfficePlaces places, TaskExecutor executor, ThemeSwitch themeSwitch, Stage signInStage, ZoneId zone) {
        this.places = places;
        this.executor = executor;
        this.themeSwitch = themeSwitch;
        this.signInStage = signInStage;
        this.zone = zone;
    }

    public void showSignIn() {
        SignInViewModel viewModel = new SignInViewModel(places, executor, zone, this::openMainWindow);
        Parent root = ViewLoader.load("SignInView", new SignInView(viewModel, themeSwitch));
        signInStage.setTitle("Sign in — " + APP_TITLE);
        signInStage.setScene(scene(root));
        signInStage.setResizable(false);
        signInStage.sizeToScene();
        signInStage.centerOnScreen();
        signInStage.show();
    }

    private void openMainWindow(SignInResult.SignedIn signedIn) {
        session = signedIn.session();
        connector = places.signedInThrough();
        SignedInUser user = signedIn.user();
        MainWindowViewModel viewModel = new MainWindowViewModel(user, executor, connector.description(), this::signOut);
        mainViewModel = viewModel;
        showers.clear();
        Parent root = ViewLoader.load("MainWindow", new MainWindowView(viewModel, themeSwitch, page -> page(page, user)));
        mainStage = new Stage();
        mainStage.setTitle(APP_TITLE + " — " + user.displayName());
        mainStage.setScene(scene(root));
        mainStage.setOnCloseRequest(event -> {
            if (session != null) {
                event.consume();
                endSession(mainStage::close);
            }
        });
        // Show the new window before hiding the old one, so the app never has no window (that would quit it).
        mainStage.show();
        signInStage.hide();
    }

    private void signOut() {
        Stage closing = mainStage;
        endSession(() -> {
            showSignIn();
            closing.close();
        });
    }

    private void endSession(Runnable then) {
        Session ending = session;
        BackOfficeConnector endingAt = connector;
        session = null;
        if (ending == null) {
            then.run();
            return;
        }
        executor.execute(BackgroundTask.of("Signing out…", () -> {
                    endingAt.signOut(ending, places.client());
                    return null;
                })
                // The session ends by itself after eight hours; a failed sign-out must not keep the window open.
                .onFailure(e -> LOG.warn("Signing out failed; the session will expire at {}", ending.expiresAt(), e))
                .onFinished(then));
    }

    /**
     * Opens the screen that shows the place (building it the first time) and asks it to show the place.
     * Screens reach this through {@link #navigator}; links to places no screen shows go nowhere.
     */
    public boolean go(Place place) {
        Page page = pageFor(place);
        if (page == null || mainViewModel == null || !mainViewModel.pages().contains(page)) {
            return false;
        }
        mainViewModel.open(page);
        PlaceShower shower = showers.get(page);
        return shower != null && shower.show(place);
    }

    /** Whether {@link #go} would open a screen for the place: some screen shows it and this user has that screen. */
    public boolean canGo(Place place) {
        Page page = pageFor(place);
        return page != null && mainViewModel != null && mainViewModel.pages().contains(page);
    }

    /** Which screen shows a place; null when none does. Object types are spelled as the audit trail records them. */
    static Page pageFor(Place place) {
        if (place instanceof Place.AuditTrailOf || place instanceof Place.AuditEntryAt) {
            return Page.AUDIT;
        }
        if (place instanceof Place.ObjectOf o) {
            return switch (o.objectType()) {
                case "venture", "equity", "equity_ledger", "cap_table", "vesting_policy" -> Page.CAP_TABLES;
                case "kyc_document", "kyb_document" -> Page.KYC_REVIEW;
                case "dispute" -> Page.DISPUTES;
                case "legal_hold" -> Page.LEGAL_HOLDS;
                case "user", "buz_transaction", "buz_tx", "user_wallet", "issuance_rule" -> Page.ADMINISTRATION;
                default -> null;
            };
        }
        return null;
    }

    private Node page(Page page, SignedInUser user) {
        if (page == Page.VENTURES) {
            VenturesViewModel viewModel = new VenturesViewModel(connector.open(session).ventures(), executor);
            Node node = ViewLoader.load("Ventures", new VenturesView(viewModel, zone));
            viewModel.load();
            return node;
        }
        if (page == Page.AUDIT) {
            var viewModel = new org.smartstart.backoffice.ui.audit.AuditViewModel(connector.open(session).auditTrail(), executor, zone,
                    navigator);
            Node node = ViewLoader.load("Audit", new org.smartstart.backoffice.ui.audit.AuditView(viewModel));
            showers.put(page, viewModel::show);
            viewModel.load();
            return node;
        }
        if (page == Page.ADMINISTRATION) {
            BackOffice backOffice = connector.open(session);
            AdministrationViewModel viewModel = new AdministrationViewModel(backOffice.people(), backOffice.ventures(),
                    new BuzWalletViewModel(backOffice.wallets(), executor), executor, java.time.Clock.systemUTC(), zone);
            viewModel.setNavigator(navigator);
            Node node = ViewLoader.load("Administration", new AdministrationView(viewModel));
            showers.put(page, viewModel::show);
            viewModel.load();
            return node;
        }
        if (page == Page.LEGAL_HOLDS) {
            BackOffice backOffice = connector.open(session);
            LegalHoldsViewModel viewModel = new LegalHoldsViewModel(backOffice.legalHolds(), backOffice.ventures(), executor);
            Node node = ViewLoader.load("LegalHolds", new LegalHoldsView(viewModel));
            showers.put(page, viewModel::show);
            viewModel.load();
            return node;
        }
        if (page == Page.DISPUTES) {
            BackOffice backOffice = connector.open(session);
            DisputesViewModel viewModel = new DisputesViewModel(backOffice.disputes(), backOffice.ventures(), backOffice.people(),
                    backOffice.capTables(), user.id(), executor, java.time.Clock.system(zone));
            viewModel.setNavigator(navigator);
            Node node = ViewLoader.load("Disputes", new DisputesView(viewModel, zone));
            showers.put(page, viewModel::show);
            viewModel.load();
            return node;
        }
        if (page == Page.CAP_TABLES) {
            CapTableViewModel viewModel = new CapTableViewModel(connector.open(session), executor, java.time.Clock.system(zone));
            viewModel.setNavigator(navigator);
            Node node = ViewLoader.load("CapTables", new CapTableView(viewModel));
            showers.put(page, viewModel::show);
            viewModel.start();
            return node;
        }
        if (page == Page.KYC_REVIEW) {
            KycReviewViewModel viewModel = new KycReviewViewModel(connector.open(session).kycReview(), user.id(), executor,
                    ReasonCode.configured(), navigator);
            Node node = ViewLoader.load("KycReview", new KycReviewView(viewModel, zone));
            showers.put(page, viewModel::show);
            viewModel.start();
            return node;
        }
        Label title = new Label(page.title());
        title.getStyleClass().add("title-3");
        Label text = new Label(page.notYetAvailable());
        text.getStyleClass().add("text-muted");
        VBox box = new VBox(8, title, text);
        box.getStyleClass().addAll("page", "not-yet-page");
        box.setAlignment(Pos.TOP_LEFT);
        return box;
    }

    static Scene scene(Parent root) {
        Scene scene = new Scene(root);
        scene.getStylesheets().add(Theme.appStylesheet());
        return scene;
    }
}
