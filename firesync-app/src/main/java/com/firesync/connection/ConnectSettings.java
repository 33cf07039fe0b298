package com.firesync.connection;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The connect flow's settings.
 *
 * @param publicUrl how browsers reach FireSync ({@code FIRESYNC_PUBLIC_URL}); the callback URL given to the provider
 *        is built on it. Blank means {@code http://localhost:<port>}
 * @param stateTtl how long a connect link stays valid (30 minutes, as the provider's temporary code)
 * @param language the webview's language
 */
@ConfigurationProperties("firesync.connect")
public record ConnectSettings(@Nullable URI publicUrl, @DefaultValue("30m") Duration stateTtl,
        @DefaultValue("en") String language) {

    public ConnectSettings {
        if (publicUrl != null && publicUrl.toString().isBlank()) {
            publicUrl = null;
        }
    }
}
