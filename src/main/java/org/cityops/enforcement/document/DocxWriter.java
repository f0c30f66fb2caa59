package org.cityops.enforcement.document;

import java.util.List;
import org.cityops.enforcement.document.DocumentContent.Block;
import org.cityops.enforcement.document.DocumentContent.Field;
import org.cityops.enforcement.document.DocumentContent.Heading;
import org.cityops.enforcement.document.DocumentContent.Signature;
import org.cityops.platform.office.WordDocument;

/** Renders a {@link DocumentContent} as a Word document (.docx, through {@link WordDocument}). */
public final class DocxWriter {

    public static final String CONTENT_TYPE = WordDocument.CONTENT_TYPE;

    private DocxWriter() {}

    /** The .docx, plus the approvals signed so far as its last lines (审批意见). */
    public static byte[] write(DocumentContent c, List<String> approvals) {
        try (WordDocument doc = WordDocument.create()) {
            doc.title(c.title());
            if (c.number() != null) {
                doc.paragraph().right().text(c.number(), false, 12);
            }
            for (Block b : c.blocks()) {
                WordDocument.Paragraph p = doc.paragraph();
                if (b instanceof Field f) {
                    p.text(f.label() + "：", true, 12).text(f.value(), false, 12);
                } else if (b instanceof Heading) {
                    p.text(DocumentContent.text(b), true, 13);
                } else if (b instanceof Signature) {
                    p.right().text(DocumentContent.text(b), false, 12);
                } else {
                    p.firstLineIndent(480).text(DocumentContent.text(b), false, 12);
                }
            }
            if (!approvals.isEmpty()) {
                doc.paragraph().text("审批意见", true, 13);
                for (String a : approvals) {
                    doc.paragraph().text(a, false, 11);
                }
            }
            return doc.toBytes();
        }
    }
}
