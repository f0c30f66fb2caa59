package org.cityops.org.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cityops.org.ApiClients;
import org.cityops.org.internal.demo.DemoSecrets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The prod profile refuses to start while a demo secret is in use. */
class ProductionGuardTests {

    static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    static final String DEMO_HASH = ENCODER.encode(DemoSecrets.PASSWORD);

    final UserAccounts accounts = mock(UserAccounts.class);
    final ApiClients clients = mock(ApiClients.class);
    final Map<String, List<String>> hashes = new LinkedHashMap<>();

    ProductionGuard guard(String bootstrapPassword, String... profiles) {
        when(accounts.usernamesByPasswordHash()).thenReturn(hashes);
        when(clients.authenticate(anyString(), any())).thenReturn(Optional.empty());
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles(profiles);
        return new ProductionGuard(env, accounts, clients, ENCODER, bootstrapPassword);
    }

    @Test
    void aProductionDatabaseWithItsOwnPasswordsStarts() {
        hashes.put(ENCODER.encode("a-real-secret-1"), List.of("admin"));
        hashes.put(ENCODER.encode("another-secret-2"), List.of("zhangsan"));
        ProductionGuard guard = guard("a-real-secret-1", "prod");
        assertThat(guard.findings()).isEmpty();
        assertThatCode(guard::afterSingletonsInstantiated).doesNotThrowAnyException();
    }

    @Test
    void theDemoCitysAccountsStopAProductionStartNamingThem() {
        hashes.put(DEMO_HASH, List.of("admin", "leader1", "operator1"));
        hashes.put(ENCODER.encode("a-real-secret-1"), List.of("zhangsan"));
        ProductionGuard guard = guard("", "prod");
        assertThatThrownBy(guard::afterSingletonsInstantiated)
                .isInstanceOf(DemoSecretsInProductionException.class)
                .satisfies(e -> assertThat(((DemoSecretsInProductionException) e).findings())
                        .containsExactly("accounts with the demo password: admin, leader1, operator1"));
    }

    @Test
    void aDemoNamedAccountWithItsOwnDemoPasswordHashIsFound() {
        hashes.put(DEMO_HASH, List.of("admin"));
        assertThat(guard("", "prod").findings()).containsExactly("accounts with the demo password: admin");
    }

    @Test
    void aDemoDepartmentHeadWithItsOwnDemoPasswordHashIsFound() {
        hashes.put(ENCODER.encode(DemoSecrets.PASSWORD), List.of("head-tianning"));
        assertThat(guard("", "prod").findings()).containsExactly("accounts with the demo password: head-tianning");
    }

    @Test
    void enabledDemoKeysStopAProductionStart() {
        ProductionGuard guard = guard("", "prod");
        when(clients.authenticate(DemoSecrets.OPEN311_KEY, ApiClients.Purpose.OPEN311))
                .thenReturn(Optional.of("演示"));
        when(clients.authenticate(DemoSecrets.TELEMETRY_KEY, ApiClients.Purpose.TELEMETRY_INGEST))
                .thenReturn(Optional.of("演示"));
        when(clients.authenticate(DemoSecrets.WASTE_DEVICE_KEY, ApiClients.Purpose.WASTE_DEVICE))
                .thenReturn(Optional.of("演示"));
        assertThat(guard.findings())
                .containsExactly(
                        "the demo Open311 api_key is enabled",
                        "the demo telemetry X-Api-Key is enabled",
                        "the demo kitchen-waste device X-Api-Key is enabled");
    }

    @Test
    void theDemoProfileBesideProdAndTheDemoPasswordForTheFirstAdministratorAreRefused() {
        assertThat(guard(DemoSecrets.PASSWORD, "prod", "demo").findings())
                .containsExactly(
                        "the demo profile is active together with prod (spring.profiles.active)",
                        "cityops.bootstrap.admin-password (CITYOPS_ADMIN_PASSWORD) is the demo password");
    }

    @Test
    void withoutTheProdProfileNothingIsChecked() {
        hashes.put(DEMO_HASH, List.of("admin"));
        assertThatCode(guard(DemoSecrets.PASSWORD, "demo")::afterSingletonsInstantiated)
                .doesNotThrowAnyException();
    }

    @Test
    void theFailureAnalysisListsWhatToChangeInsteadOfAStackTrace() {
        FailureAnalysis analysis = new ProductionGuardFailureAnalyzer()
                .analyze(new IllegalStateException(
                        "refresh",
                        new DemoSecretsInProductionException(List.of("accounts with the demo password: admin"))));
        assertThat(analysis.getDescription())
                .contains("prod profile")
                .contains("演示密码")
                .contains("\n  - accounts with the demo password: admin");
        assertThat(analysis.getAction()).contains("api_client").contains("CITYOPS_ADMIN_PASSWORD");
    }
}
