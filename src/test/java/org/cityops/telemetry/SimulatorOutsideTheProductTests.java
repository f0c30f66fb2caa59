package org.cityops.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.cityops.CityopsApplication;
import org.cityops.telemetry.sim.TruckSimulator;
import org.junit.jupiter.api.Test;

/**
 * The JT/T 808 truck simulator is a tool beside the product (issue 13, point 6): its classes come from the test
 * output, never from the product's own classes, which become the product jar's BOOT-INF/classes. {@code .ci/run}
 * checks the packaged jar as well.
 */
class SimulatorOutsideTheProductTests {

    private static final String SIM = "org/cityops/telemetry/sim/";

    @Test
    void theProductsClassesHoldNoSimulatorClass() throws Exception {
        Path product = codeSource(CityopsApplication.class);

        assertThat(entries(product)).isNotEmpty().noneMatch(e -> e.startsWith(SIM));
    }

    @Test
    void theSimulatorIsLoadedFromOutsideTheProductsClasses() throws Exception {
        assertThat(codeSource(TruckSimulator.class)).isNotEqualTo(codeSource(CityopsApplication.class));
    }

    @Test
    void noProductSourceLivesInTheSimulatorsPackage() {
        assertThat(Path.of("src/main/java/org/cityops/telemetry/sim")).doesNotExist();
    }

    private static Path codeSource(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** the class-file paths under a class directory or in a jar, '/'-separated */
    private static List<String> entries(Path classes) throws IOException {
        if (Files.isDirectory(classes)) {
            try (Stream<Path> files = Files.walk(classes)) {
                return files.filter(Files::isRegularFile)
                        .map(p -> classes.relativize(p).toString().replace('\\', '/'))
                        .toList();
            }
        }
        try (JarFile jar = new JarFile(classes.toFile())) {
            return jar.stream().map(e -> e.getName()).toList();
        }
    }
}
