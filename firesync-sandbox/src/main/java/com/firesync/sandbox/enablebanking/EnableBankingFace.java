package com.firesync.sandbox.enablebanking;

import com.firesync.sandbox.enablebanking.json.AccessJson;
import com.firesync.sandbox.enablebanking.json.AspspRefJson;
import com.firesync.sandbox.enablebanking.json.StartAuthorizationJson;
import com.firesync.sandbox.world.Bank;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The face's state and rules in one place: its application, banks, authorisations, sessions, bank customers,
 * transaction pages and unattended-access limit, and the checks of {@code POST /auth}.
 */
final class EnableBankingFace {

    private final String applicationId;

    private final RedirectUrls redirectUrls;

    private final Aspsps aspsps;

    private final Authorizations authorizations;

    private final Sessions sessions;

    private final BankCustomers customers;

    private final TransactionPages pages;

    private final UnattendedAccess unattended;

    private final Clock clock;

    EnableBankingFace(String applicationId, RedirectUrls redirectUrls, Aspsps aspsps, Authorizations authorizations,
            Sessions sessions, BankCustomers customers, TransactionPages pages, UnattendedAccess unattended,
            Clock clock) {
        this.applicationId = applicationId;
        this.redirectUrls = redirectUrls;
        this.aspsps = aspsps;
        this.authorizations = authorizations;
        this.sessions = sessions;
        this.customers = customers;
        this.pages = pages;
        this.unattended = unattended;
        this.clock = clock;
    }

    String applicationId() {
        return applicationId;
    }

    RedirectUrls redirectUrls() {
        return redirectUrls;
    }

    Aspsps aspsps() {
        return aspsps;
    }

    Authorizations authorizations() {
        return authorizations;
    }

    Sessions sessions() {
        return sessions;
    }

    BankCustomers customers() {
        return customers;
    }

    TransactionPages pages() {
        return pages;
    }

    UnattendedAccess unattended() {
        return unattended;
    }

    Clock clock() {
        return clock;
    }

    /** Checks a {@code POST /auth} and records the authorisation it starts. */
    Authorization start(StartAuthorizationJson request) {
        AccessJson access = request.access();
        if (access == null) {
            throw EnableBankingError.wrongParameters("access is required");
        }
        OffsetDateTime validUntil = validUntil(access.validUntil());
        AspspRefJson named = request.aspsp();
        if (named == null || named.name() == null || named.country() == null) {
            throw EnableBankingError.wrongParameters("aspsp with name and country is required");
        }
        Bank bank = aspsps.find(named.name(), named.country())
                .orElseThrow(() -> EnableBankingError.unprocessable("WRONG_ASPSP_PROVIDED",
                        "Wrong ASPSP name provided", "No ASPSP " + named.name() + " in " + named.country()));
        if (request.state() == null) {
            throw EnableBankingError.wrongParameters("state is required");
        }
        if (!redirectUrls.allows(request.redirectUrl())) {
            throw EnableBankingError.unprocessable("REDIRECT_URI_NOT_ALLOWED", "Redirect URI not allowed",
                    "redirect_url is not one of the application's redirect URLs");
        }
        checkMethod(request);
        var authorization = new Authorization(UUID.randomUUID().toString(), bank, request.state(),
                String.valueOf(request.redirectUrl()), validUntil, psuIdHash(request.psuId()),
                !Boolean.FALSE.equals(access.balances()), !Boolean.FALSE.equals(access.transactions()),
                clock.instant());
        authorizations.add(authorization);
        return authorization;
    }

    private OffsetDateTime validUntil(@Nullable String value) {
        OffsetDateTime validUntil;
        try {
            validUntil = OffsetDateTime.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            throw EnableBankingError.wrongParameters("access.valid_until must be an RFC 3339 date-time with offset");
        }
        Instant now = clock.instant();
        if (!validUntil.toInstant().isAfter(now)) {
            throw EnableBankingError.wrongParameters("access.valid_until must be in the future");
        }
        if (validUntil.toInstant().isAfter(now.plus(aspsps.maximumConsentValidity()))) {
            throw EnableBankingError.wrongParameters("The consent validity is longer than the ASPSP allows ("
                    + aspsps.maximumConsentValidity().toSeconds() + " s)");
        }
        return validUntil;
    }

    private static void checkMethod(StartAuthorizationJson request) {
        if (request.psuType() != null && !request.psuType().equals("personal")) {
            throw EnableBankingError.wrongParameters("This ASPSP serves personal customers only");
        }
        if (request.authMethod() == null && request.credentials() != null) {
            throw EnableBankingError.wrongParameters("credentials are allowed only with auth_method");
        }
        if (request.authMethod() != null && !request.authMethod().equals("login")) {
            throw EnableBankingError.wrongParameters("auth_method is not one of the ASPSP's auth_methods");
        }
    }

    private String psuIdHash(@Nullable String psuId) {
        String subject = psuId == null ? UUID.randomUUID().toString() : psuId;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((applicationId + "|" + subject).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
