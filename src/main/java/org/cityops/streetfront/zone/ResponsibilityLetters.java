package org.cityops.streetfront.zone;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.cityops.audit.AuditTrail;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.platform.ConflictException;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.office.WordDocument;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 责任书 of a zone: generated from the .docx template ({@code streetfront/zone-letter-template.docx}, fields
 * written {@code {{name}}}), signed either by uploading the signed scan (PDF, JPEG or PNG) or by an on-screen
 * signature (the canvas as PNG), and 上墙 (posted in the shop) recorded with a photo. Signing again replaces the
 * signature and clears 上墙 (the new letter has to be posted again). Every step is audited.
 */
@Service
public class ResponsibilityLetters {

    public static final String DOCX = WordDocument.CONTENT_TYPE;
    static final String TEMPLATE = "streetfront/zone-letter-template.docx";

    /** A scan or photo is at most this large. */
    public static final int MAX_FILE_BYTES = 5 << 20;

    /** An on-screen signature (PNG) is at most this large. */
    public static final int MAX_SIGNATURE_BYTES = 1 << 20;

    public enum FileKind {
        SCAN,
        SIGNATURE,
        POSTED
    }

    /** A stored file of a letter. */
    public record LetterFile(String filename, String contentType, byte[] data) {}

    private final JdbcClient jdbc;
    private final Zones zones;
    private final AuditTrail audit;
    private final Clock clock;
    private final int threshold;
    private final int windowDays;

    ResponsibilityLetters(
            JdbcClient jdbc,
            Zones zones,
            AuditTrail audit,
            Clock clock,
            @Value("${cityops.streetfront.zones.repeat-failures:3}") int threshold,
            @Value("${cityops.streetfront.zones.repeat-window-days:30}") int windowDays) {
        this.jdbc = jdbc;
        this.zones = zones;
        this.audit = audit;
        this.clock = clock;
        this.threshold = threshold;
        this.windowDays = windowDays;
    }

    /** The zone's 责任书 as .docx, filled from the template. */
    public byte[] docx(long zoneId, StaffMember me) {
        Zone z = zones.get(zoneId, me);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("zoneCode", z.code());
        fields.put("zoneName", z.name());
        fields.put("partyName", z.partyName());
        fields.put("creditCode", z.partyCreditCode());
        fields.put("address", z.address() == null ? "—" : z.address());
        fields.put("district", z.districtName() == null ? "" : z.districtName());
        fields.put("street", z.streetName() == null ? "" : z.streetName());
        fields.put("area", String.format(Locale.ROOT, "%.0f", z.areaM2()));
        fields.put("threshold", String.valueOf(threshold));
        fields.put("windowDays", String.valueOf(windowDays));
        fields.put("date", clock.instant().atZone(CityClock.ZONE).toLocalDate().toString());
        try (InputStream in = new ClassPathResource(TEMPLATE).getInputStream();
                WordDocument doc = WordDocument.fromTemplate(in)) {
            return doc.fill(fields).toBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signed by uploading the signed scan (PDF, JPEG or PNG, at most 5 MB; 400 on {@code file}). */
    @Transactional
    public Zone signByScan(long zoneId, String filename, byte[] data, String signerName, StaffMember me) {
        Zone z = zones.get(zoneId, me);
        String type = sniff(data, true);
        if (data == null || data.length == 0 || type == null) {
            throw new InvalidInputException(
                    "请上传签字后的责任书扫描件（PDF、JPG或PNG） upload the signed scan as PDF, JPEG or PNG", "file");
        }
        if (data.length > MAX_FILE_BYTES) {
            throw new InvalidInputException("文件不超过5MB the file may be at most 5 MB", "file");
        }
        String signer = signer(signerName, z);
        Instant now = clock.instant();
        store(zoneId, FileKind.SCAN, name(filename, "scan", type), type, data, me, now);
        zones.signed(zoneId, "SCAN", signer, now);
        audit.record("SF_ZONE", String.valueOf(zoneId), "LETTER_SIGNED", state(z), "SCAN " + signer);
        return zones.get(zoneId, me);
    }

    /**
     * Signed on screen: the canvas as a PNG data URL ({@code data:image/png;base64,…}); an empty or blank canvas
     * is a 400 on {@code signature}, a missing name a 400 on {@code signerName}.
     */
    @Transactional
    public Zone signOnScreen(long zoneId, String dataUrl, String signerName, StaffMember me) {
        Zone z = zones.get(zoneId, me);
        if (signerName == null || signerName.isBlank() || signerName.trim().length() > 64) {
            throw new InvalidInputException("签字人必填 signer's name required", "signerName");
        }
        byte[] png = decodePng(dataUrl);
        Instant now = clock.instant();
        store(zoneId, FileKind.SIGNATURE, "signature.png", "image/png", png, me, now);
        zones.signed(zoneId, "ON_SCREEN", signerName.trim(), now);
        audit.record("SF_ZONE", String.valueOf(zoneId), "LETTER_SIGNED", state(z), "ON_SCREEN " + signerName.trim());
        return zones.get(zoneId, me);
    }

    /** 上墙: the letter is posted in the shop, with a photo (JPEG or PNG); only a signed letter can be posted. */
    @Transactional
    public Zone posted(long zoneId, String filename, byte[] photo, StaffMember me) {
        Zone z = zones.get(zoneId, me);
        if (!z.signed()) {
            throw new ConflictException("责任书尚未签订，不能上墙 the letter is not signed yet", "photo");
        }
        String type = sniff(photo, false);
        if (photo == null || photo.length == 0 || type == null) {
            throw new InvalidInputException("请上传上墙照片（JPG或PNG） a photo of the posted letter is required", "photo");
        }
        if (photo.length > MAX_FILE_BYTES) {
            throw new InvalidInputException("照片不超过5MB the photo may be at most 5 MB", "photo");
        }
        Instant now = clock.instant();
        store(zoneId, FileKind.POSTED, name(filename, "posted", type), type, photo, me, now);
        zones.posted(zoneId, now);
        audit.record("SF_ZONE", String.valueOf(zoneId), "LETTER_POSTED", state(z), "POSTED");
        return zones.get(zoneId, me);
    }

    /** The newest file of a kind (scope checked through the zone). */
    public Optional<LetterFile> file(long zoneId, FileKind kind, StaffMember me) {
        zones.get(zoneId, me);
        return jdbc.sql("SELECT filename, content_type, data FROM sf_zone_file WHERE zone_id = :z AND kind = :k "
                        + "ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .param("z", zoneId)
                .param("k", kind.name())
                .query((rs, n) ->
                        new LetterFile(rs.getString("filename"), rs.getString("content_type"), rs.getBytes("data")))
                .optional();
    }

    private void store(
            long zoneId, FileKind kind, String filename, String type, byte[] data, StaffMember me, Instant now) {
        jdbc.sql("""
                INSERT INTO sf_zone_file (zone_id, kind, filename, content_type, size_bytes, sha256, data, uploaded_by,
                  uploaded_at) VALUES (:z, :k, :f, :t, :s, :h, :d, :u, :at)""")
                .param("z", zoneId)
                .param("k", kind.name())
                .param("f", filename)
                .param("t", type)
                .param("s", data.length)
                .param("h", sha256(data))
                .param("d", data)
                .param("u", me.username())
                .param("at", DbTime.toDb(now))
                .update();
    }

    private static String state(Zone z) {
        return z.letterState();
    }

    private static String signer(String signerName, Zone z) {
        if (signerName != null && signerName.trim().length() > 64) {
            throw new InvalidInputException("签字人不超过64字 signer's name at most 64 characters", "signerName");
        }
        return signerName == null || signerName.isBlank() ? z.partyName() : signerName.trim();
    }

    static byte[] decodePng(String dataUrl) {
        String prefix = "data:image/png;base64,";
        if (dataUrl == null || !dataUrl.startsWith(prefix)) {
            throw new InvalidInputException("请在签名框内签名 sign in the signature box (PNG)", "signature");
        }
        byte[] png;
        try {
            png = Base64.getDecoder().decode(dataUrl.substring(prefix.length()).getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("签名图片无效 the signature is not a PNG", "signature");
        }
        if (png.length > MAX_SIGNATURE_BYTES || !"image/png".equals(sniff(png, false))) {
            throw new InvalidInputException("签名图片无效 the signature is not a PNG under 1 MB", "signature");
        }
        if (blank(png)) {
            throw new InvalidInputException("签名为空，请在签名框内签名 the signature is empty", "signature");
        }
        return png;
    }

    /** True when no pixel of the image has ink (all transparent or all white). */
    static boolean blank(byte[] png) {
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new InvalidInputException("签名图片无效 the signature is not a PNG", "signature");
        }
        if (img == null) {
            throw new InvalidInputException("签名图片无效 the signature is not a PNG", "signature");
        }
        int inked = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int argb = img.getRGB(x, y);
                int alpha = argb >>> 24;
                int rgb = argb & 0xFFFFFF;
                if (alpha > 32 && rgb != 0xFFFFFF) {
                    inked++;
                    if (inked >= 20) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** The content type by the file's first bytes: PDF (when allowed), JPEG or PNG; null for anything else. */
    static String sniff(byte[] d, boolean pdf) {
        if (d == null || d.length < 8) {
            return null;
        }
        if ((d[0] & 0xFF) == 0x89 && d[1] == 'P' && d[2] == 'N' && d[3] == 'G') {
            return "image/png";
        }
        if ((d[0] & 0xFF) == 0xFF && (d[1] & 0xFF) == 0xD8 && (d[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (pdf && d[0] == '%' && d[1] == 'P' && d[2] == 'D' && d[3] == 'F') {
            return "application/pdf";
        }
        return null;
    }

    private static String name(String filename, String fallback, String type) {
        String ext = switch (type) {
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            default -> ".pdf";
        };
        if (filename == null || filename.isBlank()) {
            return fallback + ext;
        }
        String f = filename.replaceAll("[\\\\/\\r\\n\"]", "_").trim();
        return f.length() > 200 ? f.substring(0, 200) : f;
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
