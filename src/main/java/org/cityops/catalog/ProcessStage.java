package org.cityops.catalog;

/** Steps of case handling that carry their own time limit (环节时限). */
public enum ProcessStage {
    /** 核实 */
    VERIFY,
    /** 立案 */
    FILE,
    /** 派遣 */
    DISPATCH,
    /** 处置 (from dispatch to the department's report) */
    HANDLE,
    /** 核查 */
    CHECK,
    /** 结案 */
    CLOSE
}
