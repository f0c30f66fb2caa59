package org.cityops.wastestream.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.stats.WallTile;
import org.cityops.wastestream.balance.Balances;
import org.cityops.wastestream.balance.DailyClearance;
import org.cityops.wastestream.collection.WasteFleet;
import org.cityops.wastestream.collection.WasteVehicle;
import org.springframework.stereotype.Component;

/**
 * 餐厨收运 on the command-centre wall, for today: trips beyond the balance tolerance, 漏收 producers, and 日产日清率
 * (percent); the viewer's records only, narrowed to the wall's area by district code prefix. Each links to the
 * day's supervision page (or the map).
 */
@Component
class WasteWallTile implements WallTile {

    private final Balances balances;
    private final WasteFleet fleet;
    private final Clock clock;

    WasteWallTile(Balances balances, WasteFleet fleet, Clock clock) {
        this.balances = balances;
        this.fleet = fleet;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "wastestream";
    }

    @Override
    public String title() {
        return "餐厨收运";
    }

    @Override
    public int order() {
        return 120;
    }

    @Override
    public List<WallFigure> figures(StaffMember viewer, String areaPrefix) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), CityClock.ZONE);
        String prefix = areaPrefix == null ? "" : areaPrefix;
        Map<String, WasteVehicle> vehicles = fleet.byPlate();
        long flagged = balances.trips(today, viewer).stream()
                .filter(t -> t.status().flagged())
                .filter(t -> prefix.isEmpty()
                        || (vehicles.containsKey(t.plate())
                                && in(vehicles.get(t.plate()).districtCode(), prefix)))
                .count();
        long missed = balances.missed(today, viewer).stream()
                .filter(m -> in(m.producer().districtCode(), prefix))
                .count();
        long signed = 0;
        long cleared = 0;
        for (DailyClearance c : balances.clearance(today, viewer)) {
            if (in(c.districtCode(), prefix)) {
                signed += c.signed();
                cleared += c.cleared();
            }
        }
        String page = "/wastestream?day=" + today;
        return List.of(
                new WallFigure("物料不平衡趟次", flagged, page),
                new WallFigure("漏收单位", missed, "/wastestream/map?day=" + today),
                new WallFigure("日产日清率(%)", signed == 0 ? 0 : Math.round(cleared * 100.0 / signed), page));
    }

    private static boolean in(String districtCode, String prefix) {
        return prefix.isEmpty() || (districtCode != null && districtCode.startsWith(prefix));
    }
}
