package org.cityops.org.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.UUID;
import org.cityops.CityopsApplication;
import org.cityops.org.ApiClients;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The production guard against real data: on the database the demo ran on (this suite's) it finds the demo
 * accounts and keys; the packaged application started with the prod profile stops before it serves anything with
 * the guard's explanation; and no demo seeder exists outside the demo profile.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ProductionStartTests {

    static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";

    @Autowired
    UserAccounts accounts;

    @Autowired
    ApiClients clients;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void onTheDemoCitysDatabaseTheGuardFindsTheDemoAccountsAndKeys() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        List<String> findings = new ProductionGuard(prod, accounts, clients, encoder, "").findings();
        assertThat(findings)
                .anySatisfy(f -> assertThat(f)
                        .startsWith("accounts with the demo password: ")
                        .contains("admin")
                        .contains("assessor1"));
        assertThat(findings).contains("the demo Open311 api_key is enabled", "the demo telemetry X-Api-Key is enabled");
    }

    @Test
    void theProdProfileStopsTheStartWithTheGuardsExplanation(CapturedOutput output) {
        // a database of its own; the first administrator would get the demo password
        String url = "jdbc:h2:mem:prod-guard-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        // the second application must not re-initialise this JVM's logging for the rest of the suite
        String loggingSystem = System.getProperty(LOGGING_SYSTEM);
        System.setProperty(LOGGING_SYSTEM, "none");
        Throwable failure;
        try {
            // as command-line arguments: they win over application.yml (builder properties would not)
            failure = catchThrowable(() -> new SpringApplicationBuilder(CityopsApplication.class)
                    .profiles("prod")
                    .run(
                            "--spring.datasource.url=" + url,
                            "--spring.datasource.username=sa",
                            "--spring.datasource.password=",
                            "--cityops.bootstrap.admin-password=cityops-demo",
                            "--server.port=0",
                            "--cityops.telemetry.jt808.port=0",
                            "--logging.file.name=",
                            "--spring.main.banner-mode=off",
                            // a checkpoint key, so that the demo secrets are what stops the start
                            "--cityops.audit.checkpoint-key=" + "k".repeat(48))
                    .close());
        } finally {
            if (loggingSystem == null) {
                System.clearProperty(LOGGING_SYSTEM);
            } else {
                System.setProperty(LOGGING_SYSTEM, loggingSystem);
            }
        }
        Throwable cause = failure;
        while (cause != null && !(cause instanceof DemoSecretsInProductionException)) {
            cause = cause.getCause();
        }
        assertThat(cause)
                .as("the start-up failure comes from the guard: " + failure)
                .isNotNull();
        assertThat(((DemoSecretsInProductionException) cause).findings())
                .containsExactly("cityops.bootstrap.admin-password (CITYOPS_ADMIN_PASSWORD) is the demo password");
        assertThat(output)
                .as("Spring Boot prints the guard's analysis instead of a stack trace")
                .contains("APPLICATION FAILED TO START")
                .contains("refuses to run while demo secrets are in use")
                .contains("is the demo password")
                .doesNotContain("at org.cityops.org.internal.ProductionGuard.afterSingletonsInstantiated");
    }

    static List<String> demoComponents(String... profiles) {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles(profiles);
        ClassPathScanningCandidateComponentProvider scanner =
                new ClassPathScanningCandidateComponentProvider(false, env);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        return scanner.findCandidateComponents("org.cityops").stream()
                .map(BeanDefinition::getBeanClassName)
                .filter(n -> n.contains(".demo.") || n.contains("Seeder"))
                .toList();
    }

    @Test
    void noDemoSeederExistsOutsideTheDemoProfile() {
        assertThat(demoComponents("demo")).hasSizeGreaterThanOrEqualTo(8);
        assertThat(demoComponents("prod")).isEmpty();
        assertThat(demoComponents()).isEmpty();
    }
}
