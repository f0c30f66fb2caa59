package org.cityops.sanitation.fleet;

import java.util.List;

/** 作业计划: the segments to be worked, how many passes a day, in which windows, at which speed. */
public record WorkPlan(
        long id,
        String name,
        int passesPerDay,
        String windows,
        double minSpeedKmh,
        double maxSpeedKmh,
        boolean active,
        List<Long> segmentIds) {}
