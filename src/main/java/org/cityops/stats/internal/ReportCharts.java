package org.cityops.stats.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The monthly report's charts as PNG images, drawn with java.awt (headless, no network): a line chart of the
 * daily intake and closures, and a bar chart of the top categories. Chinese labels need a CJK font on the server
 * (Noto CJK, WenQuanYi…); the first installed one is used.
 */
public final class ReportCharts {

    public static final int WIDTH = 1200;
    public static final int HEIGHT = 520;

    private static final Color BLUE = new Color(0x1f, 0x6f, 0xd1);
    private static final Color GREEN = new Color(0x2e, 0x9e, 0x5b);
    private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
    private static final String FONT = cjkFont();

    private ReportCharts() {}

    /** One series of a line chart. */
    public record Series(String name, List<Long> values) {}

    /** Lines over the day labels (one point per label). */
    public static byte[] lines(String title, List<String> labels, List<Series> series) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(img, title);
        int left = 80;
        int right = WIDTH - 30;
        int top = 80;
        int bottom = HEIGHT - 60;
        long max = 1;
        for (Series s : series) {
            for (Long v : s.values()) {
                max = Math.max(max, v);
            }
        }
        axes(g, left, right, top, bottom, max);
        int n = Math.max(1, labels.size());
        double step = n == 1 ? 0 : (right - left) / (double) (n - 1);
        g.setFont(font(Font.PLAIN, 16));
        for (int i = 0; i < labels.size(); i += Math.max(1, labels.size() / 10)) {
            g.setColor(Color.DARK_GRAY);
            g.drawString(labels.get(i), (int) (left + i * step) - 12, bottom + 24);
        }
        Color[] colors = {BLUE, GREEN};
        for (int s = 0; s < series.size(); s++) {
            List<Long> v = series.get(s).values();
            g.setColor(colors[s % colors.length]);
            g.setStroke(new BasicStroke(3f));
            for (int i = 1; i < v.size(); i++) {
                g.drawLine(
                        (int) (left + (i - 1) * step),
                        y(v.get(i - 1), max, top, bottom),
                        (int) (left + i * step),
                        y(v.get(i), max, top, bottom));
            }
            g.fillRect(right - 220 + s * 110, 40, 18, 18);
            g.setColor(Color.DARK_GRAY);
            g.drawString(series.get(s).name(), right - 196 + s * 110, 55);
        }
        return png(g, img);
    }

    /** Horizontal bars, one per label, longest first as given. */
    public static byte[] bars(String title, List<String> labels, List<Long> values) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(img, title);
        int left = 360;
        int right = WIDTH - 90;
        int top = 70;
        int bottom = HEIGHT - 20;
        long max = 1;
        for (Long v : values) {
            max = Math.max(max, v);
        }
        int n = Math.max(1, labels.size());
        int band = (bottom - top) / Math.max(n, 5);
        g.setFont(font(Font.PLAIN, 18));
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < labels.size(); i++) {
            int yTop = top + i * band;
            String label = fit(labels.get(i), fm, left - 20);
            g.setColor(Color.DARK_GRAY);
            g.drawString(label, left - 10 - fm.stringWidth(label), yTop + band / 2 + 6);
            int w = (int) ((right - left) * (values.get(i) / (double) max));
            g.setColor(BLUE);
            g.fillRect(left, yTop + band / 6, Math.max(1, w), band * 2 / 3);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.valueOf(values.get(i)), left + w + 8, yTop + band / 2 + 6);
        }
        return png(g, img);
    }

    private static Graphics2D start(BufferedImage img, String title) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(font(Font.BOLD, 24));
        g.drawString(title, 24, 40);
        return g;
    }

    private static void axes(Graphics2D g, int left, int right, int top, int bottom, long max) {
        g.setFont(font(Font.PLAIN, 16));
        for (int i = 0; i <= 4; i++) {
            int y = bottom - (bottom - top) * i / 4;
            g.setColor(GRID);
            g.drawLine(left, y, right, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.valueOf(max * i / 4), 16, y + 6);
        }
    }

    private static int y(long v, long max, int top, int bottom) {
        return bottom - (int) ((bottom - top) * (v / (double) max));
    }

    private static String fit(String s, FontMetrics fm, int width) {
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && fm.stringWidth(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    private static byte[] png(Graphics2D g, BufferedImage img) {
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Font font(int style, int size) {
        return new Font(FONT, style, size);
    }

    private static String cjkFont() {
        String[] wanted = {
            "Noto Sans CJK SC", "Noto Serif CJK SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Source Han Sans SC"
        };
        try {
            List<String> installed =
                    List.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
            for (String w : wanted) {
                if (installed.contains(w)) {
                    return w;
                }
            }
        } catch (RuntimeException | java.awt.AWTError e) {
            // no font configuration at all: the logical font still draws the digits
        }
        return Font.SANS_SERIF;
    }
}
