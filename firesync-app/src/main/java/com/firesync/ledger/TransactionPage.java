package com.firesync.ledger;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of transactions and where the next one starts ({@code null} on the last page).
 */
public record TransactionPage(List<TransactionView> transactions, @Nullable TransactionCursor next) {
}
