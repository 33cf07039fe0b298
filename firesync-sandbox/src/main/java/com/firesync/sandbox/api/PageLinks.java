package com.firesync.sandbox.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The {@code _links} of a page: relative hrefs repeating the request's own query with another {@code offset}, so a
 * client can follow {@code next} as-is against the same host.
 */
final class PageLinks {

    private final String path;

    private final List<String> kept = new ArrayList<>();

    private final int limit;

    PageLinks(String path, @Nullable String query, int limit) {
        this.path = path;
        this.limit = limit;
        if (query != null) {
            for (String pair : query.split("&")) {
                if (!pair.isEmpty() && !pair.startsWith("offset=") && !pair.startsWith("limit=")) {
                    kept.add(pair);
                }
            }
        }
    }

    Map<String, @Nullable Map<String, String>> of(int offset, int total) {
        Map<String, @Nullable Map<String, String>> links = new LinkedHashMap<>();
        links.put("self", href(offset));
        links.put("prev", offset > 0 ? href(Math.max(0, offset - limit)) : null);
        links.put("next", offset + limit < total ? href(offset + limit) : null);
        return links;
    }

    private Map<String, String> href(int offset) {
        List<String> pairs = new ArrayList<>(kept);
        pairs.add("limit=" + limit);
        pairs.add("offset=" + offset);
        return Map.of("href", path + "?" + String.join("&", pairs));
    }
}
