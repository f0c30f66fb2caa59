package org.cityops.platform.office;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * A Word document (.docx, Apache POI XWPF) written in the house style. Build it with the fluent methods, take
 * {@link #toBytes()}, and close it (it holds the POI document):
 *
 * <pre>{@code
 * try (WordDocument doc = WordDocument.create()) {
 *     doc.title("数字城管月报").subtitle("统计区间：…", 10).heading("一、总体情况").paragraph("…");
 *     doc.table(List.of("指标", "本月")).row(List.of("受理", "12"));
 *     return doc.toBytes();
 * }
 * }</pre>
 *
 * House style: every run carries an East Asian font (宋体 by default, {@link #eastAsiaFont(String)} to change it),
 * the title is centred, bold, 18 pt; a heading is bold, 14 pt with 12 pt before; body text 11 pt; tables span the
 * page with a bold 10 pt header row. A document with its own layout (a 文书, a 公文) builds its paragraphs with
 * {@link #paragraph()} and {@link Style}.
 */
public final class WordDocument implements AutoCloseable {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /** 宋体, the house East Asian font. */
    public static final String SONG_TI = "宋体";

    /** The text width of an A4 page (21 cm) less two 2.54 cm margins, in twentieths of a point (twips). */
    public static final int A4_TEXT_WIDTH_TWIPS = 11906 - 2 * 1440;

    private static final int TITLE_SIZE = 18;
    private static final int HEADING_SIZE = 14;
    private static final int BODY_SIZE = 11;
    private static final int TABLE_SIZE = 10;
    private static final int HEADING_SPACING_BEFORE = 240;

    private final XWPFDocument doc;
    private String eastAsiaFont = SONG_TI;
    private String latinFont;

    private WordDocument(XWPFDocument doc) {
        this.doc = doc;
    }

    /** An empty document. */
    public static WordDocument create() {
        return new WordDocument(new XWPFDocument());
    }

    /** A document read from a template (e.g. a class-path .docx whose fields are written {@code {{name}}}). */
    public static WordDocument fromTemplate(InputStream template) {
        try {
            return new WordDocument(new XWPFDocument(template));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The East Asian font of the runs written from now on (宋体 unless changed). */
    public WordDocument eastAsiaFont(String font) {
        this.eastAsiaFont = font;
        return this;
    }

    /** The Latin font (ASCII and high ANSI) of the runs written from now on; none set unless chosen. */
    public WordDocument latinFont(String font) {
        this.latinFont = font;
        return this;
    }

    /** The document's title and author as Word shows them in its properties. */
    public WordDocument properties(String title, String creator) {
        doc.getProperties().getCoreProperties().setTitle(title);
        doc.getProperties().getCoreProperties().setCreator(creator);
        return this;
    }

    /** The title: centred, bold, 18 pt. */
    public WordDocument title(String text) {
        paragraph().center().text(text, true, TITLE_SIZE);
        return this;
    }

    /** A centred line under the title (period, source, date) in {@code size} pt. */
    public WordDocument subtitle(String text, int size) {
        paragraph().center().text(text, false, size);
        return this;
    }

    /** A section heading (一、…): bold, 14 pt, 12 pt space before. */
    public WordDocument heading(String text) {
        paragraph().spacingBefore(HEADING_SPACING_BEFORE).text(text, true, HEADING_SIZE);
        return this;
    }

    /** A body paragraph, 11 pt. */
    public WordDocument paragraph(String text) {
        paragraph().text(text, false, BODY_SIZE);
        return this;
    }

    /** An empty paragraph to lay out by hand: alignment, indent, spacing and runs of any {@link Style}. */
    public Paragraph paragraph() {
        return new Paragraph(doc.createParagraph());
    }

    /** A table over the page width with equal columns and a bold header row; add its rows with {@link Table#row}. */
    public Table table(List<String> headers) {
        XWPFTable table = doc.createTable(1, headers.size());
        table.setWidth("100%");
        // ECMA-376 wants the table grid (w:tblGrid) before the rows; POI leaves it out and Word then "repairs"
        // the document. Equal columns over the text width of an A4 page with 2.54 cm margins.
        var grid = table.getCTTbl().getTblGrid() != null
                ? table.getCTTbl().getTblGrid()
                : table.getCTTbl().addNewTblGrid();
        for (int i = 0; i < headers.size(); i++) {
            grid.addNewGridCol().setW(BigInteger.valueOf(A4_TEXT_WIDTH_TWIPS / headers.size()));
        }
        XWPFTableRow head = table.getRow(0);
        for (int i = 0; i < headers.size(); i++) {
            new Paragraph(head.getCell(i).getParagraphs().get(0)).text(headers.get(i), true, TABLE_SIZE);
        }
        return new Table(table);
    }

    /** A whole table at once: the header row, then {@code rows}. */
    public WordDocument table(List<String> headers, List<List<String>> rows) {
        Table t = table(headers);
        rows.forEach(t::row);
        return this;
    }

    /** A PNG image in a centred paragraph of its own, {@code width} × {@code height} points. */
    public WordDocument image(byte[] png, String name, double width, double height) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        try {
            p.createRun()
                    .addPicture(
                            new ByteArrayInputStream(png),
                            Document.PICTURE_TYPE_PNG,
                            name,
                            Units.toEMU(width),
                            Units.toEMU(height));
        } catch (InvalidFormatException | IOException e) {
            throw new IllegalStateException("image could not be added: " + name, e);
        }
        return this;
    }

    /** What follows starts on a new page. */
    public WordDocument pageBreak() {
        doc.createParagraph().createRun().addBreak(BreakType.PAGE);
        return this;
    }

    /**
     * Replaces every {@code {{field}}} of a template, in the body and in table cells. A field Word split over
     * several runs is found too: a paragraph holding a field has its text joined into its first run (whose
     * formatting it keeps).
     */
    public WordDocument fill(Map<String, String> fields) {
        fill(doc.getParagraphs(), fields);
        for (XWPFTable t : doc.getTables()) {
            for (XWPFTableRow row : t.getRows()) {
                for (XWPFTableCell cell : row.getTableCells()) {
                    fill(cell.getParagraphs(), fields);
                }
            }
        }
        return this;
    }

    private static void fill(List<XWPFParagraph> paragraphs, Map<String, String> fields) {
        for (XWPFParagraph p : paragraphs) {
            String text = p.getText();
            if (!text.contains("{{")) {
                continue;
            }
            String filled = text;
            for (Map.Entry<String, String> f : fields.entrySet()) {
                filled = filled.replace("{{" + f.getKey() + "}}", f.getValue());
            }
            List<XWPFRun> runs = p.getRuns();
            if (runs.isEmpty()) {
                continue;
            }
            runs.get(0).setText(filled, 0);
            for (int i = runs.size() - 1; i > 0; i--) {
                p.removeRun(i);
            }
        }
    }

    /** The .docx as written so far. */
    public byte[] toBytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How a run of text looks: its East Asian font (null: the document's), size in points, bold, colour
     * ({@code RRGGBB}, null: automatic).
     */
    public record Style(String eastAsiaFont, int size, boolean bold, String color) {

        /** Regular text of {@code size} points in the document's East Asian font. */
        public static Style of(int size) {
            return new Style(null, size, false, null);
        }

        public Style withBold() {
            return withBold(true);
        }

        public Style withBold(boolean b) {
            return new Style(eastAsiaFont, size, b, color);
        }

        public Style withFont(String eastAsia) {
            return new Style(eastAsia, size, bold, color);
        }

        public Style withColor(String rgb) {
            return new Style(eastAsiaFont, size, bold, rgb);
        }
    }

    /** One paragraph being written: its layout, then its runs of text. */
    public final class Paragraph {

        private final XWPFParagraph p;

        private Paragraph(XWPFParagraph p) {
            this.p = p;
        }

        public Paragraph center() {
            p.setAlignment(ParagraphAlignment.CENTER);
            return this;
        }

        public Paragraph right() {
            p.setAlignment(ParagraphAlignment.RIGHT);
            return this;
        }

        /** First-line indent in twips (480 = two 12 pt characters, 640 = two 16 pt characters). */
        public Paragraph firstLineIndent(int twips) {
            p.setIndentationFirstLine(twips);
            return this;
        }

        /** Space before, in twips (240 = 12 pt). */
        public Paragraph spacingBefore(int twips) {
            p.setSpacingBefore(twips);
            return this;
        }

        /** Space after, in twips. */
        public Paragraph spacingAfter(int twips) {
            p.setSpacingAfter(twips);
            return this;
        }

        /** A run of text in the document's fonts. */
        public Paragraph text(String text, boolean bold, int size) {
            return text(text, Style.of(size).withBold(bold));
        }

        /** A run of text in {@code style}. */
        public Paragraph text(String text, Style style) {
            XWPFRun r = p.createRun();
            r.setText(text);
            r.setBold(style.bold());
            r.setFontSize(style.size());
            r.setFontFamily(style.eastAsiaFont() == null ? eastAsiaFont : style.eastAsiaFont(), FontCharRange.eastAsia);
            if (latinFont != null) {
                r.setFontFamily(latinFont, FontCharRange.ascii);
                r.setFontFamily(latinFont, FontCharRange.hAnsi);
            }
            if (style.color() != null) {
                r.setColor(style.color());
            }
            return this;
        }
    }

    /** A table being written: one {@link #row} at a time. */
    public final class Table {

        private final XWPFTable table;

        private Table(XWPFTable table) {
            this.table = table;
        }

        /** A row of plain cells (10 pt), as many as the header has. */
        public Table row(List<String> cells) {
            XWPFTableRow row = table.createRow();
            for (int i = 0; i < cells.size(); i++) {
                new Paragraph(row.getCell(i).getParagraphs().get(0)).text(cells.get(i), false, TABLE_SIZE);
            }
            return this;
        }
    }
}
