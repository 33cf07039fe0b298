package com.firesync.provider.powens;

import com.firesync.provider.ProviderToken;
import com.firesync.provider.ProviderUser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Powens' user and token endpoints: creating users, renewing and revoking their permanent tokens, and minting the
 * temporary codes the Webview takes instead of a token.
 */
final class PowensAuth {

    private final Supplier<PowensEndpoints> endpoints;

    private final PowensHttp http;

    PowensAuth(Supplier<PowensEndpoints> endpoints, PowensHttp http) {
        this.endpoints = endpoints;
        this.http = http;
    }

    /**
     * {@code POST /auth/init}. Sent once whatever happens: Powens creates a user for every such request it
     * processes, and a timeout does not tell whether it did.
     */
    ProviderUser createUser() {
        String operation = "Powens POST /auth/init";
        PowensEndpoints target = endpoints.get();
        Map<String, Object> body = Map.of("client_id", target.clientId(), "client_secret", target.clientSecret());
        PowensJson.AuthInit init = http.fetch(operation, post(target, "/auth/init", body), PowensJson.AuthInit.class);
        return PowensHttp.guarded(operation, () -> new ProviderUser(present(init.idUser(), "id_user"),
                new ProviderToken(present(init.authToken(), "auth_token"))));
    }

    ProviderToken renewToken(String providerUserId, boolean revokePrevious) {
        String operation = "Powens POST /auth/renew";
        PowensEndpoints target = endpoints.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("grant_type", "client_credentials");
        body.put("client_id", target.clientId());
        body.put("client_secret", target.clientSecret());
        body.put("id_user", numericIfPossible(providerUserId));
        body.put("revoke_previous", revokePrevious);
        PowensJson.AccessToken renewed = http.fetch(operation, post(target, "/auth/renew", body),
                PowensJson.AccessToken.class);
        return PowensHttp.guarded(operation, () -> new ProviderToken(present(renewed.accessToken(), "access_token")));
    }

    void revokeToken(ProviderToken token) {
        URI uri = URI.create(endpoints.get().baseUrl() + "/auth/token");
        http.send("Powens DELETE /auth/token", http.request(uri, token).DELETE().build());
    }

    /**
     * A single-use code for the Webview, valid 30 minutes at most: the permanent token never reaches a browser.
     */
    String temporaryCode(ProviderToken token) {
        String operation = "Powens GET /auth/token/code";
        URI uri = URI.create(endpoints.get().baseUrl() + "/auth/token/code"
                + new QueryString().add("type", "singleAccess"));
        PowensJson.TemporaryCode code = http.fetch(operation, http.request(uri, token).GET().build(),
                PowensJson.TemporaryCode.class);
        return PowensHttp.guarded(operation, () -> present(code.code(), "code"));
    }

    private HttpRequest post(PowensEndpoints target, String path, Object body) {
        return http.request(URI.create(target.baseUrl() + path), null)
                .header("Content-Type", "application/json")
                .POST(http.jsonBody(body))
                .build();
    }

    private static String present(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new MalformedResponseException("Powens sent no " + field);
        }
        return value;
    }

    /** Powens ids are integers; FireSync keeps them as text. */
    private static Object numericIfPossible(String id) {
        boolean numeric = !id.isEmpty() && id.length() < 19 && id.chars().allMatch(Character::isDigit);
        return numeric ? Long.parseLong(id) : id;
    }
}
