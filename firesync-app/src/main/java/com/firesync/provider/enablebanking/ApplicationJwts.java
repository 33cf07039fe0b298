package com.firesync.provider.enablebanking;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The application's JWTs (RS256, {@code kid} the application id, {@code iss} {@code enablebanking.com}, {@code aud}
 * {@code api.enablebanking.com}), minted with Nimbus JOSE and reused until a tenth of their lifetime is left. Neither
 * the key nor a token is ever logged.
 */
final class ApplicationJwts {

    static final String ISSUER = "enablebanking.com";

    static final String AUDIENCE = "api.enablebanking.com";

    private final String applicationId;

    private final Supplier<RSAPrivateKey> key;

    private final Duration lifetime;

    private final Clock clock;

    private @Nullable Minted current;

    private @Nullable RSASSASigner signer;

    ApplicationJwts(String applicationId, Supplier<RSAPrivateKey> key, Duration lifetime, Clock clock) {
        this.applicationId = applicationId;
        this.key = key;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A valid JWT, minted anew once the cached one is close to its expiry. */
    synchronized String token() {
        Instant now = clock.instant();
        Minted minted = current;
        if (minted == null || !now.isBefore(minted.renewAt())) {
            minted = mint(now);
            current = minted;
        }
        return minted.token();
    }

    private Minted mint(Instant now) {
        Instant issued = Instant.ofEpochSecond(now.getEpochSecond());
        Instant expires = issued.plus(lifetime);
        var header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(applicationId).build();
        var claims = new JWTClaimsSet.Builder().issuer(ISSUER)
                .audience(AUDIENCE)
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(expires))
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign the Enable Banking application JWT", e);
        }
        return new Minted(jwt.serialize(), expires.minus(lifetime.dividedBy(10)));
    }

    private RSASSASigner signer() {
        RSASSASigner known = signer;
        if (known == null) {
            known = new RSASSASigner(key.get());
            signer = known;
        }
        return known;
    }

    private record Minted(String token, Instant renewAt) {

        @Override
        public String toString() {
            return "Minted[token=[redacted], renewAt=" + renewAt + "]";
        }
    }
}
