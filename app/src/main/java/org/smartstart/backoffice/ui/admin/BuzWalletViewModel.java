package org.smartstart.backoffice.ui.admin;

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
import org.smartstart.backoffice.domain.tokens.BuzMovement;
import org.smartstart.backoffice.domain.tokens.IssueRequest;
import org.smartstart.backoffice.domain.tokens.IssuanceRules;
import org.smartstart.backoffice.domain.tokens.Wallet;
import org.smartstart.backoffice.domain.tokens.WalletTransaction;
import org.smartstart.backoffice.domain.tokens.Wallets;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.ventures.VentureOverview;
import org.smartstart.backoffice.ui.tasks.BackgroundTask;
import org.smartstart.backoffice.ui.tasks.TaskExecutor;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * The open person's BUZ wallet: balances, the transactions newest first with their tx_hash chain and whether
 * it checks out (BZ-5), and issuing BUZ of a venture to them (BZ-2, BZ-3, BZ-6). An issue is based on the
 * wallet version shown, so a wallet that changed meanwhile is a conflict, never a lost update (BZ-1).
 */
public final class BuzWalletViewModel {

    private static final NumberFormat BUZ = NumberFormat.getIntegerInstance(Locale.ROOT);

    static {
        BUZ.setGroupingUsed(true);
    }

    private final ObjectProperty<Wallet> wallet = new SimpleObjectProperty<>();
    private final ObservableList<WalletTransaction> transactions = FXCollections.observableArrayList();
    private final StringProperty balance = new SimpleStringProperty("");
    private final StringProperty chain = new SimpleStringProperty("");
    private final BooleanProperty chainIntact = new SimpleBooleanProperty(true);
    private final ObservableList<VentureOverview> ventures = FXCollections.observableArrayList();

    private final ObjectProperty<VentureOverview> issueVenture = new SimpleObjectProperty<>();
    private final StringProperty issueAmount = new SimpleStringProperty("");
    private final StringProperty issueMemo = new SimpleStringProperty("");
    private final ObjectProperty<AdminFeedback> feedback = new SimpleObjectProperty<>(AdminFeedback.NONE);
    private final BooleanProperty working = new SimpleBooleanProperty(false);
    private final BooleanBinding canIssue;
    private final StringProperty issuanceRule = new SimpleStringProperty("");
    private final StringProperty issuanceHistory = new SimpleStringProperty("");

    private final Wallets wallets;
    private final TaskExecutor executor;
    private UUID userId;

    public BuzWalletViewModel(Wallets wallets, TaskExecutor executor) {
        this.wallets = wallets;
        this.executor = executor;
        canIssue = wallet.isNotNull().and(issueVenture.isNotNull()).and(issueAmount.isNotEmpty()).and(working.not());
        issueVenture.addListener((obs, old, venture) -> loadIssuanceRule(venture));
    }

    /** The chosen venture's issuance rule, so the cap is known before issuing (BZ-3) and its history on demand. */
    private void loadIssuanceRule(VentureOverview venture) {
        issuanceRule.set("");
        issuanceHistory.set("");
        if (venture == null) {
            return;
        }
        UUID asked = venture.id();
        executor.execute(BackgroundTask.of("Reading the issuance rule…", () -> wallets.issuanceRules(asked))
                .onSuccess(outcome -> {
                    if (issueVenture.get() == null || !issueVenture.get().id().equals(asked)) {
                        return;
                    }
                    if (outcome instanceof Outcome.Done<IssuanceRules> done) {
                        describe(done.value());
                    } else {
                        issuanceRule.set("The issuance rule could not be read: " + outcome.describe());
                    }
                })
                .onFailure(e -> issuanceRule.set("The issuance rule could not be read: " + e.getMessage())));
    }

    private void describe(IssuanceRules rules) {
        issuanceRule.set(ruleSentence(rules));
        issuanceHistory.set(historyLines(rules));
    }

    /** One sentence on the venture's current issuance rule and this month's issues (BZ-3, BZ-4). */
    static String ruleSentence(IssuanceRules rules) {
        java.util.Optional<IssuanceRules.Version> current = rules.current();
        if (current.isEmpty()) {
            return rules.ventureName() + " has no BUZ issuance rule: it cannot issue BUZ (BZ-3).";
        } else {
            IssuanceRules.Version v = current.get();
            return ("Rule of " + rules.ventureName() + ": at most " + buz(v.monthlyIssueCap()) + " BUZ a month, "
                    + buz(rules.issuedThisMonth()) + " issued in " + rules.month() + " (BZ-3); conversion band " + v.bandMin().toPlainString()
                    + "–" + v.bandMax().toPlainString() + " % per BUZ, " + (v.boardApproved() ? "board approved" : "NOT board approved")
                    + " (BZ-4); in force since " + v.createdAt().toString().substring(0, 10)
                    + (rules.versions().size() > 1 ? "; " + (rules.versions().size() - 1) + " earlier version"
                    + (rules.versions().size() > 2 ? "s" : "") : "") + ".");
        }
    }

    /** Every version of the rule, one per line, newest first. */
    static String historyLines(IssuanceRules rules) {
        StringBuilder history = new StringBuilder();
        for (IssuanceRules.Version v : rules.versions()) {
            history.append(v.createdAt().toString(), 0, 10).append(" – ")
                    .append(v.replacedAt() == null ? "now" : v.replacedAt().toString().substring(0, 10))
                    .append(": cap ").append(buz(v.monthlyIssueCap())).append(" BUZ/month, band ").append(v.bandMin().toPlainString())
                    .append("–").append(v.bandMax().toPlainString()).append(" %, ").append(v.boardApproved() ? "board approved" : "not approved")
                    .append('\n');
        }
        return history.toString().strip();
    }

    /** The port this wallet view model reads (the ventures administration reads issuance rules through it too). */
    Wallets walletsPort() {
        return wallets;
    }

    /** One sentence on the chosen venture's current issuance rule and this month's issues. */
    public javafx.beans.property.ReadOnlyStringProperty issuanceRuleProperty() {
        return issuanceRule;
    }

    /** Every version of the rule, one per line, newest first. */
    public javafx.beans.property.ReadOnlyStringProperty issuanceHistoryProperty() {
        return issuanceHistory;
    }

    public void open(UUID userId) {
        this.userId = userId;
        feedback.set(AdminFeedback.NONE);
        wallet.set(null);
        transactions.clear();
        balance.set("");
        chain.set("");
        reload();
    }

    private void reload() {
        UUID asked = userId;
        executor.execute(BackgroundTask.of("Loading the BUZ wallet…", () -> wallets.wallet(asked))
                .onSuccess(outcome -> {
                    if (!asked.equals(userId)) {
                        return; // another person was opened meanwhile
                    }
                    if (outcome instanceof Outcome.Done<Wallet> done) {
                        show(done.value());
                    } else {
                        feedback.set(AdminFeedback.refusal("The BUZ wallet could not be loaded", outcome));
                    }
                })
                .onFailure(e -> feedback.set(AdminFeedback.failure("The BUZ wallet could not be loaded", e))));
    }

    private void show(Wallet w) {
        wallet.set(w);
        transactions.setAll(w.transactions());
        balance.set(w.walletId() == null
                ? "No wallet yet: " + w.displayName() + " has never held BUZ"
                : buz(w.balance()) + " BUZ spendable · " + buz(w.lockedBalance()) + " BUZ locked · version " + w.version());
        chainIntact.set(w.chainIntact());
        int n = w.transactions().size();
        chain.set(w.chainIntact()
                ? "Chain intact (BZ-5): " + n + (n == 1 ? " transaction links" : " transactions link") + " from 64 zeros and every tx_hash recomputes"
                : "Chain BROKEN (BZ-5): a transaction does not link to the one before it or its tx_hash does not recompute");
    }

    public void issue() {
        Wallet w = wallet.get();
        VentureOverview venture = issueVenture.get();
        if (w == null || venture == null) {
            return;
        }
        String what = "No BUZ were issued to " + w.displayName();
        BigDecimal amount;
        try {
            amount = new BigDecimal(issueAmount.get().strip().replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            feedback.set(AdminFeedback.refusal(what, Outcome.invalid("amount", "must be a whole number of BUZ, not \""
                    + issueAmount.get().strip() + "\"")));
            return;
        }
        String memo = issueMemo.get() == null || issueMemo.get().isBlank() ? null : issueMemo.get();
        IssueRequest request = new IssueRequest(w.userId(), amount, null, memo, w.version());
        working.set(true);
        feedback.set(AdminFeedback.NONE);
        executor.execute(BackgroundTask.of("Issuing BUZ…", () -> wallets.issueBuz(venture.id(), request))
                .onSuccess(outcome -> {
                    if (outcome instanceof Outcome.Done<BuzMovement> done) {
                        BuzMovement m = done.value();
                        issueAmount.set("");
                        issueMemo.set("");
                        feedback.set(AdminFeedback.done("Issued " + buz(m.transaction().amount()) + " BUZ of " + venture.name()
                                + " to " + w.displayName() + ": balance " + buz(m.balanceBefore()) + " → " + buz(m.balanceAfter())
                                + " BUZ, tx_hash " + AdminLabels.shortHash(m.transaction().txHash()) + "."));
                        reload();
                    } else {
                        feedback.set(AdminFeedback.refusal(what, outcome));
                    }
                })
                .onFailure(e -> feedback.set(AdminFeedback.failure(what, e)))
                .onFinished(() -> working.set(false)));
    }

    /** The venture's name for a transaction, from the ventures the administrator can see. */
    public String ventureName(UUID ventureId) {
        if (ventureId == null) return "";
        return ventures.stream().filter(v -> v.id().equals(ventureId)).map(VentureOverview::name).findFirst()
                .orElse(ventureId.toString());
    }

    static String buz(long amount) {
        synchronized (BUZ) {
            return BUZ.format(amount);
        }
    }

    public ReadOnlyObjectProperty<Wallet> walletProperty() {
        return wallet;
    }

    public ObservableList<WalletTransaction> transactions() {
        return transactions;
    }

    public ReadOnlyStringProperty balanceProperty() {
        return balance;
    }

    public ReadOnlyStringProperty chainProperty() {
        return chain;
    }

    public ReadOnlyBooleanProperty chainIntactProperty() {
        return chainIntact;
    }

    public ObservableList<VentureOverview> ventures() {
        return ventures;
    }

    public ObjectProperty<VentureOverview> issueVentureProperty() {
        return issueVenture;
    }

    public StringProperty issueAmountProperty() {
        return issueAmount;
    }

    public StringProperty issueMemoProperty() {
        return issueMemo;
    }

    public ReadOnlyObjectProperty<AdminFeedback> feedbackProperty() {
        return feedback;
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working;
    }

    public BooleanBinding canIssueProperty() {
        return canIssue;
    }
}
