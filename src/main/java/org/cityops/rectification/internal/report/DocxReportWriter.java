package org.cityops.rectification.internal.report;

import org.cityops.platform.office.WordDocument;
import org.cityops.platform.office.WordDocument.Style;
import org.cityops.rectification.internal.report.RectificationReport.Block;

/** The report as a Word document (.docx, Apache POI), in the usual layout of a 公文: 小标宋 title, 仿宋 body. */
public final class DocxReportWriter {

    private static final String XIAOBIAOSONG = "方正小标宋简体";
    private static final String FANGSONG = "仿宋";
    private static final String HEITI = "黑体";
    private static final String KAITI = "楷体";
    private static final int INDENT = 640;

    public byte[] write(RectificationReport report) {
        try (WordDocument doc = WordDocument.create()) {
            doc.properties(report.title(), "cityops").latinFont("Times New Roman");
            doc.paragraph()
                    .center()
                    .spacingAfter(240)
                    .text(report.title(), Style.of(22).withFont(XIAOBIAOSONG).withBold());
            for (Block b : report.blocks()) {
                WordDocument.Paragraph p = doc.paragraph().spacingAfter(60);
                switch (b.kind()) {
                    case DATE -> p.center().text(b.text(), Style.of(16).withFont(KAITI));
                    case SECTION ->
                        p.firstLineIndent(INDENT).text(b.text(), Style.of(16).withFont(HEITI));
                    case CATEGORY ->
                        p.firstLineIndent(INDENT)
                                .text(b.text(), Style.of(16).withFont(KAITI).withBold());
                    case PROBLEM ->
                        p.firstLineIndent(INDENT)
                                .text(b.text(), Style.of(16).withFont(FANGSONG).withBold());
                    case PROGRESS ->
                        p.firstLineIndent(INDENT)
                                .text(b.text(), Style.of(14).withFont(KAITI).withColor("555555"));
                    default ->
                        p.firstLineIndent(INDENT).text(b.text(), Style.of(16).withFont(FANGSONG));
                }
            }
            return doc.toBytes();
        }
    }
}
