package com.firesync.provider;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A bank the provider lets the user pick before linking (an Enable Banking ASPSP).
 *
 * @param name the bank's name, as the provider wants it back when linking
 * @param country the bank's ISO 3166 alpha-2 country code
 * @param bic the bank's BIC, if known
 * @param logo the address of the bank's logo, if any
 * @param maximumConsentValidity the longest consent the bank grants
 */
public record ProviderBank(String name, String country, @Nullable String bic, @Nullable String logo,
        Duration maximumConsentValidity) {
}
