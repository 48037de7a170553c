package org.smartstart.backoffice.domain.disputes;

/**
 * A file to attach to a dispute as evidence, as the person chose it.
 *
 * @param fileName  the file's name as shown to people (no folders)
 * @param mediaType one of {@link DisputeEvidence#MEDIA_TYPES}
 * @param base64    the file's bytes, base64-encoded (at most {@link DisputeEvidence#MAX_BYTES} bytes once decoded)
 */
public record EvidenceFile(String fileName, String mediaType, String base64) {
}
