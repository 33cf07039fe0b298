package com.firesync.sandbox.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a request's fields from a JSON object body or from form/query parameters, as Powens accepts both.
 */
final class RequestFields {

    private final Map<String, String> fields;

    private RequestFields(Map<String, String> fields) {
        this.fields = fields;
    }

    static RequestFields read(HttpServletRequest request, JsonMapper mapper) {
        Map<String, String> fields = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> fields.put(name, values.length == 0 ? "" : values[0]));
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).contains("json")) {
            try {
                JsonNode body = mapper.readTree(request.getInputStream());
                if (body != null && body.isObject()) {
                    body.properties().forEach(field -> fields.put(field.getKey(), field.getValue().asString("")));
                } else if (body != null && !body.isMissingNode() && !body.isNull()) {
                    throw PowensError.invalidValue("The body must be a JSON object.");
                }
            } catch (JacksonException | IOException e) {
                throw PowensError.invalidValue("The body is not valid JSON.");
            }
        }
        return new RequestFields(fields);
    }

    @Nullable
    String get(String name) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    String require(String name) {
        String value = get(name);
        if (value == null) {
            throw PowensError.missingParameter(name);
        }
        return value;
    }

    boolean flag(String name) {
        String value = get(name);
        return value != null && (value.equalsIgnoreCase("true") || value.equals("1"));
    }
}
