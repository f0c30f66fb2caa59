package org.cityops.cases.internal;

import org.cityops.cases.CaseChannel;
import org.cityops.catalog.Urgency;

/** What an intake carries, from any channel (validated by {@link CaseService#intake}). */
public record NewCase(
        CaseChannel channel,
        String categoryCode,
        String description,
        Double lat,
        Double lon,
        String address,
        Urgency urgency,
        String reporterName,
        String reporterPhone) {}
