package com.firesync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * When the sandbox runs inside FireSync.
 */
class SandboxEnabledConditionTests {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnSandbox
    static class Probe {

        @Bean
        String sandboxProbe() {
            return "on";
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Probe.class);

    @Test
    void onWhenNoPowensClientIsConfigured() {
        runner.run(context -> assertThat(context).hasBean("sandboxProbe"));
    }

    @Test
    void offWhenPowensCredentialsAreConfigured() {
        runner.withPropertyValues("POWENS_CLIENT_ID=123").run(context -> assertThat(context).doesNotHaveBean(
                "sandboxProbe"));
        runner.withPropertyValues("firesync.powens.client-id=123").run(context -> assertThat(context)
                .doesNotHaveBean("sandboxProbe"));
    }

    @Test
    void theExplicitSettingWins() {
        runner.withPropertyValues("POWENS_CLIENT_ID=123", "firesync.sandbox.enabled=true").run(context -> assertThat(
                context).hasBean("sandboxProbe"));
        runner.withPropertyValues("firesync.sandbox.enabled=false").run(context -> assertThat(context)
                .doesNotHaveBean("sandboxProbe"));
    }

    @Test
    void offInProductionUnlessAskedFor() {
        runner.withPropertyValues("spring.profiles.active=prod").run(context -> assertThat(context).doesNotHaveBean(
                "sandboxProbe"));
        runner.withPropertyValues("spring.profiles.active=prod", "firesync.sandbox.enabled=true").run(
                context -> assertThat(context).hasBean("sandboxProbe"));
    }
}
