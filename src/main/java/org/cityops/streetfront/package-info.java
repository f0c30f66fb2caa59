/**
 * 街面秩序 (street front): the 户外广告和招牌设施 ledger (一牌一档, CJJ/T 149-2021 classes), permits, structure
 * safety inspections on a cadence and before wind warnings, the public card behind each facility's QR link, and
 * findings turned into cases through {@code CaseRequested}. Facilities are keyed to their owner's
 * 统一社会信用代码. Nothing here is API for other modules.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "streetfront",
        allowedDependencies = {"platform", "audit", "org", "geo", "cases"})
package org.cityops.streetfront;
