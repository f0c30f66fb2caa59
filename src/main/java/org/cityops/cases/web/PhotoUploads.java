package org.cityops.cases.web;

import java.io.IOException;
import java.io.InputStream;
import org.cityops.cases.internal.Photos;
import org.springframework.web.multipart.MultipartFile;

/**
 * Reads an uploaded photo only after its size (as the multipart parser counted it, the client's Content-Length
 * and content type are not trusted) and its first bytes (JPEG/PNG/GIF/WebP magic) passed the checks, so an
 * oversized or disguised file never reaches memory, let alone the database.
 */
final class PhotoUploads {

    private PhotoUploads() {}

    /** The photo's bytes; null when no file was sent; 400 when it is too large or not an image. */
    static byte[] read(MultipartFile photo) throws IOException {
        if (photo == null || photo.isEmpty()) {
            return null;
        }
        byte[] head;
        try (InputStream in = photo.getInputStream()) {
            head = in.readNBytes(Photos.HEAD_BYTES);
        }
        Photos.checkHead(photo.getSize(), head);
        return photo.getBytes();
    }
}
