package com.firesync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.FireSyncApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The sandbox stands alone: it uses no other FireSync module (the shared kernel aside) and none uses it.
 */
class SandboxModuleTests {

    private final ApplicationModules modules = ApplicationModules.of(FireSyncApplication.class);

    @Test
    void theSandboxDependsOnNoOtherModule() {
        ApplicationModule sandbox = modules.getModuleByName("sandbox").orElseThrow();
        assertThat(
                sandbox.getDirectDependencies(modules).uniqueModules().map(module -> module.getIdentifier().toString()))
                .isSubsetOf("shared");
    }

    @Test
    void noModuleDependsOnTheSandbox() {
        ApplicationModule sandbox = modules.getModuleByName("sandbox").orElseThrow();
        modules.stream()
                .filter(module -> !module.equals(sandbox))
                .forEach(module -> assertThat(module.getDirectDependencies(modules).contains(sandbox))
                        .as(module.getIdentifier().toString()).isFalse());
    }
}
