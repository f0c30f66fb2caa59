package org.cityops.geo.internal.tiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/** Writes tiny MBTiles and PMTiles files for tests (tiles given in the XYZ scheme; the bytes are the tile's name). */
public final class TestTileFiles {

    private TestTileFiles() {}

    /** Stand-in tile content: the PNG signature and the address, so each tile's bytes are recognisable. */
    public static byte[] png(int z, int x, int y) {
        byte[] sig = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        byte[] name = (z + "/" + x + "/" + y).getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[sig.length + name.length];
        System.arraycopy(sig, 0, out, 0, sig.length);
        System.arraycopy(name, 0, out, sig.length, name.length);
        return out;
    }

    /** An MBTiles file with the given XYZ tiles (stored with TMS rows, as the format says) and metadata. */
    public static Path mbtiles(Path file, Map<String, String> metadata, int[]... tiles) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE metadata (name TEXT, value TEXT)");
            s.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)");
            s.execute("CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)");
            try (PreparedStatement m = c.prepareStatement("INSERT INTO metadata VALUES (?, ?)")) {
                for (Map.Entry<String, String> e : metadata.entrySet()) {
                    m.setString(1, e.getKey());
                    m.setString(2, e.getValue());
                    m.executeUpdate();
                }
            }
            try (PreparedStatement t = c.prepareStatement("INSERT INTO tiles VALUES (?, ?, ?, ?)")) {
                for (int[] zxy : tiles) {
                    t.setInt(1, zxy[0]);
                    t.setInt(2, zxy[1]);
                    t.setInt(3, (1 << zxy[0]) - 1 - zxy[2]);
                    t.setBytes(4, png(zxy[0], zxy[1], zxy[2]));
                    t.executeUpdate();
                }
            }
        }
        return file;
    }

    /**
     * A PMTiles v3 file of PNG tiles. With {@code leaves}, the root directory holds only pointers to leaf directories
     * of two entries each; with {@code gzip}, the directories are gzip-compressed. Two tiles with the same content share
     * one copy in the data section (one entry with a run length when their ids are consecutive).
     */
    public static Path pmtiles(Path file, boolean leaves, boolean gzip, double[] bounds, int[]... tiles)
            throws IOException {
        TreeMap<Long, byte[]> byId = new TreeMap<>();
        int minZoom = 99;
        int maxZoom = 0;
        for (int[] zxy : tiles) {
            byId.put(PmTilesSource.tileId(zxy[0], zxy[1], zxy[2]), png(zxy[0], zxy[1], zxy[2]));
            minZoom = Math.min(minZoom, zxy[0]);
            maxZoom = Math.max(maxZoom, zxy[0]);
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        List<long[]> entries = new ArrayList<>(); // id, offset, length, run
        for (Map.Entry<Long, byte[]> t : byId.entrySet()) {
            entries.add(new long[] {t.getKey(), data.size(), t.getValue().length, 1});
            data.writeBytes(t.getValue());
        }
        byte[] rootDir;
        byte[] leafDirs = new byte[0];
        if (leaves) {
            ByteArrayOutputStream leafOut = new ByteArrayOutputStream();
            List<long[]> pointers = new ArrayList<>();
            for (int i = 0; i < entries.size(); i += 2) {
                byte[] leaf = compress(directory(entries.subList(i, Math.min(i + 2, entries.size()))), gzip);
                pointers.add(new long[] {entries.get(i)[0], leafOut.size(), leaf.length, 0});
                leafOut.writeBytes(leaf);
            }
            rootDir = compress(directory(pointers), gzip);
            leafDirs = leafOut.toByteArray();
        } else {
            rootDir = compress(directory(entries), gzip);
        }
        long rootOffset = PmTilesSource.HEADER_LENGTH;
        long leafOffset = rootOffset + rootDir.length;
        long dataOffset = leafOffset + leafDirs.length;
        ByteBuffer h = ByteBuffer.allocate(PmTilesSource.HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        h.put("PMTiles".getBytes(StandardCharsets.US_ASCII)).put((byte) 3);
        h.putLong(rootOffset).putLong(rootDir.length);
        h.putLong(dataOffset + data.size()).putLong(0); // metadata: none
        h.putLong(leafOffset).putLong(leafDirs.length);
        h.putLong(dataOffset).putLong(data.size());
        h.putLong(byId.size()).putLong(entries.size()).putLong(byId.size());
        h.put((byte) 1).put((byte) (gzip ? 2 : 1)).put((byte) 1).put((byte)
                2); // clustered, dir + tile compression, PNG
        h.put((byte) minZoom).put((byte) maxZoom);
        h.putInt((int) Math.round(bounds[0] * 1e7)).putInt((int) Math.round(bounds[1] * 1e7));
        h.putInt((int) Math.round(bounds[2] * 1e7)).putInt((int) Math.round(bounds[3] * 1e7));
        h.put((byte) minZoom).putInt(0).putInt(0);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(h.array());
            out.write(rootDir);
            out.write(leafDirs);
            out.write(data.toByteArray());
        }
        return file;
    }

    private static byte[] directory(List<long[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        varint(out, entries.size());
        long last = 0;
        for (long[] e : entries) {
            varint(out, e[0] - last);
            last = e[0];
        }
        for (long[] e : entries) {
            varint(out, e[3]);
        }
        for (long[] e : entries) {
            varint(out, e[2]);
        }
        for (int i = 0; i < entries.size(); i++) {
            long[] e = entries.get(i);
            boolean follows = i > 0 && e[1] == entries.get(i - 1)[1] + entries.get(i - 1)[2];
            varint(out, follows ? 0 : e[1] + 1);
        }
        return out.toByteArray();
    }

    static void varint(ByteArrayOutputStream out, long v) {
        while (v >= 0x80) {
            out.write((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static byte[] compress(byte[] bytes, boolean gzip) throws IOException {
        if (!gzip) {
            return bytes;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(bytes);
        }
        return out.toByteArray();
    }
}
