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

/**
 * The socket layer: Linux's native epoll where Netty's native library loads (fewer system calls per message
 * than the JDK selector, which matters at tens of thousands of small frames a second), the JDK's NIO elsewhere
 * or when {@code -Dio.netty.transport.noNative=true} is set.
 */
public record NettyTransport(String name, IoHandlerFactory ioHandler,
        Class<? extends ServerChannel> serverChannel, Class<? extends SocketChannel> socketChannel) {

    public static NettyTransport best() {
        if (Epoll.isAvailable()) {
            return new NettyTransport("epoll", EpollIoHandler.newFactory(), EpollServerSocketChannel.class,
                    EpollSocketChannel.class);
        }
        return nio();
    }

    public static NettyTransport nio() {
        return new NettyTransport("nio", NioIoHandler.newFactory(), NioServerSocketChannel.class,
                NioSocketChannel.class);
    }
}
