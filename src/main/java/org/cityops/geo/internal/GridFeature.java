package org.cityops.geo.internal;

import java.time.LocalDate;
import org.locationtech.jts.geom.Geometry;

/**
 * One grid read from an import file (or generated), before validation.
 *
 * @param index     0-based position in the file
 * @param code      the grid code as given (validated later)
 * @param geometry  Polygon or MultiPolygon, WGS-84 lon/lat
 * @param validFrom 初始日期, or null for the import date
 * @param remark    备注, or null
 */
public record GridFeature(int index, String code, Geometry geometry, LocalDate validFrom, String remark) {}
