package org.smartstart.backoffice.domain.disputes;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Whether a file's bytes are of the media type it claims (by their signature), so a renamed executable is
 * not filed as a PDF; and the sha256 that identifies stored bytes.
 */
final class EvidenceTypes {

    private EvidenceTypes() {
    }

    static boolean looksLike(String mediaType, byte[] b) {
        return switch (mediaType) {
            case "application/pdf" -> starts(b, 0x25, 0x50, 0x44, 0x46, 0x2D);
            case "image/png" -> starts(b, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A);
            case "image/jpeg" -> starts(b, 0xFF, 0xD8, 0xFF);
            case "text/plain", "text/csv" -> text(b);
            default -> false;
        };
    }

    static String expectation(String mediaType) {
        return switch (mediaType) {
            case "application/pdf" -> "a PDF starts with %PDF-";
            case "image/png" -> "a PNG image starts with the PNG signature";
            case "image/jpeg" -> "a JPEG image starts with FF D8 FF";
            default -> "a text file is UTF-8 text without control characters";
        };
    }

    private static boolean starts(byte[] b, int... signature) {
        if (b.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((b[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean text(byte[] b) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
            return s.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t');
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
