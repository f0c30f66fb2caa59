package org.cityops.geo.internal;

/** How an import treats the stored layer. */
public enum ImportMode {
    /** add the file's grids to the layer; codes and areas must not collide with stored grids */
    APPEND,
    /** the file becomes the whole layer; stored grids are removed in the same transaction */
    REPLACE;

    public static ImportMode parse(String text) {
        if (text == null || text.isBlank()) {
            return APPEND;
        }
        for (ImportMode m : values()) {
            if (m.name().equalsIgnoreCase(text.trim())) {
                return m;
            }
        }
        throw new org.cityops.platform.InvalidInputException(
                "mode 应为 append 或 replace mode must be append or replace", "mode");
    }
}
