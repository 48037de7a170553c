package org.smartstart.backoffice.persistence.identity;

import org.smartstart.backoffice.domain.identity.KycState;
import org.smartstart.backoffice.domain.identity.NewPerson;
import org.smartstart.backoffice.domain.identity.PeopleFilter;
import org.smartstart.backoffice.domain.identity.PeopleStore;
import org.smartstart.backoffice.domain.identity.Person;
import org.smartstart.backoffice.domain.identity.PersonSummary;
import org.smartstart.backoffice.domain.identity.Role;
import org.smartstart.backoffice.domain.identity.RoleAssignment;
import org.smartstart.backoffice.domain.identity.RoleGrant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.smartstart.backoffice.domain.identity.PersonDetails;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * People and role assignments in users, user_credentials and role_assignments, on the use case's
 * connection (application role, acting user set: row-level security and the ID-3 triggers apply).
 */
public final class JdbcPeopleStore implements PeopleStore {

    private static final String ASSIGNMENTS = """
            SELECT ra.id, ra.user_id, ra.role::text AS role, ra.venture_id, v.name AS venture_name,
                   ra.granted_at, ra.granted_by, gb.display_name AS granted_by_name, ra.reason,
                   ra.revoked_at, ra.revoked_by, rb.display_name AS revoked_by_name, ra.revoke_reason
              FROM role_assignments ra
              LEFT JOIN ventures v ON v.id = ra.venture_id
              LEFT JOIN users gb ON gb.id = ra.granted_by
              LEFT JOIN users rb ON rb.id = ra.revoked_by
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection c;

    public JdbcPeopleStore(Connection connection) {
        this.c = connection;
    }

    @Override
    public List<PersonSummary> find(PeopleFilter filter) {
        return sql(() -> {
            String text = filter.searchText();
            try (PreparedStatement p = c.prepareStatement("""
                    SELECT u.id, u.display_name, u.email, u.kyc_status::text AS kyc_status, u.archived_at IS NOT NULL AS archived,
                           COALESCE(array_agg(DISTINCT ra.role::text) FILTER (WHERE ra.id IS NOT NULL), '{}') AS roles
                      FROM users u
                      LEFT JOIN role_assignments ra ON ra.user_id = u.id AND ra.revoked_at IS NULL AND ra.role IS NOT NULL
                     WHERE (?::text IS NULL OR strpos(lower(u.display_name), lower(?::text)) > 0
                                            OR strpos(lower(u.email), lower(?::text)) > 0)
                       AND (?::kyc_status IS NULL OR u.kyc_status = ?::kyc_status)
                       AND (?::role_name IS NULL OR EXISTS (SELECT 1 FROM role_assignments r
                                                             WHERE r.user_id = u.id AND r.role = ?::role_name AND r.revoked_at IS NULL))
                     GROUP BY u.id
                     ORDER BY lower(u.display_name), u.id
                     LIMIT ?""")) {
                String kyc = filter.kycStatus() == null ? null : filter.kycStatus().code();
                String role = filter.role() == null ? null : filter.role().code();
                p.setString(1, text);
                p.setString(2, text);
                p.setString(3, text);
                p.setString(4, kyc);
                p.setString(5, kyc);
                p.setString(6, role);
                p.setString(7, role);
                p.setInt(8, filter.pageSize());
                List<PersonSummary> people = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        people.add(new PersonSummary(r.getObject("id", UUID.class), r.getString("display_name"), r.getString("email"),
                                KycState.ofCode(r.getString("kyc_status")), r.getBoolean("archived"), roles(r.getArray("roles"))));
                    }
                }
                return people;
            }
        });
    }

    private static List<Role> roles(Array array) throws SQLException {
        List<Role> roles = new ArrayList<>();
        for (String code : (String[]) array.getArray()) {
            roles.add(Role.ofCode(code));
        }
        roles.sort(null);
        return roles;
    }

    @Override
    public Optional<Person> person(UUID userId) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement("""
                    SELECT u.id, u.display_name, u.email, u.kyc_status::text AS kyc_status, u.country_code, u.trust_score,
                           u.created_at, u.archived_at, cr.user_id IS NOT NULL AS has_password,
                           COALESCE(cr.failed_attempts, 0) AS failed_attempts, cr.locked_until,
                           COALESCE(cr.must_change_password, false) AS must_change_password
                      FROM users u LEFT JOIN user_credentials cr ON cr.user_id = u.id
                     WHERE u.id = ?""")) {
                p.setObject(1, userId, Types.OTHER);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    List<RoleAssignment> all = assignments("WHERE ra.user_id = ? ORDER BY ra.granted_at, ra.id", userId);
                    return Optional.of(new Person(userId, r.getString("display_name"), r.getString("email"),
                            KycState.ofCode(r.getString("kyc_status")), r.getString("country_code"), r.getBigDecimal("trust_score"),
                            instant(r.getTimestamp("created_at")), instant(r.getTimestamp("archived_at")), r.getBoolean("has_password"),
                            r.getInt("failed_attempts"), instant(r.getTimestamp("locked_until")), r.getBoolean("must_change_password"),
                            all.stream().filter(RoleAssignment::active).toList(),
                            all.stream().filter(a -> !a.active()).toList()));
                }
            }
        });
    }

    @Override
    public Optional<RoleAssignment> assignment(UUID assignmentId) {
        return sql(() -> assignments("WHERE ra.id = ?", assignmentId).stream().findFirst());
    }

    @Override
    public Optional<String> ventureName(UUID ventureId) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement("SELECT name FROM ventures WHERE id = ? AND archived_at IS NULL")) {
                p.setObject(1, ventureId, Types.OTHER);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(r.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public Optional<RoleAssignment> activeAssignment(UUID userId, UUID ventureId, Role role) {
        return sql(() -> {
            List<RoleAssignment> found = new ArrayList<>();
            for (RoleAssignment a : assignments("WHERE ra.user_id = ? AND ra.revoked_at IS NULL", userId)) {
                if (a.role() == role && java.util.Objects.equals(a.ventureId(), ventureId)) {
                    found.add(a);
                }
            }
            return found.stream().findFirst();
        });
    }

    @Override
    public RoleAssignment insertAssignment(UUID userId, RoleGrant grant, UUID grantedBy, Instant at) {
        return sql(() -> {
            UUID id = UUID.randomUUID();
            try (PreparedStatement p = c.prepareStatement("""
                    INSERT INTO role_assignments (id, user_id, venture_id, role, scope, granted_by, granted_at, reason)
                    VALUES (?, ?, ?, ?::role_name, ?::role_scope, ?, ?, ?)""")) {
                p.setObject(1, id, Types.OTHER);
                p.setObject(2, userId, Types.OTHER);
                p.setObject(3, grant.ventureId(), Types.OTHER);
                p.setString(4, grant.role().code());
                p.setString(5, grant.ventureId() == null ? "global" : "venture");
                p.setObject(6, grantedBy, Types.OTHER);
                p.setTimestamp(7, Timestamp.from(at));
                p.setString(8, grant.reason());
                p.executeUpdate();
            }
            return assignments("WHERE ra.id = ?", id).get(0);
        });
    }

    @Override
    public boolean revoke(UUID assignmentId, UUID revokedBy, String reason, Instant at) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement("""
                    UPDATE role_assignments SET revoked_at = ?, revoked_by = ?, revoke_reason = ?, version = version + 1
                     WHERE id = ? AND revoked_at IS NULL""")) {
                p.setTimestamp(1, Timestamp.from(at));
                p.setObject(2, revokedBy, Types.OTHER);
                p.setString(3, reason);
                p.setObject(4, assignmentId, Types.OTHER);
                return p.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean unlock(UUID userId) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement("""
                    UPDATE user_credentials SET failed_attempts = 0, locked_until = NULL, version = version + 1
                     WHERE user_id = ?""")) {
                p.setObject(1, userId, Types.OTHER);
                return p.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean archive(UUID userId, Instant at) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement("""
                    UPDATE users SET archived_at = ?, updated_at = ?, version = version + 1
                     WHERE id = ? AND archived_at IS NULL""")) {
                p.setTimestamp(1, java.sql.Timestamp.from(at));
                p.setTimestamp(2, java.sql.Timestamp.from(at));
                p.setObject(3, userId, Types.OTHER);
                return p.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<String> emailHolder(String email) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement("SELECT display_name FROM users WHERE lower(email) = lower(?) LIMIT 1")) {
                p.setString(1, email);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(r.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public UUID insertPerson(NewPerson person, String temporaryPasswordHash, Instant at) {
        return sql(() -> {
            UUID id = UUID.randomUUID();
            try (PreparedStatement p = c.prepareStatement("""
                    INSERT INTO users (id, display_name, email, country_code, kyc_status, created_at, updated_at)
                    VALUES (?, ?, ?, ?, 'pending', ?, ?)""")) {
                p.setObject(1, id, Types.OTHER);
                p.setString(2, person.displayName());
                p.setString(3, person.email());
                p.setString(4, person.countryCode());
                p.setTimestamp(5, Timestamp.from(at));
                p.setTimestamp(6, Timestamp.from(at));
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("""
                    INSERT INTO user_credentials (user_id, password_hash, must_change_password, password_changed_at)
                    VALUES (?, ?, true, ?)""")) {
                p.setObject(1, id, Types.OTHER);
                p.setString(2, temporaryPasswordHash);
                p.setTimestamp(3, Timestamp.from(at));
                p.executeUpdate();
            }
            return id;
        });
    }

    @Override
    public Optional<String> passwordHash(UUID userId) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement("SELECT password_hash FROM user_credentials WHERE user_id = ?")) {
                p.setObject(1, userId, Types.OTHER);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(r.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public boolean changePassword(UUID userId, String passwordHash, Instant at) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement("""
                    UPDATE user_credentials
                       SET password_hash = ?, must_change_password = false, password_changed_at = ?,
                           failed_attempts = 0, locked_until = NULL, version = version + 1
                     WHERE user_id = ?""")) {
                p.setString(1, passwordHash);
                p.setTimestamp(2, Timestamp.from(at));
                p.setObject(3, userId, Types.OTHER);
                return p.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<PersonDetails> details(UUID userId) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM users WHERE id = ?")) {
                p.setObject(1, userId, Types.OTHER);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        return Optional.<PersonDetails>empty();
                    }
                }
            }
            return Optional.of(new PersonDetails(userId, kycDocuments(userId), devices(userId), skills(userId), badges(userId),
                    logins(userId)));
        });
    }

    @Override
    public UUID insertKycDocument(UUID userId, String docType, String originalFilename, String mediaType, byte[] bytes, String sha256,
                                  Instant at) {
        return sql(() -> {
            try (PreparedStatement p = c.prepareStatement("""
                    INSERT INTO document_blobs (sha256, media_type, bytes, stored_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (sha256) DO NOTHING""")) {
                p.setString(1, sha256);
                p.setString(2, mediaType);
                p.setBytes(3, bytes);
                p.setTimestamp(4, Timestamp.from(at));
                p.executeUpdate();
            }
            UUID id = UUID.randomUUID();
            try (PreparedStatement p = c.prepareStatement("""
                    INSERT INTO kyc_documents (id, user_id, doc_type, status, evidence_sha256, original_filename, media_type, submitted_at)
                    VALUES (?, ?, ?::kyc_doc_type, 'pending', ?, ?, ?, ?)""")) {
                p.setObject(1, id, Types.OTHER);
                p.setObject(2, userId, Types.OTHER);
                p.setString(3, docType);
                p.setString(4, sha256);
                p.setString(5, originalFilename);
                p.setString(6, mediaType);
                p.setTimestamp(7, Timestamp.from(at));
                p.executeUpdate();
            }
            return id;
        });
    }

    private List<PersonDetails.KycDocument> kycDocuments(UUID userId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                SELECT d.id, d.doc_type::text AS doc_type, d.status::text AS status, d.submitted_at, d.original_filename, d.media_type,
                       d.evidence_sha256, d.risk_score, d.decided_at, COALESCE(r.display_name, d.verifier) AS reviewer,
                       d.reason_code, d.reviewer_comment, d.applicant_comment, d.rejection_final
                  FROM kyc_documents d LEFT JOIN users r ON r.id = d.reviewed_by
                 WHERE d.user_id = ?
                 ORDER BY d.submitted_at DESC, d.id""")) {
            p.setObject(1, userId, Types.OTHER);
            List<PersonDetails.KycDocument> rows = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    Object finalFlag = r.getObject("rejection_final");
                    rows.add(new PersonDetails.KycDocument(r.getObject("id", UUID.class), r.getString("doc_type"), r.getString("status"),
                            instant(r.getTimestamp("submitted_at")), r.getString("original_filename"), r.getString("media_type"),
                            r.getString("evidence_sha256"), r.getInt("risk_score"), instant(r.getTimestamp("decided_at")),
                            r.getString("reviewer"), r.getString("reason_code"), r.getString("reviewer_comment"),
                            r.getString("applicant_comment"), finalFlag == null ? null : (Boolean) finalFlag));
                }
            }
            return rows;
        }
    }

    private List<PersonDetails.Device> devices(UUID userId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                SELECT id, device_id, os, COALESCE(encrypted_disk, false) AS encrypted_disk, av_status::text AS av_status,
                       last_seen_at, COALESCE(compliant, false) AS compliant
                  FROM device_posture_reports WHERE user_id = ? ORDER BY last_seen_at DESC NULLS LAST, id""")) {
            p.setObject(1, userId, Types.OTHER);
            List<PersonDetails.Device> rows = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    rows.add(new PersonDetails.Device(r.getObject("id", UUID.class), r.getString("device_id"), r.getString("os"),
                            r.getBoolean("encrypted_disk"), r.getString("av_status"), instant(r.getTimestamp("last_seen_at")),
                            r.getBoolean("compliant")));
                }
            }
            return rows;
        }
    }

    private List<PersonDetails.Skill> skills(UUID userId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                SELECT s.slug, s.name, s.category::text AS category, us.level::text AS level, COALESCE(us.verified, false) AS verified,
                       v.display_name AS verifier
                  FROM user_skills us JOIN skills s ON s.id = us.skill_id LEFT JOIN users v ON v.id = us.verifier_user_id
                 WHERE us.user_id = ? ORDER BY s.category, s.name""")) {
            p.setObject(1, userId, Types.OTHER);
            List<PersonDetails.Skill> rows = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    rows.add(new PersonDetails.Skill(r.getString("slug"), r.getString("name"), r.getString("category"),
                            r.getString("level"), r.getBoolean("verified"), r.getString("verifier")));
                }
            }
            return rows;
        }
    }

    /**
     * Badges are a catalogue of criteria, not awarded rows (the seed has no user_badges table): a badge is
     * the person's when their record meets every criterion it names. Understood criteria: kyc_status,
     * approved_tasks {min, type, criticality} and reviews {min, avg_quality_score {min}}; a badge naming any
     * other criterion is never shown as earned, so an unknown rule is not guessed at.
     */
    private List<PersonDetails.Badge> badges(UUID userId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                SELECT b.slug, b.name
                  FROM badges b, users u
                 WHERE u.id = ?
                   AND NOT EXISTS (SELECT 1 FROM jsonb_object_keys(b.criteria) k
                                    WHERE k NOT IN ('kyc_status', 'approved_tasks', 'reviews'))
                   AND (b.criteria -> 'kyc_status' IS NULL OR u.kyc_status::text = b.criteria ->> 'kyc_status')
                   AND (b.criteria -> 'approved_tasks' IS NULL OR
                        (SELECT count(*) FROM tasks t
                          WHERE t.assignee_user_id = u.id AND t.status = 'approved'
                            AND (b.criteria -> 'approved_tasks' ->> 'type' IS NULL OR t.type::text = b.criteria -> 'approved_tasks' ->> 'type')
                            AND (b.criteria -> 'approved_tasks' ->> 'criticality' IS NULL
                                 OR t.criticality::text = b.criteria -> 'approved_tasks' ->> 'criticality'))
                        >= COALESCE((b.criteria -> 'approved_tasks' ->> 'min')::int, 1))
                   AND (b.criteria -> 'reviews' IS NULL OR EXISTS (
                        SELECT 1 FROM reviews rv WHERE rv.reviewer_user_id = u.id
                        HAVING count(*) >= COALESCE((b.criteria -> 'reviews' ->> 'min')::int, 1)
                           AND COALESCE(avg(rv.quality_score), 0) >= COALESCE((b.criteria -> 'reviews' -> 'avg_quality_score' ->> 'min')::numeric, 0)))
                 ORDER BY b.name""")) {
            p.setObject(1, userId, Types.OTHER);
            List<PersonDetails.Badge> rows = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    rows.add(new PersonDetails.Badge(r.getString("slug"), r.getString("name")));
                }
            }
            return rows;
        }
    }

    /** The sign-in entries about the person, sealed (audit_log) or still waiting to be sealed (audit_outbox). */
    private List<PersonDetails.LoginEvent> logins(UUID userId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                SELECT ts, action, data FROM (
                    (SELECT ts, action, data::text AS data FROM audit_log
                      WHERE object_type = 'user' AND object_id = ? AND action IN ('LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'ACCOUNT_LOCKED', 'LOGGED_OUT')
                      ORDER BY seq DESC LIMIT ?)
                    UNION ALL
                    (SELECT ts, action, data::text FROM audit_outbox
                      WHERE object_type = 'user' AND object_id = ? AND action IN ('LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'ACCOUNT_LOCKED', 'LOGGED_OUT')
                      ORDER BY entry_no DESC LIMIT ?)) e
                 ORDER BY ts DESC LIMIT ?""")) {
            p.setObject(1, userId, Types.OTHER);
            p.setInt(2, PersonDetails.LOGIN_HISTORY);
            p.setObject(3, userId, Types.OTHER);
            p.setInt(4, PersonDetails.LOGIN_HISTORY);
            p.setInt(5, PersonDetails.LOGIN_HISTORY);
            List<PersonDetails.LoginEvent> rows = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    JsonNode data = readJson(r.getString("data"));
                    String detail = data.path("password_change_required").asBoolean(false) ? "temporary password"
                            : data.hasNonNull("reason") ? data.get("reason").asText() : null;
                    rows.add(new PersonDetails.LoginEvent(instant(r.getTimestamp("ts")), r.getString("action"),
                            data.path("client_host").asText(null), data.path("user_agent").asText(null), detail));
                }
            }
            return rows;
        }
    }

    private static JsonNode readJson(String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("An audit entry's data is not JSON: " + e.getMessage(), e);
        }
    }

    private List<RoleAssignment> assignments(String where, UUID param) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(ASSIGNMENTS + where)) {
            p.setObject(1, param, Types.OTHER);
            List<RoleAssignment> rows = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    if (r.getString("role") == null) {
                        continue; // a seed-shaped row without a role grants nothing
                    }
                    rows.add(new RoleAssignment(r.getObject("id", UUID.class), r.getObject("user_id", UUID.class),
                            Role.ofCode(r.getString("role")), r.getObject("venture_id", UUID.class), r.getString("venture_name"),
                            instant(r.getTimestamp("granted_at")), r.getObject("granted_by", UUID.class), r.getString("granted_by_name"),
                            r.getString("reason"), instant(r.getTimestamp("revoked_at")), r.getObject("revoked_by", UUID.class),
                            r.getString("revoked_by_name"), r.getString("revoke_reason")));
                }
            }
            return rows;
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    @FunctionalInterface
    private interface SqlCall<T> {
        T call() throws SQLException;
    }

    /** The store port has no checked exceptions; LocalUseCases unwraps the cause into an outcome. */
    private static <T> T sql(SqlCall<T> call) {
        try {
            return call.call();
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** A SQLException carried through the domain's calls; its cause is what LocalUseCases maps. */
    static final class SqlFailure extends RuntimeException {
        SqlFailure(SQLException cause) {
            super(cause);
        }
    }
}
