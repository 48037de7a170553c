package org.smartstart.backoffice.ui.captable;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The cap table of one date as exported: CSV for spreadsheets, PDF as a signed-off record. The PDF names
 * the audit chain's head at export time, so a reader can check later that the trail it came from was
 * not rewritten (AU-2..AU-4).
 *
 * @param lines     the holders, the totals line last
 * @param auditHead "seq 1234, hash …" or why it could not be read
 */
public record CapTableReport(UUID ventureId, String ventureName, LocalDate asOf, String revision, List<HolderLine> lines,
                             String auditHead, Instant exportedAt) {

    public CapTableReport {
        lines = List.copyOf(lines);
    }

    public String csv() {
        StringBuilder out = new StringBuilder("venture,as_of,holder,holder_type,percent,vested_percent,vesting,ledger_rows\r\n");
        for (HolderLine l : lines) {
            String type = l.total() ? "total" : l.platform() ? "platform" : "user";
            out.append(String.join(",", quote(ventureName), asOf.toString(), quote(l.name()), type,
                    l.percent().toPlainString(), l.vestedPercent().toPlainString(), quote(l.vesting()), quote(l.ledgerRows())))
                    .append("\r\n");
        }
        return out.toString();
    }

    public void writeCsv(Path file) throws IOException {
        Files.writeString(file, csv(), StandardCharsets.UTF_8);
    }

    /** The report's text, line by line, as the PDF prints it (also what a test reads back). */
    public List<String> pdfLines() {
        List<String> text = new ArrayList<>();
        text.add("Venture: " + ventureName + " (" + ventureId + ")");
        text.add("Cap table as of " + asOf + ", ledger revision " + revision);
        text.add("Exported at " + exportedAt);
        text.add("");
        for (HolderLine l : lines) {
            text.add(l.name() + ": " + l.percentText() + " (vested " + l.vestedText() + ")"
                    + (l.total() ? "" : " - " + l.vesting()));
            if (!l.total() && !l.ledgerRows().isEmpty()) {
                text.add("    ledger: " + l.ledgerRows());
            }
        }
        text.add("");
        text.add("Audit chain head at export: " + auditHead);
        return text;
    }

    public void writePdf(Path file) throws IOException {
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (PDDocument doc = new PDDocument()) {
            PDPage page = null;
            PDPageContentStream cs = null;
            float y = 0;
            try {
                List<String> text = new ArrayList<>(List.of("Cap table report - " + ventureName));
                text.addAll(pdfLines());
                for (int i = 0; i < text.size(); i++) {
                    for (String line : wrap(printable(text.get(i)), 95)) {
                        if (cs == null || y < 60) {
                            if (cs != null) {
                                cs.close();
                            }
                            page = new PDPage(PDRectangle.A4);
                            doc.addPage(page);
                            cs = new PDPageContentStream(doc, page);
                            y = page.getMediaBox().getHeight() - 60;
                        }
                        cs.beginText();
                        cs.setFont(i == 0 || line.startsWith("Total (") ? bold : regular, i == 0 ? 16 : 10);
                        cs.newLineAtOffset(50, y);
                        cs.showText(line);
                        cs.endText();
                        y -= i == 0 ? 26 : 14;
                    }
                }
            } finally {
                if (cs != null) {
                    cs.close();
                }
            }
            doc.getDocumentInformation().setTitle("Cap table of " + ventureName + " on " + asOf);
            doc.save(file.toFile());
        }
    }

    private static String quote(String s) {
        String v = s == null ? "" : s;
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /** The standard PDF fonts know WinAnsi only; names with other letters keep their readable part. */
    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> b.append(c < 256 && c != '\t' ? Character.toString(c) : c == '\u2014' || c == '\u2013' ? "-" : "?"));
        return b.toString();
    }

    private static List<String> wrap(String line, int width) {
        List<String> out = new ArrayList<>();
        String rest = line;
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            cut = cut <= 0 ? width : cut;
            out.add(rest.substring(0, cut));
            rest = "    " + rest.substring(cut).strip();
        }
        out.add(rest);
        return out;
    }
}
