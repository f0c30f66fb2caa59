package org.cityops.telemetry.jt808;

import java.util.HexFormat;

final class Hex {

    private Hex() {}

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", "").toLowerCase());
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
