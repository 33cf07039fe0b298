package com.firesync.sandbox.json;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A Powens transaction category, as {@code GET /categories} lists it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CategoryJson(long id, long idParentCategory, String name, String color, @Nullable Boolean income,
        boolean refundable, @Nullable Long idLogo) {
}
