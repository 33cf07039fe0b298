package com.firesync.sandbox.json;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A Powens bank account; {@code loan} only on a loan account.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AccountJson(long id, long idConnection, long idUser, long idSource, @Nullable Long idParent,
        String number, String iban, String bic, String name, String originalName, BigDecimal balance,
        BigDecimal coming, Currency currency, String type, long idType, String usage, boolean display,
        boolean bookmarked, String lastUpdate, @Nullable String deleted, @Nullable String disabled,
        @Nullable String error, String openingDate, @Nullable LoanJson loan) {
}
