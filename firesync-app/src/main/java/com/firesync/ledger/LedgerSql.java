package com.firesync.ledger;

/**
 * The ledger's upserts: standard {@code MERGE}, which PostgreSQL 15+ and H2 both run. {@code WHEN MATCHED AND}
 * compares every stored column with {@code IS DISTINCT FROM}, so an unchanged row is not rewritten, and refuses data
 * older than what is stored (the provider's {@code last_update}), so a late webhook never undoes a newer sync. A
 * foreign amount is compared at the column's scale: one sent with more decimals than stored would otherwise look
 * changed on every write.
 */
final class LedgerSql {

    static final String MERGE_ACCOUNT = """
            MERGE INTO accounts a
            USING (SELECT CAST(:connection AS BIGINT) AS connection_id,
                          CAST(:ref AS VARCHAR(64)) AS provider_account_id) s
            ON a.connection_id = s.connection_id AND a.provider_account_id = s.provider_account_id
            WHEN MATCHED AND (a.provider_last_update IS NULL OR CAST(:lastUpdate AS TIMESTAMP) IS NULL
                    OR a.provider_last_update <= CAST(:lastUpdate AS TIMESTAMP))
                AND (a.name IS DISTINCT FROM :name OR a.original_name IS DISTINCT FROM :originalName
                    OR a.type IS DISTINCT FROM :type OR a.account_number IS DISTINCT FROM :number
                    OR a.iban IS DISTINCT FROM :iban OR a.currency IS DISTINCT FROM :currency
                    OR a.balance IS DISTINCT FROM :balance OR a.coming IS DISTINCT FROM :coming
                    OR a.disabled_at IS DISTINCT FROM :disabled OR a.deleted_at IS DISTINCT FROM :deleted
                    OR a.provider_last_update IS DISTINCT FROM :lastUpdate) THEN
                UPDATE SET name = :name, original_name = :originalName, type = :type, account_number = :number,
                           iban = :iban, currency = :currency, balance = :balance, coming = :coming,
                           disabled_at = :disabled, deleted_at = :deleted, provider_last_update = :lastUpdate,
                           updated_at = :now
            WHEN NOT MATCHED THEN
                INSERT (connection_id, user_id, provider_account_id, name, original_name, type, account_number, iban,
                        currency, balance, coming, disabled_at, deleted_at, provider_last_update, created_at,
                        updated_at)
                VALUES (:connection, :user, :ref, :name, :originalName, :type, :number, :iban, :currency, :balance,
                        :coming, :disabled, :deleted, :lastUpdate, :now, :now)""";

    static final String MERGE_BALANCE = """
            MERGE INTO balance_snapshots b
            USING (SELECT CAST(:account AS BIGINT) AS account_id, CAST(:day AS DATE) AS snapshot_date) s
            ON b.account_id = s.account_id AND b.snapshot_date = s.snapshot_date
            WHEN MATCHED AND (b.balance IS DISTINCT FROM :balance OR b.currency IS DISTINCT FROM :currency) THEN
                UPDATE SET balance = :balance, currency = :currency, captured_at = :now
            WHEN NOT MATCHED THEN
                INSERT (account_id, snapshot_date, balance, currency, captured_at)
                VALUES (:account, :day, :balance, :currency, :now)""";

    static final String MERGE_TRANSACTION = """
            MERGE INTO transactions t
            USING (SELECT CAST(:account AS BIGINT) AS account_id,
                          CAST(:ref AS VARCHAR(64)) AS provider_transaction_id) s
            ON t.account_id = s.account_id AND t.provider_transaction_id = s.provider_transaction_id
            WHEN MATCHED AND (t.provider_last_update IS NULL OR CAST(:lastUpdate AS TIMESTAMP) IS NULL
                    OR t.provider_last_update <= CAST(:lastUpdate AS TIMESTAMP))
                AND (t.booked_date IS DISTINCT FROM :date OR t.value_date IS DISTINCT FROM :valueDate
                    OR t.operation_date IS DISTINCT FROM :operationDate OR t.amount IS DISTINCT FROM :amount
                    OR t.currency IS DISTINCT FROM :currency OR t.original_wording IS DISTINCT FROM :originalWording
                    OR t.simplified_wording IS DISTINCT FROM :simplifiedWording
                    OR t.wording IS DISTINCT FROM :wording OR t.type IS DISTINCT FROM :type
                    OR t.pending IS DISTINCT FROM :pending OR t.deleted_at IS DISTINCT FROM :deleted
                    OR t.provider_last_update IS DISTINCT FROM :lastUpdate
                    OR t.original_amount IS DISTINCT FROM CAST(:originalAmount AS NUMERIC(19, 4))
                    OR t.original_currency IS DISTINCT FROM :originalCurrency
                    OR t.category_id IS DISTINCT FROM CAST(:category AS BIGINT)
                    OR t.counterparty_iban IS DISTINCT FROM :counterpartyIban) THEN
                UPDATE SET booked_date = :date, value_date = :valueDate, operation_date = :operationDate,
                           amount = :amount, currency = :currency, original_wording = :originalWording,
                           simplified_wording = :simplifiedWording, wording = :wording, type = :type,
                           pending = :pending, deleted_at = :deleted, provider_last_update = :lastUpdate,
                           original_amount = :originalAmount, original_currency = :originalCurrency,
                           category_id = :category, counterparty_iban = :counterpartyIban, updated_at = :now,
                           change_version = :version
            WHEN NOT MATCHED THEN
                INSERT (account_id, user_id, provider_transaction_id, booked_date, value_date, operation_date, amount,
                        currency, original_wording, simplified_wording, wording, type, pending, deleted_at,
                        provider_last_update, original_amount, original_currency, category_id, counterparty_iban,
                        created_at, updated_at, change_version, created_version)
                VALUES (:account, :user, :ref, :date, :valueDate, :operationDate, :amount, :currency,
                        :originalWording, :simplifiedWording, :wording, :type, :pending, :deleted, :lastUpdate,
                        :originalAmount, :originalCurrency, :category, :counterpartyIban, :now, :now, :version,
                        :version)""";

    private LedgerSql() {
    }
}
