package org.cityops.assessment.internal.model;

/** 评价对象: areas (区域), departments (专业部门) and posts (岗位). */
public enum SubjectType {
    DISTRICT("区", Group.AREA),
    STREET("街道", Group.AREA),
    COMMUNITY("社区", Group.AREA),
    GRID("单元网格", Group.AREA),
    DEPARTMENT("专业部门", Group.DEPARTMENT),
    INSPECTOR("监督员", Group.POST),
    OPERATOR("受理员", Group.POST),
    SHIFT_LEADER("值班长", Group.POST),
    DISPATCHER("派遣员", Group.POST);

    public enum Group {
        AREA,
        DEPARTMENT,
        POST
    }

    private final String label;
    private final Group group;

    SubjectType(String label, Group group) {
        this.label = label;
        this.group = group;
    }

    public String label() {
        return label;
    }

    public Group group() {
        return group;
    }

    public boolean isPost() {
        return group == Group.POST;
    }
}
