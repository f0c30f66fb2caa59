package org.cityops.sanitation.attendance;

import java.util.List;

/** 作业岗位 (保洁责任区): a polygon (WGS-84 WKT), its district, 标段, company and the segments it keeps. */
public record Post(
        long id,
        String code,
        String name,
        String districtCode,
        String section,
        String company,
        String wkt,
        List<Long> segmentIds,
        boolean synthetic) {}
