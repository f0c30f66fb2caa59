package org.cityops.enforcement.file;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What a piece of evidence must be before it is kept: a known kind, a file type that kind accepts (sniffed from
 * the bytes, never from the name or the browser), at most {@link #MAX_BYTES}, taken at a time not in the future,
 * and for a photo or a video the GPS position where it was taken. Also the SHA-256 of the bytes. No Spring, no SQL.
 */
public final class EvidenceRules {

    /** The platform's multipart limit per file (spring.servlet.multipart.max-file-size). */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    /** Clock skew tolerated between a camera and the server. */
    static final Duration SKEW = Duration.ofMinutes(5);

    private EvidenceRules() {}

    /** A problem with the upload: the message and the field it concerns; empty when acceptable. */
    public record Problem(String message, String field) {}

    public static Optional<Problem> check(
            EvidenceKind kind, byte[] data, Instant takenAt, Double lat, Double lon, Instant now) {
        if (kind == null) {
            return problem("证据类型应为 PHOTO、VIDEO 或 RECORD kind must be PHOTO, VIDEO or RECORD", "kind");
        }
        if (data == null || data.length == 0) {
            return problem("请选择文件 the file is empty", "file");
        }
        if (data.length > MAX_BYTES) {
            return problem("文件不能超过 10 MB the file must be at most 10 MB", "file");
        }
        String type = sniff(data);
        if (type == null || !kind.types().contains(type)) {
            return problem(
                    kind.label() + "只能是 "
                            + String.join("、", kind.types().stream().sorted().toList())
                            + " the file type does not fit the kind",
                    "file");
        }
        if (takenAt == null) {
            return problem("请填写取证时间 takenAt is required", "takenAt");
        }
        if (takenAt.isAfter(now.plus(SKEW))) {
            return problem("取证时间不能晚于现在 takenAt is in the future", "takenAt");
        }
        if (kind.onSite() && (lat == null || lon == null)) {
            return problem(kind.label() + "须有拍摄位置（GPS） lat/lon are required", "lat");
        }
        if (lat != null && (lat < -90 || lat > 90 || lat.isNaN())) {
            return problem("纬度无效 lat out of range", "lat");
        }
        if (lon != null && (lon < -180 || lon > 180 || lon.isNaN())) {
            return problem("经度无效 lon out of range", "lon");
        }
        if ((lat == null) != (lon == null)) {
            return problem("经纬度须同时填写 lat and lon go together", lat == null ? "lat" : "lon");
        }
        return Optional.empty();
    }

    private static Optional<Problem> problem(String message, String field) {
        return Optional.of(new Problem(message, field));
    }

    /** The content type from the first bytes: JPEG, PNG, PDF, MP4 (ISO BMFF {@code ftyp}); null otherwise. */
    public static String sniff(byte[] d) {
        if (d.length >= 3 && (d[0] & 0xff) == 0xFF && (d[1] & 0xff) == 0xD8 && (d[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        if (d.length >= 4 && Arrays.equals(Arrays.copyOf(d, 4), png)) {
            return "image/png";
        }
        if (d.length >= 5 && new String(d, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")) {
            return "application/pdf";
        }
        if (d.length >= 12 && new String(d, 4, 4, StandardCharsets.US_ASCII).equals("ftyp")) {
            return "video/mp4";
        }
        return null;
    }

    /** SHA-256 of the bytes, 64 lower-case hex characters. */
    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** A file name safe to store and to send back in a header. */
    public static String cleanName(String filename) {
        String name = filename == null || filename.isBlank() ? "evidence" : filename.replaceAll("[\\\\/\\r\\n\"]", "_");
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
