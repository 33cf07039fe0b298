package com.firesync.provider.powens;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.provider.BankingProvider;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

class PowensConfigurationTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Infrastructure.class, PowensConfiguration.class);

    @Test
    void startsAgainstTheGivenBaseUrlWithAClient() {
        context.withPropertyValues("firesync.powens.client-id=1", "firesync.powens.client-secret=s",
                "firesync.powens.base-url=http://localhost:3100/sandbox/2.0").run(app -> {
                    assertThat(app).hasSingleBean(BankingProvider.class);
                    assertThat(app.getBean(BankingProvider.class).name()).isEqualTo("powens");
                });
    }

    @Test
    void refusesToStartWithoutAnyClient() {
        context.withPropertyValues("firesync.powens.client-id=", "firesync.powens.client-secret=")
                .run(app -> assertThat(app).hasFailed().getFailure().hasStackTraceContaining("POWENS_CLIENT_ID"));
    }

    @Test
    void refusesToStartWithCredentialsButNoDomain() {
        context.withPropertyValues("firesync.powens.client-id=1", "firesync.powens.client-secret=s")
                .run(app -> assertThat(app).hasFailed().getFailure().hasStackTraceContaining("POWENS_DOMAIN"));
    }

    @Test
    void refusesAPageSizeAbovePowensLimit() {
        context.withPropertyValues("firesync.powens.page-size=5000").run(app -> assertThat(app).hasFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PowensSettings.class)
    @ComponentScan("com.firesync.provider.resilience")
    static class Infrastructure {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
