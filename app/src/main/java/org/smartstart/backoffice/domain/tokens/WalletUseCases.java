package org.smartstart.backoffice.domain.tokens;

import org.smartstart.backoffice.domain.access.Actor;
import org.smartstart.backoffice.domain.access.Permission;
import org.smartstart.backoffice.domain.audit.AuditEntry;
import org.smartstart.backoffice.domain.audit.AuditRecorder;
import org.smartstart.backoffice.domain.identity.Role;
import org.smartstart.backoffice.domain.usecase.FieldProblem;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Rejection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The wallet use cases, on a {@link WalletStore} inside one transaction the adapter opened: permission
 * (ID-3), input, the rules (BZ-1/2/3/6 in {@link WalletPolicy}), the optimistic lock on the wallet's
 * version (BZ-1), then the chained transaction (BZ-5) and the one audit entry (AU-1). Refusals are
 * outcomes; the adapter rolls back anything that is not Done.
 */
public final class WalletUseCases {

    /** The largest amount the BZ-5 canonical JSON keeps exact (RFC 8785 numbers are IEEE doubles). */
    public static final long MAX_AMOUNT = 9_007_199_254_740_991L;
    public static final int MAX_MEMO = 500;

    private static final String MOVE_PERMISSION = Permission.CONVERT_BUZ.words();

    private final WalletStore store;

    public WalletUseCases(WalletStore store) {
        this.store = store;
    }

    public Outcome<Wallet> wallet(Actor actor, UUID userId) {
        if (userId == null) {
            return Outcome.invalid("userId", "is missing: whose wallet");
        }
        // A wallet is personal: its own user, or staff who read every venture's figures (READ_CAP_TABLE's global roles).
        if (!actor.userId().equals(userId) && !actor.may(Permission.READ_CAP_TABLE)) {
            return new Outcome.Denied<>("read a BUZ wallet", "You may not read another person's BUZ wallet: that takes "
                    + "the global admin, compliance or support role (ID-3).");
        }
        Optional<WalletStore.Person> person = store.person(userId);
        if (person.isEmpty()) {
            return Outcome.notFound("user", userId);
        }
        Optional<WalletStore.WalletState> wallet = store.wallet(userId);
        if (wallet.isEmpty()) {
            return Outcome.done(new Wallet(userId, person.get().displayName(), null, 0, 0, 0, true, List.of()));
        }
        WalletStore.WalletState w = wallet.get();
        WalletStore.Chain chain = store.chain(w.walletId());
        return Outcome.done(new Wallet(userId, person.get().displayName(), w.walletId(), w.balance(), w.lockedBalance(), w.version(),
                chain.intact(), chain.newestFirst()));
    }

    public Outcome<IssuanceRules> issuanceRules(Actor actor, UUID ventureId, Instant now) {
        if (!actor.may(Permission.READ_CAP_TABLE, ventureId)) {
            return new Outcome.Denied<>(Permission.READ_CAP_TABLE.words(), "You may not read the BUZ issuance rule of this venture: that takes "
                    + "its owner, contributor or reviewer role, or the global compliance, admin or support role (ID-3).");
        }
        Optional<WalletStore.Venture> venture = store.venture(ventureId);
        if (venture.isEmpty()) {
            return Outcome.notFound("venture", ventureId);
        }
        YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
        return Outcome.done(new IssuanceRules(ventureId, venture.get().name(), month, store.earnedIn(ventureId, month),
                store.issuanceRules(ventureId)));
    }

    public Outcome<BuzMovement> issueBuz(Actor actor, UUID ventureId, IssueRequest request, Instant now, AuditRecorder audit) {
        Optional<Outcome<BuzMovement>> denied = requireMover(actor, ventureId);
        if (denied.isPresent()) {
            return denied.get();
        }
        if (request == null) {
            return Outcome.invalid("request", "is missing");
        }
        List<FieldProblem> problems = problems(request.userId(), request.amount(), request.memo(), request.basedOnVersion());
        if (!problems.isEmpty()) {
            return new Outcome.Invalid<>(problems);
        }
        Optional<WalletStore.Venture> venture = store.venture(ventureId);
        if (venture.isEmpty()) {
            return Outcome.notFound("venture", ventureId);
        }
        Optional<WalletStore.Person> person = store.person(request.userId());
        if (person.isEmpty()) {
            return Outcome.invalid("userId", "no user " + request.userId() + " exists");
        }
        if (request.contributionEventId() != null) {
            Optional<WalletStore.Contribution> contribution = store.contribution(request.contributionEventId());
            if (contribution.isEmpty()) {
                return Outcome.invalid("contributionEventId", "no contribution event " + request.contributionEventId() + " exists");
            }
            if (!request.userId().equals(contribution.get().userId())) {
                return Outcome.invalid("contributionEventId", "is a contribution of someone else, not of " + person.get().displayName());
            }
            if (contribution.get().ventureId() != null && !contribution.get().ventureId().equals(ventureId)) {
                return Outcome.invalid("contributionEventId", "is a contribution to another venture, not to " + venture.get().name());
            }
        }
        long amount = request.amount().longValueExact();
        YearMonth month = YearMonth.from(now.atOffset(ZoneOffset.UTC));
        store.lockIssuance(ventureId);
        long earned = store.earnedIn(ventureId, month);
        List<Rejection> rejections = WalletPolicy.issue(venture.get(), person.get(), amount, month, earned);
        if (!rejections.isEmpty()) {
            return Outcome.rejected(rejections);
        }
        Optional<Outcome<BuzMovement>> stale = stale(person.get(), store.wallet(request.userId()).orElse(null), request.basedOnVersion());
        if (stale.isPresent()) {
            return stale.get();
        }
        WalletStore.WalletState wallet = store.openWallet(request.userId());
        // Someone who saw no wallet (version 0) may issue into the one just opened empty (version 1), not into
        // one that another writer opened and changed meanwhile.
        if (request.basedOnVersion() != null && wallet.version() != Math.max(request.basedOnVersion(), 1)) {
            return stale(person.get(), wallet, request.basedOnVersion()).orElseThrow();
        }
        return move(actor, venture.get(), person.get(), wallet, BuzTxType.EARN, amount, request.contributionEventId(),
                request.memo(), now, audit, "BUZ_ISSUED");
    }

    public Outcome<BuzMovement> redeemBuz(Actor actor, UUID ventureId, RedeemRequest request, Instant now, AuditRecorder audit) {
        Optional<Outcome<BuzMovement>> denied = requireMover(actor, ventureId);
        if (denied.isPresent()) {
            return denied.get();
        }
        if (request == null) {
            return Outcome.invalid("request", "is missing");
        }
        List<FieldProblem> problems = problems(request.userId(), request.amount(), request.memo(), request.basedOnVersion());
        if (!problems.isEmpty()) {
            return new Outcome.Invalid<>(problems);
        }
        Optional<WalletStore.Venture> venture = store.venture(ventureId);
        if (venture.isEmpty()) {
            return Outcome.notFound("venture", ventureId);
        }
        Optional<WalletStore.Person> person = store.person(request.userId());
        if (person.isEmpty()) {
            return Outcome.invalid("userId", "no user " + request.userId() + " exists");
        }
        long amount = request.amount().longValueExact();
        WalletStore.WalletState wallet = store.wallet(request.userId()).orElse(null);
        Optional<Outcome<BuzMovement>> stale = stale(person.get(), wallet, request.basedOnVersion());
        if (stale.isPresent()) {
            return stale.get();
        }
        List<Rejection> rejections = WalletPolicy.redeem(venture.get(), person.get(), wallet, amount);
        if (!rejections.isEmpty()) {
            return Outcome.rejected(rejections);
        }
        return move(actor, venture.get(), person.get(), wallet, BuzTxType.REDEEM, -amount, null, request.memo(), now, audit,
                "BUZ_REDEEMED");
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * ID-3 has no row for issuing or redeeming BUZ; it is granted like converting BUZ (the venture's owner or
     * a global admin), the nearest row: both move a venture's BUZ on someone's wallet.
     */
    private static Optional<Outcome<BuzMovement>> requireMover(Actor actor, UUID ventureId) {
        if (actor.may(Permission.CONVERT_BUZ, ventureId)) {
            return Optional.empty();
        }
        return Optional.of(new Outcome.Denied<>(MOVE_PERMISSION, "You may not issue or redeem BUZ of this venture: that takes "
                + "its owner role or the global admin role, as converting BUZ does (ID-3)."));
    }

    private Outcome<BuzMovement> move(Actor actor, WalletStore.Venture venture, WalletStore.Person person,
                                      WalletStore.WalletState wallet, BuzTxType type, long signedAmount, UUID contributionEventId,
                                      String memo, Instant now, AuditRecorder audit, String action) {
        String cleanMemo = memo == null || memo.isBlank() ? null : memo.strip();
        Optional<WalletTransaction> written = store.move(wallet, venture.ventureId(), type, signedAmount, contributionEventId,
                cleanMemo, now);
        if (written.isEmpty()) {
            return new Outcome.Conflict<>("The wallet of " + person.displayName() + " changed while "
                    + (type == BuzTxType.EARN ? "BUZ were being issued" : "BUZ were being redeemed")
                    + "; nothing was saved. Reload the wallet and try again.");
        }
        WalletTransaction tx = written.get();
        long after = wallet.balance() + signedAmount;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user_id", person.userId().toString());
        data.put("wallet_id", wallet.walletId().toString());
        data.put("type", type.code());
        data.put("amount", signedAmount);
        data.put("balance_before", wallet.balance());
        data.put("balance_after", after);
        data.put("version_before", wallet.version());
        data.put("version_after", wallet.version() + 1);
        data.put("contribution_event_id", contributionEventId == null ? null : contributionEventId.toString());
        // The memo is free text that may name people (AU-1): it stays in the chained transaction, not in the log.
        data.put("memo_given", cleanMemo != null);
        data.put("prev_tx_hash", tx.prevTxHash());
        data.put("tx_hash", tx.txHash());
        data.put("acting_as", actor.rolesOn(venture.ventureId()).contains(Role.OWNER) ? "owner" : "admin");
        audit.record(new AuditEntry(actor.userId(), action, "buz_transaction", tx.id(), venture.ventureId(), data));
        return Outcome.done(new BuzMovement(person.userId(), wallet.walletId(), tx, wallet.balance(), after, wallet.version() + 1));
    }

    /** A conflict when the caller worked from another version of the wallet than the one stored now. */
    private static Optional<Outcome<BuzMovement>> stale(WalletStore.Person person, WalletStore.WalletState wallet, Integer basedOnVersion) {
        int current = wallet == null ? 0 : wallet.version();
        if (basedOnVersion == null || basedOnVersion == current) {
            return Optional.empty();
        }
        return Optional.of(new Outcome.Conflict<>("The wallet of " + person.displayName() + " is at version " + current
                + " holding " + (wallet == null ? 0 : wallet.balance()) + " BUZ, not at version " + basedOnVersion
                + " as when you read it: it changed meanwhile; nothing was saved. Reload the wallet and try again."));
    }

    private static List<FieldProblem> problems(UUID userId, BigDecimal amount, String memo, Integer basedOnVersion) {
        List<FieldProblem> problems = new ArrayList<>();
        if (userId == null) {
            problems.add(new FieldProblem("userId", "is missing: whose wallet"));
        }
        if (amount == null) {
            problems.add(new FieldProblem("amount", "is missing: how many BUZ"));
        } else if (amount.signum() <= 0) {
            problems.add(new FieldProblem("amount", "must be more than 0 BUZ, not " + amount.toPlainString()));
        } else if (amount.stripTrailingZeros().scale() > 0) {
            problems.add(new FieldProblem("amount", "must be whole BUZ without decimals, not " + amount.toPlainString()));
        } else if (amount.compareTo(BigDecimal.valueOf(MAX_AMOUNT)) > 0) {
            problems.add(new FieldProblem("amount", "must be at most " + MAX_AMOUNT + " BUZ, not " + amount.toPlainString()));
        }
        if (memo != null && memo.strip().length() > MAX_MEMO) {
            problems.add(new FieldProblem("memo", "has " + memo.strip().length() + " characters; at most " + MAX_MEMO));
        }
        if (basedOnVersion != null && basedOnVersion < 0) {
            problems.add(new FieldProblem("basedOnVersion", "must be 0 or more, not " + basedOnVersion));
        }
        return problems;
    }
}
