package com.firesync.sandbox.enablebanking;

import com.firesync.sandbox.ConditionalOnSandbox;
import com.firesync.sandbox.SandboxSettings;
import com.firesync.sandbox.world.SandboxWorld;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires the Enable Banking face over the sandbox's world and puts the JWT check in front of its API routes (not in
 * front of the authorisation page, which the user's browser opens, nor of the stats).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandbox
class EnableBankingConfiguration implements WebMvcConfigurer {

    private final SandboxSettings settings;

    private final Clock clock;

    private final ApplicationJwt jwt;

    EnableBankingConfiguration(SandboxSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        var face = settings.enablebanking();
        this.jwt = new ApplicationJwt(face.applicationId(), ApplicationKey.of(face.publicKey(), face.keyFile()),
                clock);
    }

    @Bean
    EnableBankingFace enableBankingFace(SandboxWorld world, Environment environment) {
        var face = settings.enablebanking();
        return new EnableBankingFace(face.applicationId(),
                new RedirectUrls(redirectUrls(environment), settings.allowLocalRedirects()),
                new Aspsps(face.maximumConsentValidity()), new Authorizations(face.codeLifetime(), clock),
                new Sessions(clock), new BankCustomers(world), new TransactionPages(world, face.pageSize()),
                new UnattendedAccess(face.unattendedLimit(), clock), clock);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(jwt)
                .addPathPatterns(EnableBankingApiController.ROOT + "/**")
                .excludePathPatterns(AuthorizationPageController.PATH, EnableBankingStatsController.PATH);
    }

    /** In-app, FireSync's own Enable Banking callback is always allowed, on whatever port the server got. */
    private Supplier<List<String>> redirectUrls(Environment environment) {
        List<String> configured = List.copyOf(settings.enablebanking().redirectUrls());
        if (settings.standalone()) {
            return () -> configured;
        }
        return () -> {
            String port = environment.getProperty("local.server.port", environment.getProperty("server.port", ""));
            List<String> urls = new ArrayList<>(configured);
            urls.add("http://localhost:" + port + "/api/auth/enablebanking/callback");
            urls.add("http://127.0.0.1:" + port + "/api/auth/enablebanking/callback");
            return urls;
        };
    }
}
