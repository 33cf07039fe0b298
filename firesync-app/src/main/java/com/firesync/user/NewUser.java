package com.firesync.user;

import com.firesync.shared.Role;

/**
 * A user just created, with the only copy of its API token that will ever be shown.
 *
 * @param id the user's id
 * @param name the user's name
 * @param role the user's role
 * @param token the API token in clear; FireSync keeps only its hash
 */
public record NewUser(long id, String name, Role role, String token) {

    @Override
    public String toString() {
        return "NewUser[id=" + id + ", name=" + name + ", role=" + role + ", token=<redacted>]";
    }
}
