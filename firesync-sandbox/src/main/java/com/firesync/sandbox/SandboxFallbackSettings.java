package com.firesync.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * What the sandbox offers FireSync's Powens client when no Powens client is configured: its own client credentials
 * and webhook secret, and, with the in-app sandbox on, the URLs it is served at on this server. They are offered as
 * {@code firesync.sandbox.powens-client.*}, which FireSync's {@code application.yml} uses as the fallback of each
 * {@code firesync.powens.*} setting; the Powens client itself knows nothing of the sandbox and, without this module
 * on the class path, needs real credentials.
 * <p>
 * Nothing is offered once a Powens client id or secret is configured, so that the sandbox's well-known secrets never
 * stand in for a half-configured real client. The in-app decision ({@link SandboxEnabledCondition}) is taken here, before the offered client id makes Powens look
 * configured, and recorded as {@code firesync.sandbox.enabled} unless that is set. Nothing is offered to a
 * {@code prod} profile without an explicit {@code firesync.sandbox.enabled=true}. The URLs name the port the server
 * finally listens on ({@code local.server.port}), resolved when the client reads them.
 */
class SandboxFallbackSettings implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "sandboxFallbacks";

    static final String OFFERED = "firesync.sandbox.powens-client.";

    static final String OFFERED_EB = "firesync.sandbox.enablebanking-client.";

    private static final String ROOT = "http://localhost:${local.server.port:${server.port:8080}}/sandbox";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty("firesync.sandbox.standalone", Boolean.class, false)) {
            return;
        }
        boolean inApp = SandboxEnabledCondition.inApp(environment);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("firesync.sandbox.enabled", inApp);
        if (!powensConfigured(environment) && (inApp || !environment.matchesProfiles("prod | production"))) {
            values.put(OFFERED + "client-id", "${firesync.sandbox.client-id:" + SandboxSettings.CLIENT_ID + "}");
            values.put(OFFERED + "client-secret",
                    "${firesync.sandbox.client-secret:" + SandboxSettings.CLIENT_SECRET + "}");
            values.put(OFFERED + "webhook-secret",
                    "${firesync.sandbox.webhook.secret:" + SandboxSettings.WEBHOOK_SECRET + "}");
        }
        if (inApp) {
            // the default run survives restarts: the sandbox remembers its users beside FireSync's own data
            values.put("firesync.sandbox.state-file", "${firesync.data-dir}/sandbox-state.json");
            // the Enable Banking face's own application key, which a client on this machine can sign with
            values.put("firesync.sandbox.enablebanking.key-file", "${firesync.data-dir}/sandbox-enablebanking-key.pem");
            values.put(OFFERED + "base-url", ROOT + "/2.0");
            values.put(OFFERED + "webview-url", ROOT + "/webview");
            offerEnableBanking(environment, values);
        }
        // last: every setting made anywhere else wins
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, values));
    }

    /**
     * In-app, with no Enable Banking application configured and the face's own key pair in use, the face's
     * application: its id, the key file its private key is kept in, and its URL, as
     * {@code firesync.sandbox.enablebanking-client.*}.
     */
    private static void offerEnableBanking(ConfigurableEnvironment environment, Map<String, Object> values) {
        if (!blank(environment.getProperty("firesync.enablebanking.application-id"))
                || !blank(environment.getProperty("ENABLEBANKING_APPLICATION_ID"))
                || !blank(environment.getProperty("firesync.sandbox.enablebanking.public-key"))) {
            return;
        }
        values.put(OFFERED_EB + "application-id",
                "${firesync.sandbox.enablebanking.application-id:" + SandboxSettings.EB_APPLICATION_ID + "}");
        values.put(OFFERED_EB + "private-key", "${firesync.sandbox.enablebanking.key-file}");
        values.put(OFFERED_EB + "base-url", ROOT + "/enablebanking");
    }

    /** Whether a Powens client is configured: then nothing of the sandbox's may stand in for a missing half. */
    private static boolean powensConfigured(ConfigurableEnvironment environment) {
        return !blank(environment.getProperty("firesync.powens.client-id"))
                || !blank(environment.getProperty("firesync.powens.client-secret"));
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    @Override
    public int getOrder() {
        // after the config files and FireSync's own settings are read
        return Ordered.LOWEST_PRECEDENCE;
    }
}
