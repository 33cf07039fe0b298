package com.firesync.provider.enablebanking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.firesync.testing.MutableClock;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ApplicationJwtsTests {

    private static final String APPLICATION = "cf589be3-3755-465b-a8df-a90a16a31403";

    private final KeyPair keys = keys();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-15T10:00:00Z"));

    @Test
    void mintsAnRs256JwtNamingTheApplicationAndReusesItUntilCloseToItsExpiry() throws Exception {
        var jwts = new ApplicationJwts(APPLICATION, () -> (RSAPrivateKey) keys.getPrivate(), Duration.ofHours(1),
                clock);

        String first = jwts.token();
        clock.advance(Duration.ofMinutes(50));
        String reused = jwts.token();
        clock.advance(Duration.ofMinutes(5));
        String renewed = jwts.token();

        SignedJWT jwt = SignedJWT.parse(first);
        assertThat(jwt.verify(new RSASSAVerifier((RSAPublicKey) keys.getPublic()))).isTrue();
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(APPLICATION);
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("enablebanking.com");
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("api.enablebanking.com");
        assertThat(reused).isEqualTo(first);
        assertThat(renewed).isNotEqualTo(first);
    }

    @Test
    void readsPkcs8AndPkcs1KeysAndRefusesOthersWithoutShowingThem() throws Exception {
        byte[] pkcs8 = keys.getPrivate().getEncoded();
        // a PKCS#8 RSA key ends with its PKCS#1 form, after a 26-byte header
        byte[] pkcs1 = java.util.Arrays.copyOfRange(pkcs8, 26, pkcs8.length);

        assertThat(SigningKey.read(pem("PRIVATE KEY", pkcs8))).isEqualTo(keys.getPrivate());
        assertThat(SigningKey.read(pem("RSA PRIVATE KEY", pkcs1)).getModulus())
                .isEqualTo(((RSAPrivateKey) keys.getPrivate()).getModulus());
        String broken = pem("PRIVATE KEY", new byte[]{1, 2, 3});
        assertThatThrownBy(() -> SigningKey.read(broken)).hasMessageContaining("firesync.enablebanking.private-key")
                .hasMessageNotContaining("AQID");
        assertThatThrownBy(() -> SigningKey.read("/no/such/key.pem")).hasMessageContaining("no readable PEM file");
    }

    @Test
    void neverShowsThePrivateKeyInItsSettings() {
        String key = pem("PRIVATE KEY", keys.getPrivate().getEncoded());
        var settings = new EnableBankingSettings(APPLICATION, key, URI.create("http://localhost:1"),
                Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofDays(90),
                Duration.ofDays(14), ZoneOffset.UTC, 4);

        assertThat(settings.toString()).contains(APPLICATION).doesNotContain(key.substring(40, 80))
                .contains("[redacted]");
        assertThat(settings.privateKey()).isEqualTo(key.strip());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type
                + "-----\n";
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
