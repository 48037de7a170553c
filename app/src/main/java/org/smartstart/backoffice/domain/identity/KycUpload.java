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

    /**
     * 5 MB, the same limit as dispute evidence; the database refuses larger ones too (V25). Its base64 (a third
     * more, about 6.7 MiB) fits one API request (8 MiB, {@code ApiServerOptions.DEFAULT_MAX_BODY}) with room
     * for the rest of the body.
     */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    /** "5 MB": the limit as people read it. */
    public static String limitInWords() {
        return MAX_BYTES / (1024 * 1024) + " MB";
    }

    @Override
    public String toString() {
        return "KycUpload[docType=" + docType + ", originalFilename=" + originalFilename + "]";
    }
}
