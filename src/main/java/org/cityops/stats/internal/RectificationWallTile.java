package org.cityops.stats.internal;

import java.util.ArrayList;
import java.util.List;
import org.cityops.org.StaffMember;
import org.cityops.rectification.ProblemStatus;
import org.cityops.rectification.RectificationProgress;
import org.cityops.stats.WallTile;
import org.springframework.stereotype.Component;

/**
 * 巡察整改 on the wall, through the rectification module's public {@link RectificationProgress} (the tile lives
 * here because rectification may not depend on stats: cases → rectification, and stats → cases). The ledger is
 * not kept by area, so the wall's area does not narrow it.
 */
@Component
class RectificationWallTile implements WallTile {

    private final RectificationProgress progress;

    RectificationWallTile(RectificationProgress progress) {
        this.progress = progress;
    }

    @Override
    public String key() {
        return "rectification";
    }

    @Override
    public String title() {
        return "巡察整改进度";
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public List<WallFigure> figures(StaffMember viewer, String areaPrefix) {
        return progress.latest(viewer)
                .map(o -> {
                    String link = "/rectification/inspections/" + o.inspectionId() + "/dashboard";
                    List<WallFigure> out = new ArrayList<>();
                    for (ProblemStatus s : ProblemStatus.values()) {
                        out.add(new WallFigure(s.label(), o.problemsByStatus().getOrDefault(s, 0), link));
                    }
                    out.add(new WallFigure("超期措施", o.overdueMeasures(), link));
                    return out;
                })
                .orElse(List.of());
    }
}
