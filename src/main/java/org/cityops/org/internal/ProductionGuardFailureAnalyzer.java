package org.cityops.org.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says in a few lines why the {@code prod} profile refused to start, and what to do, instead of a stack trace. */
public class ProductionGuardFailureAnalyzer extends AbstractFailureAnalyzer<DemoSecretsInProductionException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DemoSecretsInProductionException cause) {
        StringBuilder description = new StringBuilder(
                "cityops started with the prod profile refuses to run while demo secrets are in use (生产环境仍在使用演示密码或演示密钥):");
        for (String finding : cause.findings()) {
            description.append("\n  - ").append(finding);
        }
        return new FailureAnalysis(
                description.toString(),
                "Give every listed account its own password and disable the demo keys (UPDATE api_client SET enabled = "
                        + "FALSE WHERE name LIKE '演示%'), for instance by starting once with a profile that is neither "
                        + "demo nor prod (SPRING_PROFILES_ACTIVE=setup) on an address only administrators reach; or point "
                        + "CITYOPS_DB_URL at a database the demo never ran on. Never combine the demo and prod profiles, "
                        + "and do not set CITYOPS_ADMIN_PASSWORD to the demo password.",
                cause);
    }
}
