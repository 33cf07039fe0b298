package com.firesync.shared;

import org.jspecify.annotations.Nullable;

/**
 * Text as it goes into a bounded column. Providers send labels and names of any length; the column keeps their start
 * rather than refusing the row.
 */
public final class Text {

    private Text() {
    }

    /** The value cut to at most {@code max} characters, or null when it is null. */
    public static @Nullable String clip(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
