package org.cityops.telemetry.jt808;

import java.util.ArrayList;
import java.util.List;

/**
 * 0x0704 batch upload (定位数据批量上传): count WORD, type BYTE (0 normal, 1 blind-area re-send 盲区补报), then
 * items of length WORD + a 0x0200 body.
 */
public record LocationBatch(int type, List<LocationReport> reports) {

    public static final int BLIND_AREA = 1;

    public static LocationBatch decode(byte[] body) {
        BodyReader r = new BodyReader(body);
        int count = r.u16();
        int type = r.u8();
        List<LocationReport> reports = new ArrayList<>(Math.min(count, 64));
        for (int i = 0; i < count; i++) {
            int len = r.u16();
            if (len < LocationReport.BASIC_LENGTH || len > r.remaining()) {
                throw new BadBodyException("batch item " + i + " has a bad length");
            }
            reports.add(LocationReport.decode(new BodyReader(r.array(), r.position(), len)));
            r.skip(len);
        }
        return new LocationBatch(type, reports);
    }

    public byte[] encode() {
        BodyWriter w = new BodyWriter().u16(reports.size()).u8(type);
        for (LocationReport report : reports) {
            byte[] b = report.encode();
            w.u16(b.length).bytes(b);
        }
        return w.toBytes();
    }
}
