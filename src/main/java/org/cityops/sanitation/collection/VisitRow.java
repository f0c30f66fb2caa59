package org.cityops.sanitation.collection;

import java.time.Instant;

/** A recorded visit (到点记录), e.g. a transfer-station arrival. */
public record VisitRow(
        String pointCode, String pointName, String kindLabel, String terminal, Instant arrivedAt, Instant leftAt) {}
