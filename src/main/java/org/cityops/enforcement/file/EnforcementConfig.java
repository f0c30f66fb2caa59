package org.cityops.enforcement.file;

import java.math.BigDecimal;
import org.cityops.enforcement.procedure.ProcedureSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The configurable numbers of the procedure (the rest are the law's own; see docs/enforcement.md). */
@Configuration(proxyBeanMethods = false)
class EnforcementConfig {

    @Bean
    ProcedureSettings procedureSettings(
            @Value("${cityops.enforcement.filing-days:15}") int filingDays,
            @Value("${cityops.enforcement.statement-days:3}") int statementDays,
            @Value("${cityops.enforcement.hearing-threshold-person:10000}") BigDecimal person,
            @Value("${cityops.enforcement.hearing-threshold-unit:100000}") BigDecimal unit) {
        ProcedureSettings law = ProcedureSettings.defaults();
        return new ProcedureSettings(
                filingDays,
                statementDays,
                law.hearingRequestDays(),
                law.decisionDays(),
                law.serviceDays(),
                law.paymentDays(),
                person,
                unit);
    }
}
