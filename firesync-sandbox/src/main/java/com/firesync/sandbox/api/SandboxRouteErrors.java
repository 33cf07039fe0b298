package com.firesync.sandbox.api;

import com.firesync.sandbox.ConditionalOnSandbox;
import com.firesync.sandbox.json.ErrorJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Failures of the API that no sandbox handler sees: an unknown route ({@code 404 notFound}), a known route with
 * another method ({@code 405 methodNotAllowed}), a refusal of the fault interceptor on such a route. Powens answers
 * them with its own error body, so the sandbox does too, in-app (where FireSync's problem JSON would answer them
 * otherwise) as standalone.
 */
@Component
@ConditionalOnSandbox
class SandboxRouteErrors implements HandlerExceptionResolver, Ordered {

    private static final String API = "/sandbox/2.0/";

    private final SandboxErrorAdvice errors;

    private final JsonMapper mapper;

    SandboxRouteErrors(SandboxErrorAdvice errors, JsonMapper mapper) {
        this.errors = errors;
        this.mapper = mapper;
    }

    @Override
    public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
            @Nullable Object handler, Exception e) {
        if (!request.getRequestURI().startsWith(request.getContextPath() + API)) {
            return null;
        }
        PowensError error = switch (e) {
            case PowensError refused -> refused;
            case NoResourceFoundException ignored -> PowensError.notFound("Route");
            case NoHandlerFoundException ignored -> PowensError.notFound("Route");
            case HttpRequestMethodNotSupportedException unsupported -> {
                if (unsupported.getSupportedHttpMethods() != null) {
                    response.setHeader(HttpHeaders.ALLOW, unsupported.getSupportedHttpMethods().stream()
                            .map(Object::toString)
                            .collect(Collectors.joining(", ")));
                }
                yield new PowensError(HttpStatus.METHOD_NOT_ALLOWED, "methodNotAllowed",
                        request.getMethod() + " is not allowed on this route.");
            }
            default -> null;
        };
        return error == null ? null : write(errors.refused(error), response);
    }

    private ModelAndView write(ResponseEntity<ErrorJson> answer, HttpServletResponse response) {
        try {
            response.setStatus(answer.getStatusCode().value());
            answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream().write(mapper.writeValueAsBytes(answer.getBody()));
            return new ModelAndView();
        } catch (IOException e) {
            // the client went away: nothing left to answer
            return new ModelAndView();
        }
    }

    @Override
    public int getOrder() {
        // ahead of the @ExceptionHandler resolvers, where FireSync's own advice would answer in-app
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
