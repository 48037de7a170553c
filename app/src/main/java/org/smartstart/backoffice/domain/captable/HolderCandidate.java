package org.smartstart.backoffice.domain.captable;

import java.util.UUID;

/**
 * A platform user an owner may add to their cap table, as much as the owner needs to pick them: no
 * e-mail, no contact data (ID-5). KYC status shows early whether BZ-2/KY-5 will stand in the way.
 */
public record HolderCandidate(UUID userId, String displayName, String kycStatus) {
}
