package com.firesync.provider;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Why a provider call failed, classified so that the caller knows what to do without reading HTTP statuses or
 * provider codes. Carried by {@link ProviderException}. None of these carries a secret.
 */
public sealed interface ProviderFailure {

    /**
     * A short machine code for logs and metrics (a provider code, or {@code http_503}, {@code timeout}...).
     */
    String code();

    /**
     * How long the provider asked FireSync to wait before the next attempt, when it said so.
     */
    default Optional<Duration> retryAfter() {
        return Optional.empty();
    }

    /**
     * Whether trying the same call again later may succeed.
     */
    default boolean retryable() {
        return false;
    }

    /**
     * A failure that passes: the provider or the bank is down or slow, the connection dropped, an answer was cut
     * short or malformed. Retry with backoff; the data at hand must not be applied.
     *
     * @param code what went wrong ({@code timeout}, {@code io}, {@code malformed_response}, {@code http_503},
     *        {@code websiteUnavailable}...)
     * @param delay the provider's {@code Retry-After}, if it sent one
     */
    record Transient(String code, @Nullable Duration delay) implements ProviderFailure {

        @Override
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(delay);
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /**
     * The provider refuses more calls for now (HTTP 429). Wait at least {@code delay} when given.
     *
     * @param delay the provider's {@code Retry-After}, if it sent one
     */
    record RateLimited(@Nullable Duration delay) implements ProviderFailure {

        @Override
        public String code() {
            return "rate_limited";
        }

        @Override
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(delay);
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /**
     * Only the user can repair this (new credentials, strong authentication, consent renewal, an action at the
     * bank). Never retried blindly.
     *
     * @param state the provider's state or error code, verbatim (for Powens {@code SCARequired}, {@code wrongpass}...)
     */
    record NeedsUserAction(String state) implements ProviderFailure {

        @Override
        public String code() {
            return state;
        }
    }

    /**
     * The provider rejected FireSync's credentials or the user's token (HTTP 401/403): revoked, rotated or wrong
     * client settings. Retrying the same call cannot help.
     */
    record AuthInvalid() implements ProviderFailure {

        @Override
        public String code() {
            return "auth_invalid";
        }
    }

    /**
     * A failure retrying cannot fix: a bad request, an unknown resource, a provider code FireSync does not handle, a
     * pagination link to another host.
     *
     * @param code the provider's error code, or {@code http_<status>}, or FireSync's own code
     */
    record Permanent(String code) implements ProviderFailure {
    }
}
