package org.cityops.geo.internal.tiles;

/** A basemap file that cannot be served: missing, unreadable, not MBTiles/PMTiles, or not raster tiles. */
public class TileFileException extends RuntimeException {

    public TileFileException(String file, String message) {
        super("底图文件 basemap file " + file + ": " + message);
    }

    public TileFileException(String file, String message, Throwable cause) {
        super("底图文件 basemap file " + file + ": " + message, cause);
    }
}
