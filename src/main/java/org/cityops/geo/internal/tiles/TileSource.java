package org.cityops.geo.internal.tiles;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * A file of raster tiles read by tile address in the XYZ scheme Leaflet uses (y grows southwards). Thread-safe.
 */
public interface TileSource extends Closeable {

    /** What the file says about itself: zoom range, area (WGS-84 lon/lat; null when the file does not say), name. */
    record Info(TileFormat format, int minZoom, int maxZoom, double[] bounds, String name, String attribution) {}

    Info info();

    /** The tile's bytes, or empty when the file has no tile there. */
    Optional<byte[]> tile(int z, int x, int y) throws IOException;

    /** Opens an MBTiles (SQLite) or PMTiles v3 file, recognised by its first bytes rather than by its name. */
    static TileSource open(Path file) {
        String name = file.toString();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new TileFileException(name, "文件不存在或不可读 does not exist or is not readable");
        }
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new TileFileException(name, "无法读取 cannot be read", e);
        }
        String magic = new String(Arrays.copyOf(head, n), StandardCharsets.ISO_8859_1);
        if (magic.startsWith("PMTiles")) {
            return PmTilesSource.open(file);
        }
        if (magic.startsWith("SQLite format 3")) {
            return MbTilesSource.open(file);
        }
        throw new TileFileException(name, "不是 MBTiles 或 PMTiles 文件 is neither an MBTiles nor a PMTiles file");
    }
}
