package org.cityops.platform;

import java.util.Locale;

/**
 * Picks the caller's language out of a message written the house way, "中文 English": the Chinese part, a space, the
 * English part (e.g. "问题已销号 the problem is already signed off"). The English part starts at the first place where
 * a Chinese character, a space and a Latin letter meet and after which no Chinese character follows, so Latin words
 * inside the Chinese part ("请选择 GeoJSON 文件 choose a GeoJSON file") stay in it; when Chinese follows every such
 * place (a Chinese value inside the English part: "状态应为 启用 或 停用 status: 启用 or 停用"), at the first one. A
 * message without that shape (one language only) is shown whole in both languages.
 */
public final class Bilingual {

    private Bilingual() {}

    /** The part of {@code message} in the language of {@code locale}: Chinese for zh, English otherwise. */
    public static String pick(String message, Locale locale) {
        if (message == null) {
            return null;
        }
        int split = englishStart(message);
        if (split < 0) {
            return message;
        }
        boolean chinese = locale == null || "zh".equals(locale.getLanguage());
        return chinese
                ? message.substring(0, split).strip()
                : message.substring(split).strip();
    }

    /** Index where the English part of a "中文 English" message starts, or -1. */
    static int englishStart(String message) {
        int first = -1;
        for (int i = 1; i + 1 < message.length(); i++) {
            if (message.charAt(i) == ' ' && isChinese(message.charAt(i - 1)) && isLatinLetter(message.charAt(i + 1))) {
                if (first < 0) {
                    first = i + 1;
                }
                if (!containsHan(message, i + 1)) {
                    return i + 1;
                }
            }
        }
        return first;
    }

    private static boolean containsHan(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (Character.UnicodeScript.of(s.charAt(i)) == Character.UnicodeScript.HAN) {
                return true;
            }
        }
        return false;
    }

    /** A Han character or CJK/full-width punctuation such as "）" or "，". */
    static boolean isChinese(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || (c >= '\u3000' && c <= '\u303f')
                || (c >= '\uff00' && c <= '\uffef');
    }

    private static boolean isLatinLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
