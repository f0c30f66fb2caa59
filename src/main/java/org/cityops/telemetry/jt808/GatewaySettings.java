package org.cityops.telemetry.jt808;

/**
 * Limits and timeouts of the gateway.
 *
 * @param maxFrameLength      escaped bytes between two flags (a 1023-byte body escaped twice plus header)
 * @param maxFaultsPerConnection  bad frames tolerated before the connection is closed
 * @param idleSeconds         a connection that sends nothing this long is closed (心跳超时)
 * @param authTimeoutSeconds  a connection that has not authenticated this long after connecting is closed
 * @param maxConnections      connections beyond this are refused
 * @param maxMessagesPerSecond per connection; above it the connection is not read until the next second
 * @param maxInFlight         positions per connection waiting for their durable ack; above it the connection
 *                            is not read until acks catch up
 * @param maxUnauthenticated  messages before authentication tolerated before the connection is closed
 * @param transport           socket layer: auto (epoll on Linux, else NIO), epoll or nio
 *                            ({@link NettyTransport})
 * @param maxConnectionsPerAddress connections one source address may hold; more from it are refused
 * @param maxRegistrations    0x0100 messages one connection may send; one more closes it
 * @param maxReassemblyBytes  bytes of subpackets one connection may hold while reassembling
 */
public record GatewaySettings(
        String host,
        int port,
        int workerThreads,
        int maxFrameLength,
        int maxFaultsPerConnection,
        int idleSeconds,
        int authTimeoutSeconds,
        int maxConnections,
        int maxMessagesPerSecond,
        int maxInFlight,
        int maxUnauthenticated,
        String transport,
        int maxConnectionsPerAddress,
        int maxRegistrations,
        int maxReassemblyBytes) {

    public static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 200;
    public static final int DEFAULT_MAX_REGISTRATIONS = 3;
    public static final int DEFAULT_MAX_REASSEMBLY_BYTES = 64 * 1024;

    public static GatewaySettings defaults(int port) {
        return new GatewaySettings(
                "0.0.0.0",
                port,
                0,
                2 + 21 + 1023 * 2 + 2,
                20,
                180,
                30,
                20_000,
                100,
                2_000,
                5,
                "auto",
                DEFAULT_MAX_CONNECTIONS_PER_ADDRESS,
                DEFAULT_MAX_REGISTRATIONS,
                DEFAULT_MAX_REASSEMBLY_BYTES);
    }

    public GatewaySettings withPort(int newPort) {
        return new GatewaySettings(
                host,
                newPort,
                workerThreads,
                maxFrameLength,
                maxFaultsPerConnection,
                idleSeconds,
                authTimeoutSeconds,
                maxConnections,
                maxMessagesPerSecond,
                maxInFlight,
                maxUnauthenticated,
                transport,
                maxConnectionsPerAddress,
                maxRegistrations,
                maxReassemblyBytes);
    }

    public GatewaySettings withTimeouts(int idle, int auth) {
        return new GatewaySettings(
                host,
                port,
                workerThreads,
                maxFrameLength,
                maxFaultsPerConnection,
                idle,
                auth,
                maxConnections,
                maxMessagesPerSecond,
                maxInFlight,
                maxUnauthenticated,
                transport,
                maxConnectionsPerAddress,
                maxRegistrations,
                maxReassemblyBytes);
    }

    public GatewaySettings withConnectionCaps(int total, int perAddress) {
        return new GatewaySettings(
                host,
                port,
                workerThreads,
                maxFrameLength,
                maxFaultsPerConnection,
                idleSeconds,
                authTimeoutSeconds,
                total,
                maxMessagesPerSecond,
                maxInFlight,
                maxUnauthenticated,
                transport,
                perAddress,
                maxRegistrations,
                maxReassemblyBytes);
    }

    public GatewaySettings withReassemblyBytes(int bytes) {
        return new GatewaySettings(
                host,
                port,
                workerThreads,
                maxFrameLength,
                maxFaultsPerConnection,
                idleSeconds,
                authTimeoutSeconds,
                maxConnections,
                maxMessagesPerSecond,
                maxInFlight,
                maxUnauthenticated,
                transport,
                maxConnectionsPerAddress,
                maxRegistrations,
                bytes);
    }
}
