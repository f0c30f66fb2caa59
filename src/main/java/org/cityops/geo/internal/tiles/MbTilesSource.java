package org.cityops.geo.internal.tiles;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An MBTiles file (SQLite, the MBTiles 1.3 layout: {@code metadata(name, value)} and {@code tiles(zoom_level,
 * tile_column, tile_row, tile_data)} with TMS rows, counted from the south) opened read-only. One connection, used by
 * one request at a time (a lookup by primary key takes microseconds).
 */
final class MbTilesSource implements TileSource {

    private final Connection connection;
    private final PreparedStatement select;
    private final ReentrantLock lock = new ReentrantLock();
    private final Info info;

    private MbTilesSource(Connection connection, Info info) throws SQLException {
        this.connection = connection;
        this.info = info;
        this.select = connection.prepareStatement(
                "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?");
    }

    static MbTilesSource open(Path file) {
        String name = file.toString();
        Connection c = null;
        try {
            org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
            config.setReadOnly(true);
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
            Map<String, String> meta = new HashMap<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT name, value FROM metadata")) {
                while (rs.next()) {
                    meta.put(rs.getString(1), rs.getString(2));
                }
            }
            int minZoom;
            int maxZoom;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT MIN(zoom_level), MAX(zoom_level), COUNT(*) FROM tiles")) {
                rs.next();
                if (rs.getLong(3) == 0) {
                    throw new TileFileException(name, "没有瓦片 holds no tiles");
                }
                minZoom = meta.containsKey("minzoom")
                        ? Integer.parseInt(meta.get("minzoom").trim())
                        : rs.getInt(1);
                maxZoom = meta.containsKey("maxzoom")
                        ? Integer.parseInt(meta.get("maxzoom").trim())
                        : rs.getInt(2);
            }
            TileFormat format = TileFormat.ofName(meta.getOrDefault("format", "png"), name);
            Info info = new Info(
                    format, minZoom, maxZoom, bounds(meta.get("bounds")), meta.get("name"), meta.get("attribution"));
            return new MbTilesSource(c, info);
        } catch (SQLException | NumberFormatException e) {
            close(c);
            throw new TileFileException(
                    name,
                    "不是可读的 MBTiles 文件（需要 metadata 和 tiles 表） is not a readable MBTiles "
                            + "file (tables metadata and tiles): " + e.getMessage(),
                    e);
        } catch (RuntimeException e) {
            close(c);
            throw e;
        }
    }

    private static double[] bounds(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String[] p = value.split(",");
        if (p.length != 4) {
            return null;
        }
        double[] b = new double[4];
        for (int i = 0; i < 4; i++) {
            b[i] = Double.parseDouble(p[i].trim());
        }
        return b;
    }

    private static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already failing
            }
        }
    }

    @Override
    public Info info() {
        return info;
    }

    @Override
    public Optional<byte[]> tile(int z, int x, int y) throws IOException {
        int tmsRow = (1 << z) - 1 - y;
        lock.lock();
        try {
            select.setInt(1, z);
            select.setInt(2, x);
            select.setInt(3, tmsRow);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IOException("MBTiles read failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        close(connection);
    }
}
