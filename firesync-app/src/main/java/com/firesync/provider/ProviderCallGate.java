package com.firesync.provider;

import java.util.function.Supplier;

/**
 * Admits each HTTP request a provider client sends: the provider-wide rate limit and concurrency bound apply here,
 * once per request (a transaction page is a request of its own). A gate never retries; retries happen around whole
 * {@link BankingProvider} operations, where it is known which ones are safe to repeat.
 */
public interface ProviderCallGate {

    /**
     * The {@link ProviderFailure.Transient#code() code} of the failure a gate throws when a request was not admitted
     * within the configured wait. It says FireSync itself is saturated, nothing about the provider or a connection.
     */
    String SATURATED = "saturated";

    /**
     * A gate that admits everything at once, for clients used without limits (tests, tools).
     */
    ProviderCallGate OPEN = new ProviderCallGate() {

        @Override
        public <T> T call(String operation, Supplier<T> request) {
            return request.get();
        }
    };

    /**
     * Waits until the request may be sent, then sends it.
     *
     * @param operation what is called, for failures and logs ({@code Powens GET /users/me/accounts})
     * @param request sends the request and answers its response
     * @throws ProviderException with a {@link #SATURATED} transient failure when the request was not admitted in time
     */
    <T> T call(String operation, Supplier<T> request);
}
