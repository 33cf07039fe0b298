package com.firesync.sandbox.api;

import com.firesync.sandbox.ConditionalOnSandbox;
import com.firesync.sandbox.SandboxSettings;
import com.firesync.sandbox.auth.Tokens;
import com.firesync.sandbox.world.SandboxWorld;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the fault interceptor in front of the API routes and lets handlers ask for the authenticated user.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandbox
class SandboxWebConfiguration implements WebMvcConfigurer {

    private final FaultInterceptor faults;

    SandboxWebConfiguration(SandboxWorld world, Tokens tokens, SandboxSettings settings) {
        this.faults = new FaultInterceptor(world, tokens, settings);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(faults).addPathPatterns("/sandbox/2.0/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerResolver());
    }
}
