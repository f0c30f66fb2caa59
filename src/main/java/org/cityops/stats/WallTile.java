package org.cityops.stats;

import java.util.List;
import org.cityops.org.StaffMember;

/**
 * The wallboard's extension point (大屏扩展): a module that has numbers for the command centre declares a bean of
 * this type, and the wall shows it as a tile without knowing the module. Called for each wall (re)load, with the
 * person watching passed in, so the module applies its own data scope to that actor.
 */
public interface WallTile {

    /** Stable key (e.g. {@code muck}), used for the tile's element id. */
    String key();

    /** The tile's Chinese title (e.g. 建筑垃圾监管). */
    String title();

    /** Position on the wall, lower first. */
    int order();

    /**
     * The tile's numbers for an area, as {@code viewer} may see them.
     *
     * @param viewer     the signed-in actor watching the wall (数据权限)
     * @param areaPrefix the area code prefix the wall shows ("" = the whole city)
     */
    List<WallFigure> figures(StaffMember viewer, String areaPrefix);

    /** One number of a tile with the list behind it ({@code link} may be null when there is no list). */
    record WallFigure(String label, long value, String link) {}
}
