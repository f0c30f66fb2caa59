package org.cityops.telemetry.jt808;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.Locale;

/**
 * The socket layer. {@code auto}: Linux's native epoll where Netty's native library loads (fewer system calls
 * per message than the JDK selector, which matters at tens of thousands of small frames a second), the JDK's
 * NIO elsewhere or when {@code -Dio.netty.transport.noNative=true} is set; {@code epoll} likewise;
 * {@code nio}: the JDK's selector. (Netty's io_uring transport was measured in the telemetry benchmark: a few
 * per cent less kernel time for the simulator, errors on shutdown; not offered.)
 */
public record NettyTransport(
        String name,
        IoHandlerFactory ioHandler,
        Class<? extends ServerChannel> serverChannel,
        Class<? extends SocketChannel> socketChannel) {

    public static NettyTransport best() {
        return named("auto");
    }

    /** {@code auto}, {@code epoll} or {@code nio}. */
    public static NettyTransport named(String name) {
        String n = name == null ? "auto" : name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        switch (n) {
            case "auto", "epoll":
                if (Epoll.isAvailable()) {
                    return new NettyTransport(
                            "epoll",
                            EpollIoHandler.newFactory(),
                            EpollServerSocketChannel.class,
                            EpollSocketChannel.class);
                }
                return nio();
            case "nio":
                return nio();
            default:
                throw new IllegalArgumentException("unknown transport '" + name + "': auto, epoll or nio");
        }
    }

    public static NettyTransport nio() {
        return new NettyTransport(
                "nio", NioIoHandler.newFactory(), NioServerSocketChannel.class, NioSocketChannel.class);
    }
}
