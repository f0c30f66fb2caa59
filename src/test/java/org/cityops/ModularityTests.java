package org.cityops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/** The module rules of docs/architecture.md as a check: no cycles, no internals reached, only allowed dependencies. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(CityopsApplication.class);

    @Test
    void modulesRespectTheirBoundariesAndDeclaredDependencies() {
        MODULES.verify();
    }

    @Test
    void everyModuleButTheSharedKernelDeclaresWhichModulesItMayDependOn() throws ClassNotFoundException {
        for (var module : MODULES) {
            String name = module.getIdentifier().toString();
            ApplicationModule declared = Class.forName(module.getBasePackage().getName() + ".package-info")
                    .getAnnotation(ApplicationModule.class);
            assertThat(declared)
                    .as("@ApplicationModule on %s's package-info", name)
                    .isNotNull();
            if (declared.type() != ApplicationModule.Type.OPEN) {
                assertThat(declared.allowedDependencies())
                        .as("allowedDependencies of %s", name)
                        .isNotEmpty();
            }
        }
    }
}
