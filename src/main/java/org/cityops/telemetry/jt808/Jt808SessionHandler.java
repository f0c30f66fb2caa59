package org.cityops.telemetry.jt808;

// Size: one file on purpose: one connection's protocol state (registration, authentication, limits, subpackets) in
// the order frames arrive

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cityops.telemetry.Position;
import org.cityops.telemetry.pipeline.AckTarget;
import org.cityops.telemetry.pipeline.PositionRules;
import org.cityops.telemetry.pipeline.Submission;

/**
 * One terminal connection: registration, authentication, then service. Everything runs on the channel's event
 * loop except {@link #acknowledge}, which the writer calls and which hops onto the event loop. Reading is paused
 * (not data dropped) when the connection exceeds its rate or in-flight limit, when the writer's queue is full,
 * or when the terminal does not read our replies. Over 400 lines on purpose: the five reasons to pause reading
 * share one bit set and must be released together, and splitting the session's states across classes would
 * spread that invariant; the codec and the registration rules already live elsewhere.
 */
final class Jt808SessionHandler extends SimpleChannelInboundHandler<Jt808Message> implements AckTarget {

    private static final int PAUSED_RATE = 1;
    private static final int PAUSED_IN_FLIGHT = 2;
    private static final int PAUSED_SINK = 4;
    private static final int PAUSED_UNWRITABLE = 8;
    private static final int PAUSED_REGISTRAR = 16;
    private static final int MAX_PACKETS = 256;

    private final Jt808Server server;
    private Channel channel;
    private Jt808Header peer;
    private String terminal;
    private boolean authenticated;
    private boolean counted;
    private int serial;
    private int unauthenticatedMessages;
    private int registrations;
    private int authFailures;
    private java.net.InetAddress address;
    private int reassemblyBytes;
    private long windowStart;
    private int windowMessages;
    private int inFlight;
    private int paused;
    private ScheduledFuture<?> authTimer;
    private Map<Integer, byte[][]> packets;

    Jt808SessionHandler(Jt808Server server) {
        this.server = server;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        counted = true;
        if (server.connections.incrementAndGet() > server.settings.maxConnections()) {
            server.faults.count(Fault.CONNECTION_REFUSED);
            ctx.close();
            return;
        }
        if (ctx.channel().remoteAddress() instanceof java.net.InetSocketAddress remote) {
            if (!server.admit(remote.getAddress())) {
                server.faults.count(Fault.ADDRESS_LIMIT);
                ctx.close();
                return;
            }
            address = remote.getAddress(); // counted: released when the connection closes
        }
        authTimer = ctx.executor()
                .schedule(
                        () -> {
                            if (!authenticated) {
                                server.faults.count(Fault.CONNECTION_DROPPED);
                                ctx.close();
                            }
                        },
                        server.settings.authTimeoutSeconds(),
                        TimeUnit.SECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (counted) {
            server.connections.decrementAndGet();
            counted = false;
        }
        if (address != null) {
            server.release(address);
            address = null;
        }
        if (authTimer != null) {
            authTimer.cancel(false);
        }
        if (terminal != null && authenticated) {
            server.sessions.remove(terminal, ctx.channel());
        }
        ctx.fireChannelInactive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Jt808Message message) {
        countRate(ctx);
        Jt808Header h = message.header();
        if (h.subpackaged()) {
            // only an authenticated terminal's subpackets are kept, and only of the messages the gateway serves
            if (!authenticated || !h.terminal().equals(terminal)) {
                unauthenticated(ctx);
                return;
            }
            if (h.messageId() != Jt808.LOCATION_BATCH && h.messageId() != Jt808.LOCATION) {
                server.faults.count(Fault.UNKNOWN_MESSAGE);
                reply(ctx, h, Jt808.UNSUPPORTED);
                return;
            }
            message = reassemble(ctx, message);
            if (message == null) {
                return;
            }
        }
        int id = message.id();
        if (id == Jt808.REGISTER) {
            register(ctx, message);
            return;
        }
        if (id == Jt808.AUTHENTICATE) {
            authenticate(ctx, message);
            return;
        }
        if (!authenticated || !h.terminal().equals(terminal)) {
            unauthenticated(ctx);
            return;
        }
        peer = h;
        switch (id) {
            case Jt808.HEARTBEAT -> reply(ctx, h, Jt808.OK);
            case Jt808.LOGOUT -> {
                authenticated = false;
                server.sessions.remove(terminal, ctx.channel());
                ctx.writeAndFlush(response(h, h.serial(), id, Jt808.OK)).addListener(ChannelFutureListener.CLOSE);
            }
            case Jt808.LOCATION -> location(ctx, message);
            case Jt808.LOCATION_BATCH -> batch(ctx, message);
            case Jt808.TERMINAL_RESPONSE -> {
                // answers to platform commands; the gateway sends none that need tracking yet
            }
            default -> {
                server.faults.count(Fault.UNKNOWN_MESSAGE);
                reply(ctx, h, Jt808.UNSUPPORTED);
            }
        }
    }

    /** A message before authentication: dropped and counted; one more than the limit closes the connection. */
    private void unauthenticated(ChannelHandlerContext ctx) {
        server.faults.count(Fault.UNAUTHENTICATED);
        if (++unauthenticatedMessages > server.settings.maxUnauthenticated()) {
            server.faults.count(Fault.CONNECTION_DROPPED);
            ctx.close();
        }
    }

    private void register(ChannelHandlerContext ctx, Jt808Message m) {
        Jt808Header h = m.header();
        if (++registrations > server.settings.maxRegistrations()) {
            server.faults.count(Fault.TOO_MANY_REGISTRATIONS);
            ctx.close(); // a terminal registers once; this connection is guessing
            return;
        }
        RegisterRequest request;
        try {
            request = RegisterRequest.decode(m.body(), h.v2019());
        } catch (BadBodyException e) {
            server.faults.count(Fault.BAD_BODY);
            reply(ctx, h, Jt808.BAD_MESSAGE);
            return;
        }
        // the registrar may touch the database: not on the event loop; read nothing more until it answers
        pause(PAUSED_REGISTRAR);
        server.registrations.register(h.terminal(), request, result -> {
            ctx.executor().execute(() -> {
                if (result == null) {
                    ctx.close(); // registry unavailable: the terminal will register again
                    return;
                }
                Fault refusal = refusal(result.result());
                if (refusal != null) {
                    server.faults.count(refusal);
                }
                ctx.writeAndFlush(
                        frame(
                                h,
                                Jt808.REGISTER_RESPONSE,
                                new RegisterResponse(h.serial(), result.result(), result.authCode()).encode()),
                        ctx.voidPromise());
                resume(PAUSED_REGISTRAR);
            });
        });
    }

    static Fault refusal(int registerResult) {
        return switch (registerResult) {
            case Jt808.REGISTERED -> null;
            case Jt808.VEHICLE_ALREADY_REGISTERED -> Fault.VEHICLE_ALREADY_REGISTERED;
            case Jt808.VEHICLE_NOT_IN_DB -> Fault.UNKNOWN_VEHICLE;
            case Jt808.TERMINAL_ALREADY_REGISTERED -> Fault.TERMINAL_ALREADY_REGISTERED;
            default -> Fault.UNKNOWN_TERMINAL;
        };
    }

    private void authenticate(ChannelHandlerContext ctx, Jt808Message m) {
        Jt808Header h = m.header();
        AuthRequest request;
        try {
            request = AuthRequest.decode(m.body(), h.v2019());
        } catch (BadBodyException e) {
            server.faults.count(Fault.BAD_BODY);
            reply(ctx, h, Jt808.BAD_MESSAGE);
            return;
        }
        pause(PAUSED_REGISTRAR);
        server.registrations.authenticate(h.terminal(), request.authCode(), accepted -> {
            ctx.executor().execute(() -> {
                authenticated(ctx, h, accepted);
                ctx.flush();
                resume(PAUSED_REGISTRAR);
            });
        });
    }

    private void authenticated(ChannelHandlerContext ctx, Jt808Header h, boolean ok) {
        if (!ok) {
            server.faults.count(Fault.AUTH_FAILED);
            reply(ctx, h, Jt808.FAILED);
            if (++authFailures >= 3) {
                ctx.flush();
                ctx.close();
            }
            return;
        }
        if (authenticated && !h.terminal().equals(terminal)) {
            server.sessions.remove(terminal, ctx.channel());
        }
        authenticated = true;
        terminal = h.terminal();
        peer = h;
        if (authTimer != null) {
            authTimer.cancel(false);
        }
        Channel previous = server.sessions.put(terminal, ctx.channel());
        if (previous != null && previous != ctx.channel()) {
            previous.close(); // the terminal reconnected: the old connection is stale
        }
        reply(ctx, h, Jt808.OK);
    }

    private void location(ChannelHandlerContext ctx, Jt808Message m) {
        Jt808Header h = m.header();
        Position p;
        try {
            p = LocationReport.decode(m.body()).toPosition(terminal);
        } catch (BadBodyException e) {
            p = null;
        }
        if (p == null || PositionRules.problem(p, server.clock.instant(), server.maxAge) != null) {
            server.faults.count(Fault.BAD_BODY);
            reply(ctx, h, Jt808.BAD_MESSAGE);
            return;
        }
        submit(ctx, List.of(p), h);
    }

    private void batch(ChannelHandlerContext ctx, Jt808Message m) {
        Jt808Header h = m.header();
        LocationBatch batch;
        try {
            batch = LocationBatch.decode(m.body());
        } catch (BadBodyException e) {
            server.faults.count(Fault.BAD_BODY);
            reply(ctx, h, Jt808.BAD_MESSAGE);
            return;
        }
        List<Position> positions = new ArrayList<>(batch.reports().size());
        for (LocationReport report : batch.reports()) {
            Position p = report.toPosition(terminal);
            if (p == null || PositionRules.problem(p, server.clock.instant(), server.maxAge) != null) {
                server.faults.count(Fault.BAD_BODY);
            } else {
                positions.add(p);
            }
        }
        if (positions.isEmpty()) {
            reply(ctx, h, Jt808.BAD_MESSAGE);
            return;
        }
        submit(ctx, positions, h);
    }

    private void submit(ChannelHandlerContext ctx, List<Position> positions, Jt808Header h) {
        boolean room;
        try {
            room = server.sink.submit(new Submission(positions, this, h.serial(), h.messageId()));
        } catch (IllegalStateException stopped) {
            reply(ctx, h, Jt808.FAILED); // shutting down: the terminal keeps the position and resends
            return;
        }
        inFlight += positions.size();
        if (inFlight > server.settings.maxInFlight()) {
            pause(PAUSED_IN_FLIGHT);
        }
        if (!room) {
            pause(PAUSED_SINK);
            Channel ch = ctx.channel();
            server.sink.whenRoom(() -> ch.eventLoop().execute(() -> resume(PAUSED_SINK)));
        }
    }

    /** Called by the writer after the batch holding these submissions committed. */
    @Override
    public void acknowledge(List<Submission> durable) {
        Channel ch = channel;
        ch.eventLoop().execute(() -> {
            int n = 0;
            for (Submission s : durable) {
                n += s.positions().size();
                if (ch.isActive() && peer != null) {
                    ch.write(response(peer, s.replySerial(), s.replyId(), Jt808.OK), ch.voidPromise());
                }
            }
            ch.flush();
            inFlight -= n;
            if (inFlight <= server.settings.maxInFlight() / 2) {
                resume(PAUSED_IN_FLIGHT);
            }
        });
    }

    private void countRate(ChannelHandlerContext ctx) {
        long now = System.nanoTime();
        if (now - windowStart >= 1_000_000_000L) {
            windowStart = now;
            windowMessages = 0;
        }
        if (++windowMessages == server.settings.maxMessagesPerSecond()) {
            pause(PAUSED_RATE);
            long wait = 1_000_000_000L - (now - windowStart);
            ctx.executor().schedule(() -> resume(PAUSED_RATE), wait, TimeUnit.NANOSECONDS);
        }
    }

    private Jt808Message reassemble(ChannelHandlerContext ctx, Jt808Message m) {
        Jt808Header h = m.header();
        int total = h.packetTotal();
        int index = h.packetIndex();
        if (total < 1 || total > MAX_PACKETS || index < 1 || index > total) {
            server.faults.count(Fault.BAD_BODY);
            return null;
        }
        if (packets == null) {
            packets = new HashMap<>();
        }
        byte[][] parts = packets.get(h.messageId());
        if (parts == null || parts.length != total) {
            if (parts != null) {
                drop(h.messageId()); // a new message of this id: the unfinished one is abandoned
            }
            parts = new byte[total][];
            packets.put(h.messageId(), parts);
        }
        byte[] previous = parts[index - 1];
        int grown = m.body().length - (previous == null ? 0 : previous.length);
        if (reassemblyBytes + grown > server.settings.maxReassemblyBytes()) {
            drop(h.messageId());
            server.faults.count(Fault.REASSEMBLY_LIMIT);
            reply(ctx, h, Jt808.FAILED);
            return null;
        }
        reassemblyBytes += grown;
        parts[index - 1] = m.body();
        int size = 0;
        for (byte[] part : parts) {
            if (part == null) {
                // part received (not durable: see docs/telemetry.md); the durable ack is the one for the message
                reply(ctx, h, Jt808.OK);
                return null;
            }
            size += part.length;
        }
        packets.remove(h.messageId());
        reassemblyBytes -= size;
        byte[] body = new byte[size];
        int off = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, body, off, part.length);
            off += part.length;
        }
        return new Jt808Message(h, body);
    }

    private void drop(int messageId) {
        byte[][] parts = packets.remove(messageId);
        if (parts != null) {
            for (byte[] part : parts) {
                reassemblyBytes -= part == null ? 0 : part.length;
            }
        }
    }

    private void pause(int reason) {
        if (reason == PAUSED_RATE || reason == PAUSED_IN_FLIGHT) {
            server.faults.count(Fault.THROTTLED);
        }
        paused |= reason;
        channel.config().setAutoRead(false);
    }

    private void resume(int reason) {
        if ((paused & reason) == 0) {
            return;
        }
        paused &= ~reason;
        if (paused == 0 && channel.isActive()) {
            channel.config().setAutoRead(true);
        }
    }

    private void reply(ChannelHandlerContext ctx, Jt808Header h, int result) {
        ctx.write(response(h, h.serial(), h.messageId(), result), ctx.voidPromise());
    }

    private Object response(Jt808Header to, int replySerial, int replyId, int result) {
        return frame(to, Jt808.PLATFORM_RESPONSE, new GeneralResponse(replySerial, replyId, result).encode());
    }

    private Object frame(Jt808Header to, int messageId, byte[] body) {
        int s = serial;
        serial = (serial + 1) & 0xffff;
        return Unpooled.wrappedBuffer(Jt808Codec.encode(to, messageId, s, body));
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            resume(PAUSED_UNWRITABLE);
        } else {
            pause(PAUSED_UNWRITABLE);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            server.faults.count(Fault.CONNECTION_DROPPED);
            ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
