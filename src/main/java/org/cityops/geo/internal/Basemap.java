package org.cityops.geo.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cityops.geo.CoordinateSystem;
import org.cityops.geo.internal.tiles.TileFileException;
import org.cityops.geo.internal.tiles.TileSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What every map draws underneath its own data (configuration {@code cityops.map.basemap.*}, see docs/geo.md):
 * <ul>
 * <li>{@code none}: nothing from outside; the district and street boundaries and the grid layer are the base;</li>
 * <li>{@code file}: raster tiles from one local MBTiles or PMTiles file, served by cityops at {@code /tiles/{z}/{x}/{y}};</li>
 * <li>{@code tianditu}: 天地图 (the national basemap, WGS-84/CGCS2000) with the {@code tk} key of the deployment;</li>
 * <li>{@code url}: any XYZ tile URL template, with the coordinate system its tiles are drawn in (高德/腾讯: GCJ-02).</li>
 * </ul>
 * Without a {@code source}, the first configured of file, 天地图 key, URL is used; with none of them, {@code none}: no
 * tile is ever requested from the internet unless a person configured it. A configured file that cannot be served stops
 * start-up with the reason (a bureau finds out at deployment, not from grey maps).
 */
@Component
public class Basemap implements DisposableBean {

    public enum Source {
        NONE,
        FILE,
        TIANDITU,
        URL
    }

    /** One tile layer for Leaflet: URL template, subdomains, zoom range of the tiles, area (s, w, n, e or null). */
    public record Layer(
            String url, String subdomains, int minNativeZoom, int maxNativeZoom, double[] bounds, String attribution) {}

    private static final Logger log = LoggerFactory.getLogger(Basemap.class);
    static final String TIANDITU = "https://t{s}.tianditu.gov.cn/%s_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
            + "&LAYER=%s&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=%s";

    private final Source source;
    private final CoordinateSystem crs;
    private final List<Layer> layers;
    private final TileSource file;
    private final String fileVersion;

    public Basemap(
            @Value("${cityops.map.basemap.source:}") String source,
            @Value("${cityops.map.basemap.file:}") String file,
            @Value("${cityops.map.basemap.crs:}") String crs,
            @Value("${cityops.map.basemap.url:${cityops.map.tile-url:}}") String url,
            @Value("${cityops.map.basemap.subdomains:}") String subdomains,
            @Value("${cityops.map.basemap.max-zoom:18}") int maxZoom,
            @Value("${cityops.map.basemap.attribution:}") String attribution,
            @Value("${cityops.map.basemap.tianditu.tk:}") String tk,
            @Value("${cityops.map.basemap.tianditu.layer:vec}") String tiandituLayer) {
        this.source = pick(source, file, tk, url);
        this.crs = this.source == Source.TIANDITU || this.source == Source.NONE ? CoordinateSystem.WGS84 : crs(crs);
        List<Layer> l = new ArrayList<>();
        TileSource opened = null;
        String v = "";
        switch (this.source) {
            case FILE -> {
                Path path = Path.of(file.trim());
                opened = TileSource.open(path);
                TileSource.Info info = opened.info();
                double[] b = info.bounds();
                v = version(path);
                l.add(new Layer(
                        "/tiles/{z}/{x}/{y}?v=" + v,
                        "",
                        info.minZoom(),
                        info.maxZoom(),
                        b == null ? null : new double[] {b[1], b[0], b[3], b[2]},
                        blank(attribution) ? info.attribution() : attribution));
                log.info(
                        "Basemap: {} tiles from {} (zoom {}–{}, {})",
                        info.format(),
                        path,
                        info.minZoom(),
                        info.maxZoom(),
                        this.crs);
            }
            case TIANDITU -> {
                if (blank(tk)) {
                    throw new IllegalStateException("cityops.map.basemap.source=tianditu 需要 tk 密钥 "
                            + "needs cityops.map.basemap.tianditu.tk (CITYOPS_TIANDITU_TK)");
                }
                String[] pair = switch (tiandituLayer.trim().toLowerCase(Locale.ROOT)) {
                    case "img" -> new String[] {"img", "cia"}; // 影像 + 影像注记
                    case "ter" -> new String[] {"ter", "cta"}; // 地形 + 地形注记
                    default -> new String[] {"vec", "cva"}; // 矢量 + 矢量注记
                };
                String credit = blank(attribution) ? "天地图 © 国家地理信息公共服务平台" : attribution;
                for (String layer : pair) {
                    l.add(new Layer(
                            String.format(TIANDITU, layer, layer, tk.trim()),
                            "01234567",
                            1,
                            18,
                            null,
                            layer.equals(pair[0]) ? credit : null));
                }
            }
            case URL ->
                l.add(new Layer(
                        url.trim(),
                        blank(subdomains) ? "abc" : subdomains.trim(),
                        0,
                        maxZoom,
                        null,
                        blank(attribution) ? null : attribution));
            case NONE -> {}
        }
        this.layers = List.copyOf(l);
        this.file = opened;
        this.fileVersion = v;
    }

    static Source pick(String source, String file, String tk, String url) {
        if (!blank(source)) {
            try {
                return Source.valueOf(source.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("cityops.map.basemap.source=" + source
                        + " 应为 none、file、tianditu 或 url must be none, file, tianditu or url");
            }
        }
        if (!blank(file)) {
            return Source.FILE;
        }
        if (!blank(tk)) {
            return Source.TIANDITU;
        }
        return blank(url) ? Source.NONE : Source.URL;
    }

    private static CoordinateSystem crs(String value) {
        if (blank(value)) {
            return CoordinateSystem.WGS84;
        }
        String v = value.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (v) {
            case "WGS84", "CGCS2000", "EPSG4326", "EPSG3857" -> CoordinateSystem.WGS84;
            case "GCJ02" -> CoordinateSystem.GCJ02;
            default ->
                throw new IllegalStateException("cityops.map.basemap.crs=" + value
                        + " 应为 WGS84（含 CGCS2000）或 GCJ02 must be WGS84 (or CGCS2000) or GCJ02");
        };
    }

    private static String version(Path path) {
        try {
            return Long.toString(Files.getLastModifiedTime(path).toMillis() ^ Files.size(path), 36);
        } catch (IOException e) {
            throw new TileFileException(path.toString(), "无法读取 cannot be read", e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public Source source() {
        return source;
    }

    /** The coordinate system of the tiles: a map converts every (WGS-84) point into it before drawing. */
    public CoordinateSystem crs() {
        return crs;
    }

    public List<Layer> layers() {
        return layers;
    }

    /** The local tile file, when the source is {@code file}. */
    public Optional<TileSource> file() {
        return Optional.ofNullable(file);
    }

    /** Changes when the file is replaced (its size and modification time), for ETags and cache-busting URLs. */
    public String fileVersion() {
        return fileVersion;
    }

    @Override
    public void destroy() throws IOException {
        if (file != null) {
            file.close();
        }
    }
}
