-- The FireSync instances that may hold connection claims, each beating while it runs. A claim whose instance stopped
-- beating (killed, frozen) is taken over without waiting for its lease; an instance that stops gracefully releases its
-- claims and deletes its row. Owned by the connection module (ClaimantRegistry).
CREATE TABLE claimants (
    id           VARCHAR(64)              PRIMARY KEY,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL
);
