package com.firesync.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

import org.jspecify.annotations.Nullable;

/**
 * The envelope of every successful API answer: {@code {"success": true, "data": ...}}, with a {@code page} member on
 * paginated lists.
 *
 * @param success always {@code true}; failures are problem details
 * @param data the answer
 * @param page where the next page starts, for paginated lists only
 */
@JsonInclude(Include.NON_NULL)
public record ApiResponse<T>(boolean success, T data, @Nullable PageInfo page) {

    public static <T> ApiResponse<T> ok(T data) {
        return new ApiResponse<>(true, data, null);
    }

    public static <T> ApiResponse<T> page(T data, int limit, @Nullable String nextCursor) {
        return new ApiResponse<>(true, data, new PageInfo(limit, nextCursor));
    }

    /**
     * Keyset pagination state: pass {@code nextCursor} as {@code cursor} to get the next page; {@code null} on the
     * last page.
     */
    public record PageInfo(int limit, @JsonInclude(Include.ALWAYS) @Nullable String nextCursor) {
    }
}
