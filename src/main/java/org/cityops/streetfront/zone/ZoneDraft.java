package org.cityops.streetfront.zone;

/**
 * A new 责任区 as typed, imported or sent to the API.
 *
 * @param polygon       WKT {@code POLYGON((lon lat, …))}, WGS-84
 * @param overlapReason why the zone may overlap another zone's frontage (required only when it does)
 */
public record ZoneDraft(
        String code,
        String name,
        String partyName,
        String partyCreditCode,
        String contactName,
        String contactPhone,
        String address,
        String polygon,
        String overlapReason) {}
