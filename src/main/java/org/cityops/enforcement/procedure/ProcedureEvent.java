package org.cityops.enforcement.procedure;

/** A step that was taken (the case's history; clocks and state are derived from these). */
public record ProcedureEvent(Step step, StepInput input) {}
