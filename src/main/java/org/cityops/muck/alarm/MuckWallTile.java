package org.cityops.muck.alarm;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.stats.WallTile;
import org.springframework.stereotype.Component;

/** 建筑垃圾监管 on the command-centre wall: trucks online now, today's alarms and those still open. */
@Component
class MuckWallTile implements WallTile {

    private final AlarmQueries alarms;
    private final Clock clock;

    MuckWallTile(AlarmQueries alarms, Clock clock) {
        this.alarms = alarms;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "muck";
    }

    @Override
    public String title() {
        return "建筑垃圾监管";
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public List<WallFigure> figures(StaffMember viewer, String areaPrefix) {
        List<AlarmQueries.LiveVehicle> live = alarms.live(viewer);
        long online = live.stream().filter(AlarmQueries.LiveVehicle::online).count();
        LocalDate today = LocalDate.now(clock.withZone(CityClock.ZONE));
        Instant from = today.atStartOfDay(CityClock.ZONE).toInstant();
        String district = areaPrefix == null || areaPrefix.isEmpty() ? null : areaPrefix;
        long todays = alarms.find(
                        viewer, new AlarmQueries.Filter(null, null, from, null, null, null, null, district), 0, 1)
                .total();
        long open = alarms.find(
                        viewer, new AlarmQueries.Filter(null, "OPEN", null, null, null, null, null, district), 0, 1)
                .total();
        return List.of(
                new WallFigure("在线车辆", online, "/muck/map"),
                new WallFigure("登记车辆", live.size(), "/muck/map"),
                new WallFigure("今日报警", todays, "/muck/alarms?fromDate=" + today + "&toDate=" + today),
                new WallFigure("未处理报警", open, "/muck/alarms?status=OPEN"));
    }
}
