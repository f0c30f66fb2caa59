package org.cityops.org.internal.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The secrets the demo city is seeded with (they are printed in the README and in the log, so they are public):
 * the password of every demo account and the demo machine keys. The production guard refuses to start while any of
 * them is still in use.
 */
public final class DemoSecrets {

    /** Password of every demo account. */
    public static final String PASSWORD = "cityops-demo";
    /** The demo Open311 {@code api_key}. */
    public static final String OPEN311_KEY = "cityops-demo-key";
    /** The demo telemetry forwarding key ({@code X-Api-Key}). */
    public static final String TELEMETRY_KEY = "cityops-demo-telemetry-key";
    /** The demo kitchen-waste device key ({@code X-Api-Key}: on-board scales, RFID readers, the weighbridge). */
    public static final String WASTE_DEVICE_KEY = "cityops-demo-waste-device-key";
    /**
     * The demo shared-bike operators' keys ({@code X-Api-Key} for {@code POST /api/v1/parking/counts}); the street-front
     * demo seeder registers the same strings for its three synthetic operators.
     */
    public static final List<String> PARKING_KEYS =
            List.of("cityops-demo-parking-a", "cityops-demo-parking-b", "cityops-demo-parking-c");

    private DemoSecrets() {}

    /** The user names the demo seeder creates. */
    public static List<String> usernames() {
        List<String> names = new ArrayList<>(List.of(
                "admin",
                "operator1",
                "shiftlead1",
                "dispatcher1",
                "inspector1",
                "assessor1",
                "leader1",
                "rectify1",
                "muck1",
                "sanitation1",
                "streetfront1",
                "streetfront-tianning",
                "enforce1",
                "legal1",
                "handler-hwc"));
        for (DemoOrgSeeder.District d : DemoOrgSeeder.DISTRICTS) {
            names.add("handler-" + d.handler());
        }
        for (DemoNoticeContacts.Head h : DemoNoticeContacts.heads()) {
            names.add(h.username());
        }
        return names;
    }
}
