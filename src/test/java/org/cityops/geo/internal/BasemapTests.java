package org.cityops.geo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cityops.geo.CoordinateSystem;
import org.cityops.geo.internal.tiles.TileFileException;
import org.junit.jupiter.api.Test;

class BasemapTests {

    private static Basemap basemap(String source, String file, String crs, String url, String tk) {
        return new Basemap(source, file, crs, url, "", 18, "", tk, "vec");
    }

    @Test
    void withNothingConfiguredThereIsNoTileLayerAtAll() {
        Basemap b = basemap("", "", "", "", "");
        assertThat(b.source()).isEqualTo(Basemap.Source.NONE);
        assertThat(b.layers()).isEmpty();
        assertThat(b.file()).isEmpty();
        assertThat(b.crs()).isEqualTo(CoordinateSystem.WGS84);
    }

    @Test
    void aTiandituKeyGivesTheVectorMapAndItsLabelsInWgs84() {
        Basemap b = basemap("", "", "GCJ02", "", "abc123");
        assertThat(b.source()).isEqualTo(Basemap.Source.TIANDITU);
        assertThat(b.crs()).as("天地图 is CGCS2000 whatever crs says").isEqualTo(CoordinateSystem.WGS84);
        assertThat(b.layers()).hasSize(2);
        assertThat(b.layers().get(0).url())
                .startsWith("https://t{s}.tianditu.gov.cn/vec_w/wmts?")
                .contains("LAYER=vec")
                .contains("TILEMATRIX={z}&TILEROW={y}&TILECOL={x}")
                .endsWith("&tk=abc123");
        assertThat(b.layers().get(1).url()).contains("/cva_w/").contains("LAYER=cva");
        assertThat(b.layers().get(0).subdomains()).isEqualTo("01234567");
    }

    @Test
    void aGaodeUrlDeclaredGcj02IsDrawnInGcj02() {
        Basemap b =
                basemap("", "", "gcj-02", "https://webrd0{s}.is.autonavi.com/appmaptile?style=8&x={x}&y={y}&z={z}", "");
        assertThat(b.source()).isEqualTo(Basemap.Source.URL);
        assertThat(b.crs()).isEqualTo(CoordinateSystem.GCJ02);
        assertThat(b.layers())
                .singleElement()
                .extracting(Basemap.Layer::url)
                .asString()
                .contains("autonavi");
    }

    @Test
    void anExplicitSourceWinsOverWhatElseIsSet() {
        assertThat(basemap("none", "", "", "http://tiles.internal/{z}/{x}/{y}.png", "k")
                        .layers())
                .isEmpty();
    }

    @Test
    void misconfigurationStopsStartUpWithTheReason() {
        assertThatThrownBy(() -> basemap("google", "", "", "", ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("none、file、tianditu 或 url");
        assertThatThrownBy(() -> basemap("", "", "BD09", "http://x/{z}/{x}/{y}", ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GCJ02");
        assertThatThrownBy(() -> basemap("tianditu", "", "", "", ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tk");
        assertThatThrownBy(() -> basemap("", "/nonexistent/city.mbtiles", "", "", ""))
                .isInstanceOf(TileFileException.class)
                .hasMessageContaining("/nonexistent/city.mbtiles");
    }
}
