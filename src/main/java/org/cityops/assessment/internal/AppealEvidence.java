package org.cityops.assessment.internal;

import java.util.Arrays;
import java.util.Optional;
import org.cityops.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The one optional attachment of an appeal (申诉材料): a photo (JPEG/PNG) or a PDF of at most 5 MB, its type
 * sniffed from the bytes, kept in the database next to the appeal.
 */
@Service
public class AppealEvidence {

    public static final int MAX_BYTES = 5 * 1024 * 1024;

    public record File(String filename, String contentType, byte[] data) {}

    public record Meta(long appealId, String filename, String contentType, int size) {}

    private final JdbcClient jdbc;

    AppealEvidence(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Validates an upload; null or empty bytes mean "no attachment". */
    public static File check(String filename, byte[] data) {
        if (data == null || data.length == 0) {
            return null;
        }
        if (data.length > MAX_BYTES) {
            throw new InvalidInputException("附件不能超过 5 MB attachment must be at most 5 MB", "file");
        }
        String type = sniff(data);
        if (type == null) {
            throw new InvalidInputException("附件只能是 JPG、PNG 或 PDF attachment must be a JPEG, PNG or PDF", "file");
        }
        String name =
                filename == null || filename.isBlank() ? "attachment" : filename.replaceAll("[\\\\/\\r\\n\"]", "_");
        return new File(name.length() > 200 ? name.substring(name.length() - 200) : name, type, data);
    }

    static String sniff(byte[] d) {
        if (d.length >= 3 && (d[0] & 0xff) == 0xFF && (d[1] & 0xff) == 0xD8 && (d[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        if (d.length >= 4 && Arrays.equals(Arrays.copyOf(d, 4), png)) {
            return "image/png";
        }
        if (d.length >= 5 && new String(d, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-")) {
            return "application/pdf";
        }
        return null;
    }

    void store(long appealId, File f) {
        jdbc.sql("""
                INSERT INTO asm_appeal_attachment (appeal_id, filename, content_type, size_bytes, data)
                VALUES (:a, :n, :t, :s, :d)""")
                .param("a", appealId)
                .param("n", f.filename())
                .param("t", f.contentType())
                .param("s", f.data().length)
                .param("d", f.data())
                .update();
    }

    public Optional<Meta> meta(long appealId) {
        return jdbc.sql("SELECT appeal_id, filename, content_type, size_bytes FROM asm_appeal_attachment "
                        + "WHERE appeal_id = :a")
                .param("a", appealId)
                .query((rs, n) -> new Meta(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .optional();
    }

    public Optional<File> file(long appealId) {
        return jdbc.sql("SELECT filename, content_type, data FROM asm_appeal_attachment WHERE appeal_id = :a")
                .param("a", appealId)
                .query((rs, n) -> new File(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional();
    }
}
