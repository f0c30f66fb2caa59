package org.cityops.rectification.internal.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange;
import org.cityops.rectification.internal.report.RectificationReport.Block;

/** The report as a Word document (.docx, Apache POI), in the usual layout of a 公文: 小标宋 title, 仿宋 body. */
public final class DocxReportWriter {

    public byte[] write(RectificationReport report) {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getProperties().getCoreProperties().setTitle(report.title());
            doc.getProperties().getCoreProperties().setCreator("cityops");
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            title.setSpacingAfter(240);
            run(title, report.title(), "方正小标宋简体", 22, true);
            for (Block b : report.blocks()) {
                XWPFParagraph p = doc.createParagraph();
                p.setSpacingAfter(60);
                switch (b.kind()) {
                    case DATE -> {
                        p.setAlignment(ParagraphAlignment.CENTER);
                        run(p, b.text(), "楷体", 16, false);
                    }
                    case SECTION -> {
                        p.setFirstLineIndent(640);
                        run(p, b.text(), "黑体", 16, false);
                    }
                    case CATEGORY -> {
                        p.setFirstLineIndent(640);
                        run(p, b.text(), "楷体", 16, true);
                    }
                    case PROBLEM -> {
                        p.setFirstLineIndent(640);
                        run(p, b.text(), "仿宋", 16, true);
                    }
                    case PROGRESS -> {
                        p.setFirstLineIndent(640);
                        XWPFRun r = run(p, b.text(), "楷体", 14, false);
                        r.setColor("555555");
                    }
                    default -> {
                        p.setFirstLineIndent(640);
                        run(p, b.text(), "仿宋", 16, false);
                    }
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, int size, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontFamily(font, FontCharRange.eastAsia);
        r.setFontFamily("Times New Roman", FontCharRange.ascii);
        r.setFontFamily("Times New Roman", FontCharRange.hAnsi);
        r.setFontSize(size);
        r.setBold(bold);
        return r;
    }
}
