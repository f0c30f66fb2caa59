package org.cityops.sanitation.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.cityops.org.StaffMember;
import org.cityops.stats.WallTile;
import org.springframework.stereotype.Component;

/**
 * 环卫作业 on the command-centre wall: today's planned segments done / partly covered / missed and today's
 * 机械化作业覆盖率 (percent), each linking to the coverage map; the viewer's segments only, narrowed to the wall's
 * area by district code prefix.
 */
@Component
class SanitationWallTile implements WallTile {

    private final CoverageReport report;
    private final Clock clock;

    SanitationWallTile(CoverageReport report, Clock clock) {
        this.report = report;
        this.clock = clock;
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
        return List.of(
                new WallFigure(CoverageStatus.DONE.label(), done, map),
                new WallFigure(CoverageStatus.PARTIAL.label(), partial, map),
                new WallFigure(CoverageStatus.MISSED.label(), missed, map),
                new WallFigure("覆盖率(%)", planned <= 0 ? 0 : Math.round(covered / planned * 100), map));
    }
}
