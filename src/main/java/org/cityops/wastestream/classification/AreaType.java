package org.cityops.wastestream.classification;

/** 市区建成区 (urban) or 县级市/农村 (rural): the two targets of the coverage rate. */
public enum AreaType {
    URBAN,
    RURAL
}
