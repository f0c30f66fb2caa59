package org.cityops.org.internal;

import java.util.List;

/** The {@code prod} profile found demo secrets in use; start-up stops ({@link ProductionGuardFailureAnalyzer}). */
public class DemoSecretsInProductionException extends IllegalStateException {

    private final List<String> findings;

    public DemoSecretsInProductionException(List<String> findings) {
        super("profile prod refuses to start while demo secrets are in use: " + String.join("; ", findings));
        this.findings = List.copyOf(findings);
    }

    public List<String> findings() {
        return findings;
    }
}
