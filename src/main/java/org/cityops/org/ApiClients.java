package org.cityops.org;

import java.util.Optional;

/**
 * Machine clients that call public-by-design endpoints with a key (Open311 {@code api_key}, positions
 * forwarded by other platforms). Only a SHA-256 of each key is stored.
 */
public interface ApiClients {

    /** Purposes a key can be issued for. */
    enum Purpose {
        OPEN311,
        TELEMETRY_INGEST,
        /** On-board scales, RFID readers and the plant's weighbridge posting kitchen-waste records. */
        WASTE_DEVICE,
        /** Shared-bike operators reporting bicycles per parking area (street front, 非机动车停放). */
        PARKING_COUNTS
    }

    /** The client's name when the key is valid and enabled for the purpose. */
    Optional<String> authenticate(String key, Purpose purpose);

    /** Registers a key (audited); returns the client's id. */
    long register(String name, String key, Purpose purpose);

    /** Disables every enabled key of the client {@code name} for the purpose (audited); the number disabled. */
    int revoke(String name, Purpose purpose);

    /** The number of enabled keys of the client {@code name} for the purpose. */
    int active(String name, Purpose purpose);
}
