/**
 * 案件分类 catalogue (部件/事件, GB/T 30428.2 / 47678.5), time limits (处置时限), routing rules (派遣规则) and
 * the working calendar (工作日历, holidays and 调休). API: {@link org.cityops.catalog.Catalog},
 * {@link org.cityops.catalog.WorkingCalendar} and their value types.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "catalog",
        allowedDependencies = {"platform", "audit", "org"})
package org.cityops.catalog;
