package org.cityops.rectification.internal;

import java.util.Optional;
import org.cityops.platform.InvalidInputException;

/**
 * Which links a measure may carry as evidence (佐证链接, 平台数据): only paths on this platform, {@code /…}. Never
 * {@code //host/…} or {@code /\host/…} (a browser reads both as another site), never a scheme ({@code https:},
 * {@code javascript:}), no backslash, white space or control character anywhere (a browser drops tabs and line
 * breaks inside a URL, so {@code /<TAB>/host} would become {@code //host}). A document from elsewhere is uploaded as
 * a file instead. Pure function, no Spring.
 */
public final class EvidenceLinks {

    public static final int MAX_LENGTH = 2000;

    private EvidenceLinks() {}

    /** The link (trimmed) when it is a same-origin path, else empty. */
    public static Optional<String> sameOriginPath(String link) {
        if (link == null) {
            return Optional.empty();
        }
        String s = link.strip();
        if (s.isEmpty() || s.length() > MAX_LENGTH || s.charAt(0) != '/') {
            return Optional.empty();
        }
        if (s.length() > 1 && (s.charAt(1) == '/' || s.charAt(1) == '\\')) {
            return Optional.empty();
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\'
                    || c < 0x21
                    || c == 0x7F
                    || Character.isWhitespace(c)
                    || Character.isSpaceChar(c)
                    || Character.isISOControl(c)
                    || Character.getType(c) == Character.FORMAT) {
                return Optional.empty();
            }
        }
        return Optional.of(s);
    }

    /** The link as stored; 400 on the field {@code url} when it is not a same-origin path. */
    public static String require(String link) {
        return sameOriginPath(link)
                .orElseThrow(() -> new InvalidInputException(
                        "链接只能是本平台内以 / 开头的路径，外部文件请上传 the link must be a path on this platform (/…); upload documents from elsewhere as files",
                        "url"));
    }
}
