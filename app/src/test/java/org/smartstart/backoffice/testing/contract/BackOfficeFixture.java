package org.smartstart.backoffice.testing.contract;

import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.identity.SignIn;
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.domain.usecase.BackOfficeConnector;
import org.smartstart.backoffice.testing.MutableClock;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/**
 * One test class's database and a connector per adapter over it, with sessions made directly in the
 * database (no Argon2 per test). Use one per contract class: create it in a static {@code @BeforeAll},
 * close it in {@code @AfterAll}; tests make their own people and ventures so they stay independent.
 */
public final class BackOfficeFixture implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TestDatabase db;
    private final MutableClock clock;
    private final Map<Adapter, BackOfficeConnector> connectors = new EnumMap<>(Adapter.class);

    private BackOfficeFixture(TestDatabase db, MutableClock clock) {
        this.db = db;
        this.clock = clock;
    }

    public static BackOfficeFixture create() {
        return new BackOfficeFixture(TestPostgres.newDatabase(), new MutableClock(Instant.now()));
    }

    public TestDatabase db() {
        return db;
    }

    /** The clock the use cases see (move it to expire sessions, claims, deadlines). */
    public MutableClock clock() {
        return clock;
    }

    public synchronized BackOfficeConnector connector(Adapter adapter) {
        return connectors.computeIfAbsent(adapter, a -> a.connect(db, clock));
    }

    /** The use cases for {@code userId} through {@code adapter}, on a fresh eight-hour session. */
    public BackOffice as(Adapter adapter, UUID userId) {
        return connector(adapter).open(sessionFor(userId));
    }

    /** A new valid session for {@code userId}, written straight into user_sessions. */
    public Session sessionFor(UUID userId) {
        return sessionFor(userId, clock.instant().plus(SignIn.SESSION_LIFETIME));
    }

    public Session sessionFor(UUID userId, Instant expiresAt) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID id = UUID.randomUUID();
        try (Connection c = db.ownerConnection(); PreparedStatement p = c.prepareStatement(
                "INSERT INTO user_sessions (id, user_id, token_sha256, created_at, expires_at, client_host, user_agent) VALUES (?, ?, ?, ?, ?, 'test', 'contract test')")) {
            p.setObject(1, id, Types.OTHER);
            p.setObject(2, userId, Types.OTHER);
            p.setString(3, SignIn.sha256Hex(token));
            p.setTimestamp(4, Timestamp.from(clock.instant().minus(Duration.ofMinutes(1))));
            p.setTimestamp(5, Timestamp.from(expiresAt));
            p.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Session(id, userId, token, expiresAt);
    }

    @Override
    public synchronized void close() {
        connectors.values().forEach(BackOfficeConnector::close);
        connectors.clear();
        db.close();
    }
}
