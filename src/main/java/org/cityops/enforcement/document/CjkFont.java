package org.cityops.enforcement.document;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The CJK font embedded (as a subset) in the 案卷 PDF. PDFBox 3 subsets TrueType-outline (glyf) fonts only; the
 * CFF-based Noto CJK collections Debian ships cannot be embedded, so the default is Debian's
 * {@code fonts-wqy-microhei} ({@code /usr/share/fonts/truetype/wqy/wqy-microhei.ttc}). The path is
 * {@code cityops.enforcement.pdf-font}; a collection (.ttc) takes its first font unless {@code name} names one.
 */
public record CjkFont(String path, String name) {

    public static final String DEFAULT_PATH = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    /** Null when the file is there and readable, else what is wrong, "中文 English". */
    public String problem() {
        File f = new File(path);
        if (!f.isFile() || !f.canRead()) {
            return "案卷PDF所需中文字体不存在：" + path + "（安装 fonts-wqy-microhei 或设置 cityops.enforcement.pdf-font）"
                    + " the CJK font for the PDF file is missing: " + path
                    + " (install fonts-wqy-microhei or set cityops.enforcement.pdf-font)";
        }
        return null;
    }

    PDFont load(PDDocument pdf) throws IOException {
        String problem = problem();
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        File file = new File(path);
        if (path.toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
            TrueTypeCollection collection = new TrueTypeCollection(file);
            TrueTypeFont[] chosen = new TrueTypeFont[1];
            collection.processAllFonts(ttf -> {
                if (chosen[0] == null && (name == null || name.equals(ttf.getName()))) {
                    chosen[0] = ttf;
                }
            });
            if (chosen[0] == null) {
                throw new UncheckedIOException(new IOException("font " + name + " not in " + path));
            }
            // the collection stays open until the document is saved (PDFBox subsets on save)
            pdf.registerTrueTypeFontForClosing(chosen[0]);
            return PDType0Font.load(pdf, chosen[0], true);
        }
        return PDType0Font.load(pdf, file);
    }
}
