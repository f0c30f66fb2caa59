package org.cityops.enforcement.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange;
import org.cityops.enforcement.document.DocumentContent.Block;
import org.cityops.enforcement.document.DocumentContent.Field;
import org.cityops.enforcement.document.DocumentContent.Heading;
import org.cityops.enforcement.document.DocumentContent.Signature;

/** Renders a {@link DocumentContent} as a Word document (.docx, Apache POI XWPF). */
public final class DocxWriter {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static final String CJK = "宋体";

    private DocxWriter() {}

    /** The .docx, plus the approvals signed so far as its last lines (审批意见). */
    public static byte[] write(DocumentContent c, List<String> approvals) {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, c.title(), true, 18);
            if (c.number() != null) {
                XWPFParagraph n = doc.createParagraph();
                n.setAlignment(ParagraphAlignment.RIGHT);
                run(n, c.number(), false, 12);
            }
            for (Block b : c.blocks()) {
                XWPFParagraph p = doc.createParagraph();
                if (b instanceof Field f) {
                    run(p, f.label() + "：", true, 12);
                    run(p, f.value(), false, 12);
                } else if (b instanceof Heading) {
                    run(p, DocumentContent.text(b), true, 13);
                } else if (b instanceof Signature) {
                    p.setAlignment(ParagraphAlignment.RIGHT);
                    run(p, DocumentContent.text(b), false, 12);
                } else {
                    p.setIndentationFirstLine(480);
                    run(p, DocumentContent.text(b), false, 12);
                }
            }
            if (!approvals.isEmpty()) {
                XWPFParagraph h = doc.createParagraph();
                run(h, "审批意见", true, 13);
                for (String a : approvals) {
                    run(doc.createParagraph(), a, false, 11);
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(XWPFParagraph p, String text, boolean bold, int size) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setBold(bold);
        r.setFontSize(size);
        r.setFontFamily(CJK, FontCharRange.eastAsia);
    }
}
