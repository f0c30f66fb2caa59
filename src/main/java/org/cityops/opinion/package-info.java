/**
 * 网络舆情管理: items (舆情) entered by the duty officer or pulled from configured RSS 2.0 / Atom feeds, the duty
 * roster (值班表) and duty log (值班日志), triage of each item (dismiss with a reason, forward to a unit with a reply
 * deadline that escalates when overdue, or open a 12319 case through {@code CaseRequested} with channel MEDIA and
 * link it back on {@code CaseOpened}), and the daily 舆情日报 (.docx). Nothing here is API for other modules. See
 * docs/opinion.md.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "opinion",
        allowedDependencies = {"platform", "audit", "org", "geo", "catalog", "cases", "notify"})
package org.cityops.opinion;
