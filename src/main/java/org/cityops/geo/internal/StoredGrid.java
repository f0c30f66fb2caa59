package org.cityops.geo.internal;

import java.time.LocalDate;

/** A row of the grid table. */
public record StoredGrid(
        String code, String wkt, double areaM2, long importId, LocalDate validFrom, LocalDate validTo, String remark) {}
