package com.firesync.shared;

/**
 * What a caller of the API may do. An admin is also a user: it owns data of its own.
 */
public enum Role {
    USER, ADMIN;

    /**
     * The Spring Security authorities this role grants.
     */
    public String[] authorities() {
        return this == ADMIN ? new String[]{"ROLE_USER", "ROLE_ADMIN"} : new String[]{"ROLE_USER"};
    }
}
