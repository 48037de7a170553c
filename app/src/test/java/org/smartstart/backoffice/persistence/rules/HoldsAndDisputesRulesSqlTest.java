package org.smartstart.backoffice.persistence.rules;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartstart.backoffice.persistence.rules.RuleSql.*;

/** LH-1, DS-1 and DS-3 as V13 adds them, against plain SQL from the owner and from the application's role. */
class HoldsAndDisputesRulesSqlTest {

    private static TestDatabase db;
    private Connection owner;
    private UUID officer;
    private String officerName;
    private UUID ventureOwner;
    private String ventureOwnerName;
    private UUID venture;
    private String ventureName;
    private UUID raiser;
    private UUID task;

    @BeforeAll
    static void createDatabase() {
        db = TestPostgres.newDatabase();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @BeforeEach
    void ventureWithAnOfficer() throws SQLException {
        owner = db.ownerConnection();
        officerName = unique("Celia Compliance");
        officer = user(owner, officerName, "verified");
        exec(owner, "INSERT INTO role_assignments (user_id, role, scope, reason) VALUES (?, 'compliance', 'global', 'test')", officer);
        ventureOwnerName = unique("Olivia");
        ventureOwner = user(owner, ventureOwnerName, "verified");
        ventureName = unique("Helios");
        venture = venture(owner, ventureName, ventureOwner);
        raiser = user(owner, unique("Ravi"), "verified");
        task = uuid(owner, "INSERT INTO tasks (venture_id, title, type, created_by_user_id, assignee_user_id) "
                + "VALUES (?, 'Disputed work', 'code', ?, ?) RETURNING id", venture, ventureOwner, raiser);
    }

    @AfterEach
    void close() throws SQLException {
        owner.close();
    }

    private static UUID impose(Connection c, UUID ventureId, UUID imposedBy) throws SQLException {
        return uuid(c, "INSERT INTO legal_holds (venture_id, reason, applies_to, imposed_by_user_id) "
                + "VALUES (?, 'Court order', 'equity', ?) RETURNING id", ventureId, imposedBy);
    }

    // ---- LH-1 -----------------------------------------------------------------------------

    @Test
    void lh1_a_user_imposes_a_hold_only_as_compliance_naming_the_officer() throws SQLException {
        try (Connection asOwner = db.appConnection(ventureOwner); Connection asNobody = db.appConnection(null);
             Connection asOfficer = db.appConnection(officer)) {
            assertRefused(() -> impose(asOwner, venture, ventureOwner), "SSH01", "LH-1",
                    "Only compliance imposes or releases a legal hold", ventureOwnerName + " may not impose the equity legal hold on " + ventureName);
            // no acting user is the system itself (demo data, maintenance), allowed as everywhere in ID-3
            UUID bySystem = impose(asNobody, venture, null);
            assertThat(number(owner, "SELECT count(*) FROM legal_holds WHERE id = ? AND imposed_by_user_id IS NULL", bySystem)).isEqualTo(1);
            assertRefused(() -> impose(asOfficer, venture, ventureOwner), "SSH01", "LH-1",
                    "imposed by " + officerName, "names " + ventureOwnerName + " as the one who did it");

            UUID hold = impose(asOfficer, venture, officer);

            assertThat(number(owner, "SELECT count(*) FROM legal_holds WHERE id = ? AND released_at IS NULL", hold)).isEqualTo(1);
        }
    }

    @Test
    void lh1_the_application_releases_a_hold_only_as_compliance_naming_the_officer() throws SQLException {
        UUID hold = impose(owner, venture, officer);
        try (Connection asOwner = db.appConnection(ventureOwner); Connection asOfficer = db.appConnection(officer)) {
            assertRefused(() -> exec(asOwner, "UPDATE legal_holds SET released_at = now(), released_by_user_id = ?, release_reason = 'Lifted', "
                    + "version = version + 1 WHERE id = ?", ventureOwner, hold), "SSH01", "LH-1", ventureOwnerName + " may not release");
            assertRefused(() -> exec(asOfficer, "UPDATE legal_holds SET released_at = now(), released_by_user_id = ?, release_reason = 'Lifted', "
                    + "version = version + 1 WHERE id = ?", ventureOwner, hold), "SSH01", "LH-1",
                    "released by " + officerName, "names " + ventureOwnerName);

            exec(asOfficer, "UPDATE legal_holds SET released_at = now(), released_by_user_id = ?, release_reason = 'Lifted', "
                    + "version = version + 1 WHERE id = ?", officer, hold);
        }
        assertThat(text(owner, "SELECT release_reason FROM legal_holds WHERE id = ?", hold)).isEqualTo("Lifted");
    }

    @Test
    void lh1_a_hold_is_imposed_with_a_reason() {
        assertRefused(() -> exec(owner, "INSERT INTO legal_holds (venture_id, reason, applies_to) VALUES (?, '   ', 'buz')", venture),
                "SSH01", "LH-1", "A buz legal hold on " + ventureName + " needs a reason");
    }

    // ---- DS-3 -----------------------------------------------------------------------------

    private UUID raise(Connection c, Instant createdAt) throws SQLException {
        return uuid(c, "INSERT INTO disputes (venture_id, raised_by_user_id, object_type, object_id, reason, created_at, "
                        + "first_response_due_at, resolution_due_at) VALUES (?, ?, 'task', ?, 'Wrongly closed', ?, "
                        + "'2099-01-01T00:00:00Z', '2099-01-01T00:00:00Z') RETURNING id",
                venture, raiser, task, Timestamp.from(createdAt));
    }

    private Instant instant(String sql, UUID id) throws SQLException {
        return Instant.parse(text(owner, "SELECT to_char(" + sql + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM disputes WHERE id = ?", id));
    }

    @Test
    void ds3_the_deadlines_follow_from_when_it_was_raised_whatever_the_writer_sends() throws SQLException {
        Instant raised = Instant.parse("2026-11-03T10:00:00Z");
        UUID dispute;
        try (Connection app = db.appConnection(raiser)) {
            dispute = raise(app, raised);
        }

        assertThat(instant("first_response_due_at", dispute)).isEqualTo(raised.plus(Duration.ofHours(24)));
        assertThat(instant("resolution_due_at", dispute)).isEqualTo(raised.plus(Duration.ofDays(7)));
    }

    @Test
    void ds3_the_deadlines_and_the_raising_time_are_never_edited_by_hand() throws SQLException {
        UUID dispute = raise(owner, Instant.parse("2026-11-03T10:00:00Z"));

        assertRefused(() -> exec(owner, "UPDATE disputes SET resolution_due_at = resolution_due_at + interval '30 days' WHERE id = ?", dispute),
                "SSD03", "DS-3", ventureName, "resolution by 2026-11-10 10:00 UTC", "never by hand", "changed: resolution_due_at");
        assertRefused(() -> exec(owner, "UPDATE disputes SET created_at = created_at + interval '2 days', "
                        + "first_response_due_at = first_response_due_at + interval '2 days' WHERE id = ?", dispute),
                "SSD03", "DS-3", "first response by 2026-11-04 10:00 UTC", "changed: created_at, first_response_due_at");
    }

    @Test
    void ds3_the_first_response_is_recorded_once() throws SQLException {
        UUID dispute = raise(owner, Instant.parse("2026-11-03T10:00:00Z"));
        exec(owner, "UPDATE disputes SET status = 'in_review', first_responded_at = '2026-11-03T15:00:00Z' WHERE id = ?", dispute);

        assertRefused(() -> exec(owner, "UPDATE disputes SET first_responded_at = '2026-11-03T09:00:00Z' WHERE id = ?", dispute),
                "SSD03", "DS-3", "first answered on 2026-11-03 15:00 UTC", "never moved");
        assertRefused(() -> exec(owner, "INSERT INTO disputes (venture_id, raised_by_user_id, object_type, object_id, first_responded_at) "
                        + "VALUES (?, ?, 'task', ?, now())", venture, raiser, task),
                "SSD03", "DS-3", "raised without a first response");
    }

    @Test
    void ds3_an_appeal_gets_a_fresh_resolution_deadline() throws SQLException {
        UUID dispute = raise(owner, Instant.parse("2026-11-03T10:00:00Z"));
        exec(owner, "UPDATE disputes SET status = 'in_review' WHERE id = ?", dispute);
        exec(owner, "UPDATE disputes SET status = 'rejected', resolution = 'Duplicate indeed', decided_by = ? WHERE id = ?", officer, dispute);

        exec(owner, "UPDATE disputes SET status = 'in_review', appeal_count = 1, appeal_reason = 'It was not a duplicate', "
                + "appealed_by = ?, appealed_at = '2026-11-20T08:00:00Z' WHERE id = ?", raiser, dispute);

        assertThat(instant("resolution_due_at", dispute)).isEqualTo(Instant.parse("2026-11-27T08:00:00Z"));
        assertThat(instant("first_response_due_at", dispute)).isEqualTo(Instant.parse("2026-11-04T10:00:00Z"));
    }

    // ---- DS-1 (V13 addition) ---------------------------------------------------------------

    @Test
    void ds1_a_decided_dispute_is_not_reassigned() throws SQLException {
        UUID dispute = raise(owner, Instant.parse("2026-11-03T10:00:00Z"));
        exec(owner, "UPDATE disputes SET status = 'in_review', assigned_to = ? WHERE id = ?", officer, dispute);
        exec(owner, "UPDATE disputes SET assigned_to = ? WHERE id = ?", ventureOwner, dispute); // while in review: fine
        exec(owner, "UPDATE disputes SET status = 'resolved', resolution = 'Reopened the task', decided_by = ? WHERE id = ?", officer, dispute);

        assertRefused(() -> exec(owner, "UPDATE disputes SET assigned_to = ? WHERE id = ?", officer, dispute),
                "SSD01", "DS-1", ventureName, "is resolved", "not reassigned", "stays with " + ventureOwnerName);
    }
}
