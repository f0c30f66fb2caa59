package org.cityops.rectification.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads 整改时限 as people write it: 2019-12-31, 2019/12/31, 2019年12月31日, 2019年12月底, 2019年底, 长期坚持. */
public final class Deadlines {

    /** @param date null for 长期坚持 or when there is no deadline */
    public record Deadline(LocalDate date, boolean longTerm) {

        public static final Deadline NONE = new Deadline(null, false);

        public String display() {
            return longTerm ? LONG_TERM : date == null ? "" : date.toString();
        }
    }

    public static final String LONG_TERM = "长期坚持";
    private static final Pattern YMD =
            Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern YM = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*月?\\s*(底|末)?");
    private static final Pattern Y_END = Pattern.compile("(\\d{4})\\s*年\\s*(年底|底|末|年末)");

    private Deadlines() {}

    /** @throws IllegalArgumentException with a message naming the accepted forms */
    public static Deadline parse(String text) {
        if (text == null || text.isBlank()) {
            return Deadline.NONE;
        }
        String t = text.trim();
        if (t.startsWith("长期") || t.equalsIgnoreCase("long-term") || t.equalsIgnoreCase("LONG_TERM")) {
            return new Deadline(null, true);
        }
        try {
            Matcher m = YMD.matcher(t);
            if (m.matches()) {
                return new Deadline(
                        LocalDate.of(
                                Integer.parseInt(m.group(1)),
                                Integer.parseInt(m.group(2)),
                                Integer.parseInt(m.group(3))),
                        false);
            }
            m = YM.matcher(t);
            if (m.matches()) {
                return new Deadline(
                        YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))
                                .atEndOfMonth(),
                        false);
            }
            m = Y_END.matcher(t);
            if (m.matches()) {
                return new Deadline(LocalDate.of(Integer.parseInt(m.group(1)), 12, 31), false);
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("日期不存在 no such date: '" + t + "'");
        }
        throw new IllegalArgumentException(
                "无法识别的日期 cannot read date '" + t + "' (可用 accepted: 2019-12-31, 2019年12月31日, 2019年12月底, 长期坚持)");
    }
}
