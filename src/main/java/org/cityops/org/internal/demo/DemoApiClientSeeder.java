package org.cityops.org.internal.demo;

import org.cityops.org.ApiClients;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo's machine keys: Open311 {@code cityops-demo-key} and a telemetry forwarding key. */
@Component
@Profile("demo")
@Order(11)
class DemoApiClientSeeder implements ApplicationRunner {

    static final String OPEN311_KEY = DemoSecrets.OPEN311_KEY;
    static final String TELEMETRY_KEY = DemoSecrets.TELEMETRY_KEY;

    private final ApiClients clients;

    DemoApiClientSeeder(ApiClients clients) {
        this.clients = clients;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (clients.authenticate(OPEN311_KEY, ApiClients.Purpose.OPEN311).isEmpty()) {
            clients.register("演示 Open311 客户端 demo Open311 client", OPEN311_KEY, ApiClients.Purpose.OPEN311);
        }
        if (clients.authenticate(TELEMETRY_KEY, ApiClients.Purpose.TELEMETRY_INGEST)
                .isEmpty()) {
            clients.register("演示转发平台 demo forwarding platform", TELEMETRY_KEY, ApiClients.Purpose.TELEMETRY_INGEST);
        }
        if (clients.authenticate(DemoSecrets.WASTE_DEVICE_KEY, ApiClients.Purpose.WASTE_DEVICE)
                .isEmpty()) {
            clients.register(
                    "演示餐厨车载称重与计量设备 demo kitchen-waste devices",
                    DemoSecrets.WASTE_DEVICE_KEY,
                    ApiClients.Purpose.WASTE_DEVICE);
        }
    }
}
