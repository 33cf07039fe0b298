package com.firesync.shared;

/**
 * Strict parsing of the ids callers send in paths and parameters.
 */
public final class Ids {

    private Ids() {
    }

    /**
     * A positive integer id, or a 400 problem naming the parameter.
     */
    public static long positive(String name, String raw) {
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
