package com.firesync.sandbox;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * The standalone sandbox's only source. Deliberately not a {@code @Configuration}: FireSync's component scan must
 * not find it, so it is used exclusively by {@link SandboxServer}.
 */
@EnableAutoConfiguration
@ComponentScan(basePackageClasses = SandboxApplication.class)
class SandboxApplication {
}
