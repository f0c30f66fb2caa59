package org.cityops.enforcement.document;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What a 违建 document (限期拆除决定书, 协助限制不动产登记通知书, 失信惩戒信息推送函) is filled from. */
public record StructureFacts(
        String authority,
        String code,
        String kind,
        String status,
        String partyName,
        String address,
        String district,
        BigDecimal areaM2,
        LocalDate foundOn,
        LocalDate deadline,
        String recipient,
        LocalDate today) {}
