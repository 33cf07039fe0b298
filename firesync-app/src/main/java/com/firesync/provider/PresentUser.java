package com.firesync.provider;

import java.util.Objects;

/**
 * The user who is present and asked for fresh data: providers that limit reads made without the user (PSD2's
 * unattended access) are told so, with the user's own address and browser (Enable Banking's PSU headers). Never made
 * up for a scheduled or bulk read: that would defeat the limit.
 *
 * @param ipAddress the user's IP address, as their request reached FireSync
 * @param userAgent the user's {@code User-Agent}
 */
public record PresentUser(String ipAddress, String userAgent) {

    public PresentUser {
        Objects.requireNonNull(ipAddress, "ipAddress");
        Objects.requireNonNull(userAgent, "userAgent");
    }
}
