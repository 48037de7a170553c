package org.smartstart.backoffice.domain.disputes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A file attached to a dispute, stored once with the sha256 of its exact bytes. Evidence is never edited
 * or removed: a wrong file is answered with another one.
 *
 * @param sizeBytes the stored bytes' length
 */
public record DisputeEvidence(UUID id, UUID disputeId, String fileName, String mediaType, String sha256, long sizeBytes,
                              UUID addedBy, String addedByName, Instant addedAt) {

    /** Largest evidence file; the database refuses larger ones too (V20). */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    /** The kinds of file accepted as evidence; the database keeps the same list (V20). */
    public static final List<String> MEDIA_TYPES = List.of("application/pdf", "image/png", "image/jpeg", "text/plain", "text/csv");

    /** Longest file name kept (the column's width). */
    public static final int MAX_FILE_NAME = 255;
}
