package org.smartstart.backoffice.domain.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * One role assignment (ID-2): a role held globally ({@code ventureId} null) or on one venture. A revoked
 * assignment stays as history with who revoked it, when and why.
 */
public record RoleAssignment(UUID id, UUID userId, Role role, UUID ventureId, String ventureName,
                             Instant grantedAt, UUID grantedBy, String grantedByName, String reason,
                             Instant revokedAt, UUID revokedBy, String revokedByName, String revokeReason) {

    public boolean active() {
        return revokedAt == null;
    }

    public boolean global() {
        return ventureId == null;
    }

    /** "the Owner role on Acme", "the Compliance role on the platform". */
    public String describe() {
        return "the " + role.label() + " role " + (ventureId == null ? "on the platform" : "on " + ventureName);
    }
}
