package com.firesync.ledger;

import com.firesync.provider.ProviderTransaction;
import com.firesync.shared.Text;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One column of the PostgreSQL batch insert. Every column crosses JDBC as a text array (one round trip whatever the
 * types) and is cast to its type in the statement.
 *
 * @param name the {@code transactions} column, also the statement's parameter name
 * @param sqlType the column's SQL type; the parameter is cast to an array of it
 * @param value how a transaction's value is written as text, given the account's currency as the provider sent it
 */
record TransactionColumn(String name, String sqlType, Value value) {

    /** A transaction's value in this column, as PostgreSQL reads it back from text; null for SQL {@code NULL}. */
    @FunctionalInterface
    interface Value {
        @Nullable
        String of(ProviderTransaction transaction, @Nullable String accountCurrency);
    }

    /** Every column the insert sets from the provider's data, in the order of the statement's arrays. */
    static final List<TransactionColumn> ALL = List.of(
            column("provider_transaction_id", "VARCHAR", ProviderTransaction::id),
            column("booked_date", "DATE", t -> t.date().toString()),
            column("value_date", "DATE", t -> text(t.valueDate())),
            column("operation_date", "DATE", t -> text(t.realizationDate())),
            column("amount", "NUMERIC", t -> t.amount().toPlainString()),
            new TransactionColumn("currency", "VARCHAR", Currencies::of),
            column("original_wording", "VARCHAR", t -> Text.clip(t.originalWording(), 1000)),
            column("simplified_wording", "VARCHAR", t -> Text.clip(t.simplifiedWording(), 1000)),
            column("wording", "VARCHAR", t -> Text.clip(t.wording(), 1000)),
            column("type", "VARCHAR", t -> Text.clip(t.type(), 64)),
            column("pending", "BOOLEAN", t -> Boolean.toString(t.pending())),
            column("deleted_at", "TIMESTAMP WITH TIME ZONE", t -> t.deleted() == null ? null : micros(t.deleted())),
            column("provider_last_update", "TIMESTAMP",
                    t -> t.providerLastUpdate() == null ? null : micros(t.providerLastUpdate())),
            column("original_amount", "NUMERIC",
                    t -> t.originalAmount() == null ? null : t.originalAmount().toPlainString()),
            column("original_currency", "VARCHAR", t -> Currencies.original(t.originalCurrency())),
            column("category_id", "BIGINT", t -> text(t.categoryId())),
            column("counterparty_iban", "VARCHAR", t -> Text.clip(t.counterpartyIban(), 64)));

    private static TransactionColumn column(String name, String sqlType,
            Function<ProviderTransaction, @Nullable String> value) {
        return new TransactionColumn(name, sqlType, (transaction, accountCurrency) -> value.apply(transaction));
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }

    /**
     * A timestamp rounded to microseconds as PgJDBC rounds a bound parameter, so that text sent in an array stores
     * the same value as the {@code MERGE}'s parameters compare with.
     */
    private static String micros(Instant instant) {
        return instant.plusNanos(toNearestMicro(instant.getNano())).toString();
    }

    private static String micros(LocalDateTime time) {
        return time.plusNanos(toNearestMicro(time.getNano())).toString();
    }

    /** The nanoseconds to add to reach the nearest microsecond, halves rounded up. */
    private static int toNearestMicro(int nano) {
        int below = nano % 1000;
        return below > 499 ? 1000 - below : -below;
    }
}
