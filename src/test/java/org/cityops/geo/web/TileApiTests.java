package org.cityops.geo.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.cityops.geo.CoordinateSystem;
import org.cityops.geo.internal.Basemap;
import org.cityops.geo.internal.tiles.TestTileFiles;
import org.cityops.platform.web.ApiProblemHandler;
import org.cityops.platform.web.ProblemTexts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/** {@code /tiles/{z}/{x}/{y}} over a tiny MBTiles or PMTiles file written by the test. */
class TileApiTests {

    @TempDir
    Path dir;

    private Basemap basemap;

    private MockMvc serving(Path file) {
        basemap = new Basemap("", file == null ? "" : file.toString(), "", "", "", 18, "", "", "vec");
        return MockMvcBuilders.standaloneSetup(new TileController(basemap))
                .setControllerAdvice(new ApiProblemHandler(new ProblemTexts(new StaticMessageSource())))
                .setLocaleResolver(new FixedLocaleResolver(Locale.SIMPLIFIED_CHINESE))
                .build();
    }

    @AfterEach
    void close() throws Exception {
        if (basemap != null) {
            basemap.destroy();
        }
    }

    @Test
    void aTileOfAnMbtilesFileIsServedAsPngWithCachingHeaders() throws Exception {
        MockMvc mvc = serving(
                TestTileFiles.mbtiles(dir.resolve("cz.mbtiles"), Map.of("format", "png"), new int[] {12, 3423, 1655}));
        var r = mvc.perform(get("/tiles/12/3423/1655"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andExpect(content().bytes(TestTileFiles.png(12, 3423, 1655)))
                .andExpect(header().string("Cache-Control", "max-age=86400, public"))
                .andExpect(header().exists("ETag"))
                .andReturn();
        String etag = r.getResponse().getHeader("ETag");
        mvc.perform(get("/tiles/12/3423/1655").header("If-None-Match", etag)).andExpect(status().isNotModified());
        mvc.perform(get("/tiles/12/3423/1655.png")).andExpect(status().isOk());
    }

    @Test
    void aTileOfAPmtilesFileIsServed() throws Exception {
        MockMvc mvc = serving(TestTileFiles.pmtiles(
                dir.resolve("cz.pmtiles"),
                true,
                true,
                new double[] {119.4, 31.3, 120.2, 32.0},
                new int[] {12, 3423, 1655},
                new int[] {13, 6847, 3311}));
        mvc.perform(get("/tiles/13/6847/3311"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andExpect(content().bytes(TestTileFiles.png(13, 6847, 3311)));
        assertThat(basemap.crs()).isEqualTo(CoordinateSystem.WGS84);
        assertThat(basemap.layers()).singleElement().satisfies(l -> {
            assertThat(l.url()).startsWith("/tiles/{z}/{x}/{y}?v=");
            assertThat(l.minNativeZoom()).isEqualTo(12);
            assertThat(l.maxNativeZoom()).isEqualTo(13);
            assertThat(l.bounds()).containsExactly(31.3, 119.4, 32.0, 120.2);
        });
    }

    @Test
    void aTileTheFileDoesNotHaveIsNoContentSoTheBaseShowsThrough() throws Exception {
        MockMvc mvc = serving(TestTileFiles.mbtiles(dir.resolve("cz.mbtiles"), Map.of(), new int[] {12, 3423, 1655}));
        mvc.perform(get("/tiles/12/3424/1655"))
                .andExpect(status().isNoContent())
                .andExpect(header().string("Cache-Control", "max-age=86400, public"));
    }

    @Test
    void aTileAddressThatCannotExistIsA400NamingTheField() throws Exception {
        MockMvc mvc = serving(TestTileFiles.mbtiles(dir.resolve("cz.mbtiles"), Map.of(), new int[] {1, 0, 0}));
        mvc.perform(get("/tiles/2/4/0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("x"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("瓦片地址 x")));
        mvc.perform(get("/tiles/27/0/0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("z"));
        mvc.perform(get("/tiles/3/1/abc"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("y"));
    }

    @Test
    void withoutABasemapFileEveryTileIsA404() throws Exception {
        MockMvc mvc = serving(null);
        mvc.perform(get("/tiles/12/3423/1655"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("未配置底图文件")));
    }
}
