package com.firesync.provider.powens;

import java.net.URI;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;

/**
 * The endpoints as they stand once the server listens. The URLs may name {@code local.server.port} (the built-in
 * sandbox's do), known only after the web server started on {@code server.port=0}: until then they are read afresh
 * from the environment on each call, and kept from the first call after.
 */
final class ListeningEndpoints implements Supplier<PowensEndpoints> {

    private final PowensSettings settings;

    private final Environment environment;

    private volatile @Nullable PowensEndpoints settled;

    ListeningEndpoints(PowensSettings settings, Environment environment) {
        this.settings = settings;
        this.environment = environment;
    }

    @Override
    public PowensEndpoints get() {
        PowensEndpoints known = settled;
        if (known != null) {
            return known;
        }
        PowensEndpoints current = PowensEndpoints.resolve(settings.withUrls(url("firesync.powens.base-url"),
                url("firesync.powens.webview-url")));
        if (environment.containsProperty("local.server.port")) {
            settled = current;
        }
        return current;
    }

    private @Nullable URI url(String key) {
        String value = environment.getProperty(key);
        return value == null || value.isBlank() ? null : URI.create(value.strip());
    }
}
