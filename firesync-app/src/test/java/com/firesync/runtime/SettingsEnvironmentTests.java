package com.firesync.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.firesync.FireSyncApplication;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.mock.env.MockEnvironment;

@ExtendWith(OutputCaptureExtension.class)
class SettingsEnvironmentTests {

    @Test
    void defaultsToEmbeddedH2InsideTheDataDirectory() {
        var environment = process(new MockEnvironment());

        Path dataDir = Path.of("./data").toAbsolutePath().normalize();
        assertThat(environment.getProperty("firesync.data-dir")).isEqualTo(dataDir.toString());
        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:h2:file:" + dataDir.resolve("firesync") + DatabaseKind.H2_OPTIONS);
        assertThat(environment.getProperty("server.port")).isEqualTo("3000");
        assertThat(environment.getProperty("firesync.scheduled-sync")).isEqualTo("true");
        assertThat(environment.getProperty("firesync.api-docs")).isEqualTo("false");
        assertThat(environment.getProperty("springdoc.api-docs.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("logging.structured.format.console")).isNull();
        assertThat(poolSize(environment)).isEqualTo(2 * Runtime.getRuntime().availableProcessors() + 1);
    }

    @Test
    void readsTheDocumentedEnvironmentVariables() {
        var environment = process(new MockEnvironment().withProperty("SERVER_PORT", "8080")
                .withProperty("FIRESYNC_DATA_DIR", "/var/lib/firesync")
                .withProperty("FIRESYNC_DB_URL", "jdbc:postgresql://db:5432/firesync")
                .withProperty("FIRESYNC_DB_USER", "fs")
                .withProperty("FIRESYNC_DB_PASSWORD", "pw")
                .withProperty("ENABLE_SCHEDULED_SYNC", "FALSE")
                .withProperty("ENABLE_API_DOCS", "true")
                .withProperty("FIRESYNC_LOG_FORMAT", "json")
                .withProperty("FIRESYNC_DB_POOL_SIZE", "12"));

        assertThat(environment.getProperty("server.port")).isEqualTo("8080");
        assertThat(environment.getProperty("firesync.data-dir")).isEqualTo("/var/lib/firesync");
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db:5432/firesync");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("fs");
        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("pw");
        assertThat(environment.getProperty("firesync.scheduled-sync")).isEqualTo("false");
        assertThat(environment.getProperty("springdoc.swagger-ui.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
        assertThat(poolSize(environment)).isEqualTo(12);
    }

    @Test
    void keepsAPoolSizeSetThroughSpringsOwnProperty() {
        assertThat(poolSize(process(new MockEnvironment().withProperty("spring.datasource.hikari.maximumPoolSize",
                "4")))).isEqualTo(4);
        assertThat(poolSize(process(new MockEnvironment().withProperty("spring.datasource.hikari.maximum-pool-size",
                "7").withProperty("FIRESYNC_DB_POOL_SIZE", "3")))).isEqualTo(3);
        assertThat(SettingsEnvironment.defaultPoolSize(2)).isEqualTo(5);
    }

    /** The pool size Spring binds for Hikari, whichever form set it. */
    private static int poolSize(ConfigurableEnvironment environment) {
        return Binder.get(environment).bind("spring.datasource.hikari.maximum-pool-size", Integer.class).get();
    }

    @ParameterizedTest
    @CsvSource({"SERVER_PORT, 70000", "SERVER_PORT, http", "ENABLE_SCHEDULED_SYNC, maybe", "ENABLE_API_DOCS, 1",
            "FIRESYNC_LOG_FORMAT, xml", "FIRESYNC_DB_POOL_SIZE, 0", "FIRESYNC_DB_POOL_SIZE, 1001",
            "FIRESYNC_DB_POOL_SIZE, ten", "FIRESYNC_DB_URL, mysql://localhost/db", "FIRESYNC_DATA_DIR, ' '"})
    void refusesInvalidValuesNamingTheSetting(String variable, String value) {
        assertThatThrownBy(() -> process(new MockEnvironment().withProperty(variable, value)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(variable);
    }

    @Test
    void stopsStartUpWithAReportNamingTheSetting(CapturedOutput output) {
        var application = new SpringApplicationBuilder(FireSyncApplication.class)
                .properties("ENABLE_SCHEDULED_SYNC=sometimes");

        assertThatThrownBy(application::run).isInstanceOf(InvalidSettingException.class);
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("Invalid value 'sometimes' for setting ENABLE_SCHEDULED_SYNC")
                .contains("Set ENABLE_SCHEDULED_SYNC to true or false");
    }

    private static MockEnvironment process(MockEnvironment environment) {
        new SettingsEnvironment().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
