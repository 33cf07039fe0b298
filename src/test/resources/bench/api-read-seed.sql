-- api_read benchmark data: 1,000,000 transactions for one existing user, over 5 accounts in 2 connections, about 365 a
-- day for 7.5 years, 1 in 100 soft-deleted, the newest few hundred pending. Run with psql on PostgreSQL:
--   psql -h 127.0.0.1 -U postgres -d bench_read -v user_id=2 -v ON_ERROR_STOP=1 -f api-read-seed.sql
-- (create the user and its token first with POST /api/admin/users).
INSERT INTO provider_users (user_id, provider, provider_user_id, created_at)
VALUES (:user_id, 'powens', 'bench-' || :user_id, now());
INSERT INTO connections (user_id, provider_user_id, provider, provider_connection_id, bank_name, state, created_at,
                         updated_at)
SELECT :user_id, (SELECT id FROM provider_users WHERE user_id = :user_id), 'powens', 'bench-' || :user_id || '-' || g,
       'Bank ' || g, 'ACTIVE', now(), now()
FROM generate_series(1, 2) g;
INSERT INTO accounts (connection_id, user_id, provider_account_id, name, currency, balance, created_at, updated_at)
SELECT (SELECT min(id) FROM connections WHERE user_id = :user_id) + (g % 2), :user_id, 'ba-' || g, 'Account ' || g,
       'EUR', 1000, now(), now()
FROM generate_series(1, 5) g;
INSERT INTO transactions (account_id, user_id, provider_transaction_id, booked_date, value_date, amount, currency,
                          original_wording, simplified_wording, wording, type, pending, deleted_at, created_at,
                          updated_at)
SELECT (SELECT min(id) FROM accounts WHERE user_id = :user_id) + (g % 5), :user_id, 'tx-' || g,
       CURRENT_DATE - ((1000000 - g) / 365)::int, CURRENT_DATE - ((1000000 - g) / 365)::int,
       round((random() * 200 - 100)::numeric, 2), 'EUR', 'CARD PAYMENT SHOP ' || (g % 1000) || ' PARIS',
       'Shop ' || (g % 1000), NULL, 'card', g > 999000 AND g % 3 = 0, CASE WHEN g % 100 = 7 THEN now() END, now(), now()
FROM generate_series(1, 1000000) g;
ANALYZE;
