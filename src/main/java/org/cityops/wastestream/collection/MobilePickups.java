package org.cityops.wastestream.collection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.cityops.audit.AuditTrail;
import org.cityops.org.StaffMember;
import org.cityops.platform.ConflictException;
import org.cityops.platform.DbTime;
import org.cityops.platform.NotFoundException;
import org.cityops.wastestream.RowError;
import org.cityops.wastestream.ledger.Producers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 收运登记 on a phone: one pickup with its photo, through the same {@link Collections#submit} as the API (the same
 * checks: producer, bin, vehicle, weights against the rated load, the far flag, the route flag; a device record id
 * already stored is a duplicate). The photo (JPEG, PNG or WebP, at most {@value #MAX_PHOTO_BYTES} bytes) is stored
 * with the SHA-256 of its bytes, in the same transaction; the audit entry of the pickup names the digest. Reading a
 * photo recomputes the digest and refuses bytes that no longer match (409).
 */
@Service
public class MobilePickups {

    static final int MAX_PHOTO_BYTES = 10 << 20;

    /** What the page shows after a tap: the stored pickup's flags, or the problems by field. */
    public record Result(boolean duplicate, boolean far, Double distanceM, String routeFlag, List<RowError> errors) {}

    /** A stored photo with its recorded digest. */
    public record Photo(String contentType, byte[] data, String sha256) {}

    private final Collections collections;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    MobilePickups(Collections collections, JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.collections = collections;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** One pickup from the page; the photo may be null (the page asks for it, a lost camera must not stop work). */
    @Transactional
    public Result record(CollectionDraft draft, byte[] photo, StaffMember me) {
        String type = null;
        if (photo != null && photo.length > 0) {
            if (photo.length > MAX_PHOTO_BYTES) {
                return refused("photo", "照片不超过10MB photo at most 10 MB");
            }
            type = sniff(photo);
            if (type == null) {
                return refused("photo", "照片须为 JPEG、PNG 或 WebP 图片 photo must be a JPEG, PNG or WebP image");
            }
        }
        Collections.SubmitReport r = collections.submit(List.of(draft), "MOBILE", me);
        if (!r.errors().isEmpty()) {
            return new Result(false, false, null, null, r.errors());
        }
        String id = draft.deviceRecordId().trim();
        if (r.duplicates() > 0) {
            return new Result(true, false, null, null, List.of());
        }
        if (type != null) {
            String sha = sha256(photo);
            jdbc.sql("""
                            INSERT INTO wst_collection_photo (device_record_id, content_type, size_bytes, sha256, data,
                              uploaded_by, uploaded_at) VALUES (:id, :t, :s, :h, :d, :by, :at)""")
                    .param("id", id)
                    .param("t", type)
                    .param("s", photo.length)
                    .param("h", sha)
                    .param("d", photo)
                    .param("by", me.username())
                    .param("at", DbTime.toDb(clock.instant()))
                    .update();
            jdbc.sql("UPDATE wst_collection SET photo_url = :u, photo_sha256 = :h WHERE device_record_id = :id")
                    .param("u", "/wastestream/photo/" + id)
                    .param("h", sha)
                    .param("id", id)
                    .update();
            audit.record(
                    "WST_COLLECTION",
                    id,
                    "PHOTO",
                    null,
                    "收运照片 " + type + " " + photo.length + " bytes sha256=" + sha + " by " + me.username());
        }
        return jdbc.sql("SELECT far_flag, distance_m, route_flag FROM wst_collection WHERE device_record_id = :id")
                .param("id", id)
                .query((rs, n) -> new Result(
                        false, rs.getBoolean(1), (Double) rs.getObject(2, Double.class), rs.getString(3), List.of()))
                .single();
    }

    /** The photo of a pickup whose producer lies in the caller's area; 409 when its bytes no longer match. */
    @Transactional(readOnly = true)
    public Photo photo(String deviceRecordId, StaffMember me) {
        Optional<String[]> pickup = jdbc.sql(
                        "SELECT district_code, photo_sha256 FROM wst_collection WHERE device_record_id = :id")
                .param("id", deviceRecordId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .optional();
        if (pickup.isEmpty() || !Producers.scope(me).matches(pickup.get()[0], null, null)) {
            throw new NotFoundException("照片不存在 photo not found");
        }
        Photo p = jdbc.sql("SELECT content_type, data, sha256 FROM wst_collection_photo WHERE device_record_id = :id")
                .param("id", deviceRecordId)
                .query((rs, n) -> new Photo(rs.getString(1), rs.getBytes(2), rs.getString(3)))
                .optional()
                .orElseThrow(() -> new NotFoundException("照片不存在 photo not found"));
        if (!sha256(p.data()).equals(p.sha256()) || !p.sha256().equals(pickup.get()[1])) {
            throw new ConflictException("照片内容与登记时的 SHA-256 不符 photo bytes do not match their SHA-256", "photo");
        }
        return p;
    }

    private static Result refused(String field, String message) {
        return new Result(false, false, null, null, List.of(new RowError(1, field, message)));
    }

    /** The image type from the first bytes (not the file name or the browser's word). */
    static String sniff(byte[] b) {
        if (b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length > 12
                && new String(b, 0, 4, StandardCharsets.US_ASCII).equals("RIFF")
                && new String(b, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
            return "image/webp";
        }
        return null;
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
