package org.smartstart.backoffice.domain.kyc;

import java.util.UUID;

/** The stored bytes of a document (base64) and their sha256, which a decision names as reviewed (KY-7). */
public record DocumentContent(UUID documentId, String mediaType, String originalFilename, String sha256, String base64) {
}
