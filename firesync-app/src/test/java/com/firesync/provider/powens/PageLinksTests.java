package com.firesync.provider.powens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.firesync.provider.ProviderException;
import com.firesync.provider.ProviderFailure;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageLinksTests {

    private final PageLinks sandbox = new PageLinks(URI.create("http://localhost:3000/sandbox/2.0"));

    private final PageLinks powens = new PageLinks(URI.create("https://acme.biapi.pro/2.0"));

    @Test
    void resolvesAnAbsolutePathAgainstTheBaseOrigin() {
        assertThat(sandbox.next("/sandbox/2.0/users/me/transactions?limit=1000&offset=1000"))
                .isEqualTo(
                        URI.create("http://localhost:3000/sandbox/2.0/users/me/transactions?limit=1000&offset=1000"));
        assertThat(powens.next("/2.0/users/me/transactions?offset=1000"))
                .isEqualTo(URI.create("https://acme.biapi.pro/2.0/users/me/transactions?offset=1000"));
    }

    @Test
    void resolvesARelativePathUnderTheBase() {
        assertThat(powens.next("users/me/transactions?offset=2"))
                .isEqualTo(URI.create("https://acme.biapi.pro/2.0/users/me/transactions?offset=2"));
    }

    @Test
    void acceptsAnAbsoluteLinkOnTheSameOriginIncludingTheDefaultPort() {
        assertThat(powens.next("https://ACME.biapi.pro:443/2.0/users/me/transactions?offset=2"))
                .isEqualTo(URI.create("https://ACME.biapi.pro:443/2.0/users/me/transactions?offset=2"));
    }

    @Test
    void encodesASpaceLeftInAnEchoedTimestamp() {
        assertThat(powens.next("/2.0/users/me/transactions?last_update=2026-01-01 10:00:00").getRawQuery())
                .isEqualTo("last_update=2026-01-01%2010:00:00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/2.0/users/me/transactions", "http://acme.biapi.pro/2.0/users",
            "https://acme.biapi.pro:8443/2.0/users", "//evil.example/2.0/users",
            "https://acme.biapi.pro.evil.example/2.0/users"})
    void refusesALinkToAnotherOrigin(String href) {
        assertThatThrownBy(() -> powens.next(href)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.failure()).isEqualTo(new ProviderFailure.Permanent("foreign_next_link")));
    }

    @Test
    void refusesALinkThatIsNotAUrl() {
        assertThatThrownBy(() -> powens.next("http://[bad")).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.failure()).isEqualTo(new ProviderFailure.Permanent("invalid_next_link")));
    }
}
