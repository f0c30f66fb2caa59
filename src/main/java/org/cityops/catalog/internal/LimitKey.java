package org.cityops.catalog.internal;

import org.cityops.catalog.ProcessStage;
import org.cityops.catalog.Urgency;

/** 环节 × 紧急程度. */
public record LimitKey(ProcessStage stage, Urgency urgency) {}
