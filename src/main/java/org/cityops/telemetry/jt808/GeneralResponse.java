package org.cityops.telemetry.jt808;

/** 0x0001 terminal general response (终端通用应答) and 0x8001 platform general response (平台通用应答). */
public record GeneralResponse(int replySerial, int replyId, int result) {

    public static GeneralResponse decode(byte[] body) {
        BodyReader r = new BodyReader(body);
        return new GeneralResponse(r.u16(), r.u16(), r.u8());
    }

    public byte[] encode() {
        return new BodyWriter().u16(replySerial).u16(replyId).u8(result).toBytes();
    }
}
