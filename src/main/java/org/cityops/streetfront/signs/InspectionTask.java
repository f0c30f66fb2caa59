package org.cityops.streetfront.signs;

import java.time.Instant;

/** An open 安全检查任务: a facility to be inspected, with why (大风预警 or 定期). */
public record InspectionTask(
        long id,
        long facilityId,
        String facilityCode,
        String facilityName,
        String reason,
        String reasonLabel,
        String warning,
        Instant createdAt) {}
