package org.cityops.enforcement.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cityops.enforcement.document.DocumentContent.Field;
import org.cityops.enforcement.document.DocumentContent.Paragraph;
import org.junit.jupiter.api.Test;

class DossierPdfTests {

    static final CjkFont FONT = PdfFont.DEFAULT;

    @org.junit.jupiter.api.BeforeEach
    void font() {
        PdfFont.assumeInstalled();
    }

    static DossierPdf.Entry entry(String title, String number, int paragraphs) {
        List<DocumentContent.Block> blocks = new ArrayList<>();
        blocks.add(new Field("案件编号", "ZF2026000001"));
        for (int i = 0; i < paragraphs; i++) {
            blocks.add(new Paragraph("第" + (i + 1) + "段：经查，当事人在人行道上摆摊经营，占用城市道路，影响市容和通行。"));
        }
        return new DossierPdf.Entry(number, title, "2026-03-20", new DocumentContent(title, number, blocks), List.of());
    }

    @Test
    void the_file_opens_with_a_table_of_contents_whose_page_numbers_point_at_each_document() throws IOException {
        List<DossierPdf.Entry> entries = List.of(
                entry("立案审批表", null, 3),
                entry("询问笔录", null, 60), // long enough for a second page
                entry("行政处罚决定书", "常城执罚决字〔2026〕第7号", 2));
        byte[] pdf = DossierPdf.write("行政处罚案卷", List.of("案件编号：ZF2026000001"), entries, FONT);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper strip = new PDFTextStripper();
            strip.setStartPage(2);
            strip.setEndPage(2);
            String toc = strip.getText(doc);
            assertThat(toc).contains("卷内目录", "立案审批表", "询问笔录", "行政处罚决定书", "常城执罚决字〔2026〕第7号");
            // cover 1, 目录 2, 立案审批表 3, 询问笔录 4–5, 决定书 6
            assertThat(doc.getNumberOfPages()).isEqualTo(6);
            assertThat(pageText(doc, 3)).contains("立案审批表");
            assertThat(pageText(doc, 4)).contains("询问笔录");
            assertThat(pageText(doc, 6)).contains("行政处罚决定书", "第7号");
            assertThat(toc.lines()
                            .filter(l -> l.contains("行政处罚决定书"))
                            .findFirst()
                            .orElseThrow())
                    .endsWith("6");
            assertThat(doc.getDocumentCatalog().getDocumentOutline().children()).hasSize(3);
        }
    }

    static String pageText(PDDocument doc, int page) throws IOException {
        PDFTextStripper strip = new PDFTextStripper();
        strip.setStartPage(page);
        strip.setEndPage(page);
        return strip.getText(doc);
    }

    @Test
    void a_missing_font_is_said_plainly() {
        assertThat(new CjkFont("/nonexistent/font.ttc", null).problem()).contains("fonts-wqy-microhei");
    }
}
