-- The request budget of each provider, shared by every FireSync instance on PostgreSQL: one row per provider holding
-- Bucket4j's token-bucket state, locked (SELECT ... FOR UPDATE) only while an instance takes a small batch of
-- permits. On the embedded H2 (one instance) the budget stays in memory and the table stays empty. Owned by the
-- provider module (provider.resilience.ClusterBudgets).
CREATE TABLE provider_budgets (
    provider VARCHAR(64) PRIMARY KEY,
    state    BYTEA
);
