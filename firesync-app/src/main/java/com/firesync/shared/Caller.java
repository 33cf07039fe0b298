package com.firesync.shared;

/**
 * The authenticated user behind a request: every query a user-facing route runs is scoped by {@link #userId()}.
 *
 * @param userId the user's id
 * @param name the user's display name
 * @param role what the user may do
 */
public record Caller(long userId, String name, Role role) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
