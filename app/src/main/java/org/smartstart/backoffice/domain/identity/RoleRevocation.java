package org.smartstart.backoffice.domain.identity;

/** Why an administrator revokes a role (kept with the revoked assignment and in the audit entry). */
public record RoleRevocation(String reason) {
}
