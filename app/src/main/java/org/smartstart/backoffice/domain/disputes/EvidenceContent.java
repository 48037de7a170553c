package org.smartstart.backoffice.domain.disputes;

/**
 * An evidence file's stored bytes, checked when opened: the sha256 of the bytes read now against the one
 * recorded when it was attached.
 *
 * @param computedSha256 sha256 of the bytes as read now
 * @param intact         the bytes read now are the bytes attached ({@code computedSha256} equals the recorded one)
 */
public record EvidenceContent(DisputeEvidence evidence, String base64, String computedSha256, boolean intact) {
}
