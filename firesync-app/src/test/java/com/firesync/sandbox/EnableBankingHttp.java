package com.firesync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small Enable Banking client for tests: application JWTs signed with its own key pair and real HTTP against a
 * running sandbox's {@code /sandbox/enablebanking} face.
 */
final class EnableBankingHttp {

    static final String APPLICATION_ID = "7d1f6a4e-2b0c-4f8e-9a31-5c6d7e8f9a0b";

    static final String REDIRECT = "http://localhost:9/eb-callback";

    static final Map<String, String> PRESENT = Map.of("Psu-Ip-Address", "203.0.113.7", "Psu-User-Agent",
            "Mozilla/5.0 (test)");

    final JsonMapper json = JsonMapper.builder().build();

    final String base;

    private final KeyPair keys;

    private final String applicationId;

    private final Clock clock;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    EnableBankingHttp(ConfigurableApplicationContext context, KeyPair keys, Clock clock) {
        this("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"), keys, APPLICATION_ID,
                clock);
    }

    /** A client of the face on the server at {@code origin} ({@code http://127.0.0.1:<port>}). */
    EnableBankingHttp(String origin, KeyPair keys, String applicationId, Clock clock) {
        this.base = origin + "/sandbox/enablebanking";
        this.keys = keys;
        this.applicationId = applicationId;
        this.clock = clock;
    }

    static KeyPair newKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sandbox setting naming the application's public key, as PEM content. */
    static String publicKeySetting(KeyPair keys) {
        return "--firesync.sandbox.enablebanking.public-key=-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** A valid application JWT: RS256, kid the application id, an hour long. */
    String jwt() {
        Instant now = clock.instant();
        return jwt(keys, applicationId, now, now.plus(Duration.ofHours(1)));
    }

    static String jwt(KeyPair signer, String kid, Instant issued, Instant expires) {
        try {
            var header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid).build();
            var claims = new JWTClaimsSet.Builder().issuer("enablebanking.com")
                    .audience("api.enablebanking.com")
                    .issueTime(Date.from(issued))
                    .expirationTime(Date.from(expires))
                    .build();
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new RSASSASigner(signer.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> send(String method, String path, String jwt, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .timeout(Duration.ofSeconds(30));
        if (!jwt.isEmpty()) {
            request.header("Authorization", "Bearer " + jwt);
        }
        headers.forEach(request::header);
        if (!body.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body.isEmpty()
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, jwt(), "", Map.of());
    }

    HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        return send("GET", path, jwt(), "", headers);
    }

    JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** Asserts Enable Banking's error body and answers its {@code error} code. */
    String error(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("code").asInt()).isEqualTo(status);
        assertThat(body.get("message").asString()).isNotBlank();
        return body.get("error").asString();
    }

    /** {@code POST /auth} for a bank, valid for {@code validity}; answers the response body. */
    JsonNode startAuthorization(String bank, Duration validity, String state) throws IOException, InterruptedException {
        return startAuthorization(bank, validity, state, REDIRECT);
    }

    JsonNode startAuthorization(String bank, Duration validity, String state, String redirect)
            throws IOException, InterruptedException {
        return ok(send("POST", "/auth", jwt(), authBody(bank, clock.instant().plus(validity).toString(), state,
                redirect), Map.of()));
    }

    static String authBody(String bank, String validUntil, String state, String redirect) {
        return "{\"access\":{\"valid_until\":\"" + validUntil + "\"},\"aspsp\":{\"name\":\"" + bank
                + "\",\"country\":\"FR\"},\"state\":\"" + state + "\",\"redirect_url\":\"" + redirect
                + "\",\"psu_type\":\"personal\"}";
    }

    /** Submits the authorisation page's form like a browser and answers the redirect's Location. */
    URI submit(String url, String login, String password, String action) throws IOException, InterruptedException {
        String form = "login=" + SandboxHttp.encode(login) + "&password=" + SandboxHttp.encode(password) + "&action="
                + action;
        var response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    /** The whole flow: {@code POST /auth}, the form, the redirect, {@code POST /sessions}; answers the session. */
    JsonNode authorize(String bank, String login, Duration validity) throws IOException, InterruptedException {
        JsonNode started = startAuthorization(bank, validity, "st-" + login);
        URI back = submit(started.get("url").asString(), login, "secret", "authorize");
        Map<String, String> query = SandboxHttp.query(back.toString());
        assertThat(query.get("state")).isEqualTo("st-" + login);
        return ok(send("POST", "/sessions", jwt(), "{\"code\":\"" + query.get("code") + "\"}", Map.of()));
    }

    /** Every row of an account's transaction list, following {@code continuation_key}; counts the pages. */
    List<JsonNode> allTransactions(String uid, String query, Map<String, String> headers, int[] pages)
            throws IOException, InterruptedException {
        List<JsonNode> rows = new ArrayList<>();
        String key = null;
        do {
            String path = "/accounts/" + uid + "/transactions?" + query
                    + (key == null ? "" : (query.isEmpty() ? "" : "&") + "continuation_key=" + SandboxHttp.encode(key));
            JsonNode page = ok(get(path, headers));
            page.get("transactions").forEach(rows::add);
            pages[0]++;
            JsonNode next = page.get("continuation_key");
            key = next == null || next.isNull() ? null : next.asString();
        } while (key != null);
        return rows;
    }
}
