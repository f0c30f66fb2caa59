package org.cityops.enforcement.document;

import java.util.ArrayList;
import java.util.List;

/**
 * One document's content, the one model both renderers read ({@link DocxWriter} for the .docx, {@link DossierPdf}
 * for the 案卷's pages): a title, the 文号 (null until issued or for an unnumbered type) and blocks in order.
 * Stored as text (one block a line) so the content an approver signed is the content issued.
 */
public record DocumentContent(String title, String number, List<Block> blocks) {

    /** A line of the document. */
    public sealed interface Block permits Field, Paragraph, Heading, Signature {}

    /** 标签：值, e.g. 当事人：张三. */
    public record Field(String label, String value) implements Block {}

    /** Running text. */
    public record Paragraph(String text) implements Block {}

    /** A section title inside the document. */
    public record Heading(String text) implements Block {}

    /** A signature line, right-aligned (单位、日期、签名). */
    public record Signature(String text) implements Block {}

    public DocumentContent {
        blocks = List.copyOf(blocks);
    }

    public DocumentContent withNumber(String n) {
        return new DocumentContent(title, n, blocks);
    }

    /** Every text of the document in reading order (title, number, blocks). */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(title);
        if (number != null) {
            out.add(number);
        }
        for (Block b : blocks) {
            out.add(text(b));
        }
        return out;
    }

    public static String text(Block b) {
        if (b instanceof Field f) {
            return f.label() + "：" + f.value();
        }
        if (b instanceof Paragraph p) {
            return p.text();
        }
        if (b instanceof Heading h) {
            return h.text();
        }
        return ((Signature) b).text();
    }

    /** The stored form: first line title, second the number or empty, then one block a line (kind, tab, text). */
    public String serialize() {
        StringBuilder s = new StringBuilder();
        s.append(escape(title)).append('\n').append(number == null ? "" : escape(number));
        for (Block b : blocks) {
            s.append('\n');
            if (b instanceof Field f) {
                s.append("F\t").append(escape(f.label())).append('\t').append(escape(f.value()));
            } else {
                String kind = b instanceof Paragraph ? "P" : b instanceof Heading ? "H" : "S";
                s.append(kind).append('\t').append(escape(text(b)));
            }
        }
        return s.toString();
    }

    public static DocumentContent parse(String stored) {
        String[] lines = stored.split("\n", -1);
        String number = lines.length > 1 && !lines[1].isEmpty() ? unescape(lines[1]) : null;
        List<Block> blocks = new ArrayList<>();
        for (int i = 2; i < lines.length; i++) {
            String[] parts = lines[i].split("\t", -1);
            switch (parts[0]) {
                case "F" -> blocks.add(new Field(unescape(parts[1]), unescape(parts[2])));
                case "P" -> blocks.add(new Paragraph(unescape(parts[1])));
                case "H" -> blocks.add(new Heading(unescape(parts[1])));
                case "S" -> blocks.add(new Signature(unescape(parts[1])));
                default -> throw new IllegalArgumentException("unknown block " + parts[0]);
            }
        }
        return new DocumentContent(unescape(lines[0]), number, blocks);
    }

    private static String escape(String s) {
        return (s == null ? "" : s).replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t");
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
