package org.cityops.muck.registry;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.cityops.org.StaffMember;
import org.cityops.platform.ConflictException;
import org.cityops.platform.NotFoundException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The one way the registry's record families read their tables within the caller's data scope (数据权限, see
 * {@link MuckScope}; every scoped read takes the actor the controller passed in): a list filters by a district column with {@code (:scope = '' OR <column> LIKE :like)} and
 * {@link #inScope} binds both parameters; a single record by id is a 404 when there is none and a 403 when its
 * district lies outside the caller's area ({@link #find}). Also the small things every family writes with: a
 * uniqueness check answered as a 409, an insert that returns the new id, and the column conversions.
 */
@Component
class ScopedQueries {

    private final JdbcClient jdbc;

    ScopedQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Plain statements (no scope): writes, and reads whose scope was checked on the parent record. */
    JdbcClient jdbc() {
        return jdbc;
    }

    /** A 403 naming {@code what} when {@code districtCode} lies outside {@code me}'s area. */
    static void check(StaffMember me, String districtCode, String what) {
        MuckScope.of(me).check(districtCode, what);
    }

    /**
     * A statement whose SQL contains {@code (:scope = '' OR <district column> LIKE :like)}, with both bound to the
     * area of {@code me} ("" for the whole city); the caller adds its own parameters.
     */
    StatementSpec inScope(StaffMember me, String sql) {
        return MuckScope.of(me).bind(jdbc.sql(sql));
    }

    /** The rows of a table with a {@code district_code} column that lie in the caller's area. */
    <T> List<T> list(StaffMember me, String table, String orderBy, RowMapper<T> mapper) {
        return inScope(
                        me,
                        "SELECT * FROM " + table + " WHERE (:scope = '' OR district_code LIKE :like) ORDER BY "
                                + orderBy)
                .query(mapper)
                .list();
    }

    /**
     * The one row that {@code sql} (with {@code :id}) finds, or a 404 with {@code notFound}; a 403 naming
     * {@code what + id} when the row's {@code districtColumn} lies outside the caller's area.
     */
    <T> T find(
            StaffMember me,
            String sql,
            long id,
            String districtColumn,
            RowMapper<T> mapper,
            String notFound,
            String what) {
        MuckScope scope = MuckScope.of(me);
        return jdbc.sql(sql)
                .param("id", id)
                .query((rs, n) -> {
                    scope.check(rs.getString(districtColumn), what + id);
                    return mapper.mapRow(rs, n);
                })
                .optional()
                .orElseThrow(() -> new NotFoundException(notFound));
    }

    /** A 409 on {@code field} when the count query (the trimmed value bound as {@code :v}) finds a row. */
    void unique(String sql, String value, String field, String message) {
        if (jdbc.sql(sql).param("v", value.trim()).query(Long.class).single() > 0) {
            throw new ConflictException(message, field);
        }
    }

    /** Runs the insert and returns the generated {@code id}. */
    static long insert(StatementSpec insert) {
        var keys = new GeneratedKeyHolder();
        insert.update(keys, "id");
        return keys.getKey().longValue();
    }

    static String orDefault(String s, String d) {
        return s == null || s.isBlank() ? d : s;
    }

    static Date sqlDate(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    static LocalDate localDate(ResultSet rs, String col) throws SQLException {
        Date d = rs.getDate(col);
        return d == null ? null : d.toLocalDate();
    }

    static Long nullableLong(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }
}
