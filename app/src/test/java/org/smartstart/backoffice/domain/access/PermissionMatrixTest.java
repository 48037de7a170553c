package org.smartstart.backoffice.domain.access;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.domain.identity.Role;
import org.smartstart.backoffice.domain.usecase.Outcome;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every cell of ID-3's matrix, as DOMAIN.md writes it, against {@link Actor#may}. */
class PermissionMatrixTest {

    private static final UUID VENTURE = UUID.randomUUID();
    private static final UUID OTHER_VENTURE = UUID.randomUUID();

    /** DOMAIN.md ID-3, row by row: venture roles that grant it on their venture; global roles that grant it. */
    private static final Map<Permission, Set<Role>> ON_VENTURE = Map.of(
            Permission.EDIT_CAP_TABLE, EnumSet.of(Role.OWNER),
            Permission.CONVERT_BUZ, EnumSet.of(Role.OWNER),
            Permission.READ_CAP_TABLE, EnumSet.of(Role.OWNER, Role.CONTRIBUTOR, Role.REVIEWER),
            Permission.DECIDE_KYC, EnumSet.noneOf(Role.class),
            Permission.MANAGE_LEGAL_HOLDS, EnumSet.noneOf(Role.class),
            Permission.WORK_DISPUTES, EnumSet.noneOf(Role.class),
            Permission.BROWSE_AUDIT, EnumSet.of(Role.OWNER),
            Permission.MANAGE_USERS, EnumSet.noneOf(Role.class),
            Permission.MANAGE_VENTURES, EnumSet.noneOf(Role.class));
    private static final Map<Permission, Set<Role>> GLOBAL = Map.of(
            Permission.EDIT_CAP_TABLE, EnumSet.of(Role.ADMIN),
            Permission.CONVERT_BUZ, EnumSet.of(Role.ADMIN),
            Permission.READ_CAP_TABLE, EnumSet.of(Role.COMPLIANCE, Role.ADMIN, Role.SUPPORT),
            Permission.DECIDE_KYC, EnumSet.of(Role.COMPLIANCE),
            Permission.MANAGE_LEGAL_HOLDS, EnumSet.of(Role.COMPLIANCE),
            Permission.WORK_DISPUTES, EnumSet.of(Role.SUPPORT, Role.ADMIN),
            Permission.BROWSE_AUDIT, EnumSet.of(Role.COMPLIANCE, Role.ADMIN),
            Permission.MANAGE_USERS, EnumSet.of(Role.ADMIN),
            Permission.MANAGE_VENTURES, EnumSet.of(Role.ADMIN));

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Permission p : Permission.values()) {
            for (Role r : Role.values()) {
                cells.add(Arguments.of(p, r));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("cells")
    void a_venture_role_grants_exactly_what_ID_3_says_and_only_on_its_venture(Permission permission, Role role) {
        Actor actor = new Actor(UUID.randomUUID(), "Someone", Set.of(), Map.of(VENTURE, Set.of(role)));

        assertThat(actor.may(permission, VENTURE)).isEqualTo(ON_VENTURE.get(permission).contains(role));
        assertThat(actor.may(permission, OTHER_VENTURE)).isFalse();
        assertThat(actor.may(permission)).isFalse();
    }

    @ParameterizedTest(name = "{0} with global {1}")
    @MethodSource("cells")
    void a_global_role_grants_exactly_what_ID_3_says_everywhere(Permission permission, Role role) {
        Actor actor = new Actor(UUID.randomUUID(), "Someone", Set.of(role), Map.of());
        boolean expected = GLOBAL.get(permission).contains(role);

        assertThat(actor.may(permission)).isEqualTo(expected);
        assertThat(actor.may(permission, VENTURE)).isEqualTo(expected);
    }

    @Test
    void nobody_without_roles_may_do_anything() {
        Actor nobody = new Actor(UUID.randomUUID(), "Nobody", Set.of(), Map.of());
        for (Permission p : Permission.values()) {
            assertThat(nobody.may(p, VENTURE)).as(p.name()).isFalse();
        }
        assertThat(nobody.maySee(VENTURE)).isFalse();
    }

    @Test
    void a_denial_names_the_permission_and_who_may() {
        Actor contributor = new Actor(UUID.randomUUID(), "Cory", Set.of(), Map.of(VENTURE, Set.of(Role.CONTRIBUTOR)));

        Outcome<Object> edit = contributor.require(Permission.EDIT_CAP_TABLE, VENTURE).orElseThrow();
        Outcome<Object> holds = contributor.require(Permission.MANAGE_LEGAL_HOLDS).orElseThrow();

        assertThat(edit).isInstanceOf(Outcome.Denied.class);
        assertThat(((Outcome.Denied<Object>) edit).permission()).isEqualTo("edit the cap table");
        assertThat(edit.describe()).isEqualTo(
                "You may not edit the cap table of this venture: that takes its owner role or the global administrator role (ID-3).");
        assertThat(holds.describe()).isEqualTo("You may not impose or release legal holds: that takes the global compliance role (ID-3).");
        assertThat(contributor.require(Permission.READ_CAP_TABLE, VENTURE)).isEmpty();
    }
}
