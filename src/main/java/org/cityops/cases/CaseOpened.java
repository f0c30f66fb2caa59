package org.cityops.cases;

/** A case was opened for a {@link CaseRequested} (or failed to: {@code caseId} null and a reason). */
public record CaseOpened(String sourceModule, String sourceRef, Long caseId, String caseNumber, String failure) {}
