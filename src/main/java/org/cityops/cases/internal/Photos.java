package org.cityops.cases.internal;

import org.cityops.platform.InvalidInputException;

/** Photo rules: size limit and a content type sniffed from the first bytes (never trusted from the client). */
public final class Photos {

    public static final int MAX_BYTES = 5 * 1024 * 1024;

    /** How many leading bytes {@link #checkHead} needs to recognise every accepted format. */
    public static final int HEAD_BYTES = 12;

    private Photos() {}

    /** @return the sniffed content type; throws 400 when empty, too large or not a JPEG/PNG/GIF/WebP image */
    static String check(byte[] data) {
        if (data == null || data.length == 0) {
            throw new InvalidInputException("照片为空 photo is empty", "photo");
        }
        if (data.length > MAX_BYTES) {
            throw new InvalidInputException("照片过大（最大5MB） photo larger than 5 MB", "photo");
        }
        String type = sniff(data);
        if (type == null) {
            throw new InvalidInputException("只接受JPEG/PNG/GIF/WebP图片 photo is not a JPEG/PNG/GIF/WebP image", "photo");
        }
        return type;
    }

    /**
     * The same checks on an upload before it is read into memory: its size as the multipart parser counted it and
     * its first {@link #HEAD_BYTES} bytes (fewer if the file is shorter). Returns the sniffed type; 400 otherwise.
     */
    public static String checkHead(long size, byte[] head) {
        if (size <= 0 || head == null || head.length == 0) {
            throw new InvalidInputException("照片为空 photo is empty", "photo");
        }
        if (size > MAX_BYTES) {
            throw new InvalidInputException("照片过大（最大5MB） photo larger than 5 MB", "photo");
        }
        String type = sniff(head);
        if (type == null) {
            throw new InvalidInputException("只接受JPEG/PNG/GIF/WebP图片 photo is not a JPEG/PNG/GIF/WebP image", "photo");
        }
        return type;
    }

    static String sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 8
                && (b[0] & 0xff) == 0x89
                && b[1] == 'P'
                && b[2] == 'N'
                && b[3] == 'G'
                && b[4] == 0x0D
                && b[5] == 0x0A
                && b[6] == 0x1A
                && b[7] == 0x0A) {
            return "image/png";
        }
        if (b.length >= 6
                && b[0] == 'G'
                && b[1] == 'I'
                && b[2] == 'F'
                && b[3] == '8'
                && (b[4] == '7' || b[4] == '9')
                && b[5] == 'a') {
            return "image/gif";
        }
        if (b.length >= 12
                && b[0] == 'R'
                && b[1] == 'I'
                && b[2] == 'F'
                && b[3] == 'F'
                && b[8] == 'W'
                && b[9] == 'E'
                && b[10] == 'B'
                && b[11] == 'P') {
            return "image/webp";
        }
        return null;
    }
}
