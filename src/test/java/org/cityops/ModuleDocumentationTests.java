package org.cityops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.docs.Documenter;

/**
 * Renders the module documentation that docs/architecture.md links to: the component diagram of all modules,
 * one per module, and each module's canvas (its API, events, beans) into docs/modules/. Run by the build, so the
 * committed files are what the code is; a change to them after a build is a change to commit.
 */
class ModuleDocumentationTests {

    static final Path OUT = Path.of("docs/modules");

    @Test
    void theModuleDocumentationIsRenderedIntoDocsModules() throws IOException {
        new Documenter(ModularityTests.MODULES, Documenter.Options.defaults().withOutputFolder(OUT.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();

        assertThat(OUT.resolve("components.puml")).exists();
        for (var module : ModularityTests.MODULES) {
            String id = module.getIdentifier().toString();
            assertThat(OUT.resolve("module-" + id + ".puml"))
                    .as("diagram of %s", id)
                    .exists();
            assertThat(OUT.resolve("module-" + id + ".adoc"))
                    .as("canvas of %s", id)
                    .exists();
        }
        assertThat(Files.readString(OUT.resolve("components.puml"))).contains("muck", "telemetry");
    }
}
