package com.firesync.connection.web;

import com.firesync.shared.ApiException;

/**
 * Strict parsing of connection ids in paths.
 */
final class ConnectionIds {

    private ConnectionIds() {
    }

    static long parse(String name, String raw) {
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.invalidParameter(name, "must be a positive integer id");
    }
}
