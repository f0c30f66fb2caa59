package org.cityops.catalog.internal.picker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sourceforge.pinyin4j.PinyinHelper;

/**
 * The pinyin initials of a name, one set of letters per character: a Chinese character has the initials of all its
 * readings (行 → h or x; 长 → c or z), so {@code bllj} finds 暴露垃圾 and a polyphonic character matches either way.
 * Latin letters and digits stand for themselves; punctuation and spaces are left out.
 */
public final class PinyinInitials {

    private PinyinInitials() {}

    /** Per kept character, its possible initials as a string of distinct lower-case letters (or the digit). */
    public static List<String> of(String name) {
        List<String> out = new ArrayList<>();
        if (name == null) {
            return out;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c) && c < 0x80) {
                out.add(String.valueOf(Character.toLowerCase(c)));
                continue;
            }
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c);
            if (readings == null || readings.length == 0) {
                continue;
            }
            StringBuilder letters = new StringBuilder();
            for (String r : readings) {
                if (!r.isEmpty()) {
                    char first = Character.toLowerCase(r.charAt(0));
                    if (first >= 'a' && first <= 'z' && letters.indexOf(String.valueOf(first)) < 0) {
                        letters.append(first);
                    }
                }
            }
            if (!letters.isEmpty()) {
                out.add(letters.toString());
            }
        }
        return out;
    }

    /** The first reading's initials, for display and sorting (暴露垃圾 → bllj). */
    public static String primary(List<String> initials) {
        StringBuilder b = new StringBuilder();
        for (String s : initials) {
            b.append(s.charAt(0));
        }
        return b.toString();
    }

    /**
     * Where {@code query} (letters and digits, lower case) matches consecutive characters of the initials, or -1.
     * Each query letter must be one of the initials of its character.
     */
    public static int find(List<String> initials, String query) {
        String q = query.toLowerCase(Locale.ROOT);
        if (q.isEmpty() || q.length() > initials.size()) {
            return -1;
        }
        outer:
        for (int start = 0; start + q.length() <= initials.size(); start++) {
            for (int k = 0; k < q.length(); k++) {
                if (initials.get(start + k).indexOf(q.charAt(k)) < 0) {
                    continue outer;
                }
            }
            return start;
        }
        return -1;
    }
}
