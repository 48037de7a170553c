package org.smartstart.backoffice.domain.identity;

import org.smartstart.backoffice.domain.audit.AuditEntry;
import org.smartstart.backoffice.domain.audit.PersonalDataTokenizer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Signing in with e-mail and password (ID-4). Five consecutive failures lock the account for fifteen
 * minutes; a success clears the count and starts an eight-hour session. Every attempt leaves exactly one
 * audit entry, with the e-mail tokenized, the client's host and its user agent.
 */
public final class SignIn {

    public static final int MAX_FAILED_ATTEMPTS = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(15);
    public static final Duration SESSION_LIFETIME = Duration.ofHours(8);

    public static final String LOGIN_SUCCEEDED = "LOGIN_SUCCEEDED";
    public static final String LOGIN_FAILED = "LOGIN_FAILED";
    public static final String ACCOUNT_LOCKED = "ACCOUNT_LOCKED";
    public static final String LOGGED_OUT = "LOGGED_OUT";

    private static final String OBJECT_TYPE = "user";

    private final CredentialStore store;
    private final PasswordHasher hasher;
    private final PersonalDataTokenizer tokenizer;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile String decoyHash;

    public SignIn(CredentialStore store, PasswordHasher hasher, PersonalDataTokenizer tokenizer, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.hasher = Objects.requireNonNull(hasher);
        this.tokenizer = Objects.requireNonNull(tokenizer);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The caller may wipe {@code password} afterwards; it is not kept. */
    public SignInResult signIn(String email, char[] password, ClientInfo client) {
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return store.attempt(normalized, attempt -> decide(normalized, password, client, attempt));
    }

    /** Ends the session now; the token stops working. */
    public void signOut(Session session, ClientInfo client) {
        Map<String, Object> data = clientData(client);
        data.put("session_id", session.id().toString());
        store.endSession(session.id(), clock.instant(),
                new AuditEntry(session.userId(), LOGGED_OUT, OBJECT_TYPE, session.userId(), null, data));
    }

    private SignInResult decide(String email, char[] password, ClientInfo client, CredentialStore.Attempt attempt) {
        Instant now = clock.instant();
        Map<String, Object> data = clientData(client);
        data.put("email_token", tokenizer.token(email));

        Optional<StoredCredentials> found = attempt.account();
        if (found.isEmpty()) {
            // Same cost as a real check, so the answer's timing does not tell which e-mails exist.
            hasher.matches(password, decoyHash());
            data.put("reason", "unknown_email");
            attempt.audit(new AuditEntry(null, LOGIN_FAILED, OBJECT_TYPE, null, null, data));
            return new SignInResult.WrongCredentials(OptionalInt.empty());
        }
        StoredCredentials account = found.get();
        UUID userId = account.user().id();

        Optional<Instant> lockedUntil = account.lockedUntil().filter(now::isBefore);
        if (lockedUntil.isPresent()) {
            data.put("reason", "locked");
            data.put("locked_until", lockedUntil.get().toString());
            attempt.audit(entry(userId, LOGIN_FAILED, data));
            return new SignInResult.LockedOut(lockedUntil.get());
        }

        if (!hasher.matches(password, account.passwordHash())) {
            // A lockout that has run out starts the count afresh.
            int previous = account.lockedUntil().isPresent() ? 0 : account.failedAttempts();
            int failures = previous + 1;
            data.put("failed_attempts", failures);
            if (failures >= MAX_FAILED_ATTEMPTS) {
                Instant until = now.plus(LOCKOUT);
                attempt.recordFailure(failures, until);
                data.put("locked_until", until.toString());
                attempt.audit(entry(userId, ACCOUNT_LOCKED, data));
                return new SignInResult.LockedOut(until);
            }
            attempt.recordFailure(failures, null);
            data.put("reason", "wrong_password");
            attempt.audit(entry(userId, LOGIN_FAILED, data));
            return new SignInResult.WrongCredentials(OptionalInt.of(MAX_FAILED_ATTEMPTS - failures));
        }

        if (account.failedAttempts() > 0 || account.lockedUntil().isPresent()) {
            attempt.resetFailures();
        }
        if (account.archived()) {
            data.put("reason", "archived");
            attempt.audit(entry(userId, LOGIN_FAILED, data));
            return new SignInResult.AccountArchived();
        }

        String token = newToken();
        Session session = new Session(UUID.randomUUID(), userId, token, now.plus(SESSION_LIFETIME));
        attempt.startSession(new NewSession(session.id(), userId, sha256Hex(token), now, session.expiresAt(), client));
        data.put("session_id", session.id().toString());
        if (account.mustChangePassword()) {
            // The session only lets the person choose their own password: every other use case refuses it until then.
            data.put("password_change_required", true);
            attempt.audit(entry(userId, LOGIN_SUCCEEDED, data));
            return new SignInResult.PasswordChangeRequired(session, account.user());
        }
        attempt.audit(entry(userId, LOGIN_SUCCEEDED, data));
        return new SignInResult.SignedIn(session, account.user());
    }

    private static AuditEntry entry(UUID userId, String action, Map<String, Object> data) {
        return new AuditEntry(userId, action, OBJECT_TYPE, userId, null, data);
    }

    private static Map<String, Object> clientData(ClientInfo client) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("client_host", client.host());
        data.put("user_agent", client.userAgent());
        return data;
    }

    private String decoyHash() {
        String h = decoyHash;
        if (h == null) {
            h = hasher.hash("decoy password that no account has".toCharArray());
            decoyHash = h;
        }
        return h;
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The form in which a session token is stored and looked up. */
    public static String sha256Hex(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
