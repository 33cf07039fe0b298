package com.firesync.sandbox.api;

import com.firesync.sandbox.ConditionalOnSandbox;
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

    SandboxWebConfiguration(FaultInterceptor faults) {
        this.faults = faults;
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
