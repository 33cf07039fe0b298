package com.firesync.provider.powens;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.provider.ProviderFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PowensFailuresTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T09:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void treatsUnauthorizedAndForbiddenAsAuthInvalidWhateverTheCode(int status) {
        assertThat(PowensFailures.classify(status, "wrongpass", null)).isInstanceOf(ProviderFailure.AuthInvalid.class);
    }

    @Test
    void treatsTooManyRequestsAsRateLimitedKeepingRetryAfter() {
        assertThat(PowensFailures.classify(429, null, Duration.ofSeconds(30)))
                .isEqualTo(new ProviderFailure.RateLimited(Duration.ofSeconds(30)));
        assertThat(PowensFailures.classify(400, "tooManySync", null)).isEqualTo(new ProviderFailure.RateLimited(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SCARequired", "webauthRequired", "wrongpass", "passwordExpired", "actionNeeded",
            "decoupled", "additionalInformationNeeded"})
    void treatsUserActionCodesAsNeedingTheUser(String code) {
        assertThat(PowensFailures.classify(400, code, null)).isEqualTo(new ProviderFailure.NeedsUserAction(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"websiteUnavailable", "bug", "rateLimiting"})
    void treatsPassingCodesAsTransientWhateverTheStatus(String code) {
        assertThat(PowensFailures.classify(400, code, null)).isEqualTo(new ProviderFailure.Transient(code, null));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 408})
    void treatsServerErrorsAsTransient(int status) {
        assertThat(PowensFailures.classify(status, null, Duration.ofSeconds(5)))
                .isEqualTo(new ProviderFailure.Transient("http_" + status, Duration.ofSeconds(5)));
    }

    @Test
    void treatsOtherErrorsAsPermanentNamedByCodeOrStatus() {
        assertThat(PowensFailures.classify(400, "invalidValue", null))
                .isEqualTo(new ProviderFailure.Permanent("invalidValue"));
        assertThat(PowensFailures.classify(404, null, null)).isEqualTo(new ProviderFailure.Permanent("http_404"));
        assertThat(PowensFailures.classify(409, "someFutureCode", null))
                .isEqualTo(new ProviderFailure.Permanent("someFutureCode"));
    }

    @Test
    void marksOnlyTransientAndRateLimitedAsRetryable() {
        assertThat(new ProviderFailure.Transient("io", null).retryable()).isTrue();
        assertThat(new ProviderFailure.RateLimited(null).retryable()).isTrue();
        assertThat(new ProviderFailure.NeedsUserAction("wrongpass").retryable()).isFalse();
        assertThat(new ProviderFailure.AuthInvalid().retryable()).isFalse();
        assertThat(new ProviderFailure.Permanent("x").retryable()).isFalse();
    }

    @Test
    void readsRetryAfterAsSecondsOrHttpDate() {
        assertThat(RetryAfter.parse("120", CLOCK)).isEqualTo(Duration.ofMinutes(2));
        assertThat(RetryAfter.parse("Tue, 10 Mar 2026 09:00:30 GMT", CLOCK)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Tue, 10 Mar 2026 08:00:00 GMT", CLOCK)).isEqualTo(Duration.ZERO);
    }

    @Test
    void ignoresAnUnreadableRetryAfter() {
        assertThat(RetryAfter.parse(null, CLOCK)).isNull();
        assertThat(RetryAfter.parse("soon", CLOCK)).isNull();
        assertThat(RetryAfter.parse("-5", CLOCK)).isNull();
        assertThat(RetryAfter.parse("99999999999999999999999", CLOCK)).isNull();
    }
}
