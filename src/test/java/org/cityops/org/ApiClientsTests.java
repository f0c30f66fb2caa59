package org.cityops.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cityops.platform.InvalidInputException;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ApiClientsTests {

    @Autowired
    ApiClients clients;

    @Test
    void theDemoOpen311KeyIsValidForOpen311Only() {
        assertThat(clients.authenticate("cityops-demo-key", ApiClients.Purpose.OPEN311))
                .isPresent();
        assertThat(clients.authenticate("cityops-demo-key", ApiClients.Purpose.TELEMETRY_INGEST))
                .isEmpty();
        assertThat(clients.authenticate("cityops-demo-kez", ApiClients.Purpose.OPEN311))
                .isEmpty();
        assertThat(clients.authenticate(null, ApiClients.Purpose.OPEN311)).isEmpty();
    }

    @Test
    void aRegisteredKeyAuthenticatesAndShortKeysAreRefused() {
        clients.register("test client", "a-test-key-for-clients", ApiClients.Purpose.TELEMETRY_INGEST);
        assertThat(clients.authenticate("a-test-key-for-clients", ApiClients.Purpose.TELEMETRY_INGEST))
                .contains("test client");
        assertThatThrownBy(() -> clients.register("x", "short", ApiClients.Purpose.OPEN311))
                .isInstanceOf(InvalidInputException.class);
    }
}
