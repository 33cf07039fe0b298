package com.firesync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** What the sandbox offers FireSync's Powens settings, read through FireSync's own {@code application.yml}. */
class SandboxFallbackSettingsTests {

    @Test
    void offersItsClientAndTheUrlsOnTheListeningPortWhenNoPowensClientIsConfigured() throws IOException {
        StandardEnvironment environment = environment(Map.of("server.port", "3100"));

        assertThat(environment.getProperty("firesync.sandbox.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("firesync.powens.client-id")).isEqualTo("firesync-sandbox");
        assertThat(environment.getProperty("firesync.powens.client-secret")).isEqualTo("firesync-sandbox-secret");
        assertThat(environment.getProperty("firesync.powens.webhook-secret"))
                .isEqualTo("firesync-sandbox-webhook-secret");
        assertThat(environment.getProperty("firesync.powens.base-url"))
                .isEqualTo("http://localhost:3100/sandbox/2.0");

        environment.getPropertySources().addFirst(new MapPropertySource("server.ports",
                Map.of("local.server.port", "41234")));
        assertThat(environment.getProperty("firesync.powens.webview-url"))
                .isEqualTo("http://localhost:41234/sandbox/webview");
    }

    @Test
    void offersItsEnableBankingApplicationWhenNoneIsConfigured() throws IOException {
        StandardEnvironment environment = environment(Map.of("server.port", "3100", "firesync.data-dir", "/d"));

        assertThat(environment.getProperty("firesync.sandbox.enablebanking-client.application-id"))
                .isEqualTo("0e5b0a9c-5a2d-4e6b-9a57-3f1c2b7d4e01");
        assertThat(environment.getProperty("firesync.sandbox.enablebanking-client.private-key"))
                .isEqualTo("/d/sandbox-enablebanking-key.pem");
        assertThat(environment.getProperty("firesync.sandbox.enablebanking-client.base-url"))
                .isEqualTo("http://localhost:3100/sandbox/enablebanking");
        assertThat(environment(Map.of("ENABLEBANKING_APPLICATION_ID", "mine"))
                .getProperty("firesync.sandbox.enablebanking-client.application-id")).isNull();
    }

    @Test
    void passesTheSandboxOwnClientSettingsOn() throws IOException {
        StandardEnvironment environment = environment(Map.of("firesync.sandbox.client-id", "my-client",
                "firesync.sandbox.webhook.secret", "my-hook"));

        assertThat(environment.getProperty("firesync.powens.client-id")).isEqualTo("my-client");
        assertThat(environment.getProperty("firesync.powens.webhook-secret")).isEqualTo("my-hook");
    }

    @Test
    void neverStandsInForAHalfConfiguredPowensClient() throws IOException {
        StandardEnvironment environment = environment(Map.of("POWENS_CLIENT_ID", "123"));

        assertThat(environment.getProperty("firesync.sandbox.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("firesync.powens.client-id")).isEqualTo("123");
        assertThat(environment.getProperty("firesync.powens.client-secret")).isEmpty();
        assertThat(environment.getProperty("firesync.powens.webhook-secret")).isEmpty();
        assertThat(environment.getProperty("firesync.powens.base-url")).isEmpty();
    }

    @Test
    void offersNothingToAProductionProfile() throws IOException {
        StandardEnvironment environment = environment(Map.of("spring.profiles.active", "prod"));

        assertThat(environment.getProperty("firesync.sandbox.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("firesync.powens.client-id")).isEmpty();
        assertThat(environment.getProperty("firesync.powens.base-url")).isEmpty();
    }

    @Test
    void offersOnlyItsClientWhenTheInAppSandboxIsOff() throws IOException {
        StandardEnvironment environment = environment(Map.of("firesync.sandbox.enabled", "false",
                "POWENS_BASE_URL", "http://127.0.0.1:4000/sandbox/2.0"));

        assertThat(environment.getProperty("firesync.sandbox.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("firesync.powens.client-id")).isEqualTo("firesync-sandbox");
        assertThat(environment.getProperty("firesync.powens.base-url")).isEqualTo("http://127.0.0.1:4000/sandbox/2.0");
        assertThat(environment.getProperty("firesync.powens.webview-url")).isEmpty();
    }

    private static StandardEnvironment environment(Map<String, Object> settings) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        if (settings.containsKey("spring.profiles.active")) {
            environment.setActiveProfiles(String.valueOf(settings.get("spring.profiles.active")));
        }
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        new SandboxFallbackSettings().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
