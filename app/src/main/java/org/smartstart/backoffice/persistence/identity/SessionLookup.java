package org.smartstart.backoffice.persistence.identity;

import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.identity.SignIn;
import org.smartstart.backoffice.persistence.db.Transactions;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds the session a bearer token belongs to, by the token's sha256 (the database never holds the
 * token itself). Whether the session is still valid — not ended, not expired, account not archived — is
 * checked again by every use case in its own transaction; this only says whose token it is.
 *
 * <p>Because a token's session never changes (its id, user and expiry are written once at sign-in) and
 * validity is checked by the use case anyway, the answers for recently used tokens are remembered: a
 * request then costs one transaction, not two. Unknown tokens are not remembered, so guessing cannot
 * fill the memory.
 */
public final class SessionLookup {

    private static final int REMEMBERED_TOKENS = 10_000;

    private final Transactions transactions;
    private final Map<String, Session> recent = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) {
            return size() > REMEMBERED_TOKENS;
        }
    });

    public SessionLookup(Transactions transactions) {
        this.transactions = transactions;
    }

    /** The session of {@code token}, if one was ever started with it. */
    public Optional<Session> byToken(String token) throws SQLException {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        String sha256 = SignIn.sha256Hex(token);
        Session remembered = recent.get(sha256);
        if (remembered != null) {
            return Optional.of(remembered);
        }
        Optional<Session> found = transactions.inTransaction(null, c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT id, user_id, expires_at FROM user_sessions WHERE token_sha256 = ? AND revoked_at IS NULL")) {
                p.setString(1, sha256);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Session(r.getObject(1, UUID.class), r.getObject(2, UUID.class), token,
                            r.getTimestamp(3).toInstant()));
                }
            }
        });
        found.ifPresent(session -> recent.put(sha256, session));
        return found;
    }

    /** Forgets {@code token} once its session has ended here, so the next lookup asks the database again. */
    public void forget(String token) {
        if (token != null) {
            recent.remove(SignIn.sha256Hex(token));
        }
    }
}
