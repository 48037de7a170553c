package org.smartstart.backoffice.contract;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartstart.backoffice.domain.access.Actor;
import org.smartstart.backoffice.domain.identity.Role;
import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.ventures.VentureOverview;
import org.smartstart.backoffice.testing.TestAccounts;
import org.smartstart.backoffice.testing.contract.Adapter;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions, the acting user and the ventures overview, the same through every adapter. */
@ParameterizedClass
@EnumSource(Adapter.class)
class SessionsAndVenturesContractTest {

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

    @Test
    void me_names_the_user_with_global_and_venture_roles() throws Exception {
        UUID owner = TestAccounts.user(fixture.db(), "Oona Owner", unique("oona"), "pw", "support");
        UUID venture = TestAccounts.venture(fixture.db(), "Oona Ventures " + UUID.randomUUID(), "ca", "draft", owner);

        Actor me = fixture.as(adapter, owner).people().me().orElseThrow();

        assertThat(me.userId()).isEqualTo(owner);
        assertThat(me.displayName()).isEqualTo("Oona Owner");
        assertThat(me.globalRoles()).containsExactly(Role.SUPPORT);
        assertThat(me.rolesOn(venture)).containsExactly(Role.OWNER);
    }

    @Test
    void an_expired_or_ended_or_forged_session_does_nothing() throws Exception {
        UUID user = TestAccounts.user(fixture.db(), "Exa Pired", unique("exa"), "pw");
        Session expiring = fixture.sessionFor(user, fixture.clock().instant().plus(Duration.ofMinutes(5)));
        Session forged = new Session(expiring.id(), user, "not-the-token", expiring.expiresAt());

        assertThat(fixture.connector(adapter).open(expiring).people().me().isDone()).isTrue();
        assertThat(fixture.connector(adapter).open(forged).people().me()).isInstanceOf(Outcome.Unauthenticated.class);

        Session ended = fixture.sessionFor(user);
        fixture.connector(adapter).signOut(ended, new org.smartstart.backoffice.domain.identity.ClientInfo("test", "contract"));
        assertThat(fixture.connector(adapter).open(ended).ventures().overview()).isInstanceOf(Outcome.Unauthenticated.class);

        // ended elsewhere (another server, an administrator) after it was used here: refused at once
        Session endedElsewhere = fixture.sessionFor(user);
        assertThat(fixture.connector(adapter).open(endedElsewhere).people().me().isDone()).isTrue();
        TestAccounts.exec(fixture.db(), "UPDATE user_sessions SET revoked_at = now() WHERE id = '" + endedElsewhere.id() + "'");
        assertThat(fixture.connector(adapter).open(endedElsewhere).people().me()).isInstanceOf(Outcome.Unauthenticated.class);

        fixture.clock().advance(Duration.ofMinutes(6));
        try {
            assertThat(fixture.connector(adapter).open(expiring).people().me()).isInstanceOf(Outcome.Unauthenticated.class);
        } finally {
            fixture.clock().advance(Duration.ofMinutes(-6));
        }
    }

    @Test
    void the_overview_shows_a_venture_user_only_their_ventures_and_staff_all() throws Exception {
        UUID owner = TestAccounts.user(fixture.db(), "Léa Martin", unique("lea"), "pw");
        UUID staff = TestAccounts.user(fixture.db(), "Sam Support", unique("sam"), "pw", "support");
        String suffix = " " + UUID.randomUUID().toString().substring(0, 8);
        UUID held = TestAccounts.venture(fixture.db(), "Maple Robotics" + suffix, "ca", "active", owner, "equity", "buz");
        TestAccounts.venture(fixture.db(), "aurora Labs" + suffix, "eu", "draft", null);
        UUID gone = TestAccounts.venture(fixture.db(), "Zombie Co" + suffix, "us", "archived", owner);
        TestAccounts.exec(fixture.db(), "UPDATE ventures SET archived_at = now() WHERE id = '" + gone + "'");
        TestAccounts.exec(fixture.db(), "UPDATE legal_holds SET released_at = now(), released_by_user_id = '" + staff
                + "', release_reason = 'Settled' WHERE venture_id = '" + held + "' AND applies_to = 'buz'");

        List<VentureOverview> mine = fixture.as(adapter, owner).ventures().overview().orElseThrow();
        List<VentureOverview> all = fixture.as(adapter, staff).ventures().overview().orElseThrow();

        assertThat(mine).extracting(VentureOverview::name).containsExactly("Maple Robotics" + suffix);
        VentureOverview maple = mine.get(0);
        assertThat(maple.region()).isEqualTo("ca");
        assertThat(maple.status()).isEqualTo("active");
        assertThat(maple.ownerDisplayName()).isEqualTo("Léa Martin");
        assertThat(maple.activeHolds()).containsExactly("equity");
        assertThat(maple.createdAt()).isNotNull();
        assertThat(all).extracting(VentureOverview::name)
                .contains("aurora Labs" + suffix, "Maple Robotics" + suffix).doesNotContain("Zombie Co" + suffix);
        assertThat(all.stream().filter(v -> v.name().startsWith("aurora")).findFirst().orElseThrow().ownerDisplayName()).isNull();
    }

    static String unique(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@contract.test";
    }
}
