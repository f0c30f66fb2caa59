package org.cityops.telemetry.jt808;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Cuts the byte stream into frames at 0x7e flags, unescapes, verifies the checksum and parses the header.
 * Garbage before a flag is skipped; a frame longer than {@code maxFrameLength} (escaped bytes) is discarded up
 * to its closing flag, so a connection never buffers more than that. After a bad frame the closing flag is kept
 * as a possible opening flag of the next frame (resynchronisation). A connection with more than
 * {@code maxFaults} faults is closed.
 */
public final class Jt808FrameDecoder extends ByteToMessageDecoder {

    private final int maxFrameLength;
    private final int maxFaults;
    private final FaultCounter faults;
    private boolean discarding;
    private int faultCount;
    private byte[] scratch = new byte[256];

    public Jt808FrameDecoder(int maxFrameLength, int maxFaults, FaultCounter faults) {
        this.maxFrameLength = maxFrameLength;
        this.maxFaults = maxFaults;
        this.faults = fault -> {
            faults.count(fault);
            faultCount++;
        };
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            if (faultCount > maxFaults) {
                in.skipBytes(in.readableBytes());
                faults.count(Fault.CONNECTION_DROPPED);
                ctx.close();
                return;
            }
            int start = in.readerIndex();
            int end = in.writerIndex();
            if (discarding || in.getByte(start) != Jt808.FLAG) {
                int flag = in.indexOf(start, end, Jt808.FLAG);
                if (!discarding) {
                    faults.count(Fault.GARBAGE);
                }
                discarding = false;
                if (flag < 0) {
                    in.skipBytes(in.readableBytes());
                    return;
                }
                in.readerIndex(flag);
                continue;
            }
            int close = in.indexOf(start + 1, end, Jt808.FLAG);
            if (close < 0) {
                if (in.readableBytes() - 1 > maxFrameLength) {
                    faults.count(Fault.OVERSIZE);
                    in.skipBytes(in.readableBytes());
                    discarding = true;
                }
                return;
            }
            if (close == start + 1) { // 7e7e: an end flag followed by a start flag
                in.skipBytes(1);
                continue;
            }
            int length = close - start - 1;
            if (length > maxFrameLength) {
                faults.count(Fault.OVERSIZE);
                in.readerIndex(close);
                continue;
            }
            if (scratch.length < length) {
                scratch = new byte[Math.max(length, scratch.length * 2)];
            }
            in.getBytes(start + 1, scratch, 0, length);
            Jt808Message message = Jt808Codec.decodeFrame(scratch, 0, length, faults);
            if (message != null) {
                in.readerIndex(close + 1);
                out.add(message);
            } else {
                in.readerIndex(close);
            }
        }
    }
}
