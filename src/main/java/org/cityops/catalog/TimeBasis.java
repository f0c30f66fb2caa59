package org.cityops.catalog;

/** Whether a time limit runs in working time (工作时, by the working calendar) or natural time (自然时). */
public enum TimeBasis {
    WORKING,
    NATURAL
}
