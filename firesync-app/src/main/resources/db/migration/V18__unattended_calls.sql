-- The calls FireSync made without the user (PSD2 unattended access) to providers that limit them per account and per
-- day of the provider's calendar (Enable Banking: 4 per account, per day and per kind of call), counted by every
-- instance in one row per account, day and kind. A call is taken (counted) before it is sent, by an update that only
-- passes under the limit, so that two instances cannot both take the last one. Owned by the provider module
-- (provider.UnattendedCalls).
CREATE TABLE unattended_calls (
    provider    VARCHAR(64)  NOT NULL,
    account     VARCHAR(255) NOT NULL,
    call_day    DATE         NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    connection_ref VARCHAR(255) NOT NULL,
    calls       INTEGER      NOT NULL,
    PRIMARY KEY (provider, account, call_day, kind)
);

CREATE INDEX unattended_calls_connection ON unattended_calls (provider, connection_ref, call_day);
