package org.smartstart.backoffice.persistence.identity;

import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.identity.SignIn;
import org.smartstart.backoffice.persistence.db.Transactions;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds the session a bearer token belongs to, by the token's sha256 (the database never holds the
 * token itself). Whether the session is still valid — not ended, not expired, account not archived — is
 * checked again by every use case in its own transaction; this only says whose token it is.
 */
public final class SessionLookup {

    private final Transactions transactions;

    public SessionLookup(Transactions transactions) {
        this.transactions = transactions;
    }

    /** The session of {@code token}, if one was ever started with it. */
    public Optional<Session> byToken(String token) throws SQLException {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return transactions.inTransaction(null, c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT id, user_id, expires_at FROM user_sessions WHERE token_sha256 = ? AND revoked_at IS NULL")) {
                p.setString(1, SignIn.sha256Hex(token));
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Session(r.getObject(1, UUID.class), r.getObject(2, UUID.class), token,
                            r.getTimestamp(3).toInstant()));
                }
            }
        });
    }
}
