package com.firesync.sandbox.enablebanking.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Enable Banking's {@code ErrorResponse}: {@code message} always, {@code code} the HTTP status, {@code error} the text
 * code, {@code detail} a string or an object when there is one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorJson(String message, int code, @Nullable String error, @Nullable Object detail) {
}
