package com.firesync.sandbox.json;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Powens' {@code Loan} details of a loan account; {@code rate} is a yearly percentage.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LoanJson(BigDecimal totalAmount, BigDecimal availableAmount, BigDecimal usedAmount,
        String subscriptionDate, String maturityDate, @Nullable BigDecimal nextPaymentAmount,
        @Nullable String nextPaymentDate, double rate, int nbPaymentsLeft, int nbPaymentsDone, int nbPaymentsTotal,
        @Nullable BigDecimal lastPaymentAmount, @Nullable String lastPaymentDate, String accountLabel,
        @Nullable String insuranceLabel, int duration, String type) {
}
