package com.firesync.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class ApiTokenFormatTests {

    @Test
    void generatesDistinctWellFormedPrefixedTokens() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 1000; i++) {
            String token = ApiTokenFormat.generate();
            assertThat(token).startsWith("fsk_").hasSize(47);
            assertThat(ApiTokenFormat.isWellFormed(token)).isTrue();
            assertThat(seen.add(token)).isTrue();
        }
    }

    @Test
    void refusesMalformedTokensBeforeAnyLookup() {
        String token = ApiTokenFormat.generate();
        assertThat(ApiTokenFormat.isWellFormed(token.substring(1))).isFalse();
        assertThat(ApiTokenFormat.isWellFormed("xxx_" + token.substring(4))).isFalse();
        assertThat(ApiTokenFormat.isWellFormed(token.substring(0, 46) + "é")).isFalse();
        assertThat(ApiTokenFormat.isWellFormed(token + "a")).isFalse();
    }

    @Test
    void hashesToHexSha256AndKeepsOnlyThePrefixInClear() {
        String token = ApiTokenFormat.generate();
        assertThat(ApiTokenFormat.hash(token)).hasSize(64).matches("[0-9a-f]+").isEqualTo(ApiTokenFormat.hash(token));
        assertThat(ApiTokenFormat.shownPart(token)).hasSize(8).startsWith("fsk_");
    }
}
