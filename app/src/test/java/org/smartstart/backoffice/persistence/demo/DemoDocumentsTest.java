package org.smartstart.backoffice.persistence.demo;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDocumentsTest {

    private static final DemoDocuments.IdCard CARD = new DemoDocuments.IdCard("Passport / Passeport", "Canada", "MARTIN", "Noah", "CAN",
            "1990-04-12", "CA1234567", "2030-01-01", DemoDocuments.mrz("P<CANMARTIN<<NOAH", 44), DemoDocuments.mrz("CA1234567<CAN", 44),
            new Color(0x7A1F2B));

    private static final DemoDocuments.Letter LETTER = new DemoDocuments.Letter("Toronto Energy Co-operative", "Customer service",
            "Electricity statement", List.of("Noah Martin", "88 Queen Street West", "M5H 2N2 Toronto", "Canada"), "2025-01-01",
            List.of("Account number: 0001-000002", "Amount due: 80.00"), List.of("Consumption history (kWh)"));

    @Test
    void idCardIsASmallReadablePngAndTheSameEveryTime() throws Exception {
        byte[] png = DemoDocuments.idCardPng(CARD);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(png.length).isLessThan(100_000);
        assertThat(DemoDocuments.idCardPng(CARD)).isEqualTo(png);
    }

    @Test
    void letterIsATwoPagePdfWithItsTextAndTheSameEveryTime() throws Exception {
        byte[] pdf = DemoDocuments.letterPdf(LETTER);
        assertThat(pdf.length).isLessThan(100_000);
        assertThat(DemoDocuments.letterPdf(LETTER)).isEqualTo(pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Noah Martin", "Electricity statement", "SPECIMEN");
        }
    }

    @Test
    void mrzLinesHaveTheirFixedLength() {
        assertThat(DemoDocuments.mrz("P<CAN MARTIN", 44)).hasSize(44).startsWith("P<CAN<MARTIN<<<");
    }
}
