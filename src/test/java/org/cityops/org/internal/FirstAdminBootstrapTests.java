package org.cityops.org.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Set;
import org.cityops.org.DataScope;
import org.cityops.org.Role;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class FirstAdminBootstrapTests {

    private final UserAccounts accounts = mock(UserAccounts.class);
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void anEmptyUserTableGetsAnAdministratorWithTheConfiguredPassword() {
        when(accounts.count()).thenReturn(0L);
        new FirstAdminBootstrap(accounts, encoder, "a-long-configured-secret").run(new DefaultApplicationArguments());
        ArgumentCaptor<String> hash = ArgumentCaptor.forClass(String.class);
        verify(accounts)
                .create(
                        eq("admin"),
                        anyString(),
                        hash.capture(),
                        eq(DataScope.CITY),
                        any(),
                        any(),
                        eq(Set.of(Role.ADMIN)),
                        any());
        assertThat(encoder.matches("a-long-configured-secret", hash.getValue())).isTrue();
        assertThat(encoder.matches("cityops-demo", hash.getValue())).isFalse();
    }

    @Test
    void withoutConfigurationTheFirstAdministratorGetsARandomPasswordNotTheDemoOne() {
        when(accounts.count()).thenReturn(0L);
        new FirstAdminBootstrap(accounts, encoder, "").run(new DefaultApplicationArguments());
        ArgumentCaptor<String> hash = ArgumentCaptor.forClass(String.class);
        verify(accounts).create(eq("admin"), anyString(), hash.capture(), any(), any(), any(), any(), any());
        assertThat(encoder.matches("cityops-demo", hash.getValue())).isFalse();
        assertThat(encoder.matches("", hash.getValue())).isFalse();
    }

    @Test
    void anExistingUserTableIsLeftAlone() {
        when(accounts.count()).thenReturn(3L);
        new FirstAdminBootstrap(accounts, encoder, "whatever-secret").run(new DefaultApplicationArguments());
        verify(accounts, never()).create(anyString(), anyString(), anyString(), any(), any(), any(), any(), any());
    }
}
