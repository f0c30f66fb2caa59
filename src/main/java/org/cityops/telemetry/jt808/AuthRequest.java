package org.cityops.telemetry.jt808;

/**
 * 0x0102 authentication (终端鉴权). 2013: the body is the auth code; 2019: length BYTE, code, IMEI BYTE[15],
 * software version BYTE[20].
 */
public record AuthRequest(String authCode, String imei, String softwareVersion) {

    public static AuthRequest decode(byte[] body, boolean v2019) {
        BodyReader r = new BodyReader(body);
        if (!v2019) {
            return new AuthRequest(r.restAsString(), null, null);
        }
        int n = r.u8();
        String code = r.fixedString(n);
        String imei = r.remaining() >= 15 ? r.fixedString(15) : null;
        String sw = r.remaining() > 0 ? r.fixedString(Math.min(20, r.remaining())) : null;
        return new AuthRequest(code, imei, sw);
    }

    public byte[] encode(boolean v2019) {
        if (!v2019) {
            return new BodyWriter().string(authCode).toBytes();
        }
        byte[] code = authCode.getBytes(BodyReader.GBK);
        return new BodyWriter()
                .u8(code.length)
                .bytes(code)
                .fixed(imei == null ? "" : imei, 15)
                .fixed(softwareVersion == null ? "" : softwareVersion, 20)
                .toBytes();
    }
}
