package org.cityops.telemetry.sim;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.List;
import org.cityops.telemetry.Position;
import org.cityops.telemetry.jt808.AuthRequest;
import org.cityops.telemetry.jt808.FaultCounter;
import org.cityops.telemetry.jt808.Jt808;
import org.cityops.telemetry.jt808.Jt808Codec;
import org.cityops.telemetry.jt808.Jt808FrameDecoder;
import org.cityops.telemetry.jt808.Jt808Message;
import org.cityops.telemetry.jt808.LocationBatch;
import org.cityops.telemetry.jt808.LocationReport;
import org.cityops.telemetry.jt808.NettyTransport;
import org.cityops.telemetry.jt808.RegisterRequest;

/** A JT/T 808 terminal speaking over TCP (the simulator's and the tests' client). Not thread-safe per instance. */
public final class TerminalClient {

    /** What the terminal hears from the platform; called on the connection's event loop. */
    public interface Listener {

        void onMessage(TerminalClient client, Jt808Message message);

        default void onClose(TerminalClient client) {}
    }

    private final String phoneDigits;
    private final boolean v2019;
    private final Listener listener;
    private volatile Channel channel;
    private int serial;

    public TerminalClient(String phone, boolean v2019, Listener listener) {
        this.phoneDigits = v2019 ? pad(phone, 20) : pad(phone, 12);
        this.v2019 = v2019;
        this.listener = listener;
    }

    private static String pad(String digits, int n) {
        return digits.length() >= n ? digits : "0".repeat(n - digits.length()) + digits;
    }

    /** Connects over the JDK's NIO ({@code group} must run {@code NioIoHandler}). */
    public ChannelFuture connect(EventLoopGroup group, String host, int port) {
        return connect(group, NioSocketChannel.class, host, port);
    }

    /** Connects with a channel type matching {@code group}'s I/O handler (see {@link NettyTransport}). */
    public ChannelFuture connect(
            EventLoopGroup group, Class<? extends SocketChannel> channelType, String host, int port) {
        Bootstrap b = new Bootstrap()
                .group(group)
                .channel(channelType)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new Jt808FrameDecoder(4096, Integer.MAX_VALUE, FaultCounter.NONE))
                                .addLast(new SimpleChannelInboundHandler<Jt808Message>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, Jt808Message m) {
                                        listener.onMessage(TerminalClient.this, m);
                                    }

                                    @Override
                                    public void channelInactive(ChannelHandlerContext ctx) {
                                        listener.onClose(TerminalClient.this);
                                    }

                                    @Override
                                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                        ctx.close();
                                    }
                                });
                    }
                });
        ChannelFuture f = b.connect(host, port);
        channel = f.channel();
        return f;
    }

    public Channel channel() {
        return channel;
    }

    public boolean v2019() {
        return v2019;
    }

    public boolean isOpen() {
        return channel != null && channel.isActive();
    }

    /** Sends a message and returns its serial number. */
    public int send(int messageId, byte[] body, boolean flush) {
        int s = serial;
        serial = (serial + 1) & 0xffff;
        byte[] frame = Jt808Codec.encode(v2019, 1, phoneDigits, messageId, s, body);
        if (flush) {
            channel.writeAndFlush(Unpooled.wrappedBuffer(frame), channel.voidPromise());
        } else {
            channel.write(Unpooled.wrappedBuffer(frame), channel.voidPromise());
        }
        return s;
    }

    /** Takes the next serial number (for frames built outside, see {@link LocationFrames}). */
    public int nextSerial() {
        int s = serial;
        serial = (serial + 1) & 0xffff;
        return s;
    }

    /** The phone number as the header carries it: 12 BCD digits (2013) or 20 (2019). */
    /** The terminal number without leading zeros (its identity on the platform). */
    public String terminal() {
        return org.cityops.telemetry.jt808.Bcd.normaliseTerminal(phoneDigits);
    }

    public String phoneDigits() {
        return phoneDigits;
    }

    /** Sends a complete frame built elsewhere; the buffer is released once written. */
    public void sendFrame(ByteBuf frame) {
        channel.writeAndFlush(frame, channel.voidPromise());
    }

    public void flush() {
        channel.flush();
    }

    public void sendRaw(byte[] bytes) {
        channel.writeAndFlush(Unpooled.wrappedBuffer(bytes), channel.voidPromise());
    }

    /** The frame a message would have, without sending it (for corrupting it on purpose). */
    public byte[] frame(int messageId, byte[] body) {
        int s = serial;
        serial = (serial + 1) & 0xffff;
        return Jt808Codec.encode(v2019, 1, phoneDigits, messageId, s, body);
    }

    public int register(String plate) {
        return send(
                Jt808.REGISTER,
                new RegisterRequest(
                                32,
                                400,
                                "CZSIM",
                                "SIM-808",
                                "T" + phoneDigits.substring(phoneDigits.length() - 6),
                                2,
                                plate)
                        .encode(v2019),
                true);
    }

    public int authenticate(String code) {
        return send(Jt808.AUTHENTICATE, new AuthRequest(code, "860000000000000", "sim-1.0").encode(v2019), true);
    }

    public int heartbeat() {
        return send(Jt808.HEARTBEAT, new byte[0], true);
    }

    public int location(Position p, boolean flush) {
        return send(Jt808.LOCATION, LocationReport.of(p).encode(), flush);
    }

    public int batch(int type, List<Position> positions) {
        return send(
                Jt808.LOCATION_BATCH,
                new LocationBatch(
                                type, positions.stream().map(LocationReport::of).toList())
                        .encode(),
                true);
    }

    public int logout() {
        return send(Jt808.LOGOUT, new byte[0], true);
    }

    public void close() {
        if (channel != null) {
            channel.close();
        }
    }
}
