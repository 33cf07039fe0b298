package com.firesync.sandbox.enablebanking;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks the application JWT of every API call as Enable Banking does: {@code Authorization: Bearer <JWT>} signed
 * RS256 by the application's key, {@code kid} the application id, {@code iss} {@code enablebanking.com}, {@code aud}
 * {@code api.enablebanking.com}, not expired on the sandbox clock, and living at most a day ({@code exp - iat}). A
 * missing header is {@code AUTHORIZATION_NOT_PROVIDED}, anything else wrong {@code UNAUTHORIZED_ACCESS}, both 401.
 */
final class ApplicationJwt implements HandlerInterceptor {

    static final String ISSUER = "enablebanking.com";

    static final String AUDIENCE = "api.enablebanking.com";

    private static final Duration MAX_LIFE = Duration.ofDays(1);

    /** How far ahead of the sandbox clock a client's {@code iat} may be (its clock may run a little fast). */
    private static final Duration SKEW = Duration.ofMinutes(1);

    private final String applicationId;

    private final RSASSAVerifier verifier;

    private final Clock clock;

    ApplicationJwt(String applicationId, ApplicationKey key, Clock clock) {
        this.applicationId = applicationId;
        this.verifier = new RSASSAVerifier(key.publicKey());
        this.clock = clock;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        verify(request.getHeader(HttpHeaders.AUTHORIZATION));
        return true;
    }

    void verify(@Nullable String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw EnableBankingError.unauthorized("AUTHORIZATION_NOT_PROVIDED", "Authorization header is not provided");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw refused("The Authorization header is not a bearer JWT");
        }
        try {
            SignedJWT jwt = SignedJWT.parse(authorization.substring(7).strip());
            checkHeader(jwt);
            if (!jwt.verify(verifier)) {
                throw refused("The JWT signature does not verify with the application's key");
            }
            checkClaims(jwt.getJWTClaimsSet());
        } catch (ParseException | JOSEException e) {
            throw refused("The JWT cannot be read");
        }
    }

    private void checkHeader(SignedJWT jwt) {
        var header = jwt.getHeader();
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
            throw refused("Only RS256 JWTs are accepted");
        }
        if (header.getType() != null && !JOSEObjectType.JWT.equals(header.getType())) {
            throw refused("The JWT typ must be JWT");
        }
        if (!applicationId.equals(header.getKeyID())) {
            throw refused("The JWT kid names no known application");
        }
    }

    private void checkClaims(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Date issued = claims.getIssueTime();
        Date expires = claims.getExpirationTime();
        if (!ISSUER.equals(claims.getIssuer()) || claims.getAudience() == null
                || !claims.getAudience().contains(AUDIENCE)) {
            throw refused("The JWT iss or aud is wrong");
        }
        if (issued == null || expires == null) {
            throw refused("The JWT has no iat or exp");
        }
        if (!expires.toInstant().isAfter(now)) {
            throw refused("The JWT has expired");
        }
        if (issued.toInstant().isAfter(now.plus(SKEW))) {
            throw refused("The JWT is issued in the future");
        }
        if (Duration.between(issued.toInstant(), expires.toInstant()).compareTo(MAX_LIFE) > 0) {
            throw refused("The JWT lives longer than 24 hours");
        }
    }

    private static EnableBankingError refused(String detail) {
        return new EnableBankingError(401, "UNAUTHORIZED_ACCESS", "Unauthorized access", detail);
    }
}
