package com.firesync.sandbox.enablebanking;

import com.firesync.sandbox.ConditionalOnSandbox;
import com.firesync.sandbox.enablebanking.json.ErrorJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Failures under {@code /sandbox/enablebanking} that no handler of the face sees: an unknown route (404), a known
 * route with another method (405), and a JWT refusal in front of either. They get Enable Banking's error body too, in
 * app (where FireSync's problem JSON would answer them otherwise) as standalone.
 */
@Component
@ConditionalOnSandbox
class EnableBankingRouteErrors implements HandlerExceptionResolver, Ordered {

    private final JsonMapper mapper;

    EnableBankingRouteErrors(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
            @Nullable Object handler, Exception e) {
        if (!request.getRequestURI().startsWith(request.getContextPath() + EnableBankingApiController.ROOT + "/")) {
            return null;
        }
        ErrorJson error = switch (e) {
            case EnableBankingError refused -> new ErrorJson(String.valueOf(refused.getMessage()), refused.status(),
                    refused.error(), refused.detail());
            case NoResourceFoundException ignored -> new ErrorJson("Not found", 404, null, "No such route");
            case NoHandlerFoundException ignored -> new ErrorJson("Not found", 404, null, "No such route");
            case HttpRequestMethodNotSupportedException ignored -> new ErrorJson("Method not allowed", 405, null,
                    request.getMethod() + " is not allowed on this route");
            default -> null;
        };
        return error == null ? null : write(error, response);
    }

    private ModelAndView write(ErrorJson error, HttpServletResponse response) {
        try {
            response.setStatus(error.code());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream().write(mapper.writeValueAsBytes(error));
        } catch (IOException e) {
            // the client went away: nothing left to answer
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        // ahead of the @ExceptionHandler resolvers, where FireSync's own advice would answer in-app
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
