package org.cityops.telemetry.jt808;

/** One decoded, checksum-verified message: its header and its (unescaped) body. */
public record Jt808Message(Jt808Header header, byte[] body) {

    public int id() {
        return header.messageId();
    }
}
