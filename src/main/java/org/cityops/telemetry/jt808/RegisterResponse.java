package org.cityops.telemetry.jt808;

/** 0x8100 register response (终端注册应答); the auth code (鉴权码) is sent only with result 0. */
public record RegisterResponse(int replySerial, int result, String authCode) {

    public static RegisterResponse decode(byte[] body) {
        BodyReader r = new BodyReader(body);
        int serial = r.u16();
        int result = r.u8();
        return new RegisterResponse(serial, result, result == Jt808.REGISTERED ? r.restAsString() : null);
    }

    public byte[] encode() {
        BodyWriter w = new BodyWriter().u16(replySerial).u8(result);
        if (result == Jt808.REGISTERED && authCode != null) {
            w.string(authCode);
        }
        return w.toBytes();
    }
}
