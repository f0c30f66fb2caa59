package org.cityops.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Muck trucks registered through the registry API (as admin) for tests of the terminals fitted to them. */
public final class RegisteredVehicles {

    private RegisteredVehicles() {}

    /** A vehicle in this district with a new terminal (yellow plate 苏D·T + the terminal's last five digits). */
    public static String terminalIn(MockMvc mvc, String districtCode) throws Exception {
        String terminal =
                "176" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        mvc.perform(post("/api/v1/muck/vehicles")
                        .header("Authorization", Api.bearer(mvc, "admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"plate": "%s", "plateColor": 2, "terminalPhone": "%s", "districtCode": "%s"}""".formatted(plate(terminal), terminal, districtCode)))
                .andExpect(status().isCreated());
        return terminal;
    }

    public static String plate(String terminal) {
        return "苏D·T" + terminal.substring(terminal.length() - 5);
    }
}
