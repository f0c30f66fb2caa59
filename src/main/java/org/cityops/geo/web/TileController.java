package org.cityops.geo.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.cityops.geo.internal.Basemap;
import org.cityops.geo.internal.tiles.TileSource;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Raster tiles of the local basemap file (MBTiles or PMTiles), in the XYZ scheme: {@code /tiles/{z}/{x}/{y}} (a
 * {@code .png}/{@code .jpg}/{@code .webp} suffix on y is accepted). Public, like the file's content (the citizen report
 * page draws it). Cached by browsers for a day; the ETag and the {@code ?v=} of the URL change with the file. A tile the
 * file does not have is 204 (the boundary base shows through), a tile address that cannot exist is 400, and without a
 * configured file every address is 404.
 */
@RestController
class TileController {

    private static final CacheControl CACHE =
            CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

    private final Basemap basemap;

    TileController(Basemap basemap) {
        this.basemap = basemap;
    }

    @GetMapping("/tiles/{z}/{x}/{y}")
    ResponseEntity<byte[]> tile(
            @PathVariable String z,
            @PathVariable String x,
            @PathVariable String y,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch)
            throws IOException {
        TileSource file = basemap.file()
                .orElseThrow(() ->
                        new NotFoundException("未配置底图文件 no basemap file is configured (cityops.map.basemap.file)"));
        int zoom = number(z, "z", 0, 26);
        long size = 1L << zoom;
        int col = number(x, "x", 0, size - 1);
        int row = number(y.replaceFirst("\\.(png|jpe?g|webp|avif)$", ""), "y", 0, size - 1);
        String etag = "\"" + basemap.fileVersion() + "-" + zoom + "-" + col + "-" + row + "\"";
        if (ifNoneMatch != null && ifNoneMatch.contains(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(etag)
                    .cacheControl(CACHE)
                    .build();
        }
        Optional<byte[]> tile = file.tile(zoom, col, row);
        if (tile.isEmpty()) {
            return ResponseEntity.noContent().cacheControl(CACHE).build();
        }
        return ResponseEntity.ok()
                .cacheControl(CACHE)
                .eTag(etag)
                .contentType(MediaType.parseMediaType(file.info().format().mediaType()))
                .body(tile.get());
    }

    private static int number(String value, String field, long min, long max) {
        long v;
        try {
            v = Long.parseLong(value);
        } catch (NumberFormatException e) {
            v = Long.MIN_VALUE;
        }
        if (v < min || v > max) {
            throw new InvalidInputException(
                    "瓦片地址 " + field + " 应为 " + min + ".." + max + " 之间的整数 tile " + field + " must be an integer in "
                            + min + ".." + max,
                    field);
        }
        return (int) v;
    }
}
