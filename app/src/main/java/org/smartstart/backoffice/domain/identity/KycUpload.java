package org.smartstart.backoffice.domain.identity;

/**
 * A KYC document an administrator uploads on a person's behalf (a scan they sent by mail, say).
 *
 * @param docType          passport, id_card, drivers_license or proof_of_address
 * @param originalFilename the file's name as chosen, for the reviewer
 * @param base64           the file's bytes; a PDF, PNG or JPEG of at most {@value #MAX_BYTES} bytes. The kind is
 *                         read from the bytes themselves, never from the name.
 */
public record KycUpload(String docType, String originalFilename, String base64) {

    /** Fits one API request (1 MiB, base64 adds a third) with room for the rest of the body. */
    public static final int MAX_BYTES = 700 * 1024;

    @Override
    public String toString() {
        return "KycUpload[docType=" + docType + ", originalFilename=" + originalFilename + "]";
    }
}
