package com.firesync.provider.powens;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

/**
 * A URL query built parameter by parameter, values percent-encoded (spaces as {@code %20}, as in Powens' own links).
 */
final class QueryString {

    private final StringJoiner parts = new StringJoiner("&");

    QueryString add(String name, @Nullable Object value) {
        if (value != null) {
            parts.add(name + "=" + encode(value.toString()));
        }
        return this;
    }

    /** A value-less flag such as Powens' {@code all}. */
    QueryString flag(String name, boolean present) {
        if (present) {
            parts.add(name);
        }
        return this;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return parts.length() == 0 ? "" : "?" + parts;
    }
}
