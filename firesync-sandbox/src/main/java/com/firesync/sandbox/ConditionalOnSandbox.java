package com.firesync.sandbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Marks every sandbox bean: FireSync's component scan finds the sandbox's controllers, so each carries the switch
 * itself rather than relying on one configuration class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(SandboxEnabledCondition.class)
public @interface ConditionalOnSandbox {
}
