package com.firesync.provider.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.firesync.provider.BankingProvider;
import com.firesync.provider.ProviderException;
import com.firesync.provider.ProviderFailure;
import com.firesync.provider.ProviderToken;
import com.firesync.provider.TransactionPage;
import com.firesync.provider.TransactionQuery;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GuardedProviderTests {

    private static final ProviderToken TOKEN = new ProviderToken("token");

    private static final TransactionQuery QUERY = TransactionQuery.since(LocalDate.parse("2026-01-01"));

    private final RecordingSleeper sleeper = new RecordingSleeper();

    private final FakeProvider fake = new FakeProvider();

    private final BankingProvider provider = new ProviderGuards(Limits.unhurried(), sleeper,
            new SimpleMeterRegistry()).guard(fake);

    @Test
    void retriesTransientFailuresWithGrowingJitteredBackoff() {
        fake.failing(transientFailure(), transientFailure(), transientFailure());

        provider.accounts(TOKEN);

        assertThat(fake.calls("accounts")).isEqualTo(4);
        List<Duration> waits = sleeper.waits();
        assertThat(waits).hasSize(3);
        // 500 ms doubling, each within +/- 50 % jitter
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(750));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1500));
        assertThat(waits.get(2)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(3000));
    }

    @Test
    void givesUpAfterTheLastAttemptWithTheLastFailure() {
        fake.failing(transientFailure(), transientFailure(), transientFailure(), new ProviderFailure.Transient("io",
                null));

        assertThatThrownBy(() -> provider.connections(TOKEN)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.failure().code()).isEqualTo("io"));
        assertThat(fake.calls("connections")).isEqualTo(4);
        assertThat(sleeper.waits()).hasSize(3);
    }

    @Test
    void waitsAtLeastTheRetryAfterTheProviderAsksFor() {
        fake.failing(new ProviderFailure.RateLimited(Duration.ofSeconds(7)),
                new ProviderFailure.Transient("http_503", Duration.ofSeconds(2)));

        provider.connection(TOKEN, "7");

        assertThat(sleeper.waits()).hasSize(2);
        assertThat(sleeper.waits().get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
        assertThat(sleeper.waits().get(1)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void handsBackARetryAfterLongerThanTheLongestBackoffWithoutRetrying() {
        fake.failing(new ProviderFailure.RateLimited(Duration.ofMinutes(5)));

        assertThatThrownBy(() -> provider.accounts(TOKEN)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.failure().retryAfter()).contains(Duration.ofMinutes(5)));
        assertThat(fake.calls("accounts")).isEqualTo(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("failuresRetryingCannotFix")
    void neverRetriesFailuresThatNeedTheUserOrCannotPass(ProviderFailure failure) {
        fake.failing(failure);

        assertThatThrownBy(() -> provider.accounts(TOKEN)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.failure()).isEqualTo(failure));
        assertThat(fake.calls("accounts")).isEqualTo(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    static Stream<ProviderFailure> failuresRetryingCannotFix() {
        return Stream.of(new ProviderFailure.NeedsUserAction("SCARequired"), new ProviderFailure.AuthInvalid(),
                new ProviderFailure.Permanent("http_400"));
    }

    @Test
    void neverRetriesUserCreation() {
        fake.failing(new ProviderFailure.Transient("timeout", null));

        assertThatThrownBy(provider::createUser).isInstanceOf(ProviderException.class);
        assertThat(fake.calls("createUser")).isEqualTo(1);
    }

    @Test
    void neverRetriesAForcedRefresh() {
        fake.failing(new ProviderFailure.Transient("http_503", null));

        assertThatThrownBy(() -> provider.refreshConnection(TOKEN, "7")).isInstanceOf(ProviderException.class);
        assertThat(fake.calls("refreshConnection")).isEqualTo(1);
    }

    @Test
    void retriesATokenRenewalOnlyWhenItRevokesThePreviousTokens() {
        fake.failing(transientFailure(), transientFailure());

        assertThatThrownBy(() -> provider.renewToken("1", false)).isInstanceOf(ProviderException.class);
        assertThat(provider.renewToken("1", true).value()).isEqualTo("renewed");
        assertThat(fake.calls("renewToken")).isEqualTo(3);
    }

    @Test
    void retriesAListingThatFailedBeforeItsFirstPage() {
        fake.failing(transientFailure()).deliveringBeforeFailure(0);
        List<TransactionPage> pages = new ArrayList<>();

        provider.transactions(TOKEN, QUERY, pages::add);

        assertThat(fake.calls("transactions")).isEqualTo(2);
        assertThat(pages).extracting(TransactionPage::number).containsExactly(1, 2);
    }

    @Test
    void handsBackAListingFailureOnceAPageWasDelivered() {
        fake.failing(transientFailure()).deliveringBeforeFailure(1);
        List<TransactionPage> pages = new ArrayList<>();

        assertThatThrownBy(() -> provider.transactions(TOKEN, QUERY, pages::add))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.failure().code()).isEqualTo("http_502"));
        assertThat(fake.calls("transactions")).isEqualTo(1);
        assertThat(pages).extracting(TransactionPage::number).containsExactly(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    private static ProviderFailure transientFailure() {
        return new ProviderFailure.Transient("http_502", null);
    }
}
