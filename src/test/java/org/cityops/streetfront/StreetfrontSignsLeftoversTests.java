package org.cityops.streetfront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The sign leftovers: the QR image, the facility import, the district scope of the street-front role. */
@IntegrationTest
class StreetfrontSignsLeftoversTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(Api.DEMO_PASSWORD))
                .andReturn()
                .getRequest()
                .getSession();
    }

    @Test
    void a_district_supervisor_sees_only_the_facilities_of_the_district_and_another_districts_one_is_not_found()
            throws Exception {
        String mine = mvc.perform(get("/api/v1/streetfront/facilities")
                        .header("Authorization", Api.bearer(mvc, "streetfront-tianning")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> districts = JsonPath.read(mine, "$[*].districtCode");
        assertThat(districts).isNotEmpty().containsOnly("320402");
        long other = jdbc.sql("SELECT id FROM sf_facility WHERE district_code = '320404' FETCH FIRST 1 ROWS ONLY")
                .query(Long.class)
                .single();
        mvc.perform(get("/api/v1/streetfront/facilities/" + other)
                        .header("Authorization", Api.bearer(mvc, "streetfront-tianning")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/streetfront/facilities/" + other + "/qr.png").session(login("streetfront-tianning")))
                .andExpect(status().isNotFound());
    }

    @Test
    void the_qr_image_of_a_facility_decodes_to_its_public_card_link_and_needs_a_signed_in_reader() throws Exception {
        var row = jdbc.sql(
                        "SELECT id, qr_token FROM sf_facility WHERE district_code = '320402' FETCH FIRST 1 ROWS ONLY")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .single();
        byte[] png = mvc.perform(
                        get("/streetfront/facilities/" + row[0] + "/qr.png").session(login("inspector1")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        var img = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        var source = new RGBLuminanceSource(img.getWidth(), img.getHeight(), pixels);
        String text = new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(source)))
                .getText();
        assertThat(text).endsWith("/public/signs/" + row[1]);
        mvc.perform(get("/streetfront/facilities/" + row[0] + "/qr.png")).andExpect(status().is3xxRedirection());
    }

    @Test
    void a_facility_import_with_one_bad_row_stores_nothing_and_a_good_file_stores_every_row() throws Exception {
        String credit = "91330100716105852F";
        double lat = 31.84 - 60.5 * 0.0009;
        double lon = 119.87 + 70.5 * 0.00106;
        List<List<Object>> rows = List.of(
                List.of("T-IMP-1", "导入店招一", "附属式", "招牌", "导入面馆", credit, lat, lon, 3.0, 1.0),
                List.of("T-IMP-2", "导入店招二", "附属式", "招牌", "导入面馆", credit, 31.2304, 121.4737, 3.0, 1.0));
        mvc.perform(multipart("/api/v1/streetfront/facilities/import")
                        .file(new MockMultipartFile("file", "f.xlsx", "application/octet-stream", xlsx(rows)))
                        .header("Authorization", Api.bearer(mvc, "streetfront1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.imported").value(0))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("纬度"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sf_facility WHERE code LIKE 'T-IMP-%'")
                        .query(Long.class)
                        .single())
                .isZero();
        List<List<Object>> good = List.of(
                rows.get(0), List.of("T-IMP-2", "导入店招二", "独立式", "广告牌", "导入面馆", credit, lat, lon + 0.0003, 8.0, 4.0));
        mvc.perform(multipart("/api/v1/streetfront/facilities/import")
                        .file(new MockMultipartFile("file", "f.xlsx", "application/octet-stream", xlsx(good)))
                        .header("Authorization", Api.bearer(mvc, "streetfront1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(2));
        mvc.perform(multipart("/api/v1/streetfront/facilities/import")
                        .file(new MockMultipartFile("file", "f.xlsx", "application/octet-stream", xlsx(good)))
                        .header("Authorization", Api.bearer(mvc, "inspector1")))
                .andExpect(status().isForbidden());
    }

    static byte[] xlsx(List<List<Object>> rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("设施");
            var h = sheet.createRow(0);
            String[] headers = {"设施编号", "名称", "设置形式", "类型", "设置人", "统一社会信用代码", "纬度", "经度", "宽(米)", "高(米)"};
            for (int i = 0; i < headers.length; i++) {
                h.createCell(i).setCellValue(headers[i]);
            }
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object v = rows.get(r).get(c);
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(c).setCellValue(String.valueOf(v));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
