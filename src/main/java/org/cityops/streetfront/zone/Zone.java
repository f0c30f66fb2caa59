package org.cityops.streetfront.zone;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A 市容环卫责任区 (门前三包) with its responsible party and the state of its 责任书. */
public record Zone(
        long id,
        String code,
        String name,
        String partyName,
        String partyCreditCode,
        String contactName,
        String contactPhone,
        String address,
        String polygon,
        double lat,
        double lon,
        double areaM2,
        String gridCode,
        String streetCode,
        String streetName,
        String districtCode,
        String districtName,
        String overlapCodes,
        String overlapReason,
        Instant signedAt,
        String signMethod,
        String signerName,
        Instant postedAt) {

    @JsonIgnore
    public boolean signed() {
        return signedAt != null;
    }

    @JsonIgnore
    public boolean posted() {
        return postedAt != null;
    }

    /** 签约 state's label: 未签订 / 已签订 / 已上墙. */
    @JsonProperty("letterState")
    public String letterState() {
        return postedAt != null ? "POSTED" : signedAt != null ? "SIGNED" : "UNSIGNED";
    }
}
