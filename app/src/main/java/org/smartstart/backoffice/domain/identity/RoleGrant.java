package org.smartstart.backoffice.domain.identity;

import java.util.UUID;

/**
 * What an administrator asks to grant.
 *
 * @param ventureId the venture for owner, contributor and reviewer; null for the global admin, compliance
 *                  and support roles
 * @param reason    why (kept with the assignment and in the audit entry)
 */
public record RoleGrant(Role role, UUID ventureId, String reason) {
}
