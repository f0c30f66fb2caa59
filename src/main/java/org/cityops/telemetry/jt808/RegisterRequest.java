package org.cityops.telemetry.jt808;

/**
 * 0x0100 terminal registration (终端注册). 2013: maker BYTE[5], model BYTE[20], terminal id BYTE[7]; 2019: 11, 30,
 * 30; 2011 (a 2013-style body shorter than 37 bytes): model BYTE[8].
 *
 * @param plateColor 0 = no plate (the plate field holds the VIN), 1 blue, 2 yellow, ...
 * @param plate      车牌 (GBK)
 */
public record RegisterRequest(
        int province, int city, String maker, String model, String terminalId, int plateColor, String plate) {

    public static RegisterRequest decode(byte[] body, boolean v2019) {
        BodyReader r = new BodyReader(body);
        int makerLen = v2019 ? 11 : 5;
        int modelLen = v2019 ? 30 : body.length < 37 ? 8 : 20;
        int idLen = v2019 ? 30 : 7;
        return new RegisterRequest(
                r.u16(),
                r.u16(),
                r.fixedString(makerLen),
                r.fixedString(modelLen),
                r.fixedString(idLen),
                r.u8(),
                r.restAsString());
    }

    public byte[] encode(boolean v2019) {
        return new BodyWriter()
                .u16(province)
                .u16(city)
                .fixed(maker, v2019 ? 11 : 5)
                .fixed(model, v2019 ? 30 : 20)
                .fixed(terminalId, v2019 ? 30 : 7)
                .u8(plateColor)
                .string(plate)
                .toBytes();
    }
}
