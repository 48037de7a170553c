package org.smartstart.backoffice.persistence.usecase;

import org.smartstart.backoffice.domain.access.Actor;
import org.smartstart.backoffice.domain.identity.Role;
import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.identity.SignIn;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Finds who acts for a session, inside the use case's transaction: the session must exist with this
 * token, be neither ended nor expired, and belong to an account that is not archived. Roles are read
 * fresh each time, so a revoked role stops working at the next action, not at the next sign-in.
 */
public final class ActorLoader {

    private ActorLoader() {
    }

    public static Optional<Actor> load(Connection c, Session session, Instant now) throws SQLException {
        UUID userId;
        String displayName;
        try (PreparedStatement p = c.prepareStatement("""
                SELECT u.id, u.display_name
                  FROM user_sessions s JOIN users u ON u.id = s.user_id
                 WHERE s.id = ? AND s.token_sha256 = ? AND s.revoked_at IS NULL AND s.expires_at > ?
                   AND u.archived_at IS NULL""")) {
            p.setObject(1, session.id(), Types.OTHER);
            p.setString(2, SignIn.sha256Hex(session.token()));
            p.setTimestamp(3, Timestamp.from(now));
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                userId = r.getObject(1, UUID.class);
                displayName = r.getString(2);
            }
        }
        return Optional.of(forUser(c, userId, displayName));
    }

    /** The actor for a known user id (the server's system tasks, tests). */
    public static Actor forUser(Connection c, UUID userId, String displayName) throws SQLException {
        Set<Role> global = EnumSet.noneOf(Role.class);
        Map<UUID, Set<Role>> perVenture = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("""
                SELECT venture_id, role::text FROM role_assignments
                 WHERE user_id = ? AND revoked_at IS NULL AND role IS NOT NULL
                UNION
                SELECT id, 'owner' FROM ventures WHERE owner_user_id = ? AND archived_at IS NULL""")) {
            p.setObject(1, userId, Types.OTHER);
            p.setObject(2, userId, Types.OTHER);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    UUID venture = r.getObject(1, UUID.class);
                    Role role = Role.ofCode(r.getString(2));
                    if (venture == null) {
                        global.add(role);
                    } else {
                        perVenture.computeIfAbsent(venture, v -> EnumSet.noneOf(Role.class)).add(role);
                    }
                }
            }
        }
        return new Actor(userId, displayName, global, perVenture);
    }
}
