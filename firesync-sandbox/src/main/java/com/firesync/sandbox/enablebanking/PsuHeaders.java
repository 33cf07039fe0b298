package com.firesync.sandbox.enablebanking;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The PSU headers the sandbox banks require for a present user ({@code Psu-Ip-Address} and {@code Psu-User-Agent}):
 * all of them means the user is present, none means an unattended read, some only is 422
 * {@code PSU_HEADER_NOT_PROVIDED}, and an IP address that is none is 422 {@code PSU_HEADER_INVALID}.
 */
final class PsuHeaders {

    private static final Pattern IPV4 = Pattern
            .compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private PsuHeaders() {
    }

    /** Whether the call is made for a user who is present. */
    static boolean present(HttpServletRequest request) {
        String ip = value(request, "Psu-Ip-Address");
        String agent = value(request, "Psu-User-Agent");
        if (ip == null && agent == null) {
            return false;
        }
        if (ip == null || agent == null) {
            throw EnableBankingError.unprocessable("PSU_HEADER_NOT_PROVIDED", "Required PSU header is not provided",
                    "PSU header " + (ip == null ? "psuIpAddress" : "psuUserAgent") + " is not provided");
        }
        if (!IPV4.matcher(ip).matches() && !(ip.contains(":") && IPV6.matcher(ip).matches())) {
            throw EnableBankingError.unprocessable("PSU_HEADER_INVALID", "PSU header is invalid",
                    "PSU header psuIpAddress is not an IP address");
        }
        return true;
    }

    private static @Nullable String value(HttpServletRequest request, String name) {
        String value = request.getHeader(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
