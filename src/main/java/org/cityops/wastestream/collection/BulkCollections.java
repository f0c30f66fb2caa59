package org.cityops.wastestream.collection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cityops.audit.AuditTrail;
import org.cityops.org.ScopeFilter;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.platform.DbTime;
import org.cityops.platform.PgCopy;
import org.cityops.platform.excel.DataRow;
import org.cityops.wastestream.RowError;
import org.cityops.wastestream.ledger.Producers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * The bulk path for a month of pickups (issue 17: 1 M rows at ≥ 20,000 rows/s): a UTF-8 CSV with the columns of
 * {@link Collections#HEADERS}, read as a stream. Every check of the API and the .xlsx import holds: the rules run in
 * memory against the producers, bins, vehicles and routes loaded once per file; a device record id twice in the file
 * is an error (a set), one already stored is skipped and counted as a duplicate; the scope of the caller applies.
 * Rows are written as they come, a chunk of {@value #CHUNK} at a time: on PostgreSQL with one {@code COPY … FROM
 * STDIN} (the driver's CopyManager through {@code platform.PgCopy}) into a temporary staging table, moved into the
 * table with {@code ON CONFLICT DO NOTHING} (the unique key is the duplicate check: no lookup per chunk), elsewhere
 * (H2) the chunk's stored ids are looked up and the rest written with multi-row INSERT
 * statements of {@value #ROWS_PER_INSERT} rows; all inside one transaction:
 * the first problem stops the writing, the rest of the file is still checked (up to {@value #MAX_ERRORS} problems
 * listed, Excel-like row numbers with the header as row 1) and the transaction is rolled back, so a file is stored
 * all or nothing. One audit entry per file.
 *
 * <p>Over 400 lines: the streamed CSV reader, the in-memory checks and the COPY writer of one import;
 * the reader belongs in a platform row reader beside platform.excel (to do, see the stop's note).
 */
@Service
public class BulkCollections {

    static final int CHUNK = 5_000;
    static final int ROWS_PER_INSERT = 500;
    static final int MAX_ERRORS = 200;
    /** Rows of one CSV file (two months of the city's pickups at the rate). */
    static final int MAX_ROWS = 2_000_000;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd H:mm[:ss]");
    private static final String COLUMNS = "device_record_id, producer_id, container_id, vehicle_id, collected_at,"
            + " pickup_day, gross_kg, tare_kg, net_kg, estimated, collector, photo_url, lat, lon, distance_m,"
            + " far_flag, district_code, source, created_at, route_flag";
    private static final int FIELDS = 20;

    private final Collections collections;
    private final Routes routes;
    private final JdbcTemplate template;
    private final AuditTrail audit;
    private final Clock clock;

    BulkCollections(Collections collections, Routes routes, JdbcTemplate template, AuditTrail audit, Clock clock) {
        this.collections = collections;
        this.routes = routes;
        this.template = template;
        this.audit = audit;
        this.clock = clock;
    }

    /** The CSV, all or nothing; 200-style report, or the problems (row = line number, field = column header). */
    @Transactional
    public Collections.SubmitReport importCsv(InputStream in, StaffMember me) {
        Run run = new Run(me);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            run.read(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (run.errors.isEmpty() && run.rows == 0) {
            run.errors.add(new RowError(0, "file", "文件中没有数据行 no data rows"));
        }
        if (!run.errors.isEmpty()) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            List<RowError> out = new ArrayList<>(run.errors);
            if (run.moreErrors > 0) {
                out.add(new RowError(0, "file", "另有 " + run.moreErrors + " 处错误未列出 more problems not listed"));
            }
            return Collections.SubmitReport.refused(out);
        }
        audit.record(
                "WST_COLLECTION",
                "batch",
                "SUBMIT_CSV",
                null,
                run.accepted + " collections (" + run.duplicates + " already stored, " + run.far
                        + " far from producer, " + run.offRoute + " off route) by " + me.username());
        return new Collections.SubmitReport(run.accepted, run.duplicates, run.far, run.offRoute, List.of());
    }

    /** One file's state: what is loaded once, the ids seen, the chunk waiting to be written, the counts. */
    private final class Run {
        final StaffMember me;
        final CollectionRules rules = collections.rules();
        final CollectionRules.Ledger ledger = collections.ledger();
        final RouteRules routeRules = routes.rules();
        final ScopeFilter scope;
        final Instant now = clock.instant();
        final OffsetDateTime nowDb = DbTime.toDb(now);
        final Set<String> ids = new HashSet<>();
        final List<RowError> errors = new ArrayList<>();
        final List<CollectionRules.Checked> chunk = new ArrayList<>(CHUNK);
        /** PostgreSQL: COPY (platform.PgCopy); elsewhere (H2) multi-row INSERTs. */
        final boolean copy = Boolean.TRUE.equals(
                template.execute((org.springframework.jdbc.core.ConnectionCallback<Boolean>) PgCopy::supported));
        /** Whether this file's staging table exists (PostgreSQL, dropped at the end of the transaction). */
        boolean staged;

        int moreErrors;
        int rows;
        int accepted;
        int duplicates;
        int far;
        int offRoute;

        Run(StaffMember me) {
            this.me = me;
            this.scope = Producers.scope(me);
        }

        void read(BufferedReader r) throws IOException {
            String line = r.readLine();
            if (line == null) {
                return;
            }
            if (!line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            List<String> header = split(line);
            Map<String, Integer> col = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                col.put(header.get(i).strip(), i);
            }
            List<String> missing = Collections.HEADERS.stream()
                    .filter(h -> !col.containsKey(h))
                    .toList();
            if (!missing.isEmpty()) {
                error(new RowError(1, missing.get(0), "缺少列 missing columns " + missing));
                return;
            }
            int[] at = Collections.HEADERS.stream().mapToInt(col::get).toArray();
            int lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                if (++rows > MAX_ROWS) {
                    error(new RowError(lineNo, "file", "一个文件不超过 " + MAX_ROWS + " 行 at most " + MAX_ROWS + " rows"));
                    return;
                }
                row(lineNo, split(line), at);
            }
            if (errors.isEmpty()) {
                flush();
            }
        }

        void row(int lineNo, List<String> f, int[] at) {
            int before = errors.size() + moreErrors;
            Instant collectedAt = null;
            String time = cell(f, at[3]);
            if (time != null) {
                try {
                    collectedAt = LocalDateTime.parse(time, TIME)
                            .atZone(CityClock.ZONE)
                            .toInstant();
                } catch (DateTimeParseException e) {
                    error(new RowError(lineNo, "收运时间", "时间格式应为 yyyy-MM-dd HH:mm time must be yyyy-MM-dd HH:mm"));
                }
            }
            String estimated = cell(f, at[7]);
            Boolean est = estimated == null ? Boolean.FALSE : DataRow.yesNo(estimated);
            if (est == null) {
                error(new RowError(lineNo, "估重", "应为 是 或 否 must be 是 or 否"));
            }
            BigDecimal lat = decimal(f, at[10], "纬度", lineNo);
            BigDecimal lon = decimal(f, at[11], "经度", lineNo);
            CollectionDraft d = new CollectionDraft(
                    cell(f, at[0]),
                    cell(f, at[1]),
                    cell(f, at[2]),
                    collectedAt,
                    decimal(f, at[4], "毛重(千克)", lineNo),
                    decimal(f, at[5], "皮重(千克)", lineNo),
                    decimal(f, at[6], "净重(千克)", lineNo),
                    Boolean.TRUE.equals(est),
                    cell(f, at[8]),
                    cell(f, at[9]),
                    null,
                    lat == null ? null : lat.doubleValue(),
                    lon == null ? null : lon.doubleValue());
            boolean cellsOk = errors.size() + moreErrors == before;
            List<CollectionRules.Problem> problems = rules.problems(d, ledger, now);
            for (CollectionRules.Problem p : problems) {
                // a cell that did not parse is reported once, by its column, not again as "required"
                if (cellsOk || !"collectedAt".equals(p.field()) || time == null) {
                    error(new RowError(lineNo, Collections.column(p.field()), p.message()));
                }
            }
            String id = d.deviceRecordId() == null ? null : d.deviceRecordId().trim();
            if (id != null && !id.isEmpty() && !ids.add(id)) {
                error(new RowError(lineNo, "设备记录号", "文件中设备记录号重复 duplicate device record id in the file: " + id));
            }
            if (!problems.isEmpty() || !cellsOk) {
                return;
            }
            CollectionRules.Checked c = rules.check(d, ledger);
            if (!scope.matches(c.producer().districtCode(), null, null)) {
                error(new RowError(lineNo, "统一社会信用代码", "产生单位不在您的管辖范围 producer outside your area"));
                return;
            }
            if (errors.isEmpty()) {
                chunk.add(c);
                if (chunk.size() == CHUNK) {
                    flush();
                }
            }
        }

        void error(RowError e) {
            if (errors.size() < MAX_ERRORS) {
                errors.add(e);
            } else {
                moreErrors++;
            }
            chunk.clear();
        }

        BigDecimal decimal(List<String> f, int i, String column, int lineNo) {
            String t = cell(f, i);
            if (t == null) {
                return null;
            }
            try {
                return new BigDecimal(t);
            } catch (NumberFormatException e) {
                error(new RowError(lineNo, column, "应为数字 must be a number: " + t));
                return null;
            }
        }

        /** Writes the chunk: ids already stored are skipped, the rest inserted. */
        void flush() {
            if (chunk.isEmpty()) {
                return;
            }
            if (copy) {
                // PostgreSQL: the unique key skips what is already stored (no lookup per chunk: during a load the
                // planner sees a table without statistics and scanned all of it for every chunk's 5,000 ids)
                copy(chunk);
                chunk.clear();
                return;
            }
            Set<String> stored = collections.storedIds(
                    chunk.stream().map(c -> c.draft().deviceRecordId().trim()).toList());
            List<CollectionRules.Checked> fresh = new ArrayList<>(chunk.size());
            for (CollectionRules.Checked c : chunk) {
                if (stored.contains(c.draft().deviceRecordId().trim())) {
                    duplicates++;
                } else {
                    fresh.add(c);
                }
            }
            for (int i = 0; i < fresh.size(); i += ROWS_PER_INSERT) {
                insert(fresh.subList(i, Math.min(fresh.size(), i + ROWS_PER_INSERT)));
            }
            chunk.clear();
        }

        void insert(List<CollectionRules.Checked> rows) {
            StringBuilder sql = new StringBuilder(80 + rows.size() * 2 * FIELDS)
                    .append("INSERT INTO wst_collection (")
                    .append(COLUMNS)
                    .append(") VALUES ");
            String one = "(" + "?,".repeat(FIELDS - 1) + "?)";
            for (int i = 0; i < rows.size(); i++) {
                sql.append(i == 0 ? "" : ",").append(one);
            }
            template.update(sql.toString(), ps -> {
                int k = 0;
                for (CollectionRules.Checked c : rows) {
                    k = bind(ps, k, c);
                }
            });
            accepted += rows.size();
        }

        /**
         * PostgreSQL: the rows as one COPY … FROM STDIN (text format) into a temporary staging table of the
         * transaction, then moved into {@code wst_collection} with {@code ON CONFLICT DO NOTHING}: a device record id
         * already stored is skipped by the unique key itself (counted as a duplicate), the far and off-route counts
         * are those of the rows stored.
         */
        void copy(List<CollectionRules.Checked> rows) {
            StringBuilder b = new StringBuilder(rows.size() * 160);
            String created = nowDb.toString();
            for (CollectionRules.Checked c : rows) {
                CollectionDraft d = c.draft();
                String flag = routeRules
                        .flag(c.vehicle().id(), c.producer().id(), d.collectedAt())
                        .map(Enum::name)
                        .orElse(null);
                field(b, d.deviceRecordId().trim()).append('\t');
                b.append(c.producer().id()).append('\t');
                field(b, c.container() == null ? null : c.container().id()).append('\t');
                b.append(c.vehicle().id()).append('\t');
                b.append(DbTime.toDb(d.collectedAt())).append('\t');
                b.append(LocalDate.ofInstant(d.collectedAt(), CityClock.ZONE)).append('\t');
                field(b, d.grossKg() == null ? null : d.grossKg().toPlainString())
                        .append('\t');
                field(b, d.tareKg() == null ? null : d.tareKg().toPlainString()).append('\t');
                b.append(c.netKg().toPlainString()).append('\t');
                b.append(Boolean.TRUE.equals(d.estimated()) ? 't' : 'f').append('\t');
                field(b, d.collector()).append('\t');
                field(b, d.photoUrl()).append('\t');
                field(b, d.lat()).append('\t');
                field(b, d.lon()).append('\t');
                field(b, c.distanceM()).append('\t');
                b.append(c.far() ? 't' : 'f').append('\t');
                field(b, c.producer().districtCode()).append('\t');
                b.append("CSV\t").append(created).append('\t');
                field(b, flag).append('\n');
            }
            long[] counts = template.execute((org.springframework.jdbc.core.ConnectionCallback<long[]>) con -> {
                try (java.sql.Statement st = con.createStatement()) {
                    if (!staged) {
                        st.execute("CREATE TEMPORARY TABLE wst_collection_stage ON COMMIT DROP AS SELECT " + COLUMNS
                                + " FROM wst_collection WITH NO DATA");
                        staged = true;
                    } else {
                        st.execute("TRUNCATE wst_collection_stage");
                    }
                    PgCopy.copyIn(
                            con,
                            "COPY wst_collection_stage (" + COLUMNS + ") FROM STDIN",
                            new java.io.StringReader(b.toString()));
                    try (java.sql.ResultSet rs = st.executeQuery("WITH ins AS (INSERT INTO wst_collection (" + COLUMNS
                            + ") SELECT " + COLUMNS + " FROM wst_collection_stage ON CONFLICT DO NOTHING"
                            + " RETURNING far_flag, route_flag)"
                            + " SELECT COUNT(*), COUNT(CASE WHEN far_flag THEN 1 END), COUNT(route_flag) FROM ins")) {
                        rs.next();
                        return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
                    }
                }
            });
            accepted += (int) counts[0];
            duplicates += rows.size() - (int) counts[0];
            far += (int) counts[1];
            offRoute += (int) counts[2];
        }

        int bind(PreparedStatement ps, int k, CollectionRules.Checked c) throws SQLException {
            CollectionDraft d = c.draft();
            ps.setString(++k, d.deviceRecordId().trim());
            ps.setLong(++k, c.producer().id());
            ps.setObject(++k, c.container() == null ? null : c.container().id());
            ps.setLong(++k, c.vehicle().id());
            ps.setObject(++k, DbTime.toDb(d.collectedAt()));
            ps.setObject(++k, LocalDate.ofInstant(d.collectedAt(), CityClock.ZONE));
            ps.setBigDecimal(++k, d.grossKg());
            ps.setBigDecimal(++k, d.tareKg());
            ps.setBigDecimal(++k, c.netKg());
            ps.setBoolean(++k, Boolean.TRUE.equals(d.estimated()));
            ps.setString(++k, d.collector());
            ps.setString(++k, d.photoUrl());
            ps.setObject(++k, d.lat());
            ps.setObject(++k, d.lon());
            ps.setObject(++k, c.distanceM());
            ps.setBoolean(++k, c.far());
            ps.setString(++k, c.producer().districtCode());
            ps.setString(++k, "CSV");
            ps.setObject(++k, nowDb);
            String flag = routeRules
                    .flag(c.vehicle().id(), c.producer().id(), d.collectedAt())
                    .map(Enum::name)
                    .orElse(null);
            ps.setString(++k, flag);
            if (c.far()) {
                far++;
            }
            if (flag != null) {
                offRoute++;
            }
            return k;
        }
    }

    /** A COPY text-format field: \\N for null; backslash, tab, CR and LF escaped. */
    static StringBuilder field(StringBuilder b, Object v) {
        if (v == null) {
            return b.append("\\N");
        }
        String t = v.toString();
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(ch);
            }
        }
        return b;
    }

    private static String cell(List<String> f, int i) {
        if (i >= f.size()) {
            return null;
        }
        String t = f.get(i).strip();
        return t.isEmpty() ? null : t;
    }

    /** One CSV line (RFC 4180 quotes: "a,b" and "" inside quotes); a line break inside quotes is not supported. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>(12);
        if (line.indexOf('"') < 0) {
            int start = 0;
            for (int i = 0; i < line.length(); i++) {
                if (line.charAt(i) == ',') {
                    out.add(line.substring(start, i));
                    start = i + 1;
                }
            }
            out.add(line.substring(start));
            return out;
        }
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
