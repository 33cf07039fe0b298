package com.firesync;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Module boundaries hold: modules use each other's public API only and depend on each other without cycles.
 */
class ModularityTests {

    @Test
    void verifiesModuleBoundaries() {
        ApplicationModules.of(FireSyncApplication.class).verify();
    }
}
