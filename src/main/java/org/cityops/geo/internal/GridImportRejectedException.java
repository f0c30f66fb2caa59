package org.cityops.geo.internal;

import org.cityops.platform.InvalidInputException;

/** An import that broke a rule; carries the report of every bad feature. Nothing was written. */
public class GridImportRejectedException extends InvalidInputException {

    private final transient ImportReport report;

    public GridImportRejectedException(ImportReport report) {
        super(
                summary(report),
                report.problems().isEmpty() ? null : report.problems().get(0).field());
        this.report = report;
    }

    public ImportReport report() {
        return report;
    }

    private static String summary(ImportReport r) {
        int n = r.problems().size() + r.moreProblems();
        return "网格导入被拒绝，" + n + " 处问题，未导入任何数据 grid import rejected: " + n
                + " problem(s), nothing was imported"
                + (r.problems().isEmpty()
                        ? ""
                        : "; first: " + r.problems().get(0).reason());
    }
}
