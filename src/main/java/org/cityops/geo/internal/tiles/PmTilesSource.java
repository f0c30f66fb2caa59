package org.cityops.geo.internal.tiles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * A PMTiles v3 file: one file, read with positional reads (the same range reads a browser would make over HTTP, here
 * against the local disk). A 127-byte header, a root directory, optional leaf directories and the tile data; tiles are
 * addressed by a Hilbert-curve tile id. Directories may be gzip-compressed; raster tiles are served as stored.
 */
final class PmTilesSource implements TileSource {

    static final int HEADER_LENGTH = 127;
    private static final int COMPRESSION_NONE = 1;
    private static final int COMPRESSION_GZIP = 2;
    private static final int MAX_DEPTH = 4;

    /** One directory entry: a run of {@code runLength} tiles from {@code tileId}, or (run length 0) a leaf directory. */
    record Entry(long tileId, long offset, int length, int runLength) {}

    private final FileChannel channel;
    private final String name;
    private final long leafOffset;
    private final long dataOffset;
    private final int internalCompression;
    private final int tileCompression;
    private final Entry[] root;
    private final Info info;

    private PmTilesSource(FileChannel channel, String name, ByteBuffer h) throws IOException {
        this.channel = channel;
        this.name = name;
        long rootOffset = h.getLong(8);
        long rootLength = h.getLong(16);
        this.leafOffset = h.getLong(40);
        this.dataOffset = h.getLong(56);
        this.internalCompression = h.get(97) & 0xff;
        this.tileCompression = h.get(98) & 0xff;
        int tileType = h.get(99) & 0xff;
        TileFormat format = switch (tileType) {
            case 2 -> TileFormat.PNG;
            case 3 -> TileFormat.JPEG;
            case 4 -> TileFormat.WEBP;
            case 5 -> TileFormat.AVIF;
            default ->
                throw new TileFileException(
                        name,
                        "瓦片类型 " + tileType + " 不是栅格（1 为矢量 MVT） tile type " + tileType
                                + " is not raster (1 is vector MVT; png, jpeg, webp are served)");
        };
        if (internalCompression != COMPRESSION_NONE && internalCompression != COMPRESSION_GZIP) {
            throw new TileFileException(
                    name,
                    "目录压缩方式 " + internalCompression + " 不受支持（支持不压缩或 gzip） " + "directory compression "
                            + internalCompression + " is not supported (none or gzip)");
        }
        if (tileCompression > COMPRESSION_GZIP) {
            throw new TileFileException(
                    name,
                    "瓦片压缩方式 " + tileCompression + " 不受支持 tile compression " + tileCompression + " is not supported");
        }
        double[] bounds = {h.getInt(102) / 1e7, h.getInt(106) / 1e7, h.getInt(110) / 1e7, h.getInt(114) / 1e7};
        boolean noBounds = bounds[0] == 0 && bounds[1] == 0 && bounds[2] == 0 && bounds[3] == 0;
        this.info = new Info(format, h.get(100) & 0xff, h.get(101) & 0xff, noBounds ? null : bounds, null, null);
        this.root = directory(rootOffset, (int) rootLength);
    }

    static PmTilesSource open(Path file) {
        String name = file.toString();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            ByteBuffer h = read(channel, 0, HEADER_LENGTH);
            if (h.remaining() < HEADER_LENGTH || (h.get(7) & 0xff) != 3) {
                throw new TileFileException(name, "只支持 PMTiles 第 3 版 only PMTiles version 3 is supported");
            }
            return new PmTilesSource(channel, name, h);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
            if (e instanceof TileFileException t) {
                throw t;
            }
            throw new TileFileException(name, "不是可读的 PMTiles 文件 is not a readable PMTiles file: " + e.getMessage(), e);
        }
    }

    @Override
    public Info info() {
        return info;
    }

    @Override
    public Optional<byte[]> tile(int z, int x, int y) throws IOException {
        long id = tileId(z, x, y);
        Entry[] dir = root;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            Entry e = find(dir, id);
            if (e == null) {
                return Optional.empty();
            }
            if (e.runLength() > 0) {
                ByteBuffer b = read(channel, dataOffset + e.offset(), e.length());
                byte[] bytes = new byte[b.remaining()];
                b.get(bytes);
                return Optional.of(tileCompression == COMPRESSION_GZIP ? gunzip(bytes) : bytes);
            }
            dir = directory(leafOffset + e.offset(), e.length());
        }
        throw new IOException(name + ": directories nested deeper than " + MAX_DEPTH);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** The PMTiles tile id: the tiles of all lower zooms, then the position along the zoom's Hilbert curve. */
    static long tileId(int z, long x, long y) {
        if (z < 0 || z > 26 || x < 0 || y < 0 || x >= (1L << z) || y >= (1L << z)) {
            throw new IllegalArgumentException("no tile " + z + "/" + x + "/" + y);
        }
        long before = ((1L << (2 * z)) - 1) / 3;
        long n = 1L << z;
        long d = 0;
        for (long s = n / 2; s > 0; s /= 2) {
            long rx = (x & s) > 0 ? 1 : 0;
            long ry = (y & s) > 0 ? 1 : 0;
            d += s * s * ((3 * rx) ^ ry);
            if (ry == 0) { // rotate the quadrant so the curve stays continuous
                if (rx == 1) {
                    x = n - 1 - x;
                    y = n - 1 - y;
                }
                long t = x;
                x = y;
                y = t;
            }
        }
        return before + d;
    }

    /** The entry covering the id: the last one starting at or before it, if its run (or leaf) reaches it. */
    static Entry find(Entry[] entries, long id) {
        int lo = 0;
        int hi = entries.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long c = entries[mid].tileId();
            if (c == id) {
                return entries[mid];
            } else if (c < id) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (hi >= 0) {
            Entry e = entries[hi];
            if (e.runLength() == 0 || id - e.tileId() < e.runLength()) {
                return e;
            }
        }
        return null;
    }

    private Entry[] directory(long offset, int length) throws IOException {
        ByteBuffer raw = read(channel, offset, length);
        byte[] bytes = new byte[raw.remaining()];
        raw.get(bytes);
        if (internalCompression == COMPRESSION_GZIP) {
            bytes = gunzip(bytes);
        }
        return decodeDirectory(ByteBuffer.wrap(bytes));
    }

    /** Varint count; then delta-coded tile ids, run lengths, lengths, offsets (0 = right after the previous entry). */
    static Entry[] decodeDirectory(ByteBuffer b) {
        int count = (int) varint(b);
        long[] ids = new long[count];
        long last = 0;
        for (int i = 0; i < count; i++) {
            last += varint(b);
            ids[i] = last;
        }
        int[] runs = new int[count];
        for (int i = 0; i < count; i++) {
            runs[i] = (int) varint(b);
        }
        int[] lengths = new int[count];
        for (int i = 0; i < count; i++) {
            lengths[i] = (int) varint(b);
        }
        Entry[] out = new Entry[count];
        for (int i = 0; i < count; i++) {
            long v = varint(b);
            long offset = v == 0 && i > 0 ? out[i - 1].offset() + out[i - 1].length() : v - 1;
            out[i] = new Entry(ids[i], offset, lengths[i], runs[i]);
        }
        return out;
    }

    static long varint(ByteBuffer b) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int c = b.get() & 0xff;
            value |= (long) (c & 0x7f) << shift;
            if (c < 0x80) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint too long");
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            int n = channel.read(b, position + b.position());
            if (n < 0) {
                break;
            }
        }
        return b.flip();
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
