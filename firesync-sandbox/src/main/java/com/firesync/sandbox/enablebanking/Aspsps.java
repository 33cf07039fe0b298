package com.firesync.sandbox.enablebanking;

import com.firesync.sandbox.enablebanking.json.AspspJson;
import com.firesync.sandbox.enablebanking.json.AuthMethodJson;
import com.firesync.sandbox.enablebanking.json.SandboxInfoJson;
import com.firesync.sandbox.enablebanking.json.SandboxUserJson;
import com.firesync.sandbox.world.Bank;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The banks (ASPSPs) of the face: the sandbox's Demo Bank and Test Bank, French, for personal customers, reached by
 * redirect, both asking for the PSU headers of a present user.
 */
final class Aspsps {

    static final String COUNTRY = "FR";

    static final List<String> PSU_HEADERS = List.of("Psu-Ip-Address", "Psu-User-Agent");

    private static final String LOGO = "data:image/svg+xml;base64," + Base64.getEncoder()
            .encodeToString(("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">"
                    + "<rect width=\"10\" height=\"10\" fill=\"#345\"/></svg>").getBytes(StandardCharsets.UTF_8));

    private final Duration maximumConsentValidity;

    Aspsps(Duration maximumConsentValidity) {
        this.maximumConsentValidity = maximumConsentValidity;
    }

    Duration maximumConsentValidity() {
        return maximumConsentValidity;
    }

    /** The banks of a country ({@code null}: all) for a PSU type ({@code null}: any). */
    List<AspspJson> list(@Nullable String country, @Nullable String psuType) {
        if (country != null && !country.matches("[A-Z]{2}")) {
            throw EnableBankingError.wrongParameters("country must be two upper-case letters");
        }
        if (psuType != null && !psuType.equals("personal") && !psuType.equals("business")) {
            throw EnableBankingError.wrongParameters("psu_type must be personal or business");
        }
        boolean shown = (country == null || country.equals(COUNTRY))
                && (psuType == null || psuType.equals("personal"));
        return shown ? Arrays.stream(Bank.values()).map(this::json).toList() : List.of();
    }

    /** The bank named so in a {@code POST /auth}. */
    Optional<Bank> find(String name, String country) {
        return Arrays.stream(Bank.values())
                .filter(bank -> bank.displayName().equals(name) && COUNTRY.equals(country))
                .findFirst();
    }

    private AspspJson json(Bank bank) {
        var method = new AuthMethodJson("login", "Login and password", "personal", "REDIRECT", false, List.of());
        List<SandboxUserJson> users = bank == Bank.DEMO
                ? List.of(new SandboxUserJson("alice", "secret", null))
                : List.of("user", "churn", "edits", "capped", "strict", "wrongpass").stream()
                        .map(login -> new SandboxUserJson(login, "secret", null))
                        .toList();
        return new AspspJson(bank.displayName(), COUNTRY, LOGO, List.of("personal"), List.of(method),
                maximumConsentValidity.toSeconds(), new SandboxInfoJson(users), false,
                bank == Bank.DEMO ? "SBXDFRP1" : "SBXTFRP1", PSU_HEADERS);
    }
}
