package org.smartstart.backoffice.domain.ventures;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the ventures administration reads and writes, inside the use case's one transaction. */
public interface VentureStore {

    /** Ventures matching the filter (not soft-deleted unless the filter asks for status archived), by name. */
    List<VentureOverview> find(VentureFilter filter);

    Optional<VentureDetail> detail(UUID ventureId);

    /** The venture's name, status and archived_at, locked for the change (FOR UPDATE); empty when it does not exist. */
    Optional<VentureDetail> lockForChange(UUID ventureId);

    /** Who holds the name already (ignoring case), if anyone. */
    Optional<UUID> nameHolder(String name);

    /** The person's display name and KYC status (pending, verified, rejected); empty when there is no such (live) person. */
    Optional<Owner> owner(UUID userId);

    UUID insertDraft(String name, String region, UUID ownerUserId, BigDecimal aliceEquityCap, Instant now);

    /** Sets the status when the version still matches; false when someone changed the venture meanwhile. */
    boolean changeStatus(UUID ventureId, String status, int expectedVersion, Instant now);

    boolean archive(UUID ventureId, int expectedVersion, Instant now);

    record Owner(UUID id, String displayName, String kycStatus, boolean archived) {
    }
}
