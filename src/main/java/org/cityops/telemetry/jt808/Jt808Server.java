package org.cityops.telemetry.jt808;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cityops.telemetry.pipeline.PositionSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JT/T 808 TCP gateway (Netty, no Spring): frame decoder → idle timer (counts whole messages only, so a
 * slow-loris trickle does not keep a connection alive) → one session handler per connection.
 */
public final class Jt808Server {

    private static final Logger log = LoggerFactory.getLogger(Jt808Server.class);

    final GatewaySettings settings;
    final Registrar registrar;
    final PositionSink sink;
    final FaultCounter faults;
    final Clock clock;
    final Duration maxAge;
    final AtomicInteger connections = new AtomicInteger();
    final Map<String, Channel> sessions = new ConcurrentHashMap<>();
    /** open connections per source address (Integer values; a key is removed when its count falls to 0) */
    private final Map<java.net.InetAddress, Integer> perAddress = new ConcurrentHashMap<>();
    /** registration and authentication may block on the database: never on an event loop */
    RegistrarQueue registrations;

    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel serverChannel;
    private int boundPort = -1;

    public Jt808Server(
            GatewaySettings settings,
            Registrar registrar,
            PositionSink sink,
            FaultCounter faults,
            Clock clock,
            Duration maxAge) {
        this.settings = settings;
        this.registrar = registrar;
        this.sink = sink;
        this.faults = faults;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    public synchronized void start() {
        if (serverChannel != null) {
            return;
        }
        registrations = new RegistrarQueue(registrar);
        NettyTransport transport = NettyTransport.named(settings.transport());
        boss = new MultiThreadIoEventLoopGroup(1, transport.ioHandler());
        workers = new MultiThreadIoEventLoopGroup(eventLoops(settings.workerThreads()), transport.ioHandler());
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, workers)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(16 * 1024, 64 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        channels.add(ch);
                        ch.pipeline()
                                .addLast(
                                        "frames",
                                        new Jt808FrameDecoder(
                                                settings.maxFrameLength(), settings.maxFaultsPerConnection(), faults))
                                .addLast("idle", new IdleStateHandler(settings.idleSeconds(), 0, 0, TimeUnit.SECONDS))
                                .addLast("session", new Jt808SessionHandler(Jt808Server.this));
                    }
                });
        try {
            serverChannel = b.bind(new InetSocketAddress(settings.host(), settings.port()))
                    .sync()
                    .channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding the JT/T 808 port", e);
        } catch (RuntimeException e) {
            shutdownGroups();
            throw new IllegalStateException("cannot bind the JT/T 808 gateway to port " + settings.port(), e);
        }
        boundPort = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        log.info("JT/T 808 gateway listening on port {} ({})", boundPort, transport.name());
    }

    /**
     * Event loops for the connections: as configured, or by default one per two cores. One loop carries
     * 50,000 reports a second with room to spare, and every extra loop on a small machine costs wake-ups and
     * context switches shared with the writer and PostgreSQL: on the 2-core benchmark machine one loop gave
     * 50.3 k acknowledged/s where two gave 41.8 k (docs/benchmarks.md §telemetry).
     */
    static int eventLoops(int configured) {
        return configured > 0 ? configured : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    /** Closes the listening socket and stops reading from every connection (writes still go out). */
    public synchronized void stopAccepting() {
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly();
        }
        for (Channel ch : channels) {
            ch.eventLoop().execute(() -> ch.config().setAutoRead(false));
        }
    }

    /** Flushes and closes every connection and stops the event loops. */
    public synchronized void stop() {
        if (serverChannel == null) {
            return;
        }
        stopAccepting();
        channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        shutdownGroups();
        serverChannel = null;
        boundPort = -1;
        sessions.clear();
    }

    private void shutdownGroups() {
        if (registrations != null) {
            registrations.stop();
        }
        if (workers != null) {
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        }
        if (boss != null) {
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }

    public boolean isRunning() {
        return serverChannel != null;
    }

    /** The port actually bound (useful with port 0), or -1 when stopped. */
    public int port() {
        return boundPort;
    }

    /**
     * Counts a new connection of this source address.
     *
     * @return false (and nothing counted) when the address already holds {@code maxConnectionsPerAddress}
     */
    boolean admit(java.net.InetAddress address) {
        boolean[] admitted = {false};
        perAddress.compute(address, (a, n) -> {
            int count = n == null ? 0 : n;
            if (count >= settings.maxConnectionsPerAddress()) {
                return n;
            }
            admitted[0] = true;
            return count + 1;
        });
        return admitted[0];
    }

    void release(java.net.InetAddress address) {
        perAddress.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
    }

    /** Connections open from this source address. */
    public int connectionsFrom(java.net.InetAddress address) {
        return perAddress.getOrDefault(address, 0);
    }

    /** Closes the authenticated session of this terminal, if any (its code was released). */
    public boolean disconnect(String terminal) {
        Channel ch = sessions.remove(terminal);
        if (ch == null) {
            return false;
        }
        ch.close();
        return true;
    }

    public int connectionCount() {
        return connections.get();
    }

    public int sessionCount() {
        return sessions.size();
    }
}
