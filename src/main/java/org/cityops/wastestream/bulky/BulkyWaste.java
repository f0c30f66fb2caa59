package org.cityops.wastestream.bulky;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cityops.audit.AuditTrail;
import org.cityops.geo.GridLocation;
import org.cityops.geo.GridLocator;
import org.cityops.org.RecordKind;
import org.cityops.org.ScopeColumns;
import org.cityops.org.ScopeFilter;
import org.cityops.org.ScopeRule;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.cityops.platform.excel.SheetWriter;
import org.cityops.platform.excel.WorkbookWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 大件垃圾: sorting centres, citizens' pickup bookings (anonymous: a booking code, cancelled with code + phone),
 * staff scheduling, intake weighing per storage area and daily throughput against capacity. Staff lists are scoped
 * by the centre's district and show phones masked. Every change is audited.
 *
 * <p>Over 400 lines: centres, bookings, scheduling and intake share the centre-row lock that keeps a slot from being taken twice;
 * the throughput report and the .xlsx could move out (to do).
 */
@Service
public class BulkyWaste {

    public record CentreDraft(
            String name,
            Double lat,
            Double lon,
            String address,
            BigDecimal capacityTonnesDay,
            boolean capacitySynthetic,
            String materials,
            Integer slotCapacity) {}

    public record BookingDraft(Long centreId, String address, String items, LocalDate day, String slot, String phone) {}

    /** What the citizen gets back: the code to keep, the centre and the slot. */
    public record Confirmation(String code, String centreName, LocalDate day, Slot slot, String phoneMasked) {}

    /** A centre as the public form lists it. */
    public record PublicCentre(long id, String name, String districtName, String materials) {}

    static final String CODE_CHARS = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int CODE_LENGTH = 8;
    private static final ScopeColumns COLUMNS = ScopeColumns.area("c.district_code");
    private static final BigDecimal MAX_INTAKE_KG = new BigDecimal("50000");

    private final JdbcClient jdbc;
    private final GridLocator grids;
    private final AuditTrail audit;
    private final Clock clock;
    private final BookingRules rules;
    private final SecureRandom random = new SecureRandom();

    BulkyWaste(
            JdbcClient jdbc,
            GridLocator grids,
            AuditTrail audit,
            Clock clock,
            @Value("${cityops.wastestream.bulky.max-days-ahead:14}") int maxDaysAhead) {
        this.jdbc = jdbc;
        this.grids = grids;
        this.audit = audit;
        this.clock = clock;
        this.rules = new BookingRules(maxDaysAhead);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), CityClock.ZONE);
    }

    // ---- centres

    @Transactional
    public Centre createCentre(CentreDraft d, StaffMember me) {
        if (d.name() == null || d.name().isBlank() || d.name().trim().length() > 200) {
            throw new InvalidInputException("名称必填（不超过200字符）name required", "name");
        }
        if (d.lat() == null || d.lon() == null) {
            throw new InvalidInputException("位置必填 location required", "lat");
        }
        Optional<GridLocation> at = grids.locate(d.lat(), d.lon());
        if (at.isEmpty()) {
            throw new InvalidInputException("位置不在任何网格内 location is in no grid", "lat");
        }
        if (d.capacityTonnesDay() == null
                || d.capacityTonnesDay().signum() <= 0
                || d.capacityTonnesDay().compareTo(new BigDecimal("1000")) > 0) {
            throw new InvalidInputException("处理能力须在0至1000吨/日之间 capacity must be 0..1000 t/day", "capacityTonnesDay");
        }
        int slotCapacity = d.slotCapacity() == null ? 10 : d.slotCapacity();
        if (slotCapacity < 1 || slotCapacity > 500) {
            throw new InvalidInputException("每时段预约上限须在1至500之间 slot capacity must be 1..500", "slotCapacity");
        }
        if (jdbc.sql("SELECT COUNT(*) FROM wsb_centre WHERE name = :n")
                        .param("n", d.name().trim())
                        .query(Long.class)
                        .single()
                > 0) {
            throw new InvalidInputException("分拣中心已登记 centre already registered", "name");
        }
        if (!scope(me).matches(at.get().districtCode(), null, null)) {
            throw new InvalidInputException("位置不在您的数据权限范围内 location outside your data scope", "lat");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO wsb_centre (name, district_code, district_name, address, capacity_t_day,
                  capacity_synthetic, materials, slot_capacity, created_at)
                VALUES (:name, :d, :dn, :addr, :cap, :syn, :mat, :slot, :now)""")
                .param("name", d.name().trim())
                .param("d", at.get().districtCode())
                .param("dn", at.get().districtName())
                .param("addr", blankToNull(d.address()))
                .param("cap", d.capacityTonnesDay())
                .param("syn", d.capacitySynthetic())
                .param("mat", blankToNull(d.materials()))
                .param("slot", slotCapacity)
                .param("now", DbTime.toDb(clock.instant()))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record(
                "WSB_CENTRE",
                String.valueOf(id),
                "CREATE",
                null,
                d.name().trim() + " " + d.capacityTonnesDay() + " t/d");
        return centre(id).orElseThrow();
    }

    public List<Centre> centres(StaffMember me) {
        Map<String, Object> params = new HashMap<>();
        String where = scope(me).sql(COLUMNS, params);
        return jdbc.sql("SELECT * FROM wsb_centre c WHERE " + where + " ORDER BY c.district_code, c.name")
                .params(params)
                .query(BulkyWaste::centre)
                .list();
    }

    public List<PublicCentre> publicCentres() {
        return jdbc
                .sql("SELECT * FROM wsb_centre ORDER BY district_code, name")
                .query(BulkyWaste::centre)
                .list()
                .stream()
                .map(c -> new PublicCentre(c.id(), c.name(), c.districtName(), c.materials()))
                .toList();
    }

    Optional<Centre> centre(long id) {
        return jdbc.sql("SELECT * FROM wsb_centre WHERE id = :id")
                .param("id", id)
                .query(BulkyWaste::centre)
                .optional();
    }

    private Centre centreInScope(long id, StaffMember me) {
        Centre c = centre(id).orElseThrow(() -> new NotFoundException("分拣中心不存在 centre not found"));
        if (!scope(me).matches(c.districtCode(), null, null)) {
            throw new NotFoundException("分拣中心不存在 centre not found");
        }
        return c;
    }

    // ---- citizens

    /** A citizen books a pickup (anonymous). A problem is a 400 naming the field; a full slot names {@code slot}. */
    @Transactional
    public Confirmation book(BookingDraft d) {
        LocalDate today = today();
        List<BookingRules.Problem> problems =
                rules.problems(d.address(), d.items(), d.phone(), d.day(), d.slot(), today);
        if (d.centreId() == null) {
            problems.add(0, new BookingRules.Problem("centreId", "请选择分拣中心 choose a centre"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(
                    problems.get(0).message(), problems.get(0).field());
        }
        // lock the centre row: two citizens taking the last place of a slot are served one after the other
        Optional<Long> locked = jdbc.sql("SELECT id FROM wsb_centre WHERE id = :id FOR UPDATE")
                .param("id", d.centreId())
                .query(Long.class)
                .optional();
        if (locked.isEmpty()) {
            throw new InvalidInputException("请选择分拣中心 choose a centre", "centreId");
        }
        Centre c = centre(d.centreId()).orElseThrow();
        Slot slot = Slot.parse(d.slot());
        int booked = jdbc.sql("""
                SELECT COUNT(*) FROM wsb_booking
                WHERE centre_id = :c AND slot_day = :d AND slot = :s AND status <> 'CANCELLED'""")
                .param("c", c.id())
                .param("d", d.day())
                .param("s", slot.name())
                .query(Integer.class)
                .single();
        if (!BookingRules.fits(booked, c.slotCapacity())) {
            throw new InvalidInputException("该时段已约满，请选择其他日期或时段 this slot is full, choose another day or slot", "slot")
                    .withKey("ws.bulky.slotFull");
        }
        String phone = BookingRules.normalizePhone(d.phone());
        String code = newCode();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO wsb_booking (code, centre_id, address, items, slot_day, slot, phone, status, created_at,
                  updated_at)
                VALUES (:code, :c, :addr, :items, :d, :s, :phone, 'BOOKED', :now, :now)""")
                .param("code", code)
                .param("c", c.id())
                .param("addr", d.address().trim())
                .param("items", d.items().trim())
                .param("d", d.day())
                .param("s", slot.name())
                .param("phone", phone)
                .param("now", DbTime.toDb(clock.instant()))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record(
                "WSB_BOOKING",
                String.valueOf(id),
                "BOOK",
                null,
                code + " " + c.name() + " " + d.day() + " " + slot + " " + BookingRules.maskPhone(phone));
        return new Confirmation(code, c.name(), d.day(), slot, BookingRules.maskPhone(phone));
    }

    /**
     * A citizen cancels with the code and the phone given at booking. An unknown code and a wrong phone are the same
     * answer (nobody learns which codes exist).
     */
    @Transactional
    public Confirmation cancel(String code, String phone) {
        String c = code == null ? "" : code.trim().toUpperCase(java.util.Locale.ROOT);
        String p = BookingRules.normalizePhone(phone);
        Optional<Map<String, Object>> row = p == null
                ? Optional.empty()
                : jdbc.sql("""
                        SELECT b.id, b.status, b.slot_day, b.slot, c.name FROM wsb_booking b
                        JOIN wsb_centre c ON c.id = b.centre_id WHERE b.code = :code AND b.phone = :phone""").param("code", c).param("phone", p).query().listOfRows().stream()
                        .findFirst();
        if (row.isEmpty()) {
            throw new InvalidInputException("预约码与电话不匹配 no booking with this code and phone", "code")
                    .withKey("ws.bulky.noMatch");
        }
        BookingStatus status = BookingStatus.valueOf((String) row.get().get("status"));
        if (!status.cancellable()) {
            throw new InvalidInputException("该预约已收运或已取消 the booking is already collected or cancelled", "code")
                    .withKey("ws.bulky.notCancellable");
        }
        long id = ((Number) row.get().get("id")).longValue();
        jdbc.sql("UPDATE wsb_booking SET status = 'CANCELLED', updated_at = :now WHERE id = :id")
                .param("now", DbTime.toDb(clock.instant()))
                .param("id", id)
                .update();
        audit.record("WSB_BOOKING", String.valueOf(id), "CANCEL", status.name(), "CANCELLED " + c);
        return new Confirmation(
                c,
                (String) row.get().get("name"),
                toDate(row.get().get("slot_day")),
                Slot.valueOf((String) row.get().get("slot")),
                BookingRules.maskPhone(p));
    }

    // ---- staff

    /** Bookings in the caller's scope, optionally of one centre and/or one day; phones masked. */
    public List<Booking> bookings(Long centreId, LocalDate day, StaffMember me) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(scope(me).sql(COLUMNS, params));
        if (centreId != null) {
            where.append(" AND b.centre_id = :centre");
            params.put("centre", centreId);
        }
        if (day != null) {
            where.append(" AND b.slot_day = :day");
            params.put("day", day);
        }
        return jdbc.sql("SELECT b.*, c.name AS centre_name FROM wsb_booking b JOIN wsb_centre c ON c.id = b.centre_id"
                        + " WHERE " + where + " ORDER BY b.slot_day, b.slot, b.id")
                .params(params)
                .query(BulkyWaste::booking)
                .list();
    }

    /** Staff schedule a booked pickup (a crew or vehicle); a cancelled or collected booking cannot be. */
    @Transactional
    public Booking schedule(long bookingId, String crew, StaffMember me) {
        Booking b = bookingInScope(bookingId, me);
        if (b.status() != BookingStatus.BOOKED && b.status() != BookingStatus.SCHEDULED) {
            throw new InvalidInputException("只能为已预约的收运排班 only a booked pickup can be scheduled", "status");
        }
        if (crew == null || crew.isBlank() || crew.trim().length() > 100) {
            throw new InvalidInputException("请填写收运班组或车辆（不超过100字）crew required", "crew");
        }
        jdbc.sql("UPDATE wsb_booking SET status = 'SCHEDULED', crew = :crew, updated_at = :now WHERE id = :id")
                .param("crew", crew.trim())
                .param("now", DbTime.toDb(clock.instant()))
                .param("id", bookingId)
                .update();
        audit.record(
                "WSB_BOOKING", String.valueOf(bookingId), "SCHEDULE", b.status().name(), "SCHEDULED " + crew.trim());
        return bookingInScope(bookingId, me);
    }

    /**
     * Intake weighing at the centre into one storage area; with a booking code the booking becomes collected (it
     * must be of this centre and not cancelled).
     */
    @Transactional
    public long weigh(long centreId, String area, BigDecimal netKg, LocalDate day, String bookingCode, StaffMember me) {
        Centre c = centreInScope(centreId, me);
        StorageArea a = StorageArea.parse(area);
        if (a == null) {
            throw new InvalidInputException("请选择存放区 木质/金属/塑料/玻璃/织物 choose a storage area", "area");
        }
        if (netKg == null || netKg.signum() <= 0 || netKg.compareTo(MAX_INTAKE_KG) > 0) {
            throw new InvalidInputException("净重须在0至50000千克之间 net weight must be 0..50000 kg", "netKg");
        }
        if (day == null || day.isAfter(today())) {
            throw new InvalidInputException("称重日期必填且不能晚于今天 day required, not in the future", "day");
        }
        Long bookingId = null;
        if (bookingCode != null && !bookingCode.isBlank()) {
            String code = bookingCode.trim().toUpperCase(java.util.Locale.ROOT);
            Optional<Booking> b =
                    jdbc.sql("""
                            SELECT b.*, c.name AS centre_name FROM wsb_booking b JOIN wsb_centre c ON c.id = b.centre_id
                            WHERE b.code = :code""").param("code", code).query(BulkyWaste::booking).optional();
            if (b.isEmpty() || b.get().centreId() != centreId || b.get().status() == BookingStatus.CANCELLED) {
                throw new InvalidInputException("预约码不属于本中心或已取消 booking not of this centre or cancelled", "bookingCode");
            }
            bookingId = b.get().id();
            if (b.get().status() != BookingStatus.COLLECTED) {
                jdbc.sql("UPDATE wsb_booking SET status = 'COLLECTED', updated_at = :now WHERE id = :id")
                        .param("now", DbTime.toDb(clock.instant()))
                        .param("id", bookingId)
                        .update();
                audit.record(
                        "WSB_BOOKING",
                        String.valueOf(bookingId),
                        "COLLECT",
                        b.get().status().name(),
                        "COLLECTED");
            }
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO wsb_intake (centre_id, booking_id, area, net_kg, weighed_on, weighed_by, created_at)
                VALUES (:c, :b, :a, :kg, :d, :by, :now)""")
                .param("c", centreId)
                .param("b", bookingId)
                .param("a", a.name())
                .param("kg", netKg)
                .param("d", day)
                .param("by", me.username())
                .param("now", DbTime.toDb(clock.instant()))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record(
                "WSB_INTAKE",
                String.valueOf(id),
                "WEIGH",
                null,
                c.name() + " " + a.label() + " " + netKg + " kg " + day);
        return id;
    }

    /** Daily throughput per centre in [from, to] (days with intake only), in the caller's scope. */
    public List<Throughput> throughput(LocalDate from, LocalDate to, StaffMember me) {
        if (from == null || to == null || to.isBefore(from) || to.toEpochDay() - from.toEpochDay() > 366) {
            throw new InvalidInputException("日期范围无效（最长一年）invalid period, at most a year", "from");
        }
        Map<Long, Centre> centres = new HashMap<>();
        centres(me).forEach(c -> centres.put(c.id(), c));
        Map<String, Map<StorageArea, BigDecimal>> sums = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT centre_id, weighed_on, area, SUM(net_kg) AS kg FROM wsb_intake
                WHERE weighed_on BETWEEN :f AND :t GROUP BY centre_id, weighed_on, area""").param("f", from).param("t", to).query().listOfRows().forEach(r -> {
            long centre = ((Number) r.get("centre_id")).longValue();
            if (!centres.containsKey(centre)) {
                return;
            }
            String key = toDate(r.get("weighed_on")) + "|" + String.format("%012d", centre);
            sums.computeIfAbsent(key, k -> new EnumMap<>(StorageArea.class))
                    .merge(StorageArea.valueOf((String) r.get("area")), (BigDecimal) r.get("kg"), BigDecimal::add);
        });
        List<Throughput> out = new ArrayList<>();
        sums.forEach((key, byArea) -> {
            String[] k = key.split("\\|");
            Centre c = centres.get(Long.parseLong(k[1]));
            BigDecimal total = byArea.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            out.add(new Throughput(
                    c.id(),
                    c.name(),
                    LocalDate.parse(k[0]),
                    byArea,
                    total,
                    BookingRules.tonnes(total),
                    c.capacityTonnesDay(),
                    BookingRules.utilisationPercent(total, c.capacityTonnesDay()),
                    BookingRules.overCapacity(total, c.capacityTonnesDay())));
        });
        return out;
    }

    public byte[] throughputXlsx(List<Throughput> rows) {
        List<String> header = new ArrayList<>(List.of("日期", "分拣中心"));
        for (StorageArea a : StorageArea.values()) {
            header.add(a.label() + "(千克)");
        }
        header.addAll(List.of("合计(吨)", "处理能力(吨/日)", "负荷率(%)", "超能力"));
        try (WorkbookWriter wb = new WorkbookWriter()) {
            SheetWriter sheet = wb.sheet("大件垃圾日处理量", header);
            for (Throughput t : rows) {
                List<Object> r = new ArrayList<>(List.of(t.day(), t.centreName()));
                for (StorageArea a : StorageArea.values()) {
                    r.add(t.kgByArea().getOrDefault(a, BigDecimal.ZERO));
                }
                r.add(t.tonnes());
                r.add(t.capacityTonnes());
                r.add(t.utilisationPercent());
                r.add(t.overCapacity() ? "是" : "否");
                sheet.row(r);
            }
            return wb.toBytes();
        }
    }

    public static ScopeFilter scope(StaffMember me) {
        return ScopeRule.filter(me, RecordKind.AREA);
    }

    private Booking bookingInScope(long id, StaffMember me) {
        Map<String, Object> params = new HashMap<>();
        String where = scope(me).sql(COLUMNS, params);
        params.put("id", id);
        return jdbc.sql("SELECT b.*, c.name AS centre_name FROM wsb_booking b JOIN wsb_centre c ON c.id = b.centre_id"
                        + " WHERE b.id = :id AND " + where)
                .params(params)
                .query(BulkyWaste::booking)
                .optional()
                .orElseThrow(() -> new NotFoundException("预约不存在 booking not found"));
    }

    private String newCode() {
        for (int attempt = 0; attempt < 10; attempt++) {
            StringBuilder b = new StringBuilder(CODE_LENGTH);
            for (int i = 0; i < CODE_LENGTH; i++) {
                b.append(CODE_CHARS.charAt(random.nextInt(CODE_CHARS.length())));
            }
            String code = b.toString();
            if (jdbc.sql("SELECT COUNT(*) FROM wsb_booking WHERE code = :c")
                            .param("c", code)
                            .query(Long.class)
                            .single()
                    == 0) {
                return code;
            }
        }
        throw new IllegalStateException("no free booking code after 10 attempts");
    }

    private static LocalDate toDate(Object v) {
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (v instanceof LocalDate d) {
            return d;
        }
        return LocalDate.parse(String.valueOf(v));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static Centre centre(ResultSet rs, int n) throws SQLException {
        return new Centre(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("district_code"),
                rs.getString("district_name"),
                rs.getString("address"),
                rs.getBigDecimal("capacity_t_day"),
                rs.getBoolean("capacity_synthetic"),
                rs.getString("materials"),
                rs.getInt("slot_capacity"));
    }

    static Booking booking(ResultSet rs, int n) throws SQLException {
        return new Booking(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getLong("centre_id"),
                rs.getString("centre_name"),
                rs.getString("address"),
                rs.getString("items"),
                rs.getDate("slot_day").toLocalDate(),
                Slot.valueOf(rs.getString("slot")),
                BookingRules.maskPhone(rs.getString("phone")),
                BookingStatus.valueOf(rs.getString("status")),
                rs.getString("crew"),
                DbTime.fromDb(rs.getObject("created_at", java.time.OffsetDateTime.class)));
    }
}
