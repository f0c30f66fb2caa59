package org.cityops.rectification.internal.report;

import org.cityops.rectification.internal.report.RectificationReport.Block;
import org.springframework.web.util.HtmlUtils;

/** The report as one self-contained HTML page (print or save from the browser). */
public final class HtmlReportWriter {

    public String write(RectificationReport report) {
        StringBuilder b = new StringBuilder(16_384);
        b.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(esc(report.title()))
                .append("</title><style>")
                .append("body{font-family:FangSong,'仿宋',serif;max-width:48rem;margin:2rem auto;padding:0 1rem;")
                .append("line-height:1.8;font-size:1.05rem}h1{text-align:center;font-size:1.6rem}")
                .append("h2{font-family:SimHei,'黑体',sans-serif;font-size:1.2rem}h3{font-size:1.1rem}")
                .append("h4{font-size:1.05rem;margin:.8rem 0 .2rem}p{text-indent:2em;margin:.3rem 0}")
                .append(".date{text-align:center;text-indent:0}.progress{color:#555;font-size:.95rem}")
                .append("</style></head><body>\n<h1 data-testid=\"report-title\">")
                .append(esc(report.title()))
                .append("</h1>\n");
        for (Block x : report.blocks()) {
            switch (x.kind()) {
                case DATE ->
                    b.append("<p class=\"date\">").append(esc(x.text())).append("</p>\n");
                case SECTION -> b.append("<h2>").append(esc(x.text())).append("</h2>\n");
                case CATEGORY -> b.append("<h3>").append(esc(x.text())).append("</h3>\n");
                case PROBLEM ->
                    b.append("<h4 class=\"problem\">").append(esc(x.text())).append("</h4>\n");
                case PROGRESS ->
                    b.append("<p class=\"progress\">").append(esc(x.text())).append("</p>\n");
                default -> b.append("<p>").append(esc(x.text())).append("</p>\n");
            }
        }
        return b.append("</body></html>\n").toString();
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
