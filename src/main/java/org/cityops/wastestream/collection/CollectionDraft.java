package org.cityops.wastestream.collection;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One pickup (收运记录) as a device, a page or a spreadsheet row reports it, before it is checked. The producer is
 * named by its credit code or found through the bin's tag (an RFID reader knows only the tag); the vehicle by its
 * plate.
 *
 * @param deviceRecordId the device's own id of the record: a repeated upload of it is ignored
 * @param estimated      估重: no scale reading, {@code netKg} is an estimate
 */
public record CollectionDraft(
        String deviceRecordId,
        String creditCode,
        String containerTag,
        Instant collectedAt,
        BigDecimal grossKg,
        BigDecimal tareKg,
        BigDecimal netKg,
        Boolean estimated,
        String plate,
        String collector,
        String photoUrl,
        Double lat,
        Double lon) {}
