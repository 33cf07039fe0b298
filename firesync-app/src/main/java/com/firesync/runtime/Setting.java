package com.firesync.runtime;

import java.util.function.UnaryOperator;

/**
 * One documented setting: the environment variable a user sets, the Spring property it becomes, its default and how
 * a raw value is checked and normalised.
 */
record Setting(String variable, String property, String defaultValue, String expectation, UnaryOperator<String> parse) {

    static Setting bool(String variable, String property, boolean defaultValue) {
        return new Setting(variable, property, Boolean.toString(defaultValue), "true or false", raw -> {
            var value = raw.trim().toLowerCase(java.util.Locale.ROOT);
            if (!value.equals("true") && !value.equals("false")) {
                throw new IllegalArgumentException();
            }
            return value;
        });
    }
}
