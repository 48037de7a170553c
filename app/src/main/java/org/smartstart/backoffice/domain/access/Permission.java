package org.smartstart.backoffice.domain.access;

import org.smartstart.backoffice.domain.identity.Role;

import java.util.EnumSet;
import java.util.Set;

/**
 * The rows of ID-3's matrix: who may do what. Everything not granted here is refused — by the use
 * cases (through {@link Actor#may}), by the HTTP API (which only calls the use cases) and by the
 * database (row-level security and the rules' triggers).
 */
public enum Permission {
    EDIT_CAP_TABLE("edit the cap table", EnumSet.of(Role.OWNER), EnumSet.of(Role.ADMIN)),
    CONVERT_BUZ("convert BUZ to equity", EnumSet.of(Role.OWNER), EnumSet.of(Role.ADMIN)),
    READ_CAP_TABLE("read the cap table", EnumSet.of(Role.OWNER, Role.CONTRIBUTOR, Role.REVIEWER),
            EnumSet.of(Role.COMPLIANCE, Role.ADMIN, Role.SUPPORT)),
    DECIDE_KYC("decide KYC/KYB documents", EnumSet.noneOf(Role.class), EnumSet.of(Role.COMPLIANCE)),
    MANAGE_LEGAL_HOLDS("impose or release legal holds", EnumSet.noneOf(Role.class), EnumSet.of(Role.COMPLIANCE)),
    WORK_DISPUTES("work disputes", EnumSet.noneOf(Role.class), EnumSet.of(Role.SUPPORT, Role.ADMIN)),
    BROWSE_AUDIT("browse and verify the audit trail", EnumSet.of(Role.OWNER), EnumSet.of(Role.COMPLIANCE, Role.ADMIN)),
    MANAGE_USERS("manage users and roles", EnumSet.noneOf(Role.class), EnumSet.of(Role.ADMIN)),
    /** "admin: manages users, roles and ventures" (DOMAIN.md, who uses it): create, change status, archive. */
    MANAGE_VENTURES("manage ventures", EnumSet.noneOf(Role.class), EnumSet.of(Role.ADMIN));

    private final String words;
    private final Set<Role> ventureRoles;
    private final Set<Role> globalRoles;

    Permission(String words, Set<Role> ventureRoles, Set<Role> globalRoles) {
        this.words = words;
        this.ventureRoles = ventureRoles;
        this.globalRoles = globalRoles;
    }

    /** "edit the cap table": fits "You may not …". */
    public String words() {
        return words;
    }

    /** Roles that grant this on a venture they are held for (empty: only global roles grant it). */
    public Set<Role> ventureRoles() {
        return EnumSet.copyOf(ventureRoles.isEmpty() ? EnumSet.noneOf(Role.class) : ventureRoles);
    }

    /** Roles that grant this everywhere when held globally. */
    public Set<Role> globalRoles() {
        return EnumSet.copyOf(globalRoles);
    }

    boolean grantedGlobally(Set<Role> roles) {
        return roles.stream().anyMatch(globalRoles::contains);
    }

    boolean grantedOnVenture(Set<Role> roles) {
        return roles.stream().anyMatch(ventureRoles::contains);
    }
}
