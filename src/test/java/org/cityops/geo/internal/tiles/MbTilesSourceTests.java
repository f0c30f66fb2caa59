package org.cityops.geo.internal.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MbTilesSourceTests {

    @TempDir
    Path dir;

    @Test
    void tilesAreAddressedInXyzWhileTheFileStoresTmsRows() throws Exception {
        Path file = TestTileFiles.mbtiles(
                dir.resolve("cz.mbtiles"),
                Map.of(
                        "name",
                        "常州",
                        "format",
                        "png",
                        "minzoom",
                        "10",
                        "maxzoom",
                        "12",
                        "bounds",
                        "119.4,31.3,120.2,32.0",
                        "attribution",
                        "常州市测绘院"),
                new int[] {10, 852, 413},
                new int[] {12, 3423, 1655});
        try (TileSource s = TileSource.open(file)) {
            assertThat(s.tile(10, 852, 413)).hasValue(TestTileFiles.png(10, 852, 413));
            assertThat(s.tile(12, 3423, 1655)).hasValue(TestTileFiles.png(12, 3423, 1655));
            assertThat(s.tile(10, 852, (1 << 10) - 1 - 413))
                    .as("the TMS row is not an XYZ row")
                    .isEmpty();
            assertThat(s.info().format()).isEqualTo(TileFormat.PNG);
            assertThat(s.info().minZoom()).isEqualTo(10);
            assertThat(s.info().maxZoom()).isEqualTo(12);
            assertThat(s.info().bounds()).containsExactly(119.4, 31.3, 120.2, 32.0);
            assertThat(s.info().attribution()).isEqualTo("常州市测绘院");
        }
    }

    @Test
    void withoutZoomMetadataTheZoomRangeComesFromTheTiles() throws Exception {
        Path file = TestTileFiles.mbtiles(
                dir.resolve("bare.mbtiles"), Map.of("format", "jpg"), new int[] {9, 426, 206}, new int[] {13, 6846, 3310
                });
        try (TileSource s = TileSource.open(file)) {
            assertThat(s.info().minZoom()).isEqualTo(9);
            assertThat(s.info().maxZoom()).isEqualTo(13);
            assertThat(s.info().format().mediaType()).isEqualTo("image/jpeg");
            assertThat(s.info().bounds()).isNull();
        }
    }

    @Test
    void vectorTilesAreRefusedWithTheReason() throws Exception {
        Path file = TestTileFiles.mbtiles(dir.resolve("vector.mbtiles"), Map.of("format", "pbf"), new int[] {0, 0, 0});
        assertThatThrownBy(() -> TileSource.open(file))
                .isInstanceOf(TileFileException.class)
                .hasMessageContaining("不是栅格格式")
                .hasMessageContaining("vector.mbtiles");
    }
}
