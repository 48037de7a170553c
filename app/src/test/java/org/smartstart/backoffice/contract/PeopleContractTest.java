package org.smartstart.backoffice.contract;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartstart.backoffice.domain.identity.KycState;
import org.smartstart.backoffice.domain.identity.People;
import org.smartstart.backoffice.domain.identity.PeopleFilter;
import org.smartstart.backoffice.domain.identity.Person;
import org.smartstart.backoffice.domain.identity.PersonArchive;
import org.smartstart.backoffice.domain.identity.PersonSummary;
import org.smartstart.backoffice.domain.identity.Role;
import org.smartstart.backoffice.domain.identity.RoleAssignment;
import org.smartstart.backoffice.domain.identity.RoleGrant;
import org.smartstart.backoffice.domain.identity.RoleRevocation;
import org.smartstart.backoffice.domain.usecase.FieldProblem;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Rejection;
import org.smartstart.backoffice.testing.TestAccounts;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** People and roles (ID-2, ID-3 "manage users, roles", KY-5, ID-4 unlock), the same through every adapter. */
@ParameterizedClass
@EnumSource(Adapter.class)
class PeopleContractTest {

    @Parameter
    Adapter adapter;

    static BackOfficeFixture fixture;

    @BeforeAll
    static void setUp() {
        fixture = BackOfficeFixture.create();
    }

    @AfterAll
    static void tearDown() {
        fixture.close();
    }

    /** A person without a password; KYC-verified when given global roles (KY-5), else with the given status. */
    static UUID person(String displayName, String kyc, String... globalRoles) throws SQLException {
        UUID id = UUID.randomUUID();
        TestAccounts.exec(fixture.db(), "INSERT INTO users (id, display_name, email, kyc_status) VALUES ('" + id + "', '" + displayName
                + "', '" + id + "@people.test', '" + (globalRoles.length > 0 ? "verified" : kyc) + "')");
        for (String role : globalRoles) {
            TestAccounts.exec(fixture.db(), "INSERT INTO role_assignments (user_id, role, scope, reason) VALUES ('" + id + "', '" + role
                    + "', 'global', 'test')");
        }
        return id;
    }

    static UUID staff(String role) throws SQLException {
        return person("Staff " + role + " " + tag(), "verified", role);
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static UUID venture(UUID owner) throws SQLException {
        return TestAccounts.venture(fixture.db(), "Venture " + tag(), "ca", "draft", owner);
    }

    People as(UUID user) {
        return fixture.as(adapter, user).people();
    }

    static long number(String sql) throws SQLException {
        try (Connection c = fixture.db().ownerConnection(); PreparedStatement p = c.prepareStatement(sql); ResultSet r = p.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    static long audit(String action, UUID objectId) throws SQLException {
        return number("SELECT count(*) FROM (SELECT action, object_id FROM audit_outbox UNION ALL SELECT action, object_id FROM audit_log) a "
                + "WHERE a.action = '" + action + "' AND a.object_id = '" + objectId + "'");
    }

    static long auditOfUser(String action, UUID userId) throws SQLException {
        return number("SELECT count(*) FROM (SELECT action, data FROM audit_outbox UNION ALL SELECT action, data FROM audit_log) a "
                + "WHERE a.action = '" + action + "' AND a.data ->> 'user_id' = '" + userId + "'");
    }

    static long assignments(UUID user) throws SQLException {
        return number("SELECT count(*) FROM role_assignments WHERE user_id = '" + user + "'");
    }

    static Rejection rejection(Outcome<?> outcome) {
        assertThat(outcome).as(outcome.describe()).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected<?>) outcome).first();
    }

    static List<String> fields(Outcome<?> outcome) {
        assertThat(outcome).as(outcome.describe()).isInstanceOf(Outcome.Invalid.class);
        return ((Outcome.Invalid<?>) outcome).problems().stream().map(FieldProblem::field).toList();
    }

    // ---- reading people ---------------------------------------------------------------------

    @Test
    void global_staff_find_people_by_name_role_and_kyc_status() throws SQLException {
        String family = "Quill" + tag();
        UUID verified = person("Vera " + family, "verified");
        UUID pending = person("Paul " + family, "pending");
        UUID owner = person("Olga " + family, "verified");
        venture(owner);
        TestAccounts.exec(fixture.db(), "INSERT INTO role_assignments (user_id, venture_id, role, scope, reason) "
                + "SELECT '" + verified + "', id, 'contributor', 'venture', 'test' FROM ventures WHERE owner_user_id = '" + owner + "'");

        for (String role : List.of("admin", "compliance", "support")) {
            People people = as(staff(role));
            assertThat(people.people(new PeopleFilter(family.toLowerCase(), null, null, null)).orElseThrow())
                    .as("found by %s", role).extracting(PersonSummary::id).containsExactly(owner, pending, verified);
        }
        People admin = as(staff("admin"));
        assertThat(admin.people(new PeopleFilter(family, null, KycState.PENDING, null)).orElseThrow())
                .extracting(PersonSummary::id).containsExactly(pending);
        List<PersonSummary> contributors = admin.people(new PeopleFilter(family, Role.CONTRIBUTOR, null, null)).orElseThrow();
        assertThat(contributors).extracting(PersonSummary::id).containsExactly(verified);
        assertThat(contributors.get(0).activeRoles()).containsExactly(Role.CONTRIBUTOR);
        assertThat(contributors.get(0).email()).isEqualTo(verified + "@people.test");
        assertThat(admin.people(new PeopleFilter(family, null, null, 2)).orElseThrow()).hasSize(2);
    }

    @Test
    void only_global_staff_look_people_up() throws SQLException {
        UUID owner = person("Olaf Owner", "verified");
        UUID venture = venture(owner);
        UUID target = person("Tina Target", "verified");
        UUID outsider = person("Otto Outsider", "pending");
        for (UUID user : List.of(owner, outsider)) {
            Outcome<List<PersonSummary>> list = as(user).people(PeopleFilter.all());
            assertThat(list).isInstanceOf(Outcome.Denied.class);
            assertThat(list.describe()).contains("look up people", "admin, compliance or support", "ID-3");
            assertThat(as(user).person(target)).isInstanceOf(Outcome.Denied.class);
        }
        assertThat(venture).isNotNull();
    }

    @Test
    void a_limit_out_of_range_is_invalid() throws SQLException {
        People admin = as(staff("admin"));
        assertThat(fields(admin.people(new PeopleFilter(null, null, null, 0)))).containsExactly("limit");
        assertThat(fields(admin.people(new PeopleFilter(null, null, null, PeopleFilter.MAX_LIMIT + 1)))).containsExactly("limit");
    }

    @Test
    void an_unknown_person_is_not_found() throws SQLException {
        UUID unknown = UUID.randomUUID();
        People admin = as(staff("admin"));
        assertThat(admin.person(unknown)).isInstanceOf(Outcome.NotFound.class);
        assertThat(admin.grantRole(unknown, new RoleGrant(Role.SUPPORT, null, "helpdesk"))).isInstanceOf(Outcome.NotFound.class);
        assertThat(admin.unlockAccount(unknown)).isInstanceOf(Outcome.NotFound.class);
        assertThat(admin.revokeRole(UUID.randomUUID(), new RoleRevocation("left"))).isInstanceOf(Outcome.NotFound.class);
    }

    // ---- granting ----------------------------------------------------------------------------

    @Test
    void an_admin_grants_a_venture_role_and_a_global_role_each_audited_once() throws SQLException {
        UUID admin = staff("admin");
        UUID owner = person("Olive Owner", "verified");
        UUID venture = venture(owner);
        UUID kim = person("Kim Contributor", "verified");

        RoleAssignment onVenture = as(admin).grantRole(kim, new RoleGrant(Role.CONTRIBUTOR, venture, "  joins the build team ")).orElseThrow();
        RoleAssignment global = as(admin).grantRole(kim, new RoleGrant(Role.SUPPORT, null, "helpdesk rota")).orElseThrow();

        assertThat(onVenture.role()).isEqualTo(Role.CONTRIBUTOR);
        assertThat(onVenture.ventureId()).isEqualTo(venture);
        assertThat(onVenture.reason()).isEqualTo("joins the build team");
        assertThat(onVenture.grantedBy()).isEqualTo(admin);
        assertThat(onVenture.active()).isTrue();
        assertThat(global.ventureId()).isNull();
        Person person = as(admin).person(kim).orElseThrow();
        assertThat(person.activeRoles()).extracting(RoleAssignment::id).containsExactlyInAnyOrder(onVenture.id(), global.id());
        assertThat(person.revokedRoles()).isEmpty();
        assertThat(audit("ROLE_GRANTED", onVenture.id())).isEqualTo(1);
        assertThat(audit("ROLE_GRANTED", global.id())).isEqualTo(1);
        // the grant works at once: Kim now reads the people list as support
        assertThat(as(kim).people(PeopleFilter.all()).isDone()).isTrue();
    }

    @Test
    void ky5_a_person_who_is_not_kyc_verified_gets_no_role_and_nothing_is_written() throws SQLException {
        UUID admin = staff("admin");
        String name = "Peter Pending " + tag();
        UUID pending = person(name, "pending");
        UUID owner = person("Oscar Owner", "verified");
        UUID venture = venture(owner);

        Rejection r = rejection(as(admin).grantRole(pending, new RoleGrant(Role.REVIEWER, venture, "reviews designs")));

        assertThat(r.ruleId()).isEqualTo("KY-5");
        assertThat(r.message()).contains(name, "status pending", "Reviewer");
        assertThat(assignments(pending)).isZero();
        assertThat(auditOfUser("ROLE_GRANTED", pending)).isZero();
    }

    @Test
    void id2_one_active_assignment_per_user_venture_and_role() throws SQLException {
        UUID admin = staff("admin");
        String name = "Dana Double " + tag();
        UUID dana = person(name, "verified");
        UUID owner = person("Otis Owner", "verified");
        UUID venture = venture(owner);
        as(admin).grantRole(dana, new RoleGrant(Role.REVIEWER, venture, "first")).orElseThrow();

        Rejection r = rejection(as(admin).grantRole(dana, new RoleGrant(Role.REVIEWER, venture, "again")));

        assertThat(r.ruleId()).isEqualTo("ID-2");
        assertThat(r.message()).contains(name, "already holds the Reviewer role");
        assertThat(assignments(dana)).isEqualTo(1);
        // another venture or another role is a different assignment
        assertThat(as(admin).grantRole(dana, new RoleGrant(Role.CONTRIBUTOR, venture, "also builds")).isDone()).isTrue();
        assertThat(as(admin).grantRole(dana, new RoleGrant(Role.REVIEWER, venture(owner), "second venture")).isDone()).isTrue();
    }

    @Test
    void only_a_global_admin_manages_roles_and_a_denial_writes_nothing() throws SQLException {
        UUID owner = person("Ola Owner", "verified");
        UUID venture = venture(owner);
        UUID kim = person("Kim Candidate", "verified");
        for (UUID user : List.of(staff("compliance"), staff("support"), owner)) {
            Outcome<RoleAssignment> grant = as(user).grantRole(kim, new RoleGrant(Role.CONTRIBUTOR, venture, "wants in"));
            assertThat(grant).isInstanceOf(Outcome.Denied.class);
            assertThat(grant.describe()).contains("manage users and roles", "admin", "ID-3");
            assertThat(as(user).unlockAccount(kim)).isInstanceOf(Outcome.Denied.class);
        }
        assertThat(assignments(kim)).isZero();
        RoleAssignment granted = as(staff("admin")).grantRole(kim, new RoleGrant(Role.CONTRIBUTOR, venture, "joins")).orElseThrow();
        assertThat(as(owner).revokeRole(granted.id(), new RoleRevocation("owner wants out"))).isInstanceOf(Outcome.Denied.class);
        assertThat(number("SELECT count(*) FROM role_assignments WHERE id = '" + granted.id() + "' AND revoked_at IS NULL")).isEqualTo(1);
    }

    @Test
    void a_grant_names_its_role_where_it_applies_and_why() throws SQLException {
        People admin = as(staff("admin"));
        UUID kim = person("Kim Form", "verified");
        UUID venture = venture(person("Oz Owner", "verified"));

        assertThat(fields(admin.grantRole(kim, new RoleGrant(null, null, "why")))).containsExactly("role");
        assertThat(fields(admin.grantRole(kim, new RoleGrant(Role.OWNER, null, "why")))).containsExactly("ventureId");
        assertThat(fields(admin.grantRole(kim, new RoleGrant(Role.COMPLIANCE, venture, "why")))).containsExactly("ventureId");
        assertThat(fields(admin.grantRole(kim, new RoleGrant(Role.CONTRIBUTOR, venture, "  ")))).containsExactly("reason");
        assertThat(admin.grantRole(kim, new RoleGrant(Role.CONTRIBUTOR, UUID.randomUUID(), "why"))).isInstanceOf(Outcome.NotFound.class);
        assertThat(assignments(kim)).isZero();
    }

    // ---- revoking ----------------------------------------------------------------------------

    @Test
    void a_revoked_role_stays_as_history_and_may_be_granted_again() throws SQLException {
        UUID adminId = staff("admin");
        People admin = as(adminId);
        UUID owner = person("Omar Owner", "verified");
        UUID venture = venture(owner);
        UUID rita = person("Rita Reviewer", "verified");
        RoleAssignment granted = admin.grantRole(rita, new RoleGrant(Role.REVIEWER, venture, "reviews")).orElseThrow();
        fixture.clock().advance(Duration.ofMinutes(5));

        RoleAssignment revoked = admin.revokeRole(granted.id(), new RoleRevocation("moved to another team")).orElseThrow();

        assertThat(revoked.active()).isFalse();
        assertThat(revoked.revokedBy()).isEqualTo(adminId);
        assertThat(revoked.revokeReason()).isEqualTo("moved to another team");
        Person person = admin.person(rita).orElseThrow();
        assertThat(person.activeRoles()).isEmpty();
        assertThat(person.revokedRoles()).extracting(RoleAssignment::id).containsExactly(granted.id());
        assertThat(audit("ROLE_REVOKED", granted.id())).isEqualTo(1);

        Rejection again = rejection(admin.revokeRole(granted.id(), new RoleRevocation("twice")));
        assertThat(again.ruleId()).isEqualTo("ID-2");
        assertThat(again.message()).contains("Reviewer role", "already revoked");
        assertThat(audit("ROLE_REVOKED", granted.id())).isEqualTo(1);

        assertThat(admin.grantRole(rita, new RoleGrant(Role.REVIEWER, venture, "back again")).isDone()).isTrue();
        assertThat(assignments(rita)).isEqualTo(2);
    }

    @Test
    void a_revocation_needs_a_reason() throws SQLException {
        People admin = as(staff("admin"));
        UUID rita = person("Rita Reason", "verified");
        RoleAssignment granted = admin.grantRole(rita, new RoleGrant(Role.SUPPORT, null, "rota")).orElseThrow();

        assertThat(fields(admin.revokeRole(granted.id(), new RoleRevocation(" ")))).containsExactly("reason");
        assertThat(number("SELECT count(*) FROM role_assignments WHERE id = '" + granted.id() + "' AND revoked_at IS NULL")).isEqualTo(1);
    }

    // ---- unlocking ---------------------------------------------------------------------------

    @Test
    void an_admin_unlocks_a_locked_account_once_audited() throws SQLException {
        UUID locked = TestAccounts.user(fixture.db(), "Lara Locked", "lara." + tag() + "@people.test", "correct horse");
        TestAccounts.exec(fixture.db(), "UPDATE user_credentials SET failed_attempts = 5, locked_until = now() + interval '15 minutes' "
                + "WHERE user_id = '" + locked + "'");
        People admin = as(staff("admin"));
        Person before = admin.person(locked).orElseThrow();
        assertThat(before.failedLogins()).isEqualTo(5);
        assertThat(before.lockedUntil()).isNotNull();

        Person after = admin.unlockAccount(locked).orElseThrow();

        assertThat(after.failedLogins()).isZero();
        assertThat(after.lockedUntil()).isNull();
        assertThat(number("SELECT failed_attempts FROM user_credentials WHERE user_id = '" + locked + "'")).isZero();
        assertThat(audit("ACCOUNT_UNLOCKED", locked)).isEqualTo(1);
    }

    @Test
    void a_person_without_a_password_has_no_account_to_unlock() throws SQLException {
        UUID nobody = person("Nora No-Password", "verified");
        assertThat(fields(as(staff("admin")).unlockAccount(nobody))).containsExactly("userId");
        assertThat(audit("ACCOUNT_UNLOCKED", nobody)).isZero();
    }

    // ---- archiving (soft delete) ---------------------------------------------------------------

    @Test
    void an_admin_archives_a_person_once_audited_and_the_row_stays() throws SQLException {
        UUID leaving = person("Lena Leaving " + tag(), "verified", "support");
        People admin = as(staff("admin"));

        Person archived = admin.archivePerson(leaving, new PersonArchive("Left the company on 30 November")).orElseThrow();

        assertThat(archived.archivedAt()).isNotNull();
        assertThat(archived.activeRoles()).hasSize(1);
        assertThat(number("SELECT count(*) FROM users WHERE id = '" + leaving + "' AND archived_at IS NOT NULL")).isEqualTo(1);
        assertThat(audit("USER_ARCHIVED", leaving)).isEqualTo(1);
        assertThat(fields(admin.grantRole(leaving, new RoleGrant(Role.COMPLIANCE, null, "back again")))).containsExactly("userId");

        Outcome<Person> again = admin.archivePerson(leaving, new PersonArchive("twice"));
        assertThat(fields(again)).containsExactly("userId");
        assertThat(again.describe()).contains("was already archived on");
        assertThat(audit("USER_ARCHIVED", leaving)).isEqualTo(1);
    }

    @Test
    void archiving_is_for_global_admins_only_with_a_reason_and_never_oneself() throws SQLException {
        UUID someone = person("Sam Someone " + tag(), "pending");
        for (String role : List.of("compliance", "support")) {
            Outcome<Person> refused = as(staff(role)).archivePerson(someone, new PersonArchive("cleanup"));
            assertThat(refused).as(refused.describe()).isInstanceOf(Outcome.Denied.class);
        }
        UUID adminId = staff("admin");
        People admin = as(adminId);
        assertThat(fields(admin.archivePerson(someone, new PersonArchive("  ")))).containsExactly("reason");
        assertThat(fields(admin.archivePerson(adminId, new PersonArchive("I am leaving")))).containsExactly("userId");
        UUID unknown = UUID.randomUUID();
        assertThat(admin.archivePerson(unknown, new PersonArchive("cleanup"))).isInstanceOf(Outcome.NotFound.class);
        assertThat(number("SELECT count(*) FROM users WHERE id IN ('" + someone + "', '" + adminId + "') AND archived_at IS NOT NULL")).isZero();
        assertThat(audit("USER_ARCHIVED", someone)).isZero();
    }
}
