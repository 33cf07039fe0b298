package com.firesync.provider.powens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class PowensEndpointsTests {

    @Test
    void refusesToStartWithoutAnyClient() {
        assertThatThrownBy(() -> PowensEndpoints.resolve(settings(Map.of()))).hasMessageContaining("POWENS_CLIENT_ID")
                .hasMessageContaining("sandbox");
    }

    @Test
    void pointsAtPowensWithCredentials() {
        PowensEndpoints endpoints = PowensEndpoints.resolve(settings(Map.of("domain", "acme-sandbox", "client-id",
                "123", "client-secret", "s3cr3t")));

        assertThat(endpoints.baseUrl()).isEqualTo(URI.create("https://acme-sandbox.biapi.pro/2.0"));
        assertThat(endpoints.webviewUrl()).isEqualTo(URI.create("https://webview.powens.com"));
        assertThat(endpoints.domain()).isEqualTo("acme-sandbox.biapi.pro");
        assertThat(endpoints.clientId()).isEqualTo("123");
        assertThat(endpoints.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void letsUrlOverridesWinEitherWay() {
        PowensEndpoints endpoints = PowensEndpoints.resolve(settings(Map.of("domain", "acme.biapi.pro", "client-id",
                "123", "client-secret", "s", "base-url", "http://proxy:9000/2.0/", "webview-url",
                "http://proxy:9000/webview/")));

        assertThat(endpoints.baseUrl()).isEqualTo(URI.create("http://proxy:9000/2.0"));
        assertThat(endpoints.webviewUrl()).isEqualTo(URI.create("http://proxy:9000/webview"));
        assertThat(endpoints.domain()).isEqualTo("acme.biapi.pro");
    }

    @Test
    void refusesCredentialsWithoutADomainOrHalfOfThem() {
        assertThatThrownBy(() -> PowensEndpoints.resolve(settings(Map.of("client-id", "1", "client-secret", "s"))))
                .hasMessageContaining("POWENS_DOMAIN");
        assertThatThrownBy(() -> PowensEndpoints.resolve(settings(Map.of("domain", "acme", "client-id", "1"))))
                .hasMessageContaining("POWENS_CLIENT_SECRET");
        assertThatThrownBy(() -> PowensEndpoints.resolve(settings(Map.of("domain", "acme/evil", "client-id", "1",
                "client-secret", "s")))).hasMessageContaining("POWENS_DOMAIN");
    }

    @Test
    void bindsDefaultsAndTreatsEmptyPlaceholdersAsUnset() {
        PowensSettings settings = settings(Map.of("client-id", "", "client-secret", "", "base-url", "", "webview-url",
                ""));

        assertThat(settings.hasCredentials()).isFalse();
        assertThat(settings.baseUrl()).isNull();
        assertThat(settings.timezone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.refreshTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.pageSize()).isEqualTo(1000);
    }

    @Test
    void neverShowsSecretsInSettings() {
        PowensSettings settings = settings(Map.of("client-id", "123", "client-secret", "s3cr3t", "webhook-secret",
                "wh00k"));

        assertThat(settings.toString()).contains("123").doesNotContain("s3cr3t").doesNotContain("wh00k");
    }

    private static PowensSettings settings(Map<String, String> values) {
        Map<String, String> prefixed = new java.util.HashMap<>();
        values.forEach((key, value) -> prefixed.put("firesync.powens." + key, value));
        return new Binder(new MapConfigurationPropertySource(prefixed))
                .bindOrCreate("firesync.powens", PowensSettings.class);
    }
}
