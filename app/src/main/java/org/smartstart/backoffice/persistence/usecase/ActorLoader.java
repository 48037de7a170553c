package org.smartstart.backoffice.persistence.usecase;

import org.smartstart.backoffice.domain.access.Actor;
import org.smartstart.backoffice.domain.identity.Role;
import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.identity.SignIn;
import org.smartstart.backoffice.persistence.db.BackOfficeDatabase;

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

    /** Who acts, and whether they still hold a temporary password that only lets them choose their own (ID-4). */
    public record Loaded(Actor actor, boolean mustChangePassword) {
    }

    /** The session check and the roles: every use case runs it. */
    private static final String ACTOR = """
            SELECT u.id, u.display_name, r.venture_id, r.role, COALESCE(cr.must_change_password, false)
              FROM user_sessions s JOIN users u ON u.id = s.user_id
              LEFT JOIN user_credentials cr ON cr.user_id = u.id
              LEFT JOIN LATERAL (
                    SELECT a.venture_id, a.role::text AS role FROM role_assignments a
                     WHERE a.user_id = u.id AND a.revoked_at IS NULL AND a.role IS NOT NULL
                    UNION
                    SELECT v.id, 'owner' FROM ventures v WHERE v.owner_user_id = u.id AND v.archived_at IS NULL) r ON true
             WHERE s.id = ? AND s.token_sha256 = ? AND s.revoked_at IS NULL AND s.expires_at > ?
               AND u.archived_at IS NULL""";

    /** The session's user acts as the application role in this transaction (see Transactions.actAs). */
    private static final String ACT_AS = "SET LOCAL ROLE " + BackOfficeDatabase.APP_ROLE + "; "
            + "SELECT set_config('app.current_user_id', ?, true); ";

    public static Optional<Loaded> load(Connection c, Session session, Instant now) throws SQLException {
        // One round trip for the session check and the roles: every use case pays it.
        try (PreparedStatement p = c.prepareStatement(ACTOR)) {
            p.setObject(1, session.id(), Types.OTHER);
            p.setString(2, SignIn.sha256Hex(session.token()));
            p.setTimestamp(3, Timestamp.from(now));
            try (ResultSet r = p.executeQuery()) {
                return loaded(r);
            }
        }
    }

    /**
     * In a transaction that has run nothing yet: what {@code Transactions.actAs(c, session.userId(), readOnly)}
     * and then {@link #load} do, in one round trip (the driver sends the statements together). Every use case
     * runs it, and a round trip costs both sides CPU: it was one of five in a claim (bench/RESULTS.md, issue 5).
     */
    public static Optional<Loaded> actAsAndLoad(Connection c, Session session, Instant now, boolean readOnly) throws SQLException {
        try (PreparedStatement p = c.prepareStatement((readOnly ? "SET TRANSACTION READ ONLY; " : "") + ACT_AS + ACTOR)) {
            p.setString(1, session.userId() == null ? "" : session.userId().toString());
            p.setObject(2, session.id(), Types.OTHER);
            p.setString(3, SignIn.sha256Hex(session.token()));
            p.setTimestamp(4, Timestamp.from(now));
            p.execute();
            // results in order: [SET TRANSACTION,] SET ROLE, set_config, the actor
            int before = readOnly ? 3 : 2;
            for (int i = 0; i < before; i++) {
                p.getMoreResults();
            }
            try (ResultSet r = p.getResultSet()) {
                return loaded(r);
            }
        }
    }

    private static Optional<Loaded> loaded(ResultSet r) throws SQLException {
        if (!r.next()) {
            return Optional.empty();
        }
        UUID userId = r.getObject(1, UUID.class);
        String displayName = r.getString(2);
        boolean mustChangePassword = r.getBoolean(5);
        Roles roles = new Roles();
        do {
            roles.add(r.getObject(3, UUID.class), r.getString(4));
        } while (r.next());
        return Optional.of(new Loaded(new Actor(userId, displayName, roles.global, roles.perVenture), mustChangePassword));
    }

    /** The actor for a known user id (the server's system tasks, tests). */
    public static Actor forUser(Connection c, UUID userId, String displayName) throws SQLException {
        Roles roles = new Roles();
        try (PreparedStatement p = c.prepareStatement("""
                SELECT venture_id, role::text FROM role_assignments
                 WHERE user_id = ? AND revoked_at IS NULL AND role IS NOT NULL
                UNION
                SELECT id, 'owner' FROM ventures WHERE owner_user_id = ? AND archived_at IS NULL""")) {
            p.setObject(1, userId, Types.OTHER);
            p.setObject(2, userId, Types.OTHER);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    roles.add(r.getObject(1, UUID.class), r.getString(2));
                }
            }
        }
        return new Actor(userId, displayName, roles.global, roles.perVenture);
    }

    /** Role rows as read: a null venture is a global role; a null role (a user without any) adds nothing. */
    private static final class Roles {
        final Set<Role> global = EnumSet.noneOf(Role.class);
        final Map<UUID, Set<Role>> perVenture = new HashMap<>();

        void add(UUID venture, String code) {
            if (code == null) {
                return;
            }
            Role role = Role.ofCode(code);
            if (venture == null) {
                global.add(role);
            } else {
                perVenture.computeIfAbsent(venture, v -> EnumSet.noneOf(Role.class)).add(role);
            }
        }
    }
}
