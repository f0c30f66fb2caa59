package org.cityops.telemetry.jt808;

/** JT/T 808 message ids and result codes used by the gateway. */
public final class Jt808 {

    public static final int TERMINAL_RESPONSE = 0x0001; // 终端通用应答
    public static final int HEARTBEAT = 0x0002; // 终端心跳
    public static final int LOGOUT = 0x0003; // 终端注销
    public static final int REGISTER = 0x0100; // 终端注册
    public static final int AUTHENTICATE = 0x0102; // 终端鉴权
    public static final int LOCATION = 0x0200; // 位置信息汇报
    public static final int LOCATION_BATCH = 0x0704; // 定位数据批量上传 (incl. 盲区补报)
    public static final int PLATFORM_RESPONSE = 0x8001; // 平台通用应答
    public static final int REGISTER_RESPONSE = 0x8100; // 终端注册应答

    /** 0x8001 results */
    public static final int OK = 0;

    public static final int FAILED = 1;
    public static final int BAD_MESSAGE = 2;
    public static final int UNSUPPORTED = 3;

    /** 0x8100 results */
    public static final int REGISTERED = 0;

    public static final int VEHICLE_ALREADY_REGISTERED = 1;
    public static final int VEHICLE_NOT_IN_DB = 2;
    public static final int TERMINAL_ALREADY_REGISTERED = 3;
    public static final int TERMINAL_NOT_IN_DB = 4;

    public static final byte FLAG = 0x7e;
    public static final byte ESCAPE = 0x7d;

    /** the largest body a single (not subpackaged) message may carry: 10 bits */
    public static final int MAX_BODY = 1023;

    private Jt808() {}
}
