package org.cityops.geo.internal.tiles;

import java.util.Locale;

/** The raster formats a basemap file may hold, with the media type the tile endpoint answers with. */
public enum TileFormat {
    PNG("image/png"),
    JPEG("image/jpeg"),
    WEBP("image/webp"),
    AVIF("image/avif");

    private final String mediaType;

    TileFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** From the MBTiles {@code format} metadata value (png, jpg, jpeg, webp); vector (pbf) is not a raster format. */
    static TileFormat ofName(String name, String file) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "png" -> PNG;
            case "jpg", "jpeg" -> JPEG;
            case "webp" -> WEBP;
            case "avif" -> AVIF;
            default ->
                throw new TileFileException(
                        file,
                        "瓦片格式 \"" + name + "\" 不是栅格格式（支持 png/jpg/webp） " + "tile format \"" + name
                                + "\" is not a raster format (png, jpg, webp are served)");
        };
    }
}
