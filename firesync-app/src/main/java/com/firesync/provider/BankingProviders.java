package com.firesync.provider;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured providers, by the name each connection records ({@code powens}, {@code enablebanking}). Every
 * caller reaches a provider through here, already guarded by its rate limit, concurrency bound and retries.
 */
public final class BankingProviders {

    /** Powens' name, the provider of connections made before a connection recorded its provider. */
    public static final String POWENS = "powens";

    private final Map<String, BankingProvider> byName = new LinkedHashMap<>();

    public BankingProviders(List<BankingProvider> providers) {
        List<BankingProvider> ordered = new ArrayList<>(providers);
        // Powens first, then by name: a stable order for listings whatever the wiring order
        ordered.sort(Comparator.comparing((BankingProvider provider) -> !provider.name().equals(POWENS))
                .thenComparing(BankingProvider::name));
        for (BankingProvider provider : ordered) {
            if (byName.putIfAbsent(provider.name(), provider) != null) {
                throw new IllegalStateException("Two providers are named " + provider.name());
            }
        }
    }

    /**
     * The provider a connection was made with.
     *
     * @throws ProviderException a permanent {@code provider_not_configured} failure when it is not configured
     */
    public BankingProvider get(String name) {
        return find(name).orElseThrow(() -> new ProviderException(name,
                new ProviderFailure.Permanent("provider_not_configured")));
    }

    /** The provider so named, if configured. */
    public Optional<BankingProvider> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The names of the configured providers, Powens first when configured. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
