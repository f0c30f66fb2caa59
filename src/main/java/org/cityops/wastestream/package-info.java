/**
 * 餐厨废弃物收运监管 (kitchen-waste supervision): the producer ledger (产生单位: 统一社会信用代码 checked per GB 32100,
 * grid, containers, the collection contract), collections (收运记录) from on-board scales and RFID readers or
 * spreadsheets, registered collection vehicles (telemetry {@code TerminalDirectory}), trips closed by the plant's
 * weighbridge receipts (计量) with the mass balance, 漏收 and 日产日清率, and the annual figures. Nothing here is API
 * for other modules.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "wastestream",
        allowedDependencies = {"platform", "audit", "org", "geo", "telemetry", "stats", "cases"})
package org.cityops.wastestream;
