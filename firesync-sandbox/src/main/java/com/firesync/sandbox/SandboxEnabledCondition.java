package com.firesync.sandbox;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The sandbox runs standalone, or in-app when {@code firesync.sandbox.enabled=true}, or when that setting is unset
 * and no Powens client id is configured (so a fresh machine works end to end) and no {@code prod} or
 * {@code production} profile is active.
 */
class SandboxEnabledCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return inApp(context.getEnvironment());
    }

    /** Whether the sandbox's beans start in this process. */
    static boolean inApp(Environment environment) {
        if (environment.getProperty("firesync.sandbox.standalone", Boolean.class, false)) {
            return true;
        }
        Boolean enabled = environment.getProperty("firesync.sandbox.enabled", Boolean.class);
        if (enabled != null) {
            return enabled;
        }
        return blank(environment.getProperty("POWENS_CLIENT_ID"))
                && blank(environment.getProperty("firesync.powens.client-id"))
                && !environment.matchesProfiles("prod | production");
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
