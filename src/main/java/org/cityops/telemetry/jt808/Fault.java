package org.cityops.telemetry.jt808;

/** What can be wrong with input from a terminal; each kind is counted, none crashes the gateway. */
public enum Fault {
    /** bytes outside 0x7e flags (resynchronised) */
    GARBAGE,
    /** XOR checksum does not match */
    BAD_CHECKSUM,
    /** 0x7d not followed by 0x01 or 0x02 */
    BAD_ESCAPE,
    /** frame longer than the configured maximum */
    OVERSIZE,
    /** frame shorter than its header, or the body length field disagrees with the frame */
    TRUNCATED,
    /** a body that cannot be parsed (wrong length, impossible time or coordinates) */
    BAD_BODY,
    /** a message id the gateway does not handle (answered 0x8001 result 3) */
    UNKNOWN_MESSAGE,
    /** a message other than register/authenticate before authentication, subpackets included (dropped) */
    UNAUTHENTICATED,
    /** 0x0100 from a terminal the registry does not know (answered 0x8100 result 4) */
    UNKNOWN_TERMINAL,
    /** 0x0100 with a blank plate, a VIN (plate colour 0) or not the plate of the terminal's vehicle (result 2) */
    UNKNOWN_VEHICLE,
    /** 0x0100 with the plate of a vehicle fitted with another terminal (result 1) */
    VEHICLE_ALREADY_REGISTERED,
    /** 0x0100 from a terminal that already has an auth code (result 3; a supervisor's release lets it register once) */
    TERMINAL_ALREADY_REGISTERED,
    /** one 0x0100 more than a connection may send: the connection is closed */
    TOO_MANY_REGISTRATIONS,
    /** 0x0102 with a wrong auth code */
    AUTH_FAILED,
    /** a connection closed for too many faults, no authentication in time, or idleness */
    CONNECTION_DROPPED,
    /** a connection refused because the gateway is at its connection limit */
    CONNECTION_REFUSED,
    /** a connection refused because its source address holds as many connections as one address may */
    ADDRESS_LIMIT,
    /** a subpacket that would take the connection's reassembly buffer over its byte limit (message dropped) */
    REASSEMBLY_LIMIT,
    /** reading paused because the connection exceeded its rate or in-flight limit */
    THROTTLED
}
