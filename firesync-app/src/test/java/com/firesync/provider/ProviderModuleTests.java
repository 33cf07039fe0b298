package com.firesync.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.FireSyncApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.DependencyType;

class ProviderModuleTests {

    @Test
    void dependsOnTheSharedKernelAndRuntimeOnly() {
        ApplicationModules modules = ApplicationModules.of(FireSyncApplication.class);
        ApplicationModule provider = modules.getModuleByName("provider").orElseThrow();

        assertThat(provider.getDirectDependencies(modules, DependencyType.values()).stream()
                .map(dependency -> dependency.getTargetModule().getIdentifier().toString()))
                .allMatch(name -> name.equals("shared") || name.equals("runtime"));
    }
}
