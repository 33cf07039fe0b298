package com.firesync.sandbox.api;

import com.firesync.sandbox.auth.Tokens;
import com.firesync.sandbox.world.SandboxUser;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives handlers the authenticated user (or bearer); a handler asking for one refuses calls without a live token
 * with Powens' 401.
 */
final class CallerResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return type == SandboxUser.class || type == Tokens.Bearer.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
            NativeWebRequest request, @Nullable WebDataBinderFactory binders) {
        Object bearer = request.getAttribute(SandboxAttributes.BEARER, RequestAttributes.SCOPE_REQUEST);
        if (!(bearer instanceof Tokens.Bearer live)) {
            throw PowensError.invalidToken();
        }
        return parameter.getParameterType() == SandboxUser.class ? live.user() : live;
    }
}
