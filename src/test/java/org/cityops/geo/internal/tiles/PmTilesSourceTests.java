package org.cityops.geo.internal.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PmTilesSourceTests {

    @TempDir
    Path dir;

    private static final double[] CHANGZHOU = {119.4, 31.3, 120.2, 32.0};
    private static final int[][] TILES = {{0, 0, 0}, {1, 1, 0}, {12, 3423, 1763}, {12, 3424, 1763}, {14, 13668, 6633}};

    @Test
    void tileIdsFollowTheHilbertCurveOfTheSpecification() {
        assertThat(PmTilesSource.tileId(0, 0, 0)).isZero();
        assertThat(PmTilesSource.tileId(1, 0, 0)).isEqualTo(1);
        assertThat(PmTilesSource.tileId(1, 0, 1)).isEqualTo(2);
        assertThat(PmTilesSource.tileId(1, 1, 1)).isEqualTo(3);
        assertThat(PmTilesSource.tileId(1, 1, 0)).isEqualTo(4);
        assertThat(PmTilesSource.tileId(2, 0, 0)).isEqualTo(5);
        assertThat(PmTilesSource.tileId(12, 3423, 1763)).isEqualTo(19078479L);
        assertThat(PmTilesSource.tileId(20, 1234, 5678)).isEqualTo(366563052717L);
    }

    @Test
    void varintsAreLittleEndianBase128() {
        ByteBuffer b = ByteBuffer.wrap(new byte[] {0, 1, 127, (byte) 0xe5, (byte) 0x8e, 0x26});
        assertThat(PmTilesSource.varint(b)).isZero();
        assertThat(PmTilesSource.varint(b)).isEqualTo(1);
        assertThat(PmTilesSource.varint(b)).isEqualTo(127);
        assertThat(PmTilesSource.varint(b)).isEqualTo(624485);
    }

    @Test
    void aTileIsFoundInARunOfIdenticalTilesButNotPastItsEnd() {
        PmTilesSource.Entry[] dir = {new PmTilesSource.Entry(5, 0, 10, 3), new PmTilesSource.Entry(20, 10, 4, 1)};
        assertThat(PmTilesSource.find(dir, 7)).isEqualTo(dir[0]);
        assertThat(PmTilesSource.find(dir, 8)).isNull();
        assertThat(PmTilesSource.find(dir, 4)).isNull();
        assertThat(PmTilesSource.find(dir, 20)).isEqualTo(dir[1]);
    }

    @Test
    void everyTileOfAFileWithOnlyARootDirectoryIsReadBackWithItsAddress() throws Exception {
        try (TileSource s =
                TileSource.open(TestTileFiles.pmtiles(dir.resolve("a.pmtiles"), false, false, CHANGZHOU, TILES))) {
            for (int[] t : TILES) {
                assertThat(s.tile(t[0], t[1], t[2]))
                        .as("%s/%s/%s", t[0], t[1], t[2])
                        .hasValue(TestTileFiles.png(t[0], t[1], t[2]));
            }
            assertThat(s.tile(12, 3425, 1763)).isEmpty();
            assertThat(s.tile(1, 0, 0)).isEmpty();
            assertThat(s.info().format()).isEqualTo(TileFormat.PNG);
            assertThat(s.info().minZoom()).isZero();
            assertThat(s.info().maxZoom()).isEqualTo(14);
            assertThat(s.info().bounds()).containsExactly(CHANGZHOU);
        }
    }

    @Test
    void gzippedLeafDirectoriesAreFollowed() throws Exception {
        try (TileSource s =
                TileSource.open(TestTileFiles.pmtiles(dir.resolve("b.pmtiles"), true, true, CHANGZHOU, TILES))) {
            for (int[] t : TILES) {
                assertThat(s.tile(t[0], t[1], t[2])).hasValue(TestTileFiles.png(t[0], t[1], t[2]));
            }
            assertThat(s.tile(14, 13668, 6634)).isEmpty();
        }
    }

    @Test
    void aVectorTileFileIsRefusedWithTheReason() throws Exception {
        Path file = TestTileFiles.pmtiles(dir.resolve("v.pmtiles"), false, false, CHANGZHOU, TILES);
        byte[] bytes = Files.readAllBytes(file);
        bytes[99] = 1; // MVT
        Files.write(file, bytes);
        assertThatThrownBy(() -> TileSource.open(file))
                .isInstanceOf(TileFileException.class)
                .hasMessageContaining("不是栅格")
                .hasMessageContaining("v.pmtiles");
    }

    @Test
    void aFileThatIsNeitherFormatIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("city.png"), "not tiles");
        assertThatThrownBy(() -> TileSource.open(file))
                .isInstanceOf(TileFileException.class)
                .hasMessageContaining("不是 MBTiles 或 PMTiles");
        assertThatThrownBy(() -> TileSource.open(dir.resolve("missing.mbtiles")))
                .isInstanceOf(TileFileException.class)
                .hasMessageContaining("不存在");
    }
}
