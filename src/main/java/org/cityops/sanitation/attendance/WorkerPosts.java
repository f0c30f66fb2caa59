package org.cityops.sanitation.attendance;

import static org.cityops.sanitation.attendance.RegisterFields.blankToNull;
import static org.cityops.sanitation.attendance.RegisterFields.require;
import static org.cityops.sanitation.attendance.RegisterFields.scope;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cityops.audit.AuditTrail;
import org.cityops.geo.GridLocation;
import org.cityops.geo.GridLocator;
import org.cityops.org.ScopeColumns;
import org.cityops.org.StaffMember;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.cityops.sanitation.LedgerChanged;
import org.cityops.sanitation.ledger.Segments;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The posts register (作业岗位, 保洁责任区): polygons with the segments they keep. A post belongs to the district its
 * area lies in and is seen within the caller's data scope (AREA); every change is audited. The shifts are
 * {@link Shifts}, the workers on the posts {@link Workers}, the day's attendance sheet {@link AttendanceSheet}.
 */
@Service
public class WorkerPosts {

    private static final ScopeColumns COLUMNS = ScopeColumns.area("district_code");
    private final JdbcClient jdbc;
    private final GridLocator grids;
    private final Segments segments;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WorkerPosts(
            JdbcClient jdbc,
            GridLocator grids,
            Segments segments,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.grids = grids;
        this.segments = segments;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A post as asked for: the polygon as WKT (WGS-84, x = lon, y = lat). */
    public record PostDraft(
            String code, String name, String wkt, String section, String company, List<Long> segmentIds) {}

    @Transactional
    public Post createPost(PostDraft d, StaffMember me, boolean synthetic) {
        CheckedPost c = checkPost(d, me, null);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO san_post (code, name, district_code, section, company, area_wkt, synthetic, created_at)
                VALUES (:code, :name, :district, :section, :company, :wkt, :synthetic, :now)""")
                .param("code", d.code().trim())
                .param("name", d.name().trim())
                .param("district", c.district())
                .param("section", blankToNull(d.section()))
                .param("company", blankToNull(d.company()))
                .param("wkt", c.area().toText())
                .param("synthetic", synthetic)
                .param("now", DbTime.toDb(clock.instant()))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        writePostSegments(id, c.segmentIds());
        audit.record("SAN_POST", String.valueOf(id), "CREATE", null, d.code() + " " + d.name());
        return post(id, me);
    }

    /**
     * Changes a post whole (all or nothing, the same checks as {@link #createPost}); the caller must see the post
     * as it is and the post as it becomes (a post cannot be moved out of the caller's area). Audited with before
     * and after.
     */
    @Transactional
    public Post updatePost(long id, PostDraft d, StaffMember me) {
        Post before = post(id, me);
        CheckedPost c = checkPost(d, me, id);
        jdbc.sql("""
                UPDATE san_post SET code = :code, name = :name, district_code = :district, section = :section,
                  company = :company, area_wkt = :wkt WHERE id = :id""")
                .param("code", d.code().trim())
                .param("name", d.name().trim())
                .param("district", c.district())
                .param("section", blankToNull(d.section()))
                .param("company", blankToNull(d.company()))
                .param("wkt", c.area().toText())
                .param("id", id)
                .update();
        jdbc.sql("DELETE FROM san_post_segment WHERE post_id = :p")
                .param("p", id)
                .update();
        writePostSegments(id, c.segmentIds());
        Post after = post(id, me);
        audit.record("SAN_POST", String.valueOf(id), "UPDATE", describe(before), describe(after));
        events.publishEvent(new LedgerChanged("post"));
        return after;
    }

    private static String describe(Post p) {
        return p.code() + " " + p.name() + " " + p.districtCode() + " " + (p.section() == null ? "" : p.section()) + " "
                + (p.company() == null ? "" : p.company()) + " segments " + p.segmentIds() + " "
                + (p.wkt().length() > 1500 ? p.wkt().substring(0, 1500) + "…" : p.wkt());
    }

    private void writePostSegments(long id, List<Long> segmentIds) {
        for (Long s : segmentIds) {
            jdbc.sql("INSERT INTO san_post_segment (post_id, segment_id) VALUES (:p, :s)")
                    .param("p", id)
                    .param("s", s)
                    .update();
        }
    }

    private record CheckedPost(Polygon area, String district, List<Long> segmentIds) {}

    private CheckedPost checkPost(PostDraft d, StaffMember me, Long exceptId) {
        require(d.code(), "code", "岗位编码必填 code required");
        require(d.name(), "name", "岗位名称必填 name required");
        Polygon area = PostArea.parse(d.wkt());
        Point inner = area.getInteriorPoint();
        Optional<GridLocation> cell = grids.locate(inner.getY(), inner.getX());
        if (cell.isEmpty()) {
            throw new InvalidInputException("岗位不在本市网格内 post outside the city", "wkt");
        }
        for (Coordinate c : area.getExteriorRing().getCoordinates()) {
            if (grids.locate(c.y, c.x).isEmpty()) {
                throw new InvalidInputException("岗位的顶点在本市网格外 a corner of the post is outside the city", "wkt");
            }
        }
        String district = cell.get().districtCode();
        if (!scope(me).matches(district, null, null)) {
            throw new InvalidInputException("岗位不在您的管辖范围内 post outside your area", "wkt");
        }
        if (jdbc.sql("SELECT COUNT(*) FROM san_post WHERE code = :v AND id <> :id")
                        .param("v", d.code().trim())
                        .param("id", exceptId == null ? Long.valueOf(-1L) : exceptId)
                        .query(Long.class)
                        .single()
                > 0) {
            throw new InvalidInputException("岗位编码已存在 code already exists", "code");
        }
        List<Long> segmentIds = d.segmentIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(d.segmentIds()));
        for (int i = 0; i < segmentIds.size(); i++) {
            try {
                segments.get(segmentIds.get(i), me);
            } catch (NotFoundException e) {
                throw new InvalidInputException("路段不存在 unknown segment", "segmentIds[" + i + "]");
            }
        }
        return new CheckedPost(area, district, segmentIds);
    }

    public List<Post> posts(StaffMember me) {
        Map<String, Object> params = new HashMap<>();
        String where = scope(me).sql(COLUMNS, params);
        return jdbc.sql("SELECT * FROM san_post WHERE " + where + " ORDER BY code")
                .params(params)
                .query(this::post)
                .list();
    }

    public Post post(long id, StaffMember me) {
        Post p = jdbc.sql("SELECT * FROM san_post WHERE id = :id")
                .param("id", id)
                .query(this::post)
                .optional()
                .orElseThrow(() -> new NotFoundException("岗位不存在 post not found"));
        if (!scope(me).matches(p.districtCode(), null, null)) {
            throw new NotFoundException("岗位不存在 post not found");
        }
        return p;
    }

    private Post post(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        List<Long> segmentIds = jdbc.sql(
                        "SELECT segment_id FROM san_post_segment WHERE post_id = :p ORDER BY segment_id")
                .param("p", id)
                .query(Long.class)
                .list();
        return new Post(
                id,
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("district_code"),
                rs.getString("section"),
                rs.getString("company"),
                rs.getString("area_wkt"),
                segmentIds,
                rs.getBoolean("synthetic"));
    }
}
