package org.cityops.sanitation.attendance;

import java.time.Instant;
import java.util.List;

/**
 * One line of the daily attendance sheet (考勤表): a worker's shift at a post on a day, with minutes on the post,
 * outside it and standing still (滞留), and the 离岗 stretches. Minutes count the elapsed part of the shift (up to now
 * for a shift under way); {@code onPostRate} = minutes on post ÷ elapsed shift minutes (在岗率).
 */
public record SheetRow(
        long workerId,
        String workerName,
        String maskedPhone,
        String terminal,
        long postId,
        String postCode,
        String postName,
        String districtCode,
        String section,
        String company,
        String shiftName,
        String shiftWindow,
        SheetStatus status,
        String statusLabel,
        long shiftMinutes,
        long onPostMinutes,
        long outsideMinutes,
        long idleMinutes,
        int positions,
        List<AttendanceRules.Episode> offPost,
        List<AttendanceRules.Episode> still,
        Instant firstFix,
        Instant lastFix) {

    /** 在岗率 in percent (one decimal), null before the shift begins */
    public Double onPostRate() {
        if (shiftMinutes <= 0) {
            return null;
        }
        return Math.round(onPostMinutes * 1000.0 / shiftMinutes) / 10.0;
    }
}
