package org.smartstart.backoffice.persistence.identity;

import org.smartstart.backoffice.domain.audit.AuditEntry;
import org.smartstart.backoffice.domain.identity.CredentialStore;
import org.smartstart.backoffice.domain.identity.NewSession;
import org.smartstart.backoffice.domain.identity.Role;
import org.smartstart.backoffice.domain.identity.SignedInUser;
import org.smartstart.backoffice.domain.identity.StoredCredentials;
import org.smartstart.backoffice.persistence.audit.AuditOutbox;
import org.smartstart.backoffice.persistence.db.Transactions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Accounts and sessions in user_credentials / user_sessions, one transaction per attempt. The
 * credentials row is locked for the attempt, so two attempts at once cannot both count the same failure.
 */
public final class JdbcCredentialStore implements CredentialStore {

    private final Transactions transactions;

    public JdbcCredentialStore(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> T attempt(String email, AttemptWork<T> work) {
        try {
            return transactions.inTransaction(null, c -> {
                Optional<StoredCredentials> account = load(c, email);
                try {
                    return work.run(new JdbcAttempt(c, account));
                } catch (UncheckedSql e) {
                    throw e.getCause();
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Signing in failed in the database: " + e.getMessage(), e);
        }
    }

    @Override
    public void endSession(UUID sessionId, Instant endedAt, AuditEntry entry) {
        try {
            transactions.inTransaction(entry.actor(), c -> {
                try (PreparedStatement p = c.prepareStatement(
                        "UPDATE user_sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
                    p.setTimestamp(1, Timestamp.from(endedAt));
                    p.setObject(2, sessionId, Types.OTHER);
                    if (p.executeUpdate() == 1) {
                        AuditOutbox.append(c, entry);
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Signing out failed in the database: " + e.getMessage(), e);
        }
    }

    private static Optional<StoredCredentials> load(Connection c, String email) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                SELECT u.id, u.display_name, u.email, u.archived_at IS NOT NULL AS archived,
                       cr.password_hash, cr.failed_attempts, cr.locked_until, cr.must_change_password
                  FROM users u JOIN user_credentials cr ON cr.user_id = u.id
                 WHERE lower(u.email) = lower(?)
                   FOR UPDATE OF cr""")) {
            p.setString(1, email);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                UUID id = r.getObject("id", UUID.class);
                Timestamp locked = r.getTimestamp("locked_until");
                String displayName = r.getString("display_name");
                String storedEmail = r.getString("email");
                String hash = r.getString("password_hash");
                int failed = r.getInt("failed_attempts");
                boolean mustChange = r.getBoolean("must_change_password");
                boolean archived = r.getBoolean("archived");
                SignedInUser user = new SignedInUser(id, displayName, storedEmail, globalRoles(c, id));
                return Optional.of(new StoredCredentials(user, hash, failed,
                        Optional.ofNullable(locked).map(Timestamp::toInstant), mustChange, archived));
            }
        }
    }

    private static Set<Role> globalRoles(Connection c, UUID userId) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        try (PreparedStatement p = c.prepareStatement(
                "SELECT role::text FROM role_assignments WHERE user_id = ? AND scope = 'global' AND revoked_at IS NULL")) {
            p.setObject(1, userId, Types.OTHER);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    roles.add(Role.ofCode(r.getString(1)));
                }
            }
        }
        return roles;
    }

    private static final class JdbcAttempt implements Attempt {
        private final Connection c;
        private final Optional<StoredCredentials> account;

        JdbcAttempt(Connection c, Optional<StoredCredentials> account) {
            this.c = c;
            this.account = account;
        }

        @Override
        public Optional<StoredCredentials> account() {
            return account;
        }

        @Override
        public void recordFailure(int failedAttempts, Instant lockedUntil) {
            update("UPDATE user_credentials SET failed_attempts = ?, locked_until = ?, version = version + 1 WHERE user_id = ?",
                    failedAttempts, lockedUntil == null ? null : Timestamp.from(lockedUntil));
        }

        @Override
        public void resetFailures() {
            update("UPDATE user_credentials SET failed_attempts = ?, locked_until = ?, version = version + 1 WHERE user_id = ?",
                    0, null);
        }

        private void update(String sql, int failedAttempts, Timestamp lockedUntil) {
            UUID userId = account.orElseThrow(() -> new IllegalStateException("no account to update")).user().id();
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setInt(1, failedAttempts);
                p.setTimestamp(2, lockedUntil);
                p.setObject(3, userId, Types.OTHER);
                p.executeUpdate();
            } catch (SQLException e) {
                throw new UncheckedSql(e);
            }
        }

        @Override
        public void startSession(NewSession s) {
            try (PreparedStatement p = c.prepareStatement("""
                    INSERT INTO user_sessions (id, user_id, token_sha256, created_at, expires_at, client_host, user_agent)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                p.setObject(1, s.id(), Types.OTHER);
                p.setObject(2, s.userId(), Types.OTHER);
                p.setString(3, s.tokenSha256());
                p.setTimestamp(4, Timestamp.from(s.createdAt()));
                p.setTimestamp(5, Timestamp.from(s.expiresAt()));
                p.setString(6, truncate(s.client().host(), 255));
                p.setString(7, truncate(s.client().userAgent(), 500));
                p.executeUpdate();
            } catch (SQLException e) {
                throw new UncheckedSql(e);
            }
        }

        @Override
        public void audit(AuditEntry entry) {
            try {
                AuditOutbox.append(c, entry);
            } catch (SQLException e) {
                throw new UncheckedSql(e);
            }
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** Carries a SQLException through the domain's callback and out again to roll back. */
    private static final class UncheckedSql extends RuntimeException {
        UncheckedSql(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
