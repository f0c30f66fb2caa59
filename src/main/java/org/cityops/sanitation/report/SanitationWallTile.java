package org.cityops.sanitation.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.cityops.org.StaffMember;
import org.cityops.sanitation.attendance.AttendanceSheet;
import org.cityops.sanitation.attendance.SheetRow;
import org.cityops.sanitation.attendance.SheetStatus;
import org.cityops.sanitation.collection.CollectionRoutes;
import org.cityops.sanitation.collection.Route;
import org.cityops.stats.WallTile;
import org.springframework.stereotype.Component;

/**
 * 环卫作业 on the command-centre wall: today's planned segments done / partly covered / missed and today's
 * 机械化作业覆盖率 (percent), each linking to the coverage map; today's 漏收 stops (linking to the routes) and the
 * workers 在岗 / 离岗 on today's sheet so far (linking to the attendance sheet); the viewer's records only, narrowed
 * to the wall's area by district code prefix.
 */
@Component
class SanitationWallTile implements WallTile {

    private final CoverageReport report;
    private final CollectionRoutes routes;
    private final AttendanceSheet attendance;
    private final Clock clock;

    SanitationWallTile(CoverageReport report, CollectionRoutes routes, AttendanceSheet attendance, Clock clock) {
        this.report = report;
        this.routes = routes;
        this.attendance = attendance;
        this.clock = clock;
    }

    private static boolean inArea(String districtCode, String prefix) {
        return prefix.isEmpty() || (districtCode != null && districtCode.startsWith(prefix));
    }

    @Override
    public String key() {
        return "sanitation";
    }

    @Override
    public String title() {
        return "环卫作业";
    }

    @Override
    public int order() {
        return 110;
    }

    @Override
    public List<WallFigure> figures(StaffMember viewer, String areaPrefix) {
        LocalDate today = CoverageReport.today(clock);
        String prefix = areaPrefix == null ? "" : areaPrefix;
        long done = 0;
        long partial = 0;
        long missed = 0;
        double planned = 0;
        double covered = 0;
        for (SegmentDay s : report.day(today, viewer)) {
            if (s.status() == CoverageStatus.UNPLANNED
                    || (!prefix.isEmpty()
                            && (s.districtCode() == null || !s.districtCode().startsWith(prefix)))) {
                continue;
            }
            switch (s.status()) {
                case DONE -> done++;
                case PARTIAL -> partial++;
                default -> missed++;
            }
            planned += s.areaM2();
            covered += s.areaM2() * s.coverage();
        }
        String map = "/sanitation/map?day=" + today;
        Set<Long> routeIds = routes.routes(viewer).stream()
                .filter(r -> inArea(r.districtCode(), prefix))
                .map(Route::id)
                .collect(Collectors.toSet());
        long missedStops = routes.missed(today, viewer).stream()
                .filter(m -> routeIds.contains(m.routeId()))
                .count();
        List<SheetRow> sheet = attendance.sheet(today, viewer).stream()
                .filter(r -> inArea(r.districtCode(), prefix))
                .toList();
        long onPost =
                sheet.stream().filter(r -> r.status() == SheetStatus.ON_POST).count();
        long offPost =
                sheet.stream().filter(r -> r.status() == SheetStatus.OFF_POST).count();
        String attendance = "/sanitation/attendance?day=" + today;
        return List.of(
                new WallFigure(CoverageStatus.DONE.label(), done, map),
                new WallFigure(CoverageStatus.PARTIAL.label(), partial, map),
                new WallFigure(CoverageStatus.MISSED.label(), missed, map),
                new WallFigure("覆盖率(%)", planned <= 0 ? 0 : Math.round(covered / planned * 100), map),
                new WallFigure("漏收点位", missedStops, "/sanitation/routes?day=" + today),
                new WallFigure("在岗人员", onPost, attendance),
                new WallFigure("离岗人员", offPost, attendance));
    }
}
