package com.firesync.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.shared.Caller;
import com.firesync.shared.Role;
import com.firesync.user.Users.TokenOwner;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenCacheTests {

    private final AtomicLong nanos = new AtomicLong();

    private final TokenCache cache = new TokenCache(nanos::get);

    private final TokenOwner alice = new TokenOwner(7, "a".repeat(64), new Caller(1, "alice", Role.USER));

    @Test
    void keepsAnOwnerForItsTimeToLiveOnly() {
        cache.put(alice.tokenHash(), alice, cache.generation());

        nanos.addAndGet(TokenCache.TTL.toNanos() - 1);
        assertThat(cache.get(alice.tokenHash())).isEqualTo(alice);

        nanos.addAndGet(1);
        assertThat(cache.get(alice.tokenHash())).isNull();
    }

    @Test
    void forgetsARevokedTokenAtOnce() {
        var bob = new TokenOwner(8, "b".repeat(64), new Caller(2, "bob", Role.USER));
        cache.put(alice.tokenHash(), alice, cache.generation());
        cache.put(bob.tokenHash(), bob, cache.generation());

        cache.forget(alice.tokenId());

        assertThat(cache.get(alice.tokenHash())).isNull();
        assertThat(cache.get(bob.tokenHash())).isEqualTo(bob);
    }

    @Test
    void dropsALookupThatARevocationOvertook() {
        long readAt = cache.generation();

        cache.forget(alice.tokenId());
        cache.put(alice.tokenHash(), alice, readAt);

        assertThat(cache.get(alice.tokenHash())).isNull();
    }
}
