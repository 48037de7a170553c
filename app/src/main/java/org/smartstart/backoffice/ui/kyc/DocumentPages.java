package org.smartstart.backoffice.ui.kyc;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A document's bytes as the reviewer sees them: the pages rendered as images (PDF pages through PDFBox,
 * pictures as they are), and the sha256 of exactly those bytes (KY-7). Built in the background.
 *
 * @param problem why the bytes could not be shown, or null
 */
public record DocumentPages(List<Image> pages, String sha256, String problem) {

    /** Enough pages for any identity or company document; more would only slow the review pane. */
    static final int MAX_PAGES = 40;
    private static final float PDF_DPI = 110f;

    public DocumentPages {
        pages = List.copyOf(pages);
    }

    public static DocumentPages render(byte[] bytes, String mediaType) {
        String sha = sha256(bytes);
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        try {
            if (type.equals("application/pdf") || startsWith(bytes, "%PDF")) {
                return new DocumentPages(pdfPages(bytes), sha, null);
            }
            if (type.startsWith("image/")) {
                Image image = new Image(new ByteArrayInputStream(bytes));
                if (image.isError() || image.getWidth() <= 0) {
                    return new DocumentPages(List.of(), sha, "The stored " + mediaType + " cannot be decoded as an image.");
                }
                return new DocumentPages(List.of(image), sha, null);
            }
            return new DocumentPages(List.of(), sha, "Documents of type " + mediaType + " cannot be shown here.");
        } catch (IOException e) {
            return new DocumentPages(List.of(), sha, "The stored PDF cannot be read: " + e.getMessage());
        }
    }

    private static List<Image> pdfPages(byte[] bytes) throws IOException {
        List<Image> images = new ArrayList<>();
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            PDFRenderer renderer = new PDFRenderer(pdf);
            for (int i = 0; i < Math.min(pdf.getNumberOfPages(), MAX_PAGES); i++) {
                images.add(SwingFXUtils.toFXImage(renderer.renderImageWithDPI(i, PDF_DPI, ImageType.RGB), null));
            }
        }
        return images;
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        if (bytes.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (bytes[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
