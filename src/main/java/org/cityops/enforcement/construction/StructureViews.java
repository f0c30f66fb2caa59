package org.cityops.enforcement.construction;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cityops.enforcement.document.DocumentView;

/** What the pages and the API show of the 违建 register. */
public final class StructureViews {

    private StructureViews() {}

    /** One structure as stored. */
    public record Structure(
            long id,
            String code,
            StructureKind kind,
            StructureStatus status,
            FoundBy foundBy,
            String sourceCaseNumber,
            Long enforcementCaseId,
            String partyName,
            String address,
            String outline,
            double lat,
            double lon,
            BigDecimal areaM2,
            String gridCode,
            String districtCode,
            LocalDate foundOn,
            String note,
            String createdBy,
            Instant createdAt) {

        public String kindLabel() {
            return kind.label();
        }

        public String statusLabel() {
            return status.label();
        }

        public String foundByLabel() {
            return foundBy.label();
        }
    }

    /** 限期拆除: open while not done; overdue the day after its deadline. */
    public record Order(
            long id,
            long structureId,
            LocalDate issuedOn,
            LocalDate deadline,
            String note,
            LocalDate doneOn,
            String issuedBy,
            boolean overdue) {}

    public record Photo(long id, String phase, String contentType, String sha256, String uploadedBy, Instant at) {}

    public record Notice(
            long id, String kind, String kindLabel, String recipient, long documentId, String sentBy, Instant sentAt) {}

    /** A photo's bytes, for display. */
    public record PhotoBytes(String contentType, byte[] data) {}

    /** A row of the register: the structure and its open order, if any. */
    public record Row(Structure s, Order openOrder) {}

    public record Detail(
            Structure s,
            List<Order> orders,
            List<Photo> photos,
            List<Notice> notices,
            List<DocumentView> documents,
            LocalDate today) {}

    /** Per district (区): the register's figures. */
    public record DistrictRow(
            String districtCode,
            long total,
            long underConstruction,
            long built,
            long demolished,
            long rectified,
            long fromHotline,
            long overdueOrders,
            BigDecimal standingAreaM2,
            BigDecimal removedAreaM2) {}
}
