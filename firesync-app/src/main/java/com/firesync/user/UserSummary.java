package com.firesync.user;

import com.firesync.shared.Role;
import java.time.Instant;

/**
 * A user as an admin lists them: never a token.
 *
 * @param id the user's id, to issue them a token or erase them
 * @param name the name given at creation
 * @param role user or admin
 * @param createdAt when the user was created
 */
public record UserSummary(long id, String name, Role role, Instant createdAt) {
}
