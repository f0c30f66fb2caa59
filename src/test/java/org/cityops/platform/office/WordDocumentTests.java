package org.cityops.platform.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.cityops.platform.office.WordDocument.Style;
import org.cityops.support.OoxmlCheck;
import org.junit.jupiter.api.Test;

class WordDocumentTests {

    private static XWPFDocument read(byte[] docx) throws Exception {
        return new XWPFDocument(new ByteArrayInputStream(docx));
    }

    private static XWPFRun onlyRun(XWPFParagraph p) {
        assertThat(p.getRuns()).hasSize(1);
        return p.getRuns().get(0);
    }

    /** A 1×1 PNG. */
    private static byte[] png() throws Exception {
        var img = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @Test
    void theHouseStyleGivesEveryRunTheEastAsianFontAndTheTitleHeadingAndBodyTheirSizes() throws Exception {
        byte[] docx;
        try (WordDocument doc = WordDocument.create()) {
            docx = doc.title("月报")
                    .subtitle("统计区间", 10)
                    .heading("一、总体情况")
                    .paragraph("正文")
                    .toBytes();
        }
        try (XWPFDocument d = read(docx)) {
            List<XWPFParagraph> ps = d.getParagraphs();
            assertThat(ps).extracting(XWPFParagraph::getText).containsExactly("月报", "统计区间", "一、总体情况", "正文");
            assertThat(ps.get(0).getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            assertThat(onlyRun(ps.get(0)).isBold()).isTrue();
            assertThat(onlyRun(ps.get(0)).getFontSizeAsDouble()).isEqualTo(18.0);
            assertThat(ps.get(1).getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            assertThat(onlyRun(ps.get(1)).getFontSizeAsDouble()).isEqualTo(10.0);
            assertThat(onlyRun(ps.get(2)).isBold()).isTrue();
            assertThat(onlyRun(ps.get(2)).getFontSizeAsDouble()).isEqualTo(14.0);
            assertThat(ps.get(2).getSpacingBefore()).isEqualTo(240);
            assertThat(onlyRun(ps.get(3)).isBold()).isFalse();
            assertThat(onlyRun(ps.get(3)).getFontSizeAsDouble()).isEqualTo(11.0);
            for (XWPFParagraph p : ps) {
                assertThat(onlyRun(p).getFontFamily(FontCharRange.eastAsia)).isEqualTo(WordDocument.SONG_TI);
            }
        }
    }

    @Test
    void aTableHasABoldHeaderRowItsRowsAndAGridOverThePageWidth() throws Exception {
        byte[] docx;
        try (WordDocument doc = WordDocument.create()) {
            doc.table(List.of("名次", "区"), List.of(List.of("1", "天宁区"), List.of("2", "钟楼区")));
            docx = doc.toBytes();
        }
        assertThat(OoxmlCheck.problems(docx)).isEmpty();
        try (XWPFDocument d = read(docx)) {
            XWPFTable t = d.getTables().get(0);
            assertThat(t.getRows()).hasSize(3);
            assertThat(t.getRow(0).getCell(1).getText()).isEqualTo("区");
            assertThat(t.getRow(2).getCell(1).getText()).isEqualTo("钟楼区");
            XWPFRun head = onlyRun(t.getRow(0).getCell(0).getParagraphs().get(0));
            XWPFRun cell = onlyRun(t.getRow(1).getCell(0).getParagraphs().get(0));
            assertThat(head.isBold()).isTrue();
            assertThat(cell.isBold()).isFalse();
            assertThat(cell.getFontFamily(FontCharRange.eastAsia)).isEqualTo(WordDocument.SONG_TI);
            var grid = t.getCTTbl().getTblGrid().getGridColList();
            assertThat(grid).hasSize(2);
            assertThat(((java.math.BigInteger) grid.get(0).getW()).intValue())
                    .isEqualTo(WordDocument.A4_TEXT_WIDTH_TWIPS / 2);
        }
    }

    @Test
    void aDocumentOfItsOwnLayoutChoosesFontsIndentsAndColoursAndStaysValid() throws Exception {
        byte[] docx;
        try (WordDocument doc = WordDocument.create()) {
            doc.properties("整改报告", "cityops").latinFont("Times New Roman");
            doc.paragraph()
                    .firstLineIndent(640)
                    .spacingAfter(60)
                    .text("一、总体情况", Style.of(16).withFont("黑体"));
            doc.paragraph().right().text("文号：", true, 12).text("常城管〔2026〕1号", false, 12);
            doc.paragraph().text("进展", Style.of(14).withFont("楷体").withColor("555555"));
            doc.image(png(), "chart.png", 100, 50).pageBreak().paragraph("下一页");
            docx = doc.toBytes();
        }
        assertThat(OoxmlCheck.problems(docx)).isEmpty();
        try (XWPFDocument d = read(docx)) {
            assertThat(d.getProperties().getCoreProperties().getTitle()).isEqualTo("整改报告");
            List<XWPFParagraph> ps = d.getParagraphs();
            XWPFRun section = onlyRun(ps.get(0));
            assertThat(section.getFontFamily(FontCharRange.eastAsia)).isEqualTo("黑体");
            assertThat(section.getFontFamily(FontCharRange.ascii)).isEqualTo("Times New Roman");
            assertThat(ps.get(0).getIndentationFirstLine()).isEqualTo(640);
            assertThat(ps.get(1).getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
            assertThat(ps.get(1).getRuns()).extracting(XWPFRun::isBold).containsExactly(true, false);
            assertThat(ps.get(1).getText()).isEqualTo("文号：常城管〔2026〕1号");
            assertThat(onlyRun(ps.get(2)).getColor()).isEqualTo("555555");
            assertThat(d.getAllPictures()).hasSize(1);
            assertThat(ps.get(4)
                            .getRuns()
                            .get(0)
                            .getCTR()
                            .getBrList()
                            .get(0)
                            .getType()
                            .toString())
                    .isEqualTo(BreakType.PAGE.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Test
    void aTemplateHasItsFieldsFilledEvenWhenWordSplitThemOverRuns() throws Exception {
        byte[] template;
        try (XWPFDocument t = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph p = t.createParagraph();
            p.createRun().setText("责任人：{{par");
            p.createRun().setText("tyName}}");
            t.createTable(1, 1).getRow(0).getCell(0).setText("编号 {{code}}");
            t.write(out);
            template = out.toByteArray();
        }
        byte[] docx;
        try (WordDocument doc = WordDocument.fromTemplate(new ByteArrayInputStream(template))) {
            docx = doc.fill(Map.of("partyName", "某某餐饮店", "code", "Z-001")).toBytes();
        }
        try (XWPFDocument d = read(docx)) {
            assertThat(d.getParagraphs().get(0).getText()).isEqualTo("责任人：某某餐饮店");
            assertThat(d.getTables().get(0).getRow(0).getCell(0).getText()).isEqualTo("编号 Z-001");
        }
    }
}
