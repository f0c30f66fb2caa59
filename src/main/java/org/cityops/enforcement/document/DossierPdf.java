package org.cityops.enforcement.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitWidthDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.cityops.enforcement.document.DocumentContent.Block;
import org.cityops.enforcement.document.DocumentContent.Field;
import org.cityops.enforcement.document.DocumentContent.Heading;
import org.cityops.enforcement.document.DocumentContent.Signature;

/**
 * The 案卷 as one PDF: a cover, the 卷内目录 (序号, 文号, 题名, 日期, 页号) and one section per document, laid out
 * from the same {@link DocumentContent} as the .docx (one content model, two renderers; no .docx → PDF
 * conversion). Pages are A4; lines wrap by the font's own widths. Layout is done first, so the 目录 knows each
 * document's first page before anything is drawn. Each document is also a bookmark (书签).
 */
public final class DossierPdf {

    /** One document of the file. */
    public record Entry(String number, String title, String date, DocumentContent content, List<String> approvals) {}

    private static final float MARGIN = 64;
    private static final float WIDTH = PDRectangle.A4.getWidth();
    private static final float HEIGHT = PDRectangle.A4.getHeight();
    private static final float TEXT_WIDTH = WIDTH - 2 * MARGIN;
    private static final int TOC_ROWS = 28;

    private enum Style {
        TITLE(18, true),
        NUMBER(11, false),
        BODY(12, false),
        HEAD(13, false),
        RIGHT(12, false),
        SMALL(10, false);

        final float size;
        final boolean centre;

        Style(float size, boolean centre) {
            this.size = size;
            this.centre = centre;
        }

        float leading() {
            return size * 1.6f;
        }
    }

    private record Line(String text, Style style) {}

    private DossierPdf() {}

    /** Writes the file; {@code font} is a TrueType (glyf) font file or collection, see {@link CjkFont}. */
    public static byte[] write(String caseTitle, List<String> coverLines, List<Entry> entries, CjkFont font) {
        try (PDDocument pdf = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont f = font.load(pdf);
            List<List<List<Line>>> docs = new ArrayList<>();
            for (Entry e : entries) {
                docs.add(paginate(lines(e, f), f));
            }
            int tocPages = Math.max(1, (entries.size() + TOC_ROWS - 1) / TOC_ROWS);
            int next = 1 + tocPages + 1; // cover, 目录, then the documents (1-based)
            List<Integer> firstPages = new ArrayList<>();
            for (List<List<Line>> d : docs) {
                firstPages.add(next);
                next += d.size();
            }
            int total = next - 1;
            int pageNo = 1;
            // cover
            List<Line> cover = new ArrayList<>();
            cover.add(new Line("", Style.BODY));
            cover.add(new Line("", Style.BODY));
            cover.add(new Line(caseTitle, Style.TITLE));
            cover.add(new Line("", Style.BODY));
            for (String l : coverLines) {
                cover.addAll(wrap(l, Style.BODY, f));
            }
            cover.add(new Line("本卷共" + entries.size() + "件文书，" + total + "页", Style.BODY));
            draw(pdf, f, cover, pageNo++, total);
            // 卷内目录
            for (int t = 0; t < tocPages; t++) {
                PDPage page = newPage(pdf);
                try (PDPageContentStream cs = new PDPageContentStream(pdf, page)) {
                    float y = HEIGHT - MARGIN;
                    text(cs, f, Style.TITLE, centre(f, Style.TITLE, "卷内目录"), y, "卷内目录");
                    y -= Style.TITLE.leading() * 1.5f;
                    float[] col = {MARGIN, MARGIN + 34, MARGIN + 190, MARGIN + 380, WIDTH - MARGIN - 30};
                    String[] head = {"序号", "文号", "题名", "日期", "页号"};
                    for (int i = 0; i < head.length; i++) {
                        text(cs, f, Style.SMALL, col[i], y, head[i]);
                    }
                    y -= Style.SMALL.leading();
                    for (int i = t * TOC_ROWS; i < Math.min(entries.size(), (t + 1) * TOC_ROWS); i++) {
                        Entry e = entries.get(i);
                        text(cs, f, Style.SMALL, col[0], y, String.valueOf(i + 1));
                        text(cs, f, Style.SMALL, col[1], y, fit(e.number() == null ? "—" : e.number(), 150, f));
                        text(cs, f, Style.SMALL, col[2], y, fit(e.title(), 185, f));
                        text(cs, f, Style.SMALL, col[3], y, e.date());
                        text(cs, f, Style.SMALL, col[4], y, String.valueOf(firstPages.get(i)));
                        y -= Style.SMALL.leading();
                    }
                    footer(cs, f, pageNo++, total);
                }
            }
            PDDocumentOutline outline = new PDDocumentOutline();
            pdf.getDocumentCatalog().setDocumentOutline(outline);
            for (int i = 0; i < docs.size(); i++) {
                PDPage first = null;
                for (List<Line> pageLines : docs.get(i)) {
                    PDPage p = draw(pdf, f, pageLines, pageNo++, total);
                    if (first == null) {
                        first = p;
                    }
                }
                PDOutlineItem item = new PDOutlineItem();
                item.setTitle((i + 1) + " " + entries.get(i).title());
                PDPageFitWidthDestination dest = new PDPageFitWidthDestination();
                dest.setPage(first);
                item.setDestination(dest);
                outline.addLast(item);
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Line> lines(Entry e, PDFont f) throws IOException {
        DocumentContent c = e.content();
        List<Line> out = new ArrayList<>(wrap(c.title(), Style.TITLE, f));
        if (c.number() != null) {
            out.add(new Line(c.number(), Style.NUMBER));
        }
        out.add(new Line("", Style.BODY));
        for (Block b : c.blocks()) {
            Style s = b instanceof Heading ? Style.HEAD : b instanceof Signature ? Style.RIGHT : Style.BODY;
            String text = b instanceof Field || b instanceof Heading || b instanceof Signature
                    ? DocumentContent.text(b)
                    : "　　" + DocumentContent.text(b);
            out.addAll(wrap(text, s, f));
        }
        if (!e.approvals().isEmpty()) {
            out.add(new Line("", Style.BODY));
            out.add(new Line("审批意见", Style.HEAD));
            for (String a : e.approvals()) {
                out.addAll(wrap(a, Style.SMALL, f));
            }
        }
        return out;
    }

    private static List<List<Line>> paginate(List<Line> lines, PDFont f) {
        List<List<Line>> pages = new ArrayList<>();
        List<Line> page = new ArrayList<>();
        float used = 0;
        float room = HEIGHT - 2 * MARGIN - 20;
        for (Line l : lines) {
            if (used + l.style().leading() > room && !page.isEmpty()) {
                pages.add(page);
                page = new ArrayList<>();
                used = 0;
            }
            page.add(l);
            used += l.style().leading();
        }
        pages.add(page);
        return pages;
    }

    private static List<Line> wrap(String text, Style s, PDFont f) throws IOException {
        List<Line> out = new ArrayList<>();
        float max = TEXT_WIDTH / s.size * 1000;
        for (String para : (text == null ? "" : text).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            float used = 0;
            int i = 0;
            while (i < para.length()) {
                int cp = para.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                float w = f.getStringWidth(ch);
                if (used + w > max && line.length() > 0) {
                    out.add(new Line(line.toString(), s));
                    line.setLength(0);
                    used = 0;
                }
                line.append(ch);
                used += w;
                i += Character.charCount(cp);
            }
            out.add(new Line(line.toString(), s));
        }
        return out;
    }

    private static PDPage draw(PDDocument pdf, PDFont f, List<Line> lines, int pageNo, int total) throws IOException {
        PDPage page = newPage(pdf);
        try (PDPageContentStream cs = new PDPageContentStream(pdf, page)) {
            float y = HEIGHT - MARGIN;
            for (Line l : lines) {
                if (!l.text().isEmpty()) {
                    float x = l.style().centre
                            ? centre(f, l.style(), l.text())
                            : l.style() == Style.RIGHT || l.style() == Style.NUMBER
                                    ? WIDTH - MARGIN - width(l.text(), l.style(), f)
                                    : MARGIN;
                    text(cs, f, l.style(), x, y, l.text());
                }
                y -= l.style().leading();
            }
            footer(cs, f, pageNo, total);
        }
        return page;
    }

    private static PDPage newPage(PDDocument pdf) {
        PDPage page = new PDPage(PDRectangle.A4);
        pdf.addPage(page);
        return page;
    }

    private static void footer(PDPageContentStream cs, PDFont f, int pageNo, int total) throws IOException {
        String s = "第 " + pageNo + " 页 / 共 " + total + " 页";
        text(cs, f, Style.SMALL, centre(f, Style.SMALL, s), MARGIN / 2, s);
    }

    private static void text(PDPageContentStream cs, PDFont f, Style s, float x, float y, String text)
            throws IOException {
        cs.beginText();
        cs.setFont(f, s.size);
        cs.newLineAtOffset(x, y);
        cs.showText(text);
        cs.endText();
    }

    private static float centre(PDFont f, Style s, String text) throws IOException {
        return (WIDTH - width(text, s, f)) / 2;
    }

    private static float width(String text, Style s, PDFont f) throws IOException {
        return f.getStringWidth(text) / 1000 * s.size;
    }

    private static String fit(String text, float max, PDFont f) throws IOException {
        String t = text;
        while (t.length() > 1 && width(t, Style.SMALL, f) > max) {
            t = t.substring(0, t.length() - 1);
        }
        return t.equals(text) ? t : t + "…";
    }
}
