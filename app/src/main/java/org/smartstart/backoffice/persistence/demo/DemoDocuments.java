package org.smartstart.backoffice.persistence.demo;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Real document bytes for the demo evidence: identity documents as PNG specimen cards drawn with
 * Java2D, letters and certificates as PDFs. Same input, same bytes (no timestamps, fixed PDF id), so
 * the sha256 of a demo document is stable.
 */
final class DemoDocuments {

    static final String PNG = "image/png";
    static final String PDF = "application/pdf";

    private DemoDocuments() {
    }

    /** A specimen identity card: what a reviewer would see on screen, clearly marked as demo. */
    record IdCard(String documentTitle, String issuingCountry, String surname, String givenNames,
                  String nationality, String birthDate, String documentNumber, String expiryDate,
                  String mrzLine1, String mrzLine2, Color accent) {
    }

    static byte[] idCardPng(IdCard card) {
        int w = 640;
        int h = 404;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setPaint(new GradientPaint(0, 0, new Color(0xF4F1E8), w, h, card.accent().brighter().brighter()));
            g.fill(new RoundRectangle2D.Double(4, 4, w - 8, h - 8, 28, 28));
            g.setColor(card.accent());
            g.fillRect(4, 18, w - 8, 52);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
            g.drawString(card.issuingCountry().toUpperCase(), 24, 44);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
            g.drawString(card.documentTitle(), 24, 63);

            // photo placeholder: a grey silhouette
            g.setColor(new Color(0xD9DDE3));
            g.fillRect(24, 88, 150, 190);
            g.setColor(new Color(0x8C95A1));
            g.fill(new Ellipse2D.Double(64, 112, 70, 80));
            g.fill(new Ellipse2D.Double(39, 200, 120, 110));
            g.setColor(Color.WHITE);
            g.fillRect(24, 278, 150, 40);
            g.setColor(new Color(0x5B6573));
            g.setStroke(new BasicStroke(1.5f));
            g.drawRect(24, 88, 150, 190);

            String[][] fields = {
                    {"Surname", card.surname()},
                    {"Given names", card.givenNames()},
                    {"Nationality", card.nationality()},
                    {"Date of birth", card.birthDate()},
                    {"Document no.", card.documentNumber()},
                    {"Date of expiry", card.expiryDate()},
            };
            int y = 100;
            for (String[] field : fields) {
                g.setColor(new Color(0x5B6573));
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
                g.drawString(field[0], 196, y);
                g.setColor(new Color(0x1D232B));
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
                g.drawString(field[1], 196, y + 18);
                y += 34;
            }

            g.setColor(new Color(0xEEF0F2));
            g.fillRect(4, h - 84, w - 8, 72);
            g.setColor(new Color(0x1D232B));
            g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 17));
            g.drawString(card.mrzLine1(), 18, h - 56);
            g.drawString(card.mrzLine2(), 18, h - 30);

            AffineTransform keep = g.getTransform();
            g.rotate(Math.toRadians(-18), w / 2.0, h / 2.0);
            g.setColor(new Color(200, 30, 30, 120));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 46));
            g.drawString("SPECIMEN \u2014 DEMO", 110, h / 2 + 20);
            g.setTransform(keep);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A letter or certificate: letterhead, addressee block, date, body; an optional second page. */
    record Letter(String issuer, String issuerLine, String title, List<String> addressee, String date,
                  List<String> body, List<String> secondPage) {
    }

    static byte[] letterPdf(Letter letter) {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            float top = page.getMediaBox().getHeight();
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.setNonStrokingColor(0.13f, 0.32f, 0.55f);
                cs.addRect(0, top - 90, page.getMediaBox().getWidth(), 90);
                cs.fill();
                text(cs, bold, 20, 50, top - 45, letter.issuer(), 1f);
                text(cs, regular, 10, 50, top - 65, letter.issuerLine(), 1f);
                float y = top - 130;
                for (String line : letter.addressee()) {
                    text(cs, regular, 11, 50, y, line, 0f);
                    y -= 15;
                }
                text(cs, regular, 11, 400, top - 130, letter.date(), 0f);
                y -= 25;
                text(cs, bold, 15, 50, y, letter.title(), 0f);
                y -= 28;
                for (String line : letter.body()) {
                    text(cs, regular, 11, 50, y, line, 0f);
                    y -= 16;
                }
                text(cs, bold, 12, 50, 60, "SPECIMEN \u2014 DEMO DOCUMENT, NOT VALID FOR ANY PURPOSE", 0.75f);
            }
            if (letter.secondPage() != null && !letter.secondPage().isEmpty()) {
                PDPage second = new PDPage(PDRectangle.A4);
                doc.addPage(second);
                try (PDPageContentStream cs = new PDPageContentStream(doc, second)) {
                    float y = top - 70;
                    text(cs, bold, 13, 50, y, letter.title() + " (continued)", 0f);
                    y -= 26;
                    for (String line : letter.secondPage()) {
                        text(cs, regular, 11, 50, y, line, 0f);
                        y -= 16;
                    }
                    text(cs, bold, 12, 50, 60, "SPECIMEN \u2014 DEMO DOCUMENT, NOT VALID FOR ANY PURPOSE", 0.75f);
                }
            }
            // A fixed file id derived from the content: PDFBox would otherwise derive one from the clock.
            byte[] id = md5((letter.issuer() + "|" + letter.title() + "|" + letter.addressee() + "|" + letter.date()).getBytes(StandardCharsets.UTF_8));
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            doc.getDocument().getTrailer().setItem(COSName.ID, ids);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(PDPageContentStream cs, PDType1Font font, float size, float x, float y, String s, float grey) throws IOException {
        cs.beginText();
        if (grey >= 1f) {
            cs.setNonStrokingColor(1f, 1f, 1f);
        } else if (grey > 0f) {
            cs.setNonStrokingColor(0.75f, 0.1f, 0.1f);
        } else {
            cs.setNonStrokingColor(0.1f, 0.1f, 0.12f);
        }
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }

    private static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A machine-readable-zone-like line of exactly {@code length} characters, '<' as filler. */
    static String mrz(String content, int length) {
        String s = content.toUpperCase().replaceAll("[^A-Z0-9<]", "<");
        if (s.length() >= length) {
            return s.substring(0, length);
        }
        return s + "<".repeat(length - s.length());
    }
}
